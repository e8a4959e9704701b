import { z } from 'zod/mini';
import type { EmbedTheme, EmbedView } from '@/components/charts/embed-code';
// Not lib/i18n's parseLocale: that module brings react-i18next, which the embed does without.
import { type Locale, localeSchema } from '@/contract/common';

export interface EmbedOptions {
  chartId: string;
  locale: Locale;
  theme: EmbedTheme;
  view: EmbedView;
}

/** Reads /embed/<chart id>?lang=&theme=&view=; an unknown value falls back to the default. */
export function embedOptions(url: URL): EmbedOptions {
  const match = /^\/embed\/([^/]+)\/?$/.exec(url.pathname);
  const theme = url.searchParams.get('theme');
  return {
    chartId: match?.[1] ? decodeURIComponent(match[1]) : '',
    locale: z.catch(localeSchema, 'kk').parse(url.searchParams.get('lang') ?? 'kk'),
    theme: theme === 'light' || theme === 'dark' ? theme : 'auto',
    view: url.searchParams.get('view') === 'table' ? 'table' : 'chart',
  };
}
