import { lazy, useEffect } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import { LangLink } from '@/components/ui/lang-link';
import { PageHeader } from '@/components/ui/page-header';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { useInitiatives } from '@/features/initiatives/api/get-initiatives';
import { useMetrics } from '@/features/kpis/api/get-metrics';
import { useNarrowScreen } from '@/lib/use-narrow-screen';
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

/**
 * On a phone every chart drawn here made the overview 26 screens long, and the cards carry every
 * number: the charts are one tap away on the programmes' pages (and each figure's over time on
 * its history page), so the overview stays a page of figures.
 */
function ChartsElsewhere() {
  const { t } = useTranslation();
  return (
    <p>
      {t('overview.chartsElsewhere')} <LangLink to="/initiatives">{t('nav.initiatives')}</LangLink>
    </p>
  );
}

export default function OverviewRoute() {
  const { t } = useTranslation();
  const narrow = useNarrowScreen();
  useEffect(() => {
    // A phone shows no charts here (ChartsElsewhere), so it fetches none of their code.
    if (!narrow) void loadChartList();
  }, [narrow]);
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
        {narrow ? (
          <ChartsElsewhere />
        ) : (
          <PanelBoundary placeholder={<Skeleton height="20rem" count={2} />}>
            <OverviewCharts />
          </PanelBoundary>
        )}
      </section>
    </>
  );
}
