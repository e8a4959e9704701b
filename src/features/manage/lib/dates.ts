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
    // Numeric: some browsers (Debian's Chromium) have no Kazakh month names and would print
    // "2026 M12 2"; digits read the same in every language.
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(utc ? { timeZone: 'UTC' } : {}),
  }).format(date);
  return utc ? `${text} UTC` : text;
}

/**
 * A figure's period: a year as it is, a date in digits (as formatMoment, for the same reason:
 * some browsers have no Kazakh month names).
 */
export function formatPeriodDigits(period: string, locale: Locale): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period)) return period;
  const date = new Date(`${period}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).format(date);
}
