import type { ChartSpec } from '../chart-types';
import type { PictureTexts } from './chart-picture';

type T = (key: string, options?: Record<string, string>) => string;

/** The licence of everything the dashboard publishes: our compilation, each source on its own terms. */
export const LICENCE = {
  id: 'CC-BY-4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** A chart's address on the dashboard, in the reader's language, scrolled to the chart. */
export function chartLink(origin: string, spec: ChartSpec, locale: string): string {
  return `${origin}/initiatives/${encodeURIComponent(spec.initiativeId)}?lang=${locale}&tab=charts#chart-${spec.id}`;
}

/** Footer and legend words for a picture or an embed, from the catalogues. */
export function pictureTexts(
  spec: ChartSpec,
  t: T,
  sourceLabel: string,
  link: string,
): PictureTexts {
  return {
    title: spec.title,
    summary: spec.summary,
    legendReported: t('chart.table.reported'),
    legendSample: t('badge.sample'),
    legendDerived: t('badge.derived'),
    source: t('openData.sourceLine', { source: sourceLabel }),
    verification: t('openData.verificationLine', {
      status: t(`verification.${spec.verification}`),
    }),
    licence: t('openData.licence'),
    link,
  };
}
