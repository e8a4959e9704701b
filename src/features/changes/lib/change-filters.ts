import { idSchema, type Locale } from '@/contract/common';
import { CHANGES_FEED_PATH } from '@/contract/endpoints';
import type { ChangeQuery } from '@/contract/revisions';
import { parseLocale } from '@/lib/i18n';

export const CHANGES_PAGE_SIZE = 20;

export interface ChangeFilters {
  initiative: string | undefined;
  lang: Locale;
  page: number;
}

/** The view the URL asks for; an unreadable value counts as absent. */
export function parseChangeFilters(params: URLSearchParams): ChangeFilters {
  const initiative = idSchema.safeParse(params.get('initiative'));
  const page = Number(params.get('page'));
  return {
    initiative: initiative.success ? initiative.data : undefined,
    lang: parseLocale(params.get('lang')).locale,
    page: Number.isInteger(page) && page >= 1 && page <= 100000 ? page : 1,
  };
}

export function changeQueryOf(filters: ChangeFilters): ChangeQuery {
  return { initiative: filters.initiative, page: filters.page, pageSize: CHANGES_PAGE_SIZE };
}

/** The URL's query for a view: language always (links are copied), the rest when not default. */
export function changeSearch(filters: ChangeFilters): string {
  const search = new URLSearchParams({ lang: filters.lang });
  if (filters.initiative) search.set('initiative', filters.initiative);
  if (filters.page > 1) search.set('page', String(filters.page));
  return `?${search.toString()}`;
}

/** The same list as an Atom feed: the language, and the programme when one is chosen. */
export function feedHref(filters: Pick<ChangeFilters, 'lang' | 'initiative'>): string {
  const search = new URLSearchParams({ lang: filters.lang });
  if (filters.initiative) search.set('initiative', filters.initiative);
  return `${CHANGES_FEED_PATH}?${search.toString()}`;
}
