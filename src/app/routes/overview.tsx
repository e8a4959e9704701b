import { lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/page-header';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { useInitiatives } from '@/features/initiatives/api/get-initiatives';
import { useMetrics } from '@/features/kpis/api/get-metrics';
import { MetricCards } from '../widgets/metric-cards';

// The charts sit below the figures: their code (panels, tables, downloads) loads once the page is
// up, beside the data, so that it is not part of what a phone evaluates before the figures.
const loadChartList = () => import('../widgets/chart-list');
const ChartList = lazy(() => loadChartList().then((m) => ({ default: m.ChartList })));

function OverviewCards() {
  const { data: metrics } = useMetrics();
  return <MetricCards metrics={metrics} />;
}

function OverviewCharts() {
  const { data: metrics } = useMetrics();
  const { data: initiatives } = useInitiatives();
  return <ChartList initiatives={initiatives} metrics={metrics} />;
}

export default function OverviewRoute() {
  const { t } = useTranslation();
  useEffect(() => {
    void loadChartList();
  }, []);
  return (
    <>
      <PageHeader title={t('overview.title')} lead={t('overview.lead')} />
      <section aria-labelledby="figures-heading" className="section">
        <h2 id="figures-heading">{t('overview.figures')}</h2>
        {/* Eight cards of about 26–40rem in the cards' own grid: the charts below stay put. */}
        <PanelBoundary placeholder={<Skeleton height="30rem" count={8} layout="kpi-grid" />}>
          <OverviewCards />
        </PanelBoundary>
      </section>
      <section aria-labelledby="charts-heading" className="section">
        <h2 id="charts-heading">{t('overview.charts')}</h2>
        <PanelBoundary placeholder={<Skeleton height="20rem" count={2} />}>
          <OverviewCharts />
        </PanelBoundary>
      </section>
    </>
  );
}
