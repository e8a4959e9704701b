import { useTranslation } from '@/lib/i18n-react';
// The history and change pages' words travel with those pages (lazy chunks), not in the
// catalogue every page loads.
import en from '@/locales/en/history.json';
import kk from '@/locales/kk/history.json';
import ru from '@/locales/ru/history.json';

export const HISTORY_NS = 'history';
const bundles = { kk, ru, en };

/** `t` over the `history` namespace, added to the catalogues the first time a page asks for it. */
export function useHistoryT() {
  const { i18n, t } = useTranslation(HISTORY_NS);
  i18n.addBundles(HISTORY_NS, bundles);
  return t;
}
