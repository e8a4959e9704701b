import { useLayoutEffect } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import type { Locale } from '@/contract/common';
import { loadLanguage } from './i18n';

/** Puts the page in a language: the catalogues' language, `<html lang>` and the document title. */
export function useLanguageSync(locale: Locale, titleKey = 'app.documentTitle'): void {
  const { t, i18n } = useTranslation();
  useLayoutEffect(() => {
    void loadLanguage(i18n, locale);
    document.documentElement.setAttribute('lang', locale);
  }, [i18n, locale]);
  useLayoutEffect(() => {
    document.title = t(titleKey);
  }, [t, titleKey, locale]);
}
