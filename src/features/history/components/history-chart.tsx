import type { Locale } from '@/contract/common';
import type { Metric } from '@/contract/metrics';
import { ChartPanel } from '@/components/charts/chart-panel';
import { useChartViews } from '@/components/charts/use-chart-views';
import { useHistoryT } from '@/lib/history-catalogue';
import { CHART_REVISIONS, useMetricHistory } from '../api/get-metric-history';
import { historyChart, historyPoints } from '../lib/history-series';

/** The figure over time, with its table view and its sample points flagged. */
export function HistoryChart({
  metric,
  locale,
  sourceLabel,
}: {
  metric: Metric;
  locale: Locale;
  sourceLabel: string;
}) {
  const t = useHistoryT();
  const { data } = useMetricHistory(metric.id, 1, CHART_REVISIONS);
  const { viewOf, setView } = useChartViews();
  const spec = historyChart(metric, historyPoints(data.revisions, metric.series), t, locale);
  if (spec === null) return <p className="empty">{t('history.noChart')}</p>;
  return (
    <ChartPanel
      spec={spec}
      locale={locale}
      view={viewOf(spec.id)}
      onViewChange={(view) => setView(spec.id, view)}
      sourceLabel={sourceLabel}
      sourceHref={`/sources#${metric.sourceId}`}
    />
  );
}
