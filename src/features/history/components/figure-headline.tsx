import type { Locale } from '@/contract/common';
import type { Metric } from '@/contract/metrics';
import { DerivedBadge, SampleBadge } from '@/components/ui/badge';
import { formatPeriod } from '@/lib/format';
import { useHistoryT } from '@/lib/history-catalogue';
import { revisionValueText } from '@/lib/revision-value';

/** The figure's current value, large, as the wall screen shows it. */
export function FigureHeadline({ metric, locale }: { metric: Metric; locale: Locale }) {
  const t = useHistoryT();
  return (
    <div className="figure-headline">
      <p className="figure-headline__label">
        {metric.asOf
          ? t('history.currentAsOf', { date: formatPeriod(metric.asOf, locale) })
          : t('history.current')}
      </p>
      <p className="figure-headline__value">{revisionValueText(metric, metric, locale, t)}</p>
      {metric.sample || metric.derived ? (
        <div className="badges">
          {metric.sample ? <SampleBadge /> : null}
          {metric.derived ? <DerivedBadge /> : null}
        </div>
      ) : null}
    </div>
  );
}
