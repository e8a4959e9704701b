import { useTranslation } from '@/lib/i18n-react';
import type { Locale } from '@/contract/common';
import { useInitiatives } from '@/features/initiatives/api/get-initiatives';
import { useMetrics } from '@/features/kpis/api/get-metrics';
import { chartsForAll } from '@/features/kpis/lib/chart-specs';
import { useRegion } from '@/features/region/api/get-region';
import { useSources } from '@/features/sources/api/get-sources';

/** Everything a slide may show, loaded together (Suspense) and charted in the given language. */
export function useDeckData(locale: Locale) {
  const { t } = useTranslation();
  const { data: initiatives } = useInitiatives();
  const { data: metrics } = useMetrics();
  const { data: sources } = useSources();
  const { data: region } = useRegion();
  const charts = chartsForAll(initiatives, metrics, { t, locale, region });
  return { initiatives, metrics, sources, region, charts };
}

export type DeckData = ReturnType<typeof useDeckData>;
