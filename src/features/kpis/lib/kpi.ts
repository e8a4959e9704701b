import type { Metric } from '@/contract/metrics';

export interface Progress {
  value: number;
  total: number;
  /** value / total, 0..1 (may exceed 1 if the data says so). */
  share: number;
}

/** Progress against the total the source gives; null where there is none. */
export function progressOf(metric: Metric): Progress | null {
  if (metric.value === null || metric.total === null) return null;
  return { value: metric.value, total: metric.total, share: metric.value / metric.total };
}

/** A relative change as an index: earlier period = baseline (100), now = baseline + change. */
export function indexOf(metric: Metric): { baseline: number; now: number } | null {
  if (metric.kind !== 'change' || metric.value === null) return null;
  const baseline = metric.baseline ?? 100;
  return { baseline, now: baseline + (baseline * metric.value) / 100 };
}

export type Trend = 'improved' | 'worsened' | 'unchanged' | 'not-applicable';

/** Whether a change is good news, given which way is better for the figure. */
export function trendOf(metric: Metric): Trend {
  if (metric.kind !== 'change' || metric.value === null || metric.direction === null) {
    return 'not-applicable';
  }
  if (metric.value === 0) return 'unchanged';
  const wentDown = metric.value < 0;
  return wentDown === (metric.direction === 'lower-is-better') ? 'improved' : 'worsened';
}

/** Figures that get a card of their own; the rest are shown inside their parent's card. */
export function headlineMetrics(metrics: Metric[]): Metric[] {
  return metrics.filter((metric) => metric.parentId === null);
}

export function childMetrics(metrics: Metric[], parentId: string): Metric[] {
  return metrics.filter((metric) => metric.parentId === parentId);
}

/** True when any part of the figure was invented for demonstration. */
export function hasSampleData(metric: Metric): boolean {
  return (
    metric.sample ||
    metric.target?.sample === true ||
    metric.series.some((point) => point.sample) ||
    metric.breakdown.some((entry) => entry.sample)
  );
}
