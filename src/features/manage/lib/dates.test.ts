import { expect, test } from 'vitest';
import { formatMoment } from './dates';

test('audit times are read in UTC and say so', () => {
  const text = formatMoment('2026-12-02T06:05:00.000Z', 'en', { utc: true });
  expect(text).toMatch(/2026/);
  expect(text).toMatch(/06:05/);
  expect(text).toMatch(/UTC$/);
});

test('an unreadable date is shown as given rather than as "Invalid Date"', () => {
  expect(formatMoment('not a date', 'ru')).toBe('not a date');
});
