import type { Locale, LocalizedText } from '@/contract/common';

/** The Intl locale used to format numbers and dates for each dashboard language. */
export const intlLocale: Record<Locale, string> = {
  kk: 'kk-KZ',
  ru: 'ru-RU',
  en: 'en-GB',
};

/**
 * Kazakh writes numbers as Russian does: a decimal comma and a space between thousands. Some
 * browsers (Debian's Chromium among them) claim Kazakh but format it with ICU's root data, as
 * "81.5%" and "1,234.5"; there Russian number formats stand in, so a Kazakh reader never sees a
 * decimal point. Dates are left alone: borrowing Russian ones would bring Russian month names.
 */
const kazakhNumbersMissing = onFirstUse(() => new Intl.NumberFormat('kk-KZ').format(1.5) !== '1,5');

/**
 * A probe of the browser's Intl data, run when first needed rather than on import: the first Intl
 * object a page builds costs a phone tens of milliseconds (ICU loads its data), which should not
 * lengthen the task that starts the app.
 */
function onFirstUse<T>(probe: () => T): () => T {
  let result: { value: T } | undefined;
  return () => (result ??= { value: probe() }).value;
}

function numberLocale(locale: Locale): string {
  return locale === 'kk' && kazakhNumbersMissing() ? intlLocale.ru : intlLocale[locale];
}

/** Picks the text in the given language. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

const numberStyles = {
  number: { maximumFractionDigits: 1 },
  share: { style: 'percent', maximumFractionDigits: 1 },
  change: { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' },
} satisfies Record<string, Intl.NumberFormatOptions>;

// Building an Intl.NumberFormat is slow and a page formats hundreds of numbers: keep one of each.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, style: keyof typeof numberStyles): Intl.NumberFormat {
  const key = `${locale}:${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(numberLocale(locale), numberStyles[style]);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Builds the language's number formats ahead of use. main.tsx calls it while the page waits for its
 * chunk and data, so that ICU's start (the first Intl object costs a phone tens of milliseconds)
 * runs as a short task of its own, not inside the long render that shows the figures.
 */
export function prepareFormats(locale: Locale): void {
  for (const style of Object.keys(numberStyles) as (keyof typeof numberStyles)[]) {
    numberFormat(locale, style);
  }
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale, 'number').format(value);
}

/** A share (0..1) as a percentage with at most one decimal: 0.815 -> "81,5 %" in Russian. */
export function formatShare(share: number, locale: Locale): string {
  return numberFormat(locale, 'share').format(share);
}

/** A change in percent points with its sign: -46 -> "−46 %". Uses a real minus sign. */
export function formatChange(percent: number, locale: Locale): string {
  return numberFormat(locale, 'change')
    .format(percent / 100)
    .replace('-', '\u2212');
}

/**
 * The same browsers write Kazakh dates with ICU's root data too ("2026 M11 2"). There the date is
 * put together as full ICU writes it ("2026 ж. 2 қараша"), from the Kazakh month names.
 */
const kazakhMonths = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
const kazakhDatesMissing = onFirstUse(
  () =>
    !new Intl.DateTimeFormat('kk-KZ', { month: 'long', timeZone: 'UTC' })
      .format(new Date('2021-11-02T00:00:00Z'))
      .includes('қараша'),
);

/** An ISO date (YYYY-MM-DD) or a year (YYYY), written the way the language writes dates. */
export function formatPeriod(period: string, locale: Locale): string {
  if (/^\d{4}$/.test(period)) return period;
  const date = new Date(`${period}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return period;
  if (locale === 'kk' && kazakhDatesMissing()) {
    return `${date.getUTCFullYear()} ж. ${date.getUTCDate()} ${kazakhMonths[date.getUTCMonth()] ?? ''}`;
  }
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

/** A time of day as hours and minutes, e.g. "14:05", for "last updated" lines. */
export function formatTime(timestamp: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(timestamp);
}
