import { useTranslation } from '@/lib/i18n-react';
import type { Initiative } from '@/contract/initiatives';
import type { Metric } from '@/contract/metrics';
import { ChartPanel } from '@/components/charts/chart-panel';
import { useChartViews } from '@/components/charts/use-chart-views';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { chartsForAll } from '@/features/kpis/lib/chart-specs';
import { useRegion } from '@/features/region/api/get-region';
import { useSources } from '@/features/sources/api/get-sources';
import { citationOf, sourceHref } from '@/features/sources/lib/citation';
import { useLocale } from '@/lib/use-locale';

/** Every chart the given programmes' figures call for, each in its own error boundary. */
export function ChartList({
  initiatives,
  metrics,
}: {
  initiatives: Initiative[];
  metrics: Metric[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: region } = useRegion();
  const { data: sources } = useSources();
  const { viewOf, setView } = useChartViews();
  const charts = chartsForAll(initiatives, metrics, { t, locale, region });
  if (charts.length === 0) return <p className="empty">{t('chart.empty')}</p>;
  return (
    <div className="chart-grid">
      {charts.map((spec) => {
        const source = sources.find((s) => s.id === spec.sourceId);
        return (
          <PanelBoundary key={spec.id} placeholder={<Skeleton height="20rem" />}>
            <ChartPanel
              spec={spec}
              locale={locale}
              view={viewOf(spec.id)}
              onViewChange={(view) => setView(spec.id, view)}
              sourceLabel={source ? citationOf(source, locale) : spec.sourceId}
              sourceHref={sourceHref(spec.sourceId)}
            />
          </PanelBoundary>
        );
      })}
    </div>
  );
}
