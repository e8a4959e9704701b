/*
 * The app's words: catalogues of nested JSON messages per language and namespace, looked up by a
 * dotted key (`ns:key` names another namespace), with `{{name}}` placeholders and plural forms chosen by `Intl.PluralRules`
 * (`key_one`, `key_few`, `key_many`, `key_other`; `key_zero` for a count of 0 when a catalogue has
 * it). That is all of i18next's format the catalogues use, and all of i18next's API the app used;
 * this module keeps it out of the first paint on a phone, which paid for the whole library
 * (README, "Languages").
 * No React here: the app, the embed and the server share it.
 */

export type Bundle = { readonly [key: string]: unknown };
export type Resources = Record<string, Record<string, Bundle>>;
export interface TOptions {
  /** Chooses the plural form and fills `{{count}}`. */
  count?: number;
  /** Said when no catalogue has the key (otherwise the key itself is). */
  defaultValue?: string;
  [name: string]: unknown;
}
export type TFunction = (key: string, options?: TOptions) => string;

export const DEFAULT_NS = 'common';

/** The value at a dotted path of nested objects, or undefined. */
function at(tree: unknown, path: string): unknown {
  let node = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const placeholder = /\{\{\s*([\w.]+)\s*\}\}/g;

/** `{{name}}` filled from the options; a value not given leaves nothing, as i18next does. */
export function interpolate(message: string, values: TOptions = {}): string {
  return message.replace(placeholder, (_, name: string) => {
    const value = at(values, name);
    return value === undefined || value === null ? '' : String(value as string | number);
  });
}

/** The keys to try for a message, most specific first. */
function candidates(key: string, count: unknown, rules: Intl.PluralRules): string[] {
  if (typeof count !== 'number') return [key];
  const forms = [`${key}_${rules.select(count)}`, `${key}_other`, key];
  return count === 0 ? [`${key}_zero`, ...forms] : forms;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function rulesFor(lng: string): Intl.PluralRules {
  let rules = pluralRules.get(lng);
  if (!rules) {
    rules = new Intl.PluralRules(lng);
    pluralRules.set(lng, rules);
  }
  return rules;
}

/** One message of one bundle, filled in; the default value or the key when there is none. */
export function translate(
  bundle: Bundle | undefined,
  lng: string,
  key: string,
  options?: TOptions,
): string {
  for (const candidate of candidates(key, options?.count, rulesFor(lng))) {
    const message = at(bundle, candidate);
    if (typeof message === 'string') return interpolate(message, options);
  }
  return options?.defaultValue === undefined ? key : interpolate(options.defaultValue, options);
}

/** A language's catalogues, the current language, and who to tell when it changes. */
export interface I18n {
  readonly language: string;
  /** `t` in the current language and the default namespace. */
  t: TFunction;
  /** `t` in one language and namespace; the same function each time it is asked for. */
  getFixedT(lng: string, ns?: string): TFunction;
  changeLanguage(lng: string): void;
  hasResourceBundle(lng: string, ns: string): boolean;
  addResourceBundle(lng: string, ns: string, bundle: Bundle): void;
  /** Adds a namespace's bundles for the languages that do not have it yet. */
  addBundles(ns: string, bundles: Record<string, Bundle>): void;
  /** Called after each change of language; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function createTranslator(lng: string, resources: Resources = {}): I18n {
  const store: Resources = Object.fromEntries(
    Object.entries(resources).map(([lang, namespaces]) => [lang, { ...namespaces }]),
  );
  const fixed = new Map<string, TFunction>();
  const listeners = new Set<() => void>();
  let language = lng;

  const getFixedT = (lang: string, ns = DEFAULT_NS): TFunction => {
    const id = `${lang}\u0000${ns}`;
    let t = fixed.get(id);
    if (!t) {
      // The bundle is read at each call, so a `t` made before its bundle arrived speaks it after.
      t = (key, options) => {
        const colon = key.indexOf(':');
        return colon > 0
          ? translate(store[lang]?.[key.slice(0, colon)], lang, key.slice(colon + 1), options)
          : translate(store[lang]?.[ns], lang, key, options);
      };
      fixed.set(id, t);
    }
    return t;
  };

  const i18n: I18n = {
    get language() {
      return language;
    },
    t: (key, options) => getFixedT(language)(key, options),
    getFixedT,
    changeLanguage(next) {
      if (next === language) return;
      language = next;
      for (const listener of listeners) listener();
    },
    hasResourceBundle: (lang, ns) => store[lang]?.[ns] !== undefined,
    addResourceBundle(lang, ns, bundle) {
      store[lang] = { ...store[lang], [ns]: bundle };
    },
    addBundles(ns, bundles) {
      for (const [lang, bundle] of Object.entries(bundles)) {
        if (!i18n.hasResourceBundle(lang, ns)) i18n.addResourceBundle(lang, ns, bundle);
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return i18n;
}
