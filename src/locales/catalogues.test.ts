import { expect, test } from 'vitest';
import { locales } from '@/contract/common';
import { intlLocale } from '@/lib/format';
import { allCatalogues as catalogues } from '@tests/catalogues';
import openDataEn from './en/open-data.json';

type Tree = { [key: string]: string | Tree };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

const keysOf = (locale: (typeof locales)[number]) => flatten(catalogues[locale] as Tree);
const baseKeys = (keys: string[]) => new Set(keys.map((key) => key.replace(pluralSuffix, '')));

test('every catalogue has every key the others have', () => {
  const english = baseKeys(keysOf('en'));
  for (const locale of locales) {
    const own = baseKeys(keysOf(locale));
    const missing = [...english].filter((key) => !own.has(key));
    const extra = [...own].filter((key) => !english.has(key));
    expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
  }
});

test('plural keys have every form the language needs', () => {
  for (const locale of locales) {
    const keys = keysOf(locale);
    const plurals = new Set(
      keys.filter((k) => pluralSuffix.test(k)).map((k) => k.replace(pluralSuffix, '')),
    );
    const forms = new Intl.PluralRules(intlLocale[locale]).resolvedOptions().pluralCategories;
    for (const base of plurals) {
      for (const form of forms)
        expect(keys, `${locale}: ${base}_${form}`).toContain(`${base}_${form}`);
    }
  }
});

test('no message is empty', () => {
  for (const locale of locales) {
    const empty = keysOf(locale).filter((key) => {
      const value = key
        .split('.')
        .reduce<Tree | string | undefined>(
          (node, part) => (typeof node === 'object' ? node[part] : undefined),
          catalogues[locale] as Tree,
        );
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty, locale).toEqual([]);
  }
});

test('every key the code uses exists in the English catalogue', async () => {
  const sources = import.meta.glob('/src/**/*.{ts,tsx}', {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  // The /data page's own namespace (src/locales/*/open-data.json) counts too.
  const english = baseKeys([...keysOf('en'), ...flatten(openDataEn as Tree)]);
  const used = new Set<string>();
  for (const [path, text] of Object.entries(sources)) {
    if (path.endsWith('.test.ts') || path.endsWith('.test.tsx')) continue;
    for (const match of String(text).matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g))
      used.add(match[1] ?? '');
  }
  expect([...used].filter((key) => !english.has(key))).toEqual([]);
});
