import { localeSchema, type Locale } from '@/contract/common';
import { createTranslator, DEFAULT_NS, type I18n } from './translator';
// Kazakh, the default, ships with the app; the other catalogues load when first asked for.
import kk from '@/locales/kk/common.json';

export const defaultLocale: Locale = 'kk';

export type Catalogue = typeof kk;
export type Catalogues = Partial<Record<Locale, Catalogue>>;

const loaders: Record<Locale, () => Promise<Catalogue>> = {
  kk: () => Promise.resolve(kk),
  ru: () => import('@/locales/ru/common.json').then((module) => module.default),
  en: () => import('@/locales/en/common.json').then((module) => module.default),
};

/** The catalogues a page starts with: Kazakh always, and the starting language if another. */
export async function startingCatalogues(locale: Locale): Promise<Catalogues> {
  return { kk, [locale]: await loaders[locale]() };
}

/** Switches language, loading its catalogue first if this is its first use. */
export async function loadLanguage(i18n: I18n, locale: Locale): Promise<void> {
  if (!i18n.hasResourceBundle(locale, DEFAULT_NS)) {
    i18n.addResourceBundle(locale, DEFAULT_NS, await loaders[locale]());
  }
  i18n.changeLanguage(locale);
}

/** Reads `?lang=`: a known language, or the default with a note that the value was unknown. */
export function parseLocale(value: string | null): { locale: Locale; invalid: string | null } {
  if (value === null || value === '') return { locale: defaultLocale, invalid: null };
  const parsed = localeSchema.safeParse(value);
  return parsed.success
    ? { locale: parsed.data, invalid: null }
    : { locale: defaultLocale, invalid: value };
}

/** Fresh catalogues over the ones given (they must include `locale`'s). */
export function createI18n(locale: Locale = defaultLocale, catalogues: Catalogues = { kk }): I18n {
  const resources = Object.fromEntries(
    Object.entries(catalogues).map(([lang, catalogue]) => [lang, { [DEFAULT_NS]: catalogue }]),
  );
  return createTranslator(locale, resources);
}
