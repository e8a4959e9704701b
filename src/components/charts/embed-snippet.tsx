import { useState } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import type { Locale } from '@/contract/common';
import type { ChartSpec } from './chart-types';
import { embedSnippet } from './embed-code';

/** The iframe code to paste, in the reader's language, with a copy button. */
export function EmbedSnippet({
  id,
  spec,
  locale,
}: {
  id: string;
  spec: ChartSpec;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const code = embedSnippet({
    origin: window.location.origin,
    chartId: spec.id,
    locale,
    title: t('embed.frameTitle', { title: spec.title }),
  });
  const textareaId = `${id}-code`;
  const copy = () => {
    navigator.clipboard.writeText(code).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="embed-snippet" id={id}>
      <label htmlFor={textareaId}>{t('chart.embed.label')}</label>
      <textarea
        id={textareaId}
        readOnly
        rows={4}
        value={code}
        onFocus={(e) => e.currentTarget.select()}
      />
      <p className="note">{t('chart.embed.help')}</p>
      <button type="button" className="button button--quiet" onClick={copy}>
        {t('chart.embed.copy')}
      </button>
      <span role="status">{copied ? t('chart.embed.copied') : ''}</span>
    </div>
  );
}
