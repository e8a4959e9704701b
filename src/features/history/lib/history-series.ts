import type { TFunction } from '@/lib/translator';
import type { Locale } from '@/contract/common';
import type { Metric, SeriesPoint } from '@/contract/metrics';
import type { PublicRevision } from '@/contract/revisions';
import type { ChartSpec } from '@/components/charts/chart-types';
import { formatNumber, formatPeriod } from '@/lib/format';

/**
 * The figure over time: the region-wide published revisions that name their period, and the
 * figure's own series. Where both give a period, the newest published revision wins; a point
 * keeps its sample flag, so an invented point stays flagged wherever it is drawn.
 */
export function historyPoints(revisions: PublicRevision[], series: SeriesPoint[]): SeriesPoint[] {
  const byPeriod = new Map<string, SeriesPoint>();
  for (const point of series) byPeriod.set(point.period, point);
  const published = revisions
    .filter(
      (revision): revision is PublicRevision & { period: string; value: number } =>
        revision.districtId === null && revision.period !== null && revision.value !== null,
    )
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
  for (const revision of published) {
    byPeriod.set(revision.period, {
      period: revision.period,
      value: revision.value,
      sample: revision.sample,
    });
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
}

/** The line chart of those points, with a sentence stating every one; null when none. */
export function historyChart(
  metric: Metric,
  points: SeriesPoint[],
  t: TFunction,
  locale: Locale,
): ChartSpec | null {
  if (points.length === 0) return null;
  const label = metric.label[locale];
  const stated = points
    .map((point) => `${formatPeriod(point.period, locale)}: ${formatNumber(point.value, locale)}`)
    .join('; ');
  return {
    id: `${metric.id}-over-time`,
    initiativeId: metric.initiativeId,
    kind: 'line',
    title: t('history.chartTitle', { label }),
    summary: t('history.chartSummary', { label, points: stated }),
    categoryHeader: t('history.chartPeriod'),
    valueHeader: t('history.chartValue'),
    rows: points.map((point) => ({
      key: point.period,
      label: formatPeriod(point.period, locale),
      value: point.value,
      sample: point.sample,
      derived: false,
      muted: false,
    })),
    sourceId: metric.sourceId,
    verification: metric.verification,
  };
}
