import { usePrefetchQuery } from '@tanstack/react-query';
import { useTranslation } from '@/lib/i18n-react';
import { useParams, useSearchParams } from 'react-router';
import { LangLink } from '@/components/ui/lang-link';
import { PageHeader } from '@/components/ui/page-header';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { panelId, tabId, Tabs } from '@/components/ui/tabs';
import { ErrorPanel } from '@/components/ui/error-panel';
import { initiativeQueryOptions, useInitiative } from '@/features/initiatives/api/get-initiative';
import { sourcesQueryOptions, useSources } from '@/features/sources/api/get-sources';
import { SourceDetails } from '@/features/sources/components/source-details';
import { ApiError } from '@/lib/api-client';
import { localize } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { ChartList } from '../widgets/chart-list';
import { MetricCards } from '../widgets/metric-cards';
import { NotFound } from './not-found';

const tabIds = ['figures', 'charts', 'source'] as const;
type TabId = (typeof tabIds)[number];
const isTab = (value: string | null): value is TabId => tabIds.some((id) => id === value);

function InitiativeSource({ sourceId }: { sourceId: string }) {
  const locale = useLocale();
  const { data: sources } = useSources();
  const source = sources.find((s) => s.id === sourceId);
  return source ? <SourceDetails source={source} locale={locale} figuresBy={{}} /> : null;
}

function InitiativeView({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const { data } = useInitiative(id);
  const { initiative, metrics } = data;
  const tabParam = params.get('tab');
  const tab: TabId = isTab(tabParam) ? tabParam : 'figures';
  const select = (next: TabId) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('tab', next);
        return updated;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <>
      <PageHeader
        title={localize(initiative.name, locale)}
        lead={localize(initiative.summary, locale)}
      >
        <p className="page-header__body">{localize(initiative.description, locale)}</p>
      </PageHeader>
      <Tabs
        label={t('initiative.tabsLabel')}
        idPrefix="initiative"
        tabs={tabIds.map((tabKey) => ({ id: tabKey, label: t(`initiative.tabs.${tabKey}`) }))}
        selected={tab}
        onSelect={select}
      />
      <div
        className="tab-panel"
        role="tabpanel"
        id={panelId('initiative', tab)}
        aria-labelledby={tabId('initiative', tab)}
        tabIndex={0}
      >
        <PanelBoundary placeholder={<Skeleton height="20rem" />}>
          {tab === 'figures' ? <MetricCards metrics={metrics} headingLevel="h2" /> : null}
          {tab === 'charts' ? <ChartList initiatives={[initiative]} metrics={metrics} /> : null}
          {tab === 'source' ? <InitiativeSource sourceId={initiative.sourceId} /> : null}
        </PanelBoundary>
      </div>
    </>
  );
}

export default function InitiativeRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // The programme and the sources its cards cite, asked for together rather than in turn.
  usePrefetchQuery(initiativeQueryOptions(id));
  usePrefetchQuery(sourcesQueryOptions());
  return (
    <>
      <p className="breadcrumb">
        <LangLink to="/initiatives">← {t('initiative.back')}</LangLink>
      </p>
      <PanelBoundary
        placeholder={<Skeleton height="30rem" />}
        renderError={(error, retry) =>
          error instanceof ApiError && error.kind === 'not-found' ? (
            <NotFound message={t('notFound.initiative', { id })} />
          ) : (
            <>
              <PageHeader title={t('initiative.fallbackTitle')} />
              <ErrorPanel error={error} onRetry={retry} />
            </>
          )
        }
      >
        <InitiativeView id={id} />
      </PanelBoundary>
    </>
  );
}
