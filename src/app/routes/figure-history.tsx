import { usePrefetchQuery } from '@tanstack/react-query';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { LangLink } from '@/components/ui/lang-link';
import { PageHeader } from '@/components/ui/page-header';
import { Pager, pageParam } from '@/components/ui/pager';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import type { Metric } from '@/contract/metrics';
import {
  CHART_REVISIONS,
  metricHistoryQueryOptions,
  useMetricHistory,
} from '@/features/history/api/get-metric-history';
import { FigureHeadline } from '@/features/history/components/figure-headline';
import { HistoryChart } from '@/features/history/components/history-chart';
import { RevisionList } from '@/features/history/components/revision-list';
import { revisionWords } from '@/features/history/lib/revision-words';
import { sourceName } from '@/features/history/lib/stated-by';
import { metricsQueryOptions, useMetrics } from '@/features/kpis/api/get-metrics';
import { regionQueryOptions, useRegion } from '@/features/region/api/get-region';
import { sourcesQueryOptions, useSources } from '@/features/sources/api/get-sources';
import { ApiError } from '@/lib/api-client';
import { localize } from '@/lib/format';
import { useHistoryT } from '@/lib/history-catalogue';
import { useLocale } from '@/lib/use-locale';
import { NotFound } from './not-found';
import '@/styles/history.css';

function Revisions({ metric }: { metric: Metric }) {
  const t = useHistoryT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const page = pageParam(params.get('page'));
  const { data: history } = useMetricHistory(metric.id, page);
  const { data: sources } = useSources();
  const { data: region } = useRegion();
  const districtName = (id: string) => {
    const district = region.districts.find((d) => d.id === id);
    return district ? localize(district.name, locale) : id;
  };
  const hrefFor = (next: number) => {
    const search = new URLSearchParams(params);
    search.set('page', String(next));
    return `${pathname}?${search.toString()}`;
  };
  return (
    <>
      <RevisionList
        history={history}
        locale={locale}
        wordsFor={(revision, all) =>
          revisionWords(revision, all, { metric, sources, locale, t, districtName })
        }
      />
      <Pager
        page={history.page}
        pageSize={history.pageSize}
        total={history.total}
        hrefFor={hrefFor}
        label={t('pager.label')}
        previous={t('pager.previous')}
        next={t('pager.next')}
        status={(current, pages) => t('pager.status', { page: current, pages })}
      />
    </>
  );
}

function Chart({ metric }: { metric: Metric }) {
  const locale = useLocale();
  const { data: sources } = useSources();
  return (
    <HistoryChart
      metric={metric}
      locale={locale}
      sourceLabel={sourceName(metric.sourceId, sources, locale)}
    />
  );
}

function FigureHistory({ id }: { id: string }) {
  const t = useHistoryT();
  const locale = useLocale();
  const { data: metrics } = useMetrics();
  const metric = metrics.find((m) => m.id === id);
  if (!metric) return <NotFound message={t('history.unknownFigure', { id })} />;
  return (
    <>
      <p className="eyebrow">{t('history.eyebrow')}</p>
      <PageHeader
        title={localize(metric.label, locale)}
        lead={localize(metric.description, locale)}
      >
        <FigureHeadline metric={metric} locale={locale} />
      </PageHeader>
      <section aria-labelledby="history-chart" className="section">
        <h2 id="history-chart">{t('history.chartSection')}</h2>
        <PanelBoundary placeholder={<Skeleton height="20rem" />}>
          <Chart metric={metric} />
        </PanelBoundary>
      </section>
      <section aria-labelledby="history-revisions" className="section">
        <h2 id="history-revisions">{t('history.revisionsTitle')}</h2>
        <p className="section__lead">{t('history.lead')}</p>
        <PanelBoundary placeholder={<Skeleton height="16rem" count={2} />}>
          <Revisions metric={metric} />
        </PanelBoundary>
      </section>
    </>
  );
}

/** /figures/:id — one figure's every published value, with its chart over time. */
export default function FigureHistoryRoute() {
  const t = useHistoryT();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  // Everything the page shows is asked for at once, here, rather than one answer after another
  // as each part below suspends in turn (three round trips on a phone's network).
  usePrefetchQuery(metricsQueryOptions());
  usePrefetchQuery(sourcesQueryOptions());
  usePrefetchQuery(regionQueryOptions());
  usePrefetchQuery(metricHistoryQueryOptions(id, 1, CHART_REVISIONS));
  usePrefetchQuery(metricHistoryQueryOptions(id, pageParam(params.get('page'))));
  return (
    <>
      <p className="breadcrumb">
        <LangLink to={`/#${id}`}>← {t('history.back')}</LangLink> ·{' '}
        <LangLink to="/changes">{t('history.changesLink')}</LangLink>
      </p>
      <PanelBoundary
        placeholder={<Skeleton height="30rem" />}
        renderError={(error, retry) =>
          error instanceof ApiError && error.kind === 'not-found' ? (
            <NotFound message={t('history.unknownFigure', { id })} />
          ) : (
            <>
              <PageHeader title={t('history.eyebrow')} />
              <ErrorPanel error={error} onRetry={retry} />
            </>
          )
        }
      >
        <FigureHistory id={id} />
      </PanelBoundary>
    </>
  );
}
