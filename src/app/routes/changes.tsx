import { usePrefetchQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { LangLink } from '@/components/ui/lang-link';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { changesQueryOptions, useChanges } from '@/features/changes/api/get-changes';
import { ChangeFilterForm } from '@/features/changes/components/change-filter-form';
import { ChangeItem } from '@/features/changes/components/change-item';
import { ChangeList } from '@/features/changes/components/change-list';
import {
  changeQueryOf,
  changeSearch,
  feedHref,
  parseChangeFilters,
  type ChangeFilters,
} from '@/features/changes/lib/change-filters';
import {
  initiativesQueryOptions,
  useInitiatives,
} from '@/features/initiatives/api/get-initiatives';
import { metricsQueryOptions, useMetrics } from '@/features/kpis/api/get-metrics';
import { sourcesQueryOptions, useSources } from '@/features/sources/api/get-sources';
import { citationOf } from '@/features/sources/lib/citation';
import { localize } from '@/lib/format';
import { useHistoryT } from '@/lib/history-catalogue';
import { revisionValueText } from '@/lib/revision-value';
import '@/styles/history.css';

function Changes({ filters }: { filters: ChangeFilters }) {
  const t = useHistoryT();
  const locale = filters.lang;
  const { data: page } = useChanges(changeQueryOf(filters));
  const { data: metrics } = useMetrics();
  const { data: sources } = useSources();
  return (
    <>
      <ChangeList
        page={page}
        filtered={filters.initiative !== undefined}
        renderItem={(change) => {
          const source = sources.find((s) => s.id === change.revision.sourceId);
          return (
            <ChangeItem
              key={change.id}
              change={change}
              value={revisionValueText(
                change.revision,
                metrics.find((m) => m.id === change.metricId),
                locale,
                t,
              )}
              sourceLabel={source ? citationOf(source, locale) : change.revision.sourceId}
              locale={locale}
            />
          );
        }}
      />
      <Pager
        page={page.page}
        pageSize={page.pageSize}
        total={page.total}
        hrefFor={(next) => `/changes${changeSearch({ ...filters, page: next })}`}
        label={t('pager.label')}
        previous={t('pager.previous')}
        next={t('pager.next')}
        status={(current, pages) => t('pager.status', { page: current, pages })}
      />
    </>
  );
}

function Filters({ filters }: { filters: ChangeFilters }) {
  const [, setParams] = useSearchParams();
  const { data: initiatives } = useInitiatives();
  return (
    <ChangeFilterForm
      // A new URL (back, a link) starts the form over from it.
      key={changeSearch(filters)}
      filters={filters}
      initiatives={initiatives.map((item) => ({
        id: item.id,
        name: localize(item.name, filters.lang),
      }))}
      onApply={(next) => setParams(new URLSearchParams(changeSearch(next)))}
    />
  );
}

/** /changes — the latest publications, corrections and verifications, and their Atom feed. */
export default function ChangesRoute() {
  const t = useHistoryT();
  const [params] = useSearchParams();
  const filters = parseChangeFilters(params);
  // All four answers are asked for at once, not one after another as each list suspends.
  usePrefetchQuery(changesQueryOptions(changeQueryOf(filters)));
  usePrefetchQuery(metricsQueryOptions());
  usePrefetchQuery(sourcesQueryOptions());
  usePrefetchQuery(initiativesQueryOptions());
  return (
    <>
      <PageHeader title={t('changes.title')} lead={t('changes.lead')}>
        <p className="feed-link">
          <a href={feedHref(filters)} type="application/atom+xml">
            {t('changes.feed')}
          </a>
          <br />
          <span className="muted">{t('changes.feedHint')}</span>
        </p>
      </PageHeader>
      <PanelBoundary placeholder={<Skeleton height="5rem" />}>
        <Filters filters={filters} />
      </PanelBoundary>
      <section aria-labelledby="changes-list" className="section">
        <h2 id="changes-list" className="visually-hidden">
          {t('changes.title')}
        </h2>
        <PanelBoundary placeholder={<Skeleton height="8rem" count={4} />}>
          <Changes filters={filters} />
        </PanelBoundary>
      </section>
      <p>
        <LangLink to="/">← {t('history.back')}</LangLink>
      </p>
    </>
  );
}
