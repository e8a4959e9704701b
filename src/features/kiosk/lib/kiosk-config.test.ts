import { expect, test } from 'vitest';
import { kioskDefaults, parseKioskConfig } from './kiosk-config';

const parse = (query: string) => parseKioskConfig(new URLSearchParams(query));

test('no parameters: twenty seconds a slide, all three languages, a minute to idle', () => {
  expect(parse('')).toEqual({ config: kioskDefaults, problems: [] });
  expect(kioskDefaults.langs).toEqual(['kk', 'ru', 'en']);
});

test('the URL sets interval, languages, idle time, slides and the public address', () => {
  const { config, problems } = parse(
    'interval=15&langs=ru,en&idle=90&refresh=60&slides=services-automated,public-receptions&base=https://ashyq.example.kz/',
  );
  expect(problems).toEqual([]);
  expect(config).toEqual({
    interval: 15,
    langs: ['ru', 'en'],
    idle: 90,
    refresh: 60,
    slides: ['services-automated', 'public-receptions'],
    base: 'https://ashyq.example.kz',
  });
});

test('bad values fall back to defaults and are reported', () => {
  const { config, problems } = parse('interval=soon&langs=de,kk&idle=-1&base=javascript:alert(1)');
  expect(config.interval).toBe(20);
  expect(config.langs).toEqual(['kk']);
  expect(config.idle).toBe(60);
  expect(config.base).toBeNull();
  expect(problems.sort()).toEqual(['base', 'idle', 'interval', 'langs']);
});

test('lang picks the language the rotation starts with, as on every other page', () => {
  expect(parse('lang=en').config.langs).toEqual(['en', 'kk', 'ru']);
  expect(parse('lang=ru&langs=kk,ru,en').config.langs).toEqual(['ru', 'en', 'kk']);
  expect(parse('lang=kk').config.langs).toEqual(['kk', 'ru', 'en']);
  // A language outside the rotation goes first, then the rotation.
  expect(parse('lang=en&langs=kk,ru').config.langs).toEqual(['en', 'kk', 'ru']);
  expect(parse('lang=fr')).toEqual({ config: kioskDefaults, problems: ['lang'] });
});
