import { expect, test } from 'vitest';
import { hearingSource, sources } from '@mocks/fixtures/sources';
import { attributionFor, citationOf } from './citation';

test('a citation names the publication and the headline in the reader’s language', () => {
  expect(citationOf(hearingSource, 'en')).toBe(
    'Syr boyy (regional newspaper): «The principle of openness has taken shape»',
  );
  expect(citationOf(hearingSource, 'kk')).toContain('«Сыр бойы» газеті');
});

test('attribution names the person who gave the figure, with their role', () => {
  const attribution = attributionFor(
    { sourceId: 'syr-boyy-hearing', reporterId: 'serik-akhmet' },
    sources,
    'ru',
  );
  expect(attribution.reporter).toBe('Серик Ахмет, Заместитель акима области');
  expect(attribution.reporterName).toBe('Серик Ахмет');
  expect(attribution.sourceShort).toBe('газета «Сыр бойы»');
  expect(attribution.sourceHref).toBe('/sources#syr-boyy-hearing');
});

test('an unknown source or person still yields a usable attribution', () => {
  const attribution = attributionFor({ sourceId: 'gone', reporterId: 'nobody' }, sources, 'en');
  expect(attribution).toEqual({
    sourceLabel: 'gone',
    sourceShort: 'gone',
    sourceHref: '/sources#gone',
    reporter: null,
    reporterName: null,
  });
});
