import type { Metric } from '@/contract/metrics';
import { KpiCard } from '@/features/kpis/components/kpi-card';
import { LogMark } from '@/features/transparency/components/log-mark';
import { childMetrics, headlineMetrics } from '@/features/kpis/lib/kpi';
import { useSources } from '@/features/sources/api/get-sources';
import { attributionFor } from '@/features/sources/lib/citation';
import { useLocale } from '@/lib/use-locale';
import { useTranslation } from '@/lib/i18n-react';

/** A card per headline figure; figures that are part of another are shown inside its card. */
export function MetricCards({
  metrics,
  headingLevel,
}: {
  metrics: Metric[];
  headingLevel?: 'h2' | 'h3';
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: sources } = useSources();
  const headlines = headlineMetrics(metrics);
  if (headlines.length === 0) return <p className="empty">{t('kpi.empty')}</p>;
  return (
    <div className="kpi-grid">
      {headlines.map((metric) => (
        <KpiCard
          key={metric.id}
          metric={metric}
          parts={childMetrics(metrics, metric.id)}
          locale={locale}
          attribution={attributionFor(metric, sources, locale)}
          headingLevel={headingLevel}
          logMark={<LogMark metric={metric} linked />}
        />
      ))}
    </div>
  );
}
