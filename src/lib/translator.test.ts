import { describe, expect, test, vi } from 'vitest';
import en from '@/locales/en/common.json';
import kk from '@/locales/kk/common.json';
import ru from '@/locales/ru/common.json';
import { createTranslator, interpolate, translate } from './translator';

const bundle = {
  greeting: 'Hello, {{name}}!',
  nested: { deep: { message: 'Found {{ who.name }}' } },
  files_one: '{{count}} file',
  files_other: '{{count}} files',
  items_zero: 'No items',
  items_one: 'One item',
  items_other: '{{count}} items',
  rows_one: '{{count}} строка',
  rows_few: '{{count}} строки',
  rows_many: '{{count}} строк',
  rows_other: '{{count}} строки',
  plain: 'Just words',
};

describe('translate', () => {
  test('finds a message by its dotted key and fills its placeholders', () => {
    expect(translate(bundle, 'en', 'greeting', { name: 'Aigerim' })).toBe('Hello, Aigerim!');
    expect(translate(bundle, 'en', 'nested.deep.message', { who: { name: 'a clerk' } })).toBe(
      'Found a clerk',
    );
  });

  test('says the key when no catalogue has it, or the default value when one is given', () => {
    expect(translate(bundle, 'en', 'missing.key')).toBe('missing.key');
    expect(translate(undefined, 'en', 'greeting')).toBe('greeting');
    expect(translate(bundle, 'en', 'nested.deep')).toBe('nested.deep');
    expect(translate(bundle, 'en', 'missing', { defaultValue: 'kk ({{code}})', code: 'kk' })).toBe(
      'kk (kk)',
    );
  });

  test('chooses the plural form the language needs', () => {
    expect(translate(bundle, 'en', 'files', { count: 1 })).toBe('1 file');
    expect(translate(bundle, 'en', 'files', { count: 5 })).toBe('5 files');
    expect(['1 строка', '3 строки', '5 строк', '21 строка', '1.5 строки']).toEqual(
      [1, 3, 5, 21, 1.5].map((count) => translate(bundle, 'ru', 'rows', { count })),
    );
    // CLDR gives Kazakh two forms, as English.
    expect(translate(bundle, 'kk', 'files', { count: 1 })).toBe('1 file');
    expect(translate(bundle, 'kk', 'files', { count: 2 })).toBe('2 files');
  });

  test('a count of 0 says the zero form where there is one, and the plural form otherwise', () => {
    expect(translate(bundle, 'en', 'items', { count: 0 })).toBe('No items');
    expect(translate(bundle, 'en', 'files', { count: 0 })).toBe('0 files');
  });

  test('a count for a message without plural forms just fills {{count}}', () => {
    expect(translate(bundle, 'en', 'plain', { count: 3 })).toBe('Just words');
    expect(translate({ n: '{{count}} of them' }, 'en', 'n', { count: 3 })).toBe('3 of them');
  });
});

describe('interpolate', () => {
  test('a value not given leaves nothing, and text is never escaped (React escapes it)', () => {
    expect(interpolate('{{a}}-{{b}}', { a: 1 })).toBe('1-');
    expect(interpolate('{{a}}', { a: '<b>&' })).toBe('<b>&');
    expect(interpolate('{{a}}', { a: null })).toBe('');
  });

  test('braces that are not a placeholder stay as they are', () => {
    expect(interpolate('{x} {{ }} {{a b}}', { x: 1 })).toBe('{x} {{ }} {{a b}}');
  });
});

describe('createTranslator', () => {
  test('speaks the current language and tells its listeners when it changes', () => {
    const i18n = createTranslator('kk', { kk: { common: kk }, ru: { common: ru } });
    const listener = vi.fn();
    const stop = i18n.subscribe(listener);
    expect(i18n.t('app.documentTitle')).toBe(kk.app.documentTitle);
    i18n.changeLanguage('ru');
    expect(i18n.language).toBe('ru');
    expect(i18n.t('app.documentTitle')).toBe(ru.app.documentTitle);
    i18n.changeLanguage('ru');
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    i18n.changeLanguage('kk');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('a fixed t is the same function each time, and speaks a bundle added after it was made', () => {
    const i18n = createTranslator('en', { en: { common: en } });
    const t = i18n.getFixedT('en', 'extra');
    expect(i18n.getFixedT('en', 'extra')).toBe(t);
    expect(t('hello')).toBe('hello');
    expect(i18n.hasResourceBundle('en', 'extra')).toBe(false);
    i18n.addResourceBundle('en', 'extra', { hello: 'Hi' });
    expect(i18n.hasResourceBundle('en', 'extra')).toBe(true);
    expect(t('hello')).toBe('Hi');
  });

  test('`ns:key` speaks another namespace than the one t was made for', () => {
    const i18n = createTranslator('en', {
      en: { common: { a: 'common A' }, review: { a: 'review A' } },
    });
    expect(i18n.t('a')).toBe('common A');
    expect(i18n.t('review:a')).toBe('review A');
    expect(i18n.getFixedT('en', 'review')('common:a')).toBe('common A');
    expect(i18n.t('nowhere:a')).toBe('a');
  });

  test('addBundles adds a namespace only to the languages that lack it', () => {
    const i18n = createTranslator('en');
    i18n.addResourceBundle('en', 'extra', { hello: 'Hi' });
    i18n.addBundles('extra', { en: { hello: 'Replaced?' }, kk: { hello: 'Сәлем' } });
    expect(i18n.getFixedT('en', 'extra')('hello')).toBe('Hi');
    expect(i18n.getFixedT('kk', 'extra')('hello')).toBe('Сәлем');
  });

  test('does not change the catalogues it was given', () => {
    const resources = { en: { common: en } };
    const i18n = createTranslator('en', resources);
    i18n.addResourceBundle('en', 'extra', { hello: 'Hi' });
    expect(Object.keys(resources.en)).toEqual(['common']);
  });
});
