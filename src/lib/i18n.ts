import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { localeSchema, type Locale } from '@/contract/common';
import en from '@/locales/en/common.json';
import kk from '@/locales/kk/common.json';
import ru from '@/locales/ru/common.json';

export const defaultLocale: Locale = 'kk';

export const catalogues = { kk, ru, en } as const;

/** Reads `?lang=`: a known language, or the default with a note that the value was unknown. */
export function parseLocale(value: string | null): { locale: Locale; invalid: string | null } {
  if (value === null || value === '') return { locale: defaultLocale, invalid: null };
  const parsed = localeSchema.safeParse(value);
  return parsed.success
    ? { locale: parsed.data, invalid: null }
    : { locale: defaultLocale, invalid: value };
}

/** A fresh i18next instance with every catalogue in memory, so language changes are instant. */
export function createI18n(locale: Locale = defaultLocale): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: {
      kk: { common: catalogues.kk },
      ru: { common: catalogues.ru },
      en: { common: catalogues.en },
    },
    lng: locale,
    fallbackLng: false,
    supportedLngs: ['kk', 'ru', 'en'],
    defaultNS: 'common',
    ns: ['common'],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  return instance;
}
