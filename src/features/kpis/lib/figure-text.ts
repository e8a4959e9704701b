import type { TFunction } from '@/lib/translator';
import type { Locale } from '@/contract/common';
import type { Metric } from '@/contract/metrics';
import { formatChange, formatNumber, localize } from '@/lib/format';

/** A figure as one line of text: "Public receptions: 15 receptions", "… 141 of 173". */
export function figureText(metric: Metric, locale: Locale, t: TFunction): string {
  const label = localize(metric.label, locale);
  let value = '';
  if (metric.kind === 'status' && metric.statusText) value = localize(metric.statusText, locale);
  else if (metric.kind === 'change' && metric.value !== null)
    value = formatChange(metric.value, locale);
  else if (metric.kind === 'ratio' && metric.value !== null && metric.total !== null)
    value = t('kpi.ofTotal', {
      value: formatNumber(metric.value, locale),
      total: formatNumber(metric.total, locale),
    });
  else if (metric.value !== null)
    value = `${formatNumber(metric.value, locale)}${metric.unit ? ` ${localize(metric.unit, locale)}` : ''}`;
  return `${label}: ${value}`;
}
