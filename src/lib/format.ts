import type { Locale, LocalizedText } from '@/contract/common';

/** The Intl locale used to format numbers and dates for each dashboard language. */
export const intlLocale: Record<Locale, string> = {
  kk: 'kk-KZ',
  ru: 'ru-RU',
  en: 'en-GB',
};

/** Picks the text in the given language. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(value);
}

/** A share (0..1) as a percentage with at most one decimal: 0.815 -> "81,5 %" in Russian. */
export function formatShare(share: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

/** A change in percent points with its sign: -46 -> "−46 %". Uses a real minus sign. */
export function formatChange(percent: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  })
    .format(percent / 100)
    .replace('-', '\u2212');
}

/** An ISO date (YYYY-MM-DD) or a year (YYYY), written the way the language writes dates. */
export function formatPeriod(period: string, locale: Locale): string {
  if (/^\d{4}$/.test(period)) return period;
  const date = new Date(`${period}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}
