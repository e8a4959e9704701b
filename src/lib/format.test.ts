import { expect, test, vi } from 'vitest';
import { formatChange, formatNumber, formatPeriod, formatShare, localize } from './format';

test('numbers use each language’s separators', () => {
  expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  expect(formatNumber(1234.5, 'ru')).toBe('1\u00a0234,5');
  expect(formatNumber(1234.5, 'kk')).toBe('1\u00a0234,5');
});

test('shares show one decimal with a decimal comma in Russian and Kazakh', () => {
  expect(formatShare(141 / 173, 'en')).toBe('81.5%');
  expect(formatShare(141 / 173, 'ru')).toBe('81,5\u00a0%');
  expect(formatShare(141 / 173, 'kk')).toBe('81,5%');
});

test('changes carry a real minus sign', () => {
  expect(formatChange(-46, 'en')).toBe('\u221246%');
  expect(formatChange(-46, 'ru')).toBe('\u221246\u00a0%');
  expect(formatChange(12, 'en')).toBe('+12%');
});

test('dates are written per language and years pass through', () => {
  expect(formatPeriod('2021-03-05', 'en')).toBe('5 March 2021');
  expect(formatPeriod('2021-03-05', 'ru')).toMatch(/^5 марта 2021\sг\.$/);
  expect(formatPeriod('2020', 'kk')).toBe('2020');
});

test('localize picks the language', () => {
  expect(localize({ kk: 'Иә', ru: 'Да', en: 'Yes' }, 'ru')).toBe('Да');
});

test('Kazakh dates read as full ICU writes them, whatever the browser’s ICU data', () => {
  expect(formatPeriod('2026-11-02', 'kk')).toBe('2026 ж. 2 қараша');
});

test('after prepareFormats, a page formats its figures without building another Intl object', async () => {
  vi.resetModules();
  const fresh = await import('./format');
  fresh.prepareFormats('ru');
  const built = vi.spyOn(Intl, 'NumberFormat');
  try {
    expect(fresh.formatNumber(1234.5, 'ru')).toBe('1\u00a0234,5');
    expect(fresh.formatShare(0.5, 'ru')).toBe('50\u00a0%');
    expect(fresh.formatChange(12, 'ru')).toBe('+12\u00a0%');
    expect(built).not.toHaveBeenCalled();
  } finally {
    built.mockRestore();
  }
});
