import { useEffect, useState } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import type { Locale } from '@/contract/common';
import type en from '@/locales/en/manage.json';

export type ManageCatalogue = typeof en;

/*
 * The management words live in a `manage` namespace of their own, loaded with the management
 * chunk: public readers never download them, and the first-paint catalogue stays as it was.
 */
const loaders: Record<Locale, () => Promise<ManageCatalogue>> = {
  kk: () => import('@/locales/kk/manage.json').then((module) => module.default),
  ru: () => import('@/locales/ru/manage.json').then((module) => module.default),
  en: () => import('@/locales/en/manage.json').then((module) => module.default),
};

/** The review workflow's words (proposals, the review queue): a namespace of their own. */
const reviewLoaders: Record<Locale, () => Promise<Record<string, unknown>>> = {
  kk: () => import('@/locales/kk/review.json').then((module) => module.default),
  ru: () => import('@/locales/ru/review.json').then((module) => module.default),
  en: () => import('@/locales/en/review.json').then((module) => module.default),
};

export const MANAGE_NS = 'manage';
export const REVIEW_NS = 'review';

/**
 * Whether the `manage` catalogue of the language is there: `ready` at once when it already was,
 * `failed` when its chunk could not be fetched (the page then offers a reload).
 */
export function useManageCatalogue(locale: Locale): 'loading' | 'ready' | 'failed' {
  const { i18n } = useTranslation();
  const [settled, setSettled] = useState<{ locale: Locale; ok: boolean } | null>(null);
  const has =
    i18n.hasResourceBundle(locale, MANAGE_NS) && i18n.hasResourceBundle(locale, REVIEW_NS);
  useEffect(() => {
    if (has) return;
    let live = true;
    Promise.all([loaders[locale](), reviewLoaders[locale]()])
      .then(([catalogue, review]) => {
        i18n.addResourceBundle(locale, MANAGE_NS, catalogue);
        i18n.addResourceBundle(locale, REVIEW_NS, review);
        if (live) setSettled({ locale, ok: true });
      })
      .catch(() => {
        if (live) setSettled({ locale, ok: false });
      });
    return () => {
      live = false;
    };
  }, [has, i18n, locale]);
  if (has) return 'ready';
  if (settled?.locale !== locale) return 'loading';
  return settled.ok ? 'ready' : 'failed';
}

/** `t` over the management words. */
export function useManageT() {
  return useTranslation(MANAGE_NS);
}

/** `t` over the review workflow's words. */
export function useReviewT() {
  return useTranslation(REVIEW_NS);
}
