import { expect, test } from 'vitest';
import type { Metric } from '@/contract/metrics';
import { metrics } from '@mocks/fixtures/metrics';
import { childMetrics, hasSampleData, headlineMetrics, indexOf, progressOf, trendOf } from './kpi';

const byId = (id: string): Metric => {
  const metric = metrics.find((m) => m.id === id);
  if (!metric) throw new Error(`no fixture ${id}`);
  return metric;
};

test('progress is the value against the total the source gives', () => {
  expect(progressOf(byId('services-automated'))).toEqual({
    value: 141,
    total: 173,
    share: 141 / 173,
  });
  expect(progressOf(byId('open-space-adapted'))?.share).toBeCloseTo(60 / 304);
  expect(progressOf(byId('public-receptions'))).toBeNull();
});

test('a change becomes an index with the earlier period at 100', () => {
  expect(indexOf(byId('corruption-offences-change'))).toEqual({ baseline: 100, now: 54 });
  expect(indexOf(byId('public-receptions'))).toBeNull();
});

test('a fall is an improvement only where lower is better', () => {
  const offences = byId('corruption-offences-change');
  expect(trendOf(offences)).toBe('improved');
  expect(trendOf({ ...offences, direction: 'higher-is-better' })).toBe('worsened');
  expect(trendOf({ ...offences, value: 0 })).toBe('unchanged');
  expect(trendOf(byId('services-automated'))).toBe('not-applicable');
});

test('one card per row of the hearing: eight headline figures', () => {
  const headlines = headlineMetrics(metrics).map((m) => m.id);
  expect(headlines).toHaveLength(8);
  expect(headlines).not.toContain('open-space-adapted');
  expect(childMetrics(metrics, 'open-space-relocated').map((m) => m.id)).toEqual([
    'open-space-adapted',
  ]);
});

test('sample data is detected in targets, series and breakdowns', () => {
  expect(hasSampleData(byId('project-office-okrugs'))).toBe(true);
  expect(hasSampleData(byId('open-dialogue-answers'))).toBe(true);
  expect(hasSampleData(byId('services-automated'))).toBe(true);
  expect(hasSampleData(byId('public-receptions'))).toBe(false);
});
