import { useTranslation } from '@/lib/i18n-react';
import { PageHeader } from '@/components/ui/page-header';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { useMetrics } from '@/features/kpis/api/get-metrics';
import { figureText } from '@/features/kpis/lib/figure-text';
import { useSources } from '@/features/sources/api/get-sources';
import { SourceDetails } from '@/features/sources/components/source-details';
import { useLocale } from '@/lib/use-locale';

function SourceList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: sources } = useSources();
  const { data: metrics } = useMetrics();
  if (sources.length === 0) return <p className="empty">{t('sources.empty')}</p>;
  return (
    <>
      {sources.map((source) => {
        const figuresBy: Record<string, string[]> = {};
        for (const metric of metrics.filter((m) => m.sourceId === source.id)) {
          (figuresBy[metric.reporterId] ??= []).push(figureText(metric, locale, t));
        }
        return (
          <SourceDetails key={source.id} source={source} locale={locale} figuresBy={figuresBy} />
        );
      })}
    </>
  );
}

export default function SourcesRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('sources.title')} lead={t('sources.lead')} />
      <PanelBoundary placeholder={<Skeleton height="40rem" />}>
        <SourceList />
      </PanelBoundary>
    </>
  );
}
