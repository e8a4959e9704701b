import type { TFunction } from '@/lib/translator';
import type { Locale } from '@/contract/common';
import type { Metric } from '@/contract/metrics';
import type { PublicRevision } from '@/contract/revisions';
import { formatChange, formatNumber, localize } from './format';

/**
 * A published value in words: "141 of 173", "−46%", "15 receptions", or the status text. The
 * figure (when known) says how to read the number; without it the number stands alone.
 * `t` speaks the `history` namespace.
 */
export function revisionValueText(
  revision: Pick<PublicRevision, 'value' | 'total' | 'statusText'>,
  metric: Pick<Metric, 'kind' | 'unit'> | undefined,
  locale: Locale,
  t: TFunction,
): string {
  if (revision.statusText) return localize(revision.statusText, locale);
  if (revision.value === null) return '';
  if (metric?.kind === 'change') return formatChange(revision.value, locale);
  const value = formatNumber(revision.value, locale);
  if (revision.total !== null) {
    return t('history.ofTotal', { value, total: formatNumber(revision.total, locale) });
  }
  return metric?.unit ? `${value} ${localize(metric.unit, locale)}` : value;
}
