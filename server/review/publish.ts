import type { Kysely } from 'kysely';
import type { LogEntryActor } from '../../src/transparency/entry';
import type { Database } from '../db/schema';
import { bumpDatasetVersion } from '../repository';
import { checkEvidence } from './check';
import { insertMetric, insertSource, reporterFor } from './catalogue';
import { appendFigureEntry, applyToMetric } from './effects';
import { evidenceIdsOf, type RevisionRow } from './records';
import { update } from './state';
import type { Acting, ReviewDeps, Step } from './workflow';

/*
 * Approval and verification, inside the acting person's transaction: the revision moves (or a
 * verification record is added), the figure changes, the log gets its entry. A failure anywhere
 * rolls all of it back.
 */
type Trx = Kysely<Database>;

const logActor = (id: string, name: string): LogEntryActor => ({ id, name });

async function actorName(trx: Trx, id: string | null): Promise<LogEntryActor | null> {
  if (id === null) return null;
  const row = await trx
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? logActor(row.id, row.display_name) : null;
}

export async function publish(
  trx: Trx,
  deps: ReviewDeps,
  acting: Acting,
  row: RevisionRow,
  now: Date,
) {
  const at = now.toISOString();
  let sourceId = row.source_id;
  if (sourceId === null) {
    if (row.new_source === null) throw new Error(`revision ${row.id} has no source`);
    sourceId = await insertSource(trx, JSON.parse(row.new_source));
  }
  const reporterId = await reporterFor(trx, sourceId, row.stated_by);
  let metricId = row.metric_id;
  if (metricId === null) {
    if (row.new_metric === null) throw new Error(`revision ${row.id} has no figure`);
    const spec = JSON.parse(row.new_metric);
    await insertMetric(trx, spec, { sourceId, reporterId, period: row.period });
    metricId = spec.id as string;
  }
  await update(
    trx,
    row,
    {
      status: 'published',
      metric_id: metricId,
      source_id: sourceId,
      reviewed_by: acting.user.id,
      reviewed_at: at,
      published_at: at,
    },
    at,
  );
  const published = { ...row, metric_id: metricId, source_id: sourceId };
  const { metric, effect } = await applyToMetric(trx, published, reporterId);
  await appendFigureEntry(trx, deps.log, {
    kind: row.corrects === null ? 'publication' : 'correction',
    row: published,
    unit: metric.unit,
    enteredBy: await actorName(trx, row.created_by),
    approvedBy: logActor(acting.user.id, acting.displayName),
    verifiedBy: null,
    reason: row.correction_reason,
    evidenceIds: evidenceIdsOf(row.evidence_ids),
    time: now,
    headline: effect === 'headline',
  });
}

export async function recordVerification(
  trx: Trx,
  deps: ReviewDeps,
  acting: Acting,
  row: RevisionRow,
  step: Step,
  now: Date,
) {
  const evidenceIds = step.evidenceIds ?? [];
  await checkEvidence(trx, acting.user.regionId, evidenceIds, 'evidenceIds');
  const note = (step.action === 'verify' ? step.note : step.reason) ?? '';
  await trx
    .insertInto('verifications')
    .values({
      revision_id: row.id,
      state: step.action === 'verify' ? 'verified' : 'withdrawn',
      by_id: acting.user.id,
      at: now.toISOString(),
      note,
      evidence_ids: JSON.stringify(evidenceIds),
    })
    .execute();
  if (row.metric_id === null || row.source_id === null) return;
  const published = { ...row, metric_id: row.metric_id, source_id: row.source_id };
  // The figure's card says verified while its current headline revision is.
  const headline = await markVerification(trx, published, step.action === 'verify');
  const unit = await trx
    .selectFrom('metrics')
    .select('unit')
    .where('id', '=', row.metric_id)
    .executeTakeFirstOrThrow();
  await appendFigureEntry(trx, deps.log, {
    kind: step.action === 'verify' ? 'verification' : 'unverification',
    row: published,
    unit: unit.unit === null ? null : JSON.parse(unit.unit),
    enteredBy: await actorName(trx, row.created_by),
    approvedBy: await actorName(trx, row.reviewed_by),
    verifiedBy: logActor(acting.user.id, acting.displayName),
    reason: note,
    evidenceIds,
    time: now,
    headline,
  });
}

/** Sets the figure's verification flag when `row` is the revision behind its headline value. */
/**
 * Sets the figure's verification flag when `row` is the revision behind its headline value (the
 * latest region-wide one for the figure's current date); returns whether it is.
 */
async function markVerification(
  trx: Trx,
  row: RevisionRow & { metric_id: string },
  verified: boolean,
): Promise<boolean> {
  const metric = await trx
    .selectFrom('metrics')
    .select('as_of')
    .where('id', '=', row.metric_id)
    .executeTakeFirstOrThrow();
  const latest = await trx
    .selectFrom('revisions')
    .select('id')
    .where('metric_id', '=', row.metric_id)
    .where('status', '=', 'published')
    .where('district_id', 'is', null)
    .where('period', metric.as_of === null ? 'is' : '=', metric.as_of)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (latest?.id !== row.id) return false;
  await bumpDatasetVersion(trx);
  await trx
    .updateTable('metrics')
    .set({ verification: verified ? 'verified' : 'reported' })
    .where('id', '=', row.metric_id)
    .execute();
  return true;
}
