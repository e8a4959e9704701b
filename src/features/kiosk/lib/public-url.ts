import { chartAnchor } from '@/components/charts/chart-types';
import type { Locale } from '@/contract/common';

/** Where a visitor's phone goes from a slide's QR code: the same figure on the public dashboard. */
export function publicUrlFor(
  base: string,
  locale: Locale,
  target: { initiativeId: string; metricId?: string; chartId?: string },
): string {
  const url = new URL(`/initiatives/${encodeURIComponent(target.initiativeId)}`, `${base}/`);
  url.searchParams.set('lang', locale);
  if (target.chartId) {
    url.searchParams.set('tab', 'charts');
    url.hash = chartAnchor(target.chartId);
  } else if (target.metricId) {
    url.hash = target.metricId;
  }
  return url.toString();
}
