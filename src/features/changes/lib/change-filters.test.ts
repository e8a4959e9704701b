import { expect, test } from 'vitest';
import { changeQueryOf, changeSearch, feedHref, parseChangeFilters } from './change-filters';

test('the URL gives the programme, the language and the page', () => {
  const filters = parseChangeFilters(new URLSearchParams('initiative=open-space&lang=ru&page=3'));
  expect(filters).toEqual({ initiative: 'open-space', lang: 'ru', page: 3 });
  expect(changeQueryOf(filters)).toEqual({ initiative: 'open-space', page: 3, pageSize: 20 });
});

test('unreadable values fall back: no programme, Kazakh, the first page', () => {
  expect(parseChangeFilters(new URLSearchParams('initiative=Not A Slug&lang=de&page=-2'))).toEqual({
    initiative: undefined,
    lang: 'kk',
    page: 1,
  });
});

test('the feed link keeps language and programme; the page link drops page 1', () => {
  expect(feedHref({ lang: 'en', initiative: 'open-space' })).toBe(
    '/changes.atom?lang=en&initiative=open-space',
  );
  expect(feedHref({ lang: 'kk', initiative: undefined })).toBe('/changes.atom?lang=kk');
  expect(changeSearch({ lang: 'en', initiative: undefined, page: 1 })).toBe('?lang=en');
  expect(changeSearch({ lang: 'ru', initiative: 'open-dialogue', page: 2 })).toBe(
    '?lang=ru&initiative=open-dialogue&page=2',
  );
});
