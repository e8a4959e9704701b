import type { Catalogues } from '@/lib/i18n';
import en from '@/locales/en/common.json';
import kk from '@/locales/kk/common.json';
import ru from '@/locales/ru/common.json';
import enManage from '@/locales/en/manage.json';
import kkManage from '@/locales/kk/manage.json';
import ruManage from '@/locales/ru/manage.json';
import enReview from '@/locales/en/review.json';
import kkReview from '@/locales/kk/review.json';
import ruReview from '@/locales/ru/review.json';
import enOpenData from '@/locales/en/open-data.json';
import kkOpenData from '@/locales/kk/open-data.json';
import ruOpenData from '@/locales/ru/open-data.json';
import enHistory from '@/locales/en/history.json';
import kkHistory from '@/locales/kk/history.json';
import ruHistory from '@/locales/ru/history.json';
import enTransparency from '@/locales/en/transparency.json';
import kkTransparency from '@/locales/kk/transparency.json';
import ruTransparency from '@/locales/ru/transparency.json';

/** Every catalogue, loaded at once: tests switch languages without waiting for chunks. */
export const allCatalogues = { kk, ru, en } satisfies Catalogues;

/** The management screens' words (the `manage` namespace, loaded with their chunk). */
export const manageCatalogues = { kk: kkManage, ru: ruManage, en: enManage };

/** The /data page's words (merged into `common` when that page loads). */
export const openDataCatalogues = { kk: kkOpenData, ru: ruOpenData, en: enOpenData };

/** The history and change pages' words (the `history` namespace, loaded with those pages). */
export const historyCatalogues = { kk: kkHistory, ru: ruHistory, en: enHistory };

/** The public log's words: the /transparency page and the figure cards' check (loaded lazily). */
export const transparencyCatalogues = {
  kk: kkTransparency,
  ru: ruTransparency,
  en: enTransparency,
};

/** The review workflow's words (the `review` namespace, loaded with the management chunk). */
export const reviewCatalogues = { kk: kkReview, ru: ruReview, en: enReview };
