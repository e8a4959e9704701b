import { useTranslation } from 'react-i18next';
// The history and change pages' words travel with those pages (lazy chunks), not in the
// catalogue every page loads.
import en from '@/locales/en/history.json';
import kk from '@/locales/kk/history.json';
import ru from '@/locales/ru/history.json';

export const HISTORY_NS = 'history';
const bundles = { kk, ru, en };

/** `t` over the `history` namespace, added to i18next the first time a page asks for it. */
export function useHistoryT() {
  const { i18n } = useTranslation();
  for (const [lang, bundle] of Object.entries(bundles)) {
    if (!i18n.hasResourceBundle(lang, HISTORY_NS)) i18n.addResourceBundle(lang, HISTORY_NS, bundle);
  }
  return useTranslation(HISTORY_NS).t;
}
