import { describe, expect, test } from 'vitest';
import { locales } from '@/contract/common';
import { intlLocale } from '@/lib/format';
import {
  allCatalogues,
  historyCatalogues,
  manageCatalogues,
  openDataCatalogues,
  reviewCatalogues,
  transparencyCatalogues,
} from '@tests/catalogues';

type Tree = { [key: string]: string | Tree };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`),
  );
}

type Locale = (typeof locales)[number];
const baseKeys = (keys: string[]) => new Set(keys.map((key) => key.replace(pluralSuffix, '')));

/*
 * Each namespace is checked on its own: `common` (the first-paint catalogue) and `manage` (the
 * management screens' words, a file of their own loaded with their chunk).
 */
const namespaces = [
  ['common', allCatalogues],
  ['manage', manageCatalogues],
  ['open-data', openDataCatalogues],
  ['history', historyCatalogues],
  ['transparency', transparencyCatalogues],
  ['review', reviewCatalogues],
] as const;
/** Code under these paths speaks the `manage` namespace; all other code speaks `common`. */
const managePaths = /^\/src\/(features\/manage\/|app\/routes\/manage)/;

describe.each(namespaces)('the %s catalogues', (_, catalogues) => {
  const keysOf = (locale: Locale) => flatten(catalogues[locale] as Tree);

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
});

test.each(namespaces.slice(0, 2))(
  'every key the code uses exists in the English %s catalogue',
  (namespace, catalogues) => {
    const sources = import.meta.glob('/src/**/*.{ts,tsx}', {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    // The /data page's and the public log's words are added to i18next when they load; the
    // history and change pages speak their own `history` namespace (one key space with common).
    // The review workflow's words are a namespace of their own, spoken by the manage screens.
    const extra =
      namespace === 'common'
        ? [
            ...flatten(openDataCatalogues.en as Tree),
            ...flatten(historyCatalogues.en as Tree),
            ...flatten(transparencyCatalogues.en as Tree),
          ]
        : namespace === 'manage'
          ? flatten(reviewCatalogues.en as Tree)
          : [];
    const english = baseKeys([...flatten(catalogues.en as Tree), ...extra]);
    const used = new Set<string>();
    for (const [path, text] of Object.entries(sources)) {
      if (path.endsWith('.test.ts') || path.endsWith('.test.tsx')) continue;
      if (managePaths.test(path) !== (namespace === 'manage')) continue;
      for (const match of String(text).matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g))
        used.add(match[1] ?? '');
    }
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
  },
);
