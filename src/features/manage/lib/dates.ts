import type { Locale } from '@/contract/common';
import { intlLocale } from '@/lib/format';

/**
 * A moment as the person reads it: date and time in the browser's zone, or in UTC for the audit
 * log (which records UTC, so the entries of two admins in two zones read the same).
 */
export function formatMoment(iso: string, locale: Locale, { utc = false } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(utc ? { timeZone: 'UTC' } : {}),
  }).format(date);
  return utc ? `${text} UTC` : text;
}
