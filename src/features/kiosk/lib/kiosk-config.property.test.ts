import fc from 'fast-check';
import { expect, test } from 'vitest';
import { locales } from '@/contract/common';
import { kioskDefaults, parseKioskConfig } from './kiosk-config';

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.double().map(String),
  fc.constantFrom(
    '',
    '0',
    '-5',
    '1e9',
    'NaN',
    'Infinity',
    '0x10',
    '20',
    'kk,ru',
    'en,,en',
    'fr',
    'https://x.kz',
    'javascript:alert(1)',
    '//evil',
  ),
);
const params = fc
  .array(
    fc.tuple(
      fc.constantFrom('interval', 'langs', 'idle', 'refresh', 'slides', 'base', 'lang', 'other'),
      value,
    ),
    {
      maxLength: 8,
    },
  )
  .map((pairs) => new URLSearchParams(pairs));

test('any kiosk URL gives a working configuration, and every bad value is named', () => {
  fc.assert(
    fc.property(params, (query) => {
      const { config, problems } = parseKioskConfig(query);
      expect(config.interval).toBeGreaterThanOrEqual(0.05);
      expect(config.interval).toBeLessThanOrEqual(3600);
      for (const key of ['idle', 'refresh'] as const) {
        expect(config[key]).toBeGreaterThanOrEqual(5);
        expect(config[key]).toBeLessThanOrEqual(86_400);
      }
      expect(config.langs.length).toBeGreaterThan(0);
      expect(config.langs.every((lang) => locales.includes(lang))).toBe(true);
      if (config.base !== null) expect(config.base).toMatch(/^https?:\/\//);
      // A known ?lang= is where the rotation starts.
      const lang = query.get('lang');
      if (lang !== null && !problems.includes('lang')) expect(config.langs[0]).toBe(lang);
      for (const problem of problems)
        expect(['interval', 'idle', 'refresh', 'base', 'langs', 'lang']).toContain(problem);
      // A value that was refused left the default in place.
      for (const key of ['interval', 'idle', 'refresh'] as const) {
        if (problems.includes(key)) expect(config[key]).toBe(kioskDefaults[key]);
      }
    }),
    { numRuns: 1000 },
  );
});
