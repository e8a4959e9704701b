import { z } from 'zod/mini';
import { localeSchema, locales, type Locale } from '@/contract/common';

export interface KioskConfig {
  /** Seconds per slide. */
  interval: number;
  /** Languages to cycle through, one per round of slides. */
  langs: Locale[];
  /** Seconds without a touch before the kiosk forgets the visitor and rotates again. */
  idle: number;
  /** Seconds between data refreshes. */
  refresh: number;
  /** Slide ids to show, in order; empty means all. */
  slides: string[];
  /** Base URL of the public web dashboard the QR codes open; null means this site's own origin. */
  base: string | null;
}

export const kioskDefaults: KioskConfig = {
  interval: 20,
  langs: [...locales],
  idle: 60,
  refresh: 300,
  slides: [],
  base: null,
};

const list = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

// Short intervals are allowed on purpose: the soak benchmark drives thousands of transitions.
const seconds = (min: number, max: number) => z.coerce.number().check(z.gte(min), z.lte(max));

const fields = {
  interval: seconds(0.05, 3600),
  idle: seconds(5, 86_400),
  refresh: seconds(5, 86_400),
  base: z.url({ protocol: /^https?$/ }),
};

/**
 * Reads the kiosk's URL. A bad value never stops the screen: it falls back to the default and
 * is reported, so whoever set the kiosk up sees what to fix.
 */
export function parseKioskConfig(params: URLSearchParams): {
  config: KioskConfig;
  problems: string[];
} {
  const config: KioskConfig = { ...kioskDefaults };
  const problems: string[] = [];

  for (const key of ['interval', 'idle', 'refresh'] as const) {
    const raw = params.get(key);
    if (raw === null) continue;
    const parsed = fields[key].safeParse(raw);
    if (parsed.success) config[key] = parsed.data;
    else problems.push(key);
  }

  const rawBase = params.get('base');
  if (rawBase !== null) {
    const parsed = fields.base.safeParse(rawBase);
    if (parsed.success) config.base = parsed.data.replace(/\/+$/, '');
    else problems.push('base');
  }

  if (params.has('langs')) {
    const langs = list(params.get('langs'));
    const known = langs.filter((lang): lang is Locale => localeSchema.safeParse(lang).success);
    if (known.length !== langs.length || known.length === 0) problems.push('langs');
    if (known.length > 0) config.langs = [...new Set(known)];
  }

  // `lang`, which every page honours, picks the language the rotation starts with; the others
  // follow in their order.
  const rawLang = params.get('lang');
  if (rawLang !== null) {
    const lang = localeSchema.safeParse(rawLang);
    if (!lang.success) problems.push('lang');
    else {
      const at = config.langs.indexOf(lang.data);
      config.langs =
        at === -1
          ? [lang.data, ...config.langs]
          : [...config.langs.slice(at), ...config.langs.slice(0, at)];
    }
  }

  config.slides = list(params.get('slides'));
  return { config, problems };
}
