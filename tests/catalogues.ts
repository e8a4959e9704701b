import type { Catalogues } from '@/lib/i18n';
import en from '@/locales/en/common.json';
import kk from '@/locales/kk/common.json';
import ru from '@/locales/ru/common.json';

/** Every catalogue, loaded at once: tests switch languages without waiting for chunks. */
export const allCatalogues = { kk, ru, en } satisfies Catalogues;
