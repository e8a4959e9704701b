import type { Metric } from '../../src/contract/metrics';

/*
 * What publishing a revision does to the figure the public sees: pure, so the rule is tested
 * without a database. A district's revision sets that district's entry; a revision for an
 * earlier period than the figure's date adds to its history only; anything else is the new
 * headline value (stated by its source: never derived, never sample, not verified until a
 * verifier says so), and its period joins the history too.
 */
export interface PublishedValue {
  value: number | null;
  total: number | null;
  statusText: Metric['statusText'];
  period: string | null;
  districtId: string | null;
  sourceId: string;
  /** A person id of the source (the reporter). */
  reporterId: string;
}

export type Effect = 'headline' | 'history' | 'district';

export function effectOf(metric: Metric, value: PublishedValue): Effect {
  if (value.districtId !== null) return 'district';
  if (value.period !== null && metric.asOf !== null && value.period < metric.asOf) return 'history';
  return 'headline';
}

const withPoint = (metric: Metric, period: string, value: number): Metric['series'] =>
  [
    ...metric.series.filter((point) => point.period !== period),
    { period, value, sample: false },
  ].sort((a, b) => a.period.localeCompare(b.period));

/** The figure after `value` is published; `districtOrder` sorts breakdown entries. */
export function applyPublished(
  metric: Metric,
  value: PublishedValue,
  districtOrder: (districtId: string) => number,
): Metric {
  const effect = effectOf(metric, value);
  if (effect === 'district') {
    const districtId = value.districtId as string;
    const entry = { districtId, value: value.value ?? 0, sample: false, derived: false };
    return {
      ...metric,
      breakdown: [...metric.breakdown.filter((e) => e.districtId !== districtId), entry].sort(
        (a, b) => districtOrder(a.districtId) - districtOrder(b.districtId),
      ),
    };
  }
  const series =
    value.period !== null && value.value !== null
      ? withPoint(metric, value.period, value.value)
      : metric.series;
  if (effect === 'history') return { ...metric, series };
  return {
    ...metric,
    value: value.value,
    total: metric.kind === 'ratio' ? value.total : metric.total,
    statusText: metric.kind === 'status' ? value.statusText : metric.statusText,
    asOf: value.period,
    sourceId: value.sourceId,
    reporterId: value.reporterId,
    verification: 'reported',
    derived: false,
    derivation: null,
    sample: false,
    series,
  };
}
