import { lazy, Suspense, useState } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import type { Locale } from '@/contract/common';
import { downloadText, toCsv } from '@/lib/csv';
import { formatNumber } from '@/lib/format';
import type { ChartSpec } from './chart-types';
import { rowNote } from './data-table';
import { chartLink, pictureTexts } from './svg/picture-texts';

// Both load on first use: the overview's first paint pays for neither.
const EmbedSnippet = lazy(() =>
  import('./embed-snippet').then((m) => ({ default: m.EmbedSnippet })),
);
const loadImages = () => import('./chart-image');

interface Props {
  spec: ChartSpec;
  locale: Locale;
  sourceLabel: string;
}

/** Downloads (CSV, SVG, PNG) and the embed code of one chart. */
export function ChartActions({ spec, locale, sourceLabel }: Props) {
  const { t } = useTranslation();
  const [embedOpen, setEmbedOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const embedId = `chart-${spec.id}-embed`;

  const downloadCsv = () => {
    const csv = toCsv(
      [spec.categoryHeader, spec.valueHeader, t('chart.table.note')],
      spec.rows.map((row) => [row.label, row.value, rowNote(row, t)]),
    );
    downloadText(`ashyq-${spec.id}-${locale}.csv`, csv);
  };

  const downloadImage = (format: 'svg' | 'png') => {
    setFailed(false);
    const texts = pictureTexts(
      spec,
      t,
      sourceLabel,
      chartLink(window.location.origin, spec, locale),
    );
    loadImages()
      .then((m) =>
        m.downloadChartImage(format, spec, locale, texts, (v) => formatNumber(v, locale)),
      )
      .catch(() => setFailed(true));
  };

  const hidden = <span className="visually-hidden">: {spec.title}</span>;
  return (
    <>
      <div className="chart-actions">
        <button type="button" className="button button--quiet" onClick={downloadCsv}>
          {t('chart.download')}
          {hidden}
        </button>
        <button type="button" className="button button--quiet" onClick={() => downloadImage('svg')}>
          {t('chart.image.svg')}
          {hidden}
        </button>
        <button type="button" className="button button--quiet" onClick={() => downloadImage('png')}>
          {t('chart.image.png')}
          {hidden}
        </button>
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={embedOpen}
          aria-controls={embedId}
          onClick={() => setEmbedOpen((open) => !open)}
        >
          {t('chart.embed.button')}
          {hidden}
        </button>
      </div>
      {failed ? (
        <p className="note" role="alert">
          {t('chart.image.failed')}
        </p>
      ) : null}
      {embedOpen ? (
        <Suspense fallback={null}>
          <EmbedSnippet id={embedId} spec={spec} locale={locale} />
        </Suspense>
      ) : null}
    </>
  );
}
