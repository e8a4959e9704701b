import { createTranslator, type TFunction } from '@/lib/translator';
import type { ChartSpec } from '@/components/charts/chart-types';
import type { Locale } from '@/contract/common';
import { endpoints } from '@/contract/endpoints';
import { initiativeListSchema } from '@/contract/initiatives';
import { metricListSchema } from '@/contract/metrics';
import { regionSchema } from '@/contract/region';
import { sourceListSchema } from '@/contract/sources';
import { chartsForAll } from '@/features/kpis/lib/chart-specs';
import { citationOf } from '@/features/sources/lib/citation';
import { apiGet } from '@/lib/api-client';

const catalogues = {
  kk: () => import('@/locales/kk/common.json'),
  ru: () => import('@/locales/ru/common.json'),
  en: () => import('@/locales/en/common.json'),
};

/** The words without React: the embed draws with the DOM. */
export async function embedT(locale: Locale): Promise<TFunction> {
  const catalogue = (await catalogues[locale]()).default;
  return createTranslator(locale, { [locale]: { common: catalogue } }).t;
}

export interface EmbedChart {
  spec: ChartSpec;
  sourceLabel: string;
}

/** The chart by id, built from the API as the dashboard builds it; null when there is none. */
export async function loadEmbedChart(
  chartId: string,
  locale: Locale,
  t: TFunction,
): Promise<EmbedChart | null> {
  const [region, initiatives, metrics, sources] = await Promise.all([
    apiGet(endpoints.region, regionSchema),
    apiGet(endpoints.initiatives, initiativeListSchema),
    apiGet(endpoints.metrics, metricListSchema),
    apiGet(endpoints.sources, sourceListSchema),
  ]);
  const spec = chartsForAll(initiatives, metrics, { t, locale, region }).find(
    (c) => c.id === chartId,
  );
  if (!spec) return null;
  const source = sources.find((s) => s.id === spec.sourceId);
  return { spec, sourceLabel: source ? citationOf(source, locale) : spec.sourceId };
}
