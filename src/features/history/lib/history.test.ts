import { expect, test } from 'vitest';
import type { PublicRevision } from '@/contract/revisions';
import { metrics } from '@mocks/fixtures/metrics';
import { sources } from '@mocks/fixtures/sources';
import { hearingRevision } from '@mocks/handlers/public-history';
import { createI18n } from '@/lib/i18n';
import { revisionValueText } from '@/lib/revision-value';
import en from '@/locales/en/history.json';
import { historyChart, historyPoints } from './history-series';
import { currentRevisionId, revisionWords } from './revision-words';
import { sourceName, statedByName } from './stated-by';

const answers = metrics.find((metric) => metric.id === 'open-dialogue-answers')!;
const services = metrics.find((metric) => metric.id === 'services-automated')!;
const i18n = createI18n('en');
i18n.addResourceBundle('en', 'history', en);
const t = i18n.getFixedT('en', 'history');

const revision = (over: Partial<PublicRevision>): PublicRevision => ({
  ...hearingRevision(answers),
  ...over,
});

test('the chart takes region-wide revisions with a period, the series, and keeps sample flags', () => {
  const points = historyPoints(
    [
      revision({ id: 'a', period: '2021', value: 130, publishedAt: '2026-12-01T00:00:00.000Z' }),
      revision({ id: 'b', period: '2021', value: 131, publishedAt: '2026-12-02T00:00:00.000Z' }),
      revision({ id: 'c', period: '2022', value: 150, districtId: 'aral' }),
      revision({ id: 'd', period: null, value: 125 }),
      revision({ id: 'e', period: '2023', value: 160 }),
    ],
    answers.series,
  );
  expect(points).toEqual([
    { period: '2019', value: 38, sample: true },
    { period: '2020', value: 81, sample: true },
    // The newest publication for 2021 replaces the invented point, and is not sample.
    { period: '2021', value: 131, sample: false },
    { period: '2023', value: 160, sample: false },
  ]);
  const spec = historyChart(answers, points, t, 'en');
  expect(spec?.kind).toBe('line');
  expect(spec?.summary).toBe('Open Dialogue answers: 2019: 38; 2020: 81; 2021: 131; 2023: 160.');
  expect(spec?.rows.map((row) => row.sample)).toEqual([true, true, false, false]);
});

test('no point, no chart', () => {
  expect(
    historyChart(services, historyPoints([hearingRevision(services)], []), t, 'en'),
  ).toBeNull();
});

test('stated by: a person of the source by name in the reader’s language, else as written', () => {
  expect(statedByName('serik-akhmet', 'syr-boyy-hearing', sources, 'ru')).toBe('Серик Ахмет');
  expect(statedByName('Office of the akim', 'syr-boyy-hearing', sources, 'en')).toBe(
    'Office of the akim',
  );
  expect(statedByName('serik-akhmet', 'unknown-source', sources, 'en')).toBe('serik-akhmet');
  expect(sourceName('unknown-source', sources, 'en')).toBe('unknown-source');
});

test('values read as the figure is read', () => {
  expect(revisionValueText(hearingRevision(services), services, 'en', t)).toBe('141 of 173');
  const change = metrics.find((metric) => metric.id === 'corruption-offences-change')!;
  expect(revisionValueText(hearingRevision(change), change, 'en', t)).toBe('\u221246%');
  const status = metrics.find((metric) => metric.id === 'commission-status')!;
  expect(revisionValueText(hearingRevision(status), status, 'ru', t)).toBe('Работает постоянно');
  expect(revisionValueText(hearingRevision(answers), answers, 'en', t)).toBe('125 questions');
  expect(revisionValueText(hearingRevision(answers), undefined, 'en', t)).toBe('125');
});

test('a correction names the date of what it corrects; the current one is the newest region-wide', () => {
  const old = revision({ id: 'old', publishedAt: '2026-11-02T09:00:00.000Z' });
  const fix = revision({ id: 'fix', corrects: 'old', correctionReason: 'typo' });
  const district = revision({ id: 'aral', districtId: 'aral' });
  const words = revisionWords(fix, [district, fix, old], {
    metric: answers,
    sources,
    locale: 'en',
    t,
    districtName: (id) => `District ${id}`,
  });
  expect(words.correctsDate).toBe('2 November 2026');
  expect(words.statedBy).toBe('Serik Akhmet');
  expect(words.source.href).toBe('/sources#syr-boyy-hearing');
  expect(
    revisionWords(district, [], {
      metric: answers,
      sources,
      locale: 'en',
      t,
      districtName: (id) => `District ${id}`,
    }).district,
  ).toBe('District aral');
  expect(currentRevisionId([district, fix, old])).toBe('fix');
});
