import { expect, test } from 'vitest';
import {
  changeBetween,
  latestPublished,
  parseNumber,
  parseTarget,
  publishedNow,
} from './revision-change';

test('the change is the difference and its share of the current value', () => {
  expect(changeBetween(144, 150)).toEqual({ absolute: 6, percent: (6 / 144) * 100 });
  expect(changeBetween(-50, -25)).toEqual({ absolute: 25, percent: 50 });
  expect(changeBetween(0, 3)).toEqual({ absolute: 3, percent: null });
  expect(changeBetween(null, 3)).toBeNull();
  expect(changeBetween(3, null)).toBeNull();
});

test('numbers are read with a comma or a point, spaces between thousands and a minus sign', () => {
  expect(parseNumber('1 234,5')).toBe(1234.5);
  expect(parseNumber('1234.5')).toBe(1234.5);
  expect(parseNumber('\u22123')).toBe(-3);
  expect(parseNumber(' 150 ')).toBe(150);
  expect(parseNumber('')).toBeNull();
  expect(parseNumber('12a')).toBeNull();
  expect(parseNumber('1,2,3')).toBeNull();
});

test('the value published now is the headline, or the district entry', () => {
  const figure = {
    value: 144,
    total: null,
    asOf: '2026',
    breakdown: [{ districtId: 'aral', value: 25, sample: true, derived: false }],
  };
  expect(publishedNow(figure, null)).toEqual({ value: 144, total: null, period: '2026' });
  expect(publishedNow(figure, 'aral')).toEqual({ value: 25, total: null, period: null });
  expect(publishedNow(figure, 'kazaly')).toBeNull();
  expect(publishedNow(undefined, null)).toBeNull();
});

test('only the newest published revision of each figure and district is kept', () => {
  const at = (metricId: string, districtId: string | null, publishedAt: string) => ({
    metricId,
    districtId,
    publishedAt,
  });
  const old = at('okrugs', null, '2026-01-01T00:00:00.000Z');
  const now = at('okrugs', null, '2026-02-01T00:00:00.000Z');
  const aral = at('okrugs', 'aral', '2026-01-01T00:00:00.000Z');
  expect(latestPublished([old, now, aral])).toEqual([now, aral]);
  expect(latestPublished([now, old])).toEqual([now]);
});

test("a batch row's target is read as headline, period or district", () => {
  expect(parseTarget('headline')).toEqual({ kind: 'headline' });
  expect(parseTarget('period 2024')).toEqual({ kind: 'period', id: '2024' });
  expect(parseTarget('district aral')).toEqual({ kind: 'district', id: 'aral' });
  expect(parseTarget('')).toBeNull();
});
