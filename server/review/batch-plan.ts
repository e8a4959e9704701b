import type { Metric } from '../../src/contract/metrics';
import { type BatchRow, proposalBodySchema } from '../../src/contract/revisions';
import { describeIssues } from '../../src/contract/common';
import { ImportError } from '../import/errors';
import { planImport } from '../import/plan';
import { importRowSchema, type RawRow } from '../import/rows';
import type { DatasetSnapshot } from '../repository';
import { effectOf } from './apply';
import type { Proposal } from './check';

/*
 * A CSV in the import format, read as proposals for review: each row checked the way the import
 * checks it (against the current figures), then turned into the proposal it would be. Pure, so a
 * preview and a submission see the same rows and the same errors.
 */
export interface PlannedRow {
  row: BatchRow;
  /** Null when the row has errors. */
  proposal: Proposal | null;
}

function targetOf(metric: Metric, proposal: Proposal): string {
  const effect = effectOf(metric, {
    ...proposal,
    sourceId: proposal.sourceId ?? '',
    reporterId: proposal.statedBy,
  });
  if (effect === 'district') return `district ${proposal.districtId}`;
  if (effect === 'history') return `period ${proposal.period}`;
  return proposal.period === null ? 'headline' : `headline ${proposal.period}`;
}

function currentOf(metric: Metric, proposal: Proposal): number | null {
  if (proposal.districtId !== null) {
    return metric.breakdown.find((e) => e.districtId === proposal.districtId)?.value ?? null;
  }
  const point = metric.series.find((p) => p.period === proposal.period);
  if (point) return point.value;
  return proposal.period === null || proposal.period === metric.asOf || metric.asOf === null
    ? metric.value
    : null;
}

function planRow(raw: RawRow, snapshot: DatasetSnapshot): PlannedRow {
  const line = raw.line ?? raw.row + 1;
  const metricId = typeof raw.values.metric === 'string' ? raw.values.metric : '';
  const refuse = (errors: BatchRow['errors']): PlannedRow => ({
    row: { line, metricId, target: '', current: null, proposed: null, errors },
    proposal: null,
  });
  try {
    planImport([raw], snapshot);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return refuse(error.issues.map((i) => ({ field: i.field ?? '', message: i.message })));
  }
  const row = importRowSchema.parse(raw.values);
  if (row.verification !== undefined) {
    return refuse([{ field: 'verification', message: 'is for a verifier to mark; leave it out' }]);
  }
  if (row.sample === true) {
    return refuse([{ field: 'sample', message: 'invented values are never proposed for review' }]);
  }
  const metric = snapshot.metrics.find((m) => m.id === row.metric) as Metric;
  const sourceId = row.source ?? metric.sourceId;
  const parsed = proposalBodySchema.safeParse({
    metricId: metric.id,
    value: row.value,
    total: metric.kind === 'ratio' ? metric.total : null,
    period: row.period ?? row.asOf ?? null,
    districtId: row.district ?? null,
    sourceId,
    statedBy: row.reporter ?? metric.reporterId,
    note: null,
  });
  if (!parsed.success) return refuse([{ field: '', message: describeIssues(parsed.error) }]);
  const proposal = parsed.data;
  return {
    row: {
      line,
      metricId,
      target: targetOf(metric, proposal),
      current: currentOf(metric, proposal),
      proposed: proposal.value,
      errors: [],
    },
    proposal,
  };
}

/** Every row, with what it would change or what is wrong with it. */
export function planBatch(rows: RawRow[], snapshot: DatasetSnapshot): PlannedRow[] {
  const planned = rows.map((raw) => planRow(raw, snapshot));
  // Two rows for one target would race each other in review.
  const seen = new Map<string, number>();
  for (const { row, proposal } of planned) {
    if (!proposal) continue;
    const key = `${row.metricId} ${proposal.districtId ?? ''} ${proposal.period ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      row.errors.push({ field: 'metric', message: `the same value as line ${first}` });
    } else {
      seen.set(key, row.line);
    }
  }
  return planned;
}
