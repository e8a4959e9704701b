import type { Insertable, Selectable } from 'kysely';
import type { BreakdownEntry, Metric, SeriesPoint } from '../../src/contract/metrics';
import type { BreakdownEntryTable, MetricTable, SeriesPointTable } from './schema';

/*
 * Contract objects <-> rows. Reading gives plain objects that are then parsed by the contract
 * schema (the repository does that), so a row that does not fit the contract never leaves the
 * server unnoticed.
 */

export const toJson = (value: unknown): string => JSON.stringify(value);
export const toJsonOrNull = (value: unknown): string | null =>
  value === null ? null : JSON.stringify(value);
export const fromJson = (text: string): unknown => JSON.parse(text);
export const fromJsonOrNull = (text: string | null): unknown =>
  text === null ? null : JSON.parse(text);

export const flag = (value: boolean): number => (value ? 1 : 0);
/** SQLite gives 0/1; PostgreSQL integer columns give numbers too. */
export const isSet = (value: number | string | boolean): boolean =>
  value === true || Number(value) === 1;
/** double precision comes back as a number from both drivers; guard anyway. */
const num = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

export function metricToRow(metric: Metric, position: number): Insertable<MetricTable> {
  return { id: metric.id, position, ...metricFields(metric) };
}

/** Every column but the id and the position, which never change after seeding. */
export function metricFields(metric: Metric): Omit<Insertable<MetricTable>, 'id' | 'position'> {
  return {
    initiative_id: metric.initiativeId,
    kind: metric.kind,
    label: toJson(metric.label),
    description: toJson(metric.description),
    value: metric.value,
    unit: toJsonOrNull(metric.unit),
    status_text: toJsonOrNull(metric.statusText),
    total: metric.total,
    total_label: toJsonOrNull(metric.totalLabel),
    parent_id: metric.parentId,
    target_value: metric.target?.value ?? null,
    target_sample: metric.target ? flag(metric.target.sample) : null,
    baseline: metric.baseline,
    direction: metric.direction,
    as_of: metric.asOf,
    district_id: metric.districtId,
    source_id: metric.sourceId,
    reporter_id: metric.reporterId,
    verification: metric.verification,
    derived: flag(metric.derived),
    derivation: toJsonOrNull(metric.derivation),
    sample: flag(metric.sample),
  };
}

export function seriesToRows(metric: Metric): Insertable<SeriesPointTable>[] {
  return metric.series.map((point) => ({
    metric_id: metric.id,
    period: point.period,
    value: point.value,
    sample: flag(point.sample),
  }));
}

export function breakdownToRows(
  metric: Metric,
  districtPosition: (districtId: string) => number,
): Insertable<BreakdownEntryTable>[] {
  return metric.breakdown.map((entry) => ({
    metric_id: metric.id,
    district_id: entry.districtId,
    position: districtPosition(entry.districtId),
    value: entry.value,
    sample: flag(entry.sample),
    derived: flag(entry.derived),
  }));
}

/** A metric row plus its points, as plain data still to be parsed by the contract. */
export function rowToMetric(
  row: Selectable<MetricTable>,
  series: Selectable<SeriesPointTable>[],
  breakdown: Selectable<BreakdownEntryTable>[],
): unknown {
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    kind: row.kind,
    label: fromJson(row.label),
    description: fromJson(row.description),
    value: num(row.value),
    unit: fromJsonOrNull(row.unit),
    statusText: fromJsonOrNull(row.status_text),
    total: num(row.total),
    totalLabel: fromJsonOrNull(row.total_label),
    parentId: row.parent_id,
    target:
      row.target_value === null
        ? null
        : { value: Number(row.target_value), sample: isSet(row.target_sample ?? 0) },
    baseline: num(row.baseline),
    direction: row.direction,
    asOf: row.as_of,
    districtId: row.district_id,
    sourceId: row.source_id,
    reporterId: row.reporter_id,
    verification: row.verification,
    derived: isSet(row.derived),
    derivation: fromJsonOrNull(row.derivation),
    sample: isSet(row.sample),
    series: series.map((point): SeriesPoint => ({
      period: point.period,
      value: Number(point.value),
      sample: isSet(point.sample),
    })),
    breakdown: breakdown.map((entry): BreakdownEntry => ({
      districtId: entry.district_id,
      value: Number(entry.value),
      sample: isSet(entry.sample),
      derived: isSet(entry.derived),
    })),
  };
}
