import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { I18n, TFunction } from './translator';

const I18nContext = createContext<I18n | null>(null);

/** Gives the app its words (lib/i18n's createI18n makes them). */
export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

/**
 * `t` in the page's language and a namespace (`common` when none is named), and the catalogues
 * themselves. The component renders again when the language changes, with a new `t`.
 */
export function useTranslation(ns?: string): { t: TFunction; i18n: I18n } {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useTranslation needs an I18nProvider above it');
  const language = useSyncExternalStore(i18n.subscribe, () => i18n.language);
  return { t: i18n.getFixedT(language, ns), i18n };
}
