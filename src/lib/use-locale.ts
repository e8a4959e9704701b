import { useSearchParams } from 'react-router';
import type { Locale } from '@/contract/common';
import { parseLocale } from './i18n';

/** The language comes from the URL (`?lang=`), so a copied link opens in the same language. */
export function useLocale(): Locale {
  const [params] = useSearchParams();
  return parseLocale(params.get('lang')).locale;
}
