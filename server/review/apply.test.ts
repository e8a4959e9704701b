// @vitest-environment node
import { expect, test } from 'vitest';
import { metrics } from '../../mocks/fixtures/metrics';
import type { Metric } from '../../src/contract/metrics';
import { applyPublished, effectOf, type PublishedValue } from './apply';

const districts = ['aral', 'kazaly', 'shieli'];
const order = (id: string) => districts.indexOf(id);
const figure = (changes: Partial<Metric> = {}): Metric => ({
  ...(metrics.find((m) => m.kind === 'count') as Metric),
  asOf: '2024',
  verification: 'verified',
  sample: true,
  series: [{ period: '2023', value: 90, sample: true }],
  breakdown: [{ districtId: 'shieli', value: 4, sample: true, derived: false }],
  ...changes,
});
const published = (changes: Partial<PublishedValue> = {}): PublishedValue => ({
  value: 152,
  total: null,
  statusText: null,
  period: '2025',
  districtId: null,
  sourceId: 'new-report',
  reporterId: 'stated-1',
  ...changes,
});

test('a region-wide value for the latest period is the new headline, as stated: not sample, not yet verified', () => {
  const after = applyPublished(figure(), published(), order);
  expect(after).toMatchObject({
    value: 152,
    asOf: '2025',
    sourceId: 'new-report',
    reporterId: 'stated-1',
    verification: 'reported',
    sample: false,
    derived: false,
  });
  expect(after.series).toEqual([
    { period: '2023', value: 90, sample: true },
    { period: '2025', value: 152, sample: false },
  ]);
});

test('a value for an earlier period joins the history and leaves the headline alone', () => {
  const before = figure();
  const after = applyPublished(before, published({ period: '2023', value: 95 }), order);
  expect(effectOf(before, published({ period: '2023' }))).toBe('history');
  expect(after.value).toBe(before.value);
  expect(after.verification).toBe('verified');
  expect(after.series).toEqual([{ period: '2023', value: 95, sample: false }]);
});

test("a district's value replaces that district's entry, in district order, and nothing else", () => {
  const before = figure();
  const after = applyPublished(before, published({ districtId: 'aral', value: 7 }), order);
  expect(after.value).toBe(before.value);
  expect(after.breakdown).toEqual([
    { districtId: 'aral', value: 7, sample: false, derived: false },
    { districtId: 'shieli', value: 4, sample: true, derived: false },
  ]);
  const replaced = applyPublished(after, published({ districtId: 'shieli', value: 5 }), order);
  expect(replaced.breakdown[1]).toEqual({
    districtId: 'shieli',
    value: 5,
    sample: false,
    derived: false,
  });
});

test('a ratio takes its new total; a count keeps none', () => {
  const ratio = figure({ kind: 'ratio', total: 100, value: 50 });
  expect(applyPublished(ratio, published({ value: 60, total: 120 }), order).total).toBe(120);
  expect(applyPublished(figure(), published({ total: 999 }), order).total).toBe(null);
});

test('a figure with no date takes any period as its headline', () => {
  const undated = figure({ asOf: null });
  expect(effectOf(undated, published({ period: '1990' }))).toBe('headline');
  expect(effectOf(undated, published({ period: null }))).toBe('headline');
});
