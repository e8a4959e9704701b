import type { z } from 'zod';
import { type Metric, metricSchema } from '../../src/contract/metrics';
import type { DatasetSnapshot } from '../repository';
import { ImportError, type ImportIssue } from './errors';
import { importColumns, type ImportRow, importRowSchema, type RawRow } from './rows';

export interface ImportSummary {
  rows: number;
  /** Ids of the figures that changed, in file order. */
  metrics: string[];
  headline: number;
  series: number;
  breakdown: number;
}

/** Where a contract field of a figure came from in the row, for messages. */
const rowFieldOf: Record<string, string> = {
  value: 'value',
  asOf: 'asOf',
  series: 'period',
  breakdown: 'district',
  sourceId: 'source',
  reporterId: 'reporter',
  verification: 'verification',
};

function schemaIssues(at: ImportIssue, values: Record<string, unknown>, error: z.ZodError) {
  return error.issues.flatMap((issue): ImportIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        ...at,
        field: key,
        message: `unknown field; the fields are ${importColumns.join(', ')}`,
      }));
    }
    const field = String(issue.path[0] ?? '');
    const missing = issue.code === 'invalid_type' && values[field] === undefined;
    return [{ ...at, field, message: missing ? 'is required' : issue.message }];
  });
}

/**
 * Applies the rows to a copy of the current figures and checks every changed figure against the
 * contract. Returns the figures to write; throws ImportError naming each bad row and field, so
 * that a file with one bad row writes nothing.
 */
export function planImport(
  rawRows: RawRow[],
  snapshot: DatasetSnapshot,
): { changed: Metric[]; result: ImportSummary } {
  const metrics = new Map(snapshot.metrics.map((m) => [m.id, structuredClone(m)]));
  const people = new Map(snapshot.sources.map((s) => [s.id, new Set(s.people.map((p) => p.id))]));
  const districtOrder = (id: string) => snapshot.districtIds.indexOf(id);
  const issues: ImportIssue[] = [];
  const changed = new Set<string>();
  const summary: ImportSummary = {
    rows: rawRows.length,
    metrics: [],
    headline: 0,
    series: 0,
    breakdown: 0,
  };

  for (const raw of rawRows) {
    const at: ImportIssue = { row: raw.row, line: raw.line, message: '' };
    const parsed = importRowSchema.safeParse(raw.values);
    if (!parsed.success) {
      issues.push(...schemaIssues(at, raw.values, parsed.error));
      continue;
    }
    const row = parsed.data;
    const metric = metrics.get(row.metric);
    if (!metric) {
      issues.push({ ...at, field: 'metric', message: `no figure with id "${row.metric}"` });
      continue;
    }
    if (metric.kind === 'status') {
      issues.push({
        ...at,
        field: 'value',
        message: `"${metric.id}" is a status figure and has no number`,
      });
      continue;
    }
    const rowIssues = applyRow(metric, row, { people, districtOrder });
    if (rowIssues.length > 0) {
      issues.push(...rowIssues.map((issue) => ({ ...at, ...issue })));
      continue;
    }
    const check = metricSchema.safeParse(metric);
    if (!check.success) {
      for (const issue of check.error.issues) {
        const contractField = String(issue.path[0] ?? '');
        const field = rowFieldOf[contractField] ?? contractField;
        issues.push({
          ...at,
          field,
          message: `${issue.message} (figure field ${issue.path.join('.')})`,
        });
      }
      continue;
    }
    if (row.period !== undefined) summary.series += 1;
    else if (row.district !== undefined) summary.breakdown += 1;
    else summary.headline += 1;
    if (!changed.has(metric.id)) summary.metrics.push(metric.id);
    changed.add(metric.id);
  }

  if (issues.length > 0) throw new ImportError(issues);
  return {
    changed: summary.metrics
      .map((id) => metrics.get(id))
      .filter((m): m is Metric => m !== undefined),
    result: summary,
  };
}

interface Lookups {
  people: Map<string, Set<string>>;
  districtOrder: (id: string) => number;
}

/** Changes `metric` in place; returns what is wrong instead when the row does not fit. */
function applyRow(
  metric: Metric,
  row: ImportRow,
  { people, districtOrder }: Lookups,
): Omit<ImportIssue, 'row' | 'line'>[] {
  if (row.period !== undefined) {
    const point = { period: row.period, value: row.value, sample: row.sample ?? false };
    metric.series = [...metric.series.filter((p) => p.period !== row.period), point].sort((a, b) =>
      a.period.localeCompare(b.period),
    );
    return [];
  }

  if (row.district !== undefined) {
    const districtId = row.district;
    if (districtOrder(districtId) < 0) {
      return [{ field: 'district', message: `no district with id "${districtId}"` }];
    }
    const entry = { districtId, value: row.value, sample: row.sample ?? false, derived: false };
    metric.breakdown = [...metric.breakdown.filter((e) => e.districtId !== districtId), entry].sort(
      (a, b) => districtOrder(a.districtId) - districtOrder(b.districtId),
    );
    return [];
  }

  // A headline value: as stated by its source, so neither derived nor sample, and unverified
  // unless the row says otherwise. A new value without a date has no date.
  const sourceId = row.source ?? metric.sourceId;
  const speakers = people.get(sourceId);
  if (!speakers) return [{ field: 'source', message: `no source with id "${sourceId}"` }];
  const reporterId = row.reporter ?? (sourceId === metric.sourceId ? metric.reporterId : undefined);
  if (reporterId === undefined) {
    return [
      { field: 'reporter', message: 'is required when the source changes (who gave the figure?)' },
    ];
  }
  if (!speakers.has(reporterId)) {
    return [
      {
        field: 'reporter',
        message: `"${reporterId}" is not one of the people of source "${sourceId}"`,
      },
    ];
  }
  Object.assign(metric, {
    value: row.value,
    asOf: row.asOf ?? null,
    sourceId,
    reporterId,
    verification: row.verification ?? 'reported',
    derived: false,
    derivation: null,
    sample: false,
  } satisfies Partial<Metric>);
  return [];
}
