import { expect, test } from 'vitest';
import { formatMoment, formatPeriodDigits } from './dates';

test('audit times are read in UTC and say so', () => {
  const text = formatMoment('2026-12-02T06:05:00.000Z', 'en', { utc: true });
  expect(text).toMatch(/2026/);
  expect(text).toMatch(/06:05/);
  expect(text).toMatch(/UTC$/);
});

test('an unreadable date is shown as given rather than as "Invalid Date"', () => {
  expect(formatMoment('not a date', 'ru')).toBe('not a date');
});

test('a period is a year as given, or a date in digits', () => {
  expect(formatPeriodDigits('2026', 'kk')).toBe('2026');
  expect(formatPeriodDigits('2026-11-30', 'ru')).toBe('30.11.2026');
  expect(formatPeriodDigits('2026-11-30', 'en')).toBe('30/11/2026');
  expect(formatPeriodDigits('soon', 'en')).toBe('soon');
});
