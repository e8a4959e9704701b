import { lazy, Suspense } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import type { Locale } from '@/contract/common';
import { formatNumber } from '@/lib/format';
import { useInView } from '@/lib/use-in-view';
import { useReducedMotion } from '@/lib/use-reduced-motion';
import { DerivedBadge, SampleBadge } from '@/components/ui/badge';
import { LangLink } from '@/components/ui/lang-link';
import {
  chartAnchor,
  chartHasDerived,
  chartHasSample,
  chartHeightRem,
  type ChartSpec,
} from './chart-types';
import { ChartActions } from './chart-actions';
import { DataTable } from './data-table';

// Recharts is the heaviest dependency: it loads after the figures have painted.
const BarChart = lazy(() => import('./bar-chart').then((m) => ({ default: m.BarChart })));
const LineChart = lazy(() => import('./line-chart').then((m) => ({ default: m.LineChart })));

export type ChartView = 'chart' | 'table';

interface Props {
  spec: ChartSpec;
  locale: Locale;
  /** Slides and kiosks show the chart alone: no table toggle or download, and no link out. */
  variant?: 'panel' | 'slide';
  view?: ChartView;
  onViewChange?: (view: ChartView) => void;
  sourceLabel: string;
  /** Null where nothing may link away (kiosk, slides). */
  sourceHref: string | null;
}

/**
 * A chart with everything that makes it honest and accessible: a heading, a sentence stating
 * its numbers, a table view, a CSV download, its source, and badges for sample or derived data.
 */
export function ChartPanel({
  spec,
  locale,
  variant = 'panel',
  view = 'chart',
  onViewChange,
  sourceLabel,
  sourceHref,
}: Props) {
  const { t } = useTranslation();
  const animate = !useReducedMotion();
  const { ref, inView } = useInView<HTMLDivElement>();
  const formatValue = (value: number) => formatNumber(value, locale);
  const headingId = `chart-${spec.id}-title`;
  const summaryId = `chart-${spec.id}-summary`;
  const sample = chartHasSample(spec);
  const derived = chartHasDerived(spec);

  return (
    <section
      className={`card chart-panel chart-panel--${variant}`}
      aria-labelledby={headingId}
      id={variant === 'panel' ? chartAnchor(spec.id) : undefined}
    >
      <div className="chart-panel__head">
        <h3 id={headingId}>{spec.title}</h3>
        <div className="badges">
          {sample ? <SampleBadge /> : null}
          {derived ? <DerivedBadge /> : null}
        </div>
      </div>
      <p id={summaryId} className="chart-panel__summary">
        {spec.summary}
      </p>
      {variant === 'panel' ? (
        <div className="chart-panel__toolbar">
          <div
            className="segmented"
            role="group"
            aria-label={t('chart.view.label', { title: spec.title })}
          >
            {(['chart', 'table'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className="segmented__option"
                aria-pressed={view === option}
                onClick={() => onViewChange?.(option)}
              >
                {t(`chart.view.${option}`)}
              </button>
            ))}
          </div>
          <ChartActions spec={spec} locale={locale} sourceLabel={sourceLabel} />
        </div>
      ) : null}
      {view === 'table' ? (
        <DataTable spec={spec} formatValue={formatValue} />
      ) : (
        <div
          ref={ref}
          className="chart-panel__chart"
          role="img"
          aria-labelledby={summaryId}
          style={
            variant === 'panel'
              ? { minHeight: `${chartHeightRem(spec.kind, spec.rows.length)}rem` }
              : undefined
          }
        >
          {inView ? (
            <Suspense fallback={<div className="chart-placeholder" />}>
              {spec.kind === 'line' ? (
                <LineChart
                  rows={spec.rows}
                  valueHeader={spec.valueHeader}
                  formatValue={formatValue}
                  animate={animate}
                  fill={variant === 'slide'}
                />
              ) : (
                <BarChart
                  id={spec.id}
                  rows={spec.rows}
                  valueHeader={spec.valueHeader}
                  formatValue={formatValue}
                  animate={animate}
                  fill={variant === 'slide'}
                />
              )}
            </Suspense>
          ) : null}
        </div>
      )}
      {sample ? <p className="note note--sample">{t('chart.sampleNote')}</p> : null}
      {derived ? <p className="note">{t('chart.derivedNote')}</p> : null}
      <p className="chart-panel__source">
        {t('kpi.source')}:{' '}
        {sourceHref ? <LangLink to={sourceHref}>{sourceLabel}</LangLink> : sourceLabel}
      </p>
    </section>
  );
}
