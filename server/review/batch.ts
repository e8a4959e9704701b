import type { Batch, BatchPreview } from '../../src/contract/revisions';
import { batchSchema } from '../../src/contract/revisions';
import { decide } from '../../src/contract/review-rules';
import { AuthError } from '../auth/errors';
import { ImportError, formatIssue } from '../import/errors';
import { rowsFromCsv } from '../import/read';
import type { RawRow } from '../import/rows';
import { bumpDatasetVersion, type DatasetSnapshot, loadMetrics, loadSources } from '../repository';
import { planBatch, type PlannedRow } from './batch-plan';
import { factsOf, loadRelated, toRevision } from './records';
import { publish } from './publish';
import { Refused, refusalError } from './state';
import { type Acting, audit, checkMayPropose, insertRevision, type ReviewDeps } from './workflow';

/*
 * Bulk proposals (a CSV in the import format): preview, submit as one batch (all rows or none),
 * read, and approve as a whole. Row-by-row review is the revisions' own approve and reject.
 */
/** The rows of a batch's CSV; 400 naming what is wrong with the file itself. */
export function csvRows(csv: string): RawRow[] {
  try {
    const rows = rowsFromCsv(csv);
    if (rows.length > 0) return rows;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    throw new AuthError(400, 'invalid_batch', error.issues.map(formatIssue).join('; '));
  }
  throw new AuthError(400, 'invalid_batch', 'The file has no rows.');
}

async function plan(deps: ReviewDeps, raw: RawRow[]): Promise<PlannedRow[]> {
  const districts = await deps.db
    .selectFrom('districts')
    .select('id')
    .orderBy('position')
    .execute();
  const snapshot: DatasetSnapshot = {
    metrics: await loadMetrics(deps.db),
    districtIds: districts.map((d) => d.id),
    sources: await loadSources(deps.db),
  };
  return planBatch(raw, snapshot);
}

export async function previewBatch(
  deps: ReviewDeps,
  acting: Acting,
  rows: RawRow[],
): Promise<BatchPreview> {
  await checkMayPropose(deps, acting, false);
  const planned = (await plan(deps, rows)).map((p) => p.row);
  return { rows: planned, valid: planned.every((row) => row.errors.length === 0) };
}

/** Submits every row as one batch, or nothing (400 naming every row's errors). */
export async function submitBatch(
  deps: ReviewDeps,
  acting: Acting,
  rows: RawRow[],
  note: string | null,
): Promise<Batch> {
  await checkMayPropose(deps, acting, false);
  const planned = await plan(deps, rows);
  const wrong = planned.filter((p) => p.row.errors.length > 0 || p.proposal === null);
  if (wrong.length > 0) {
    const described = wrong.flatMap(({ row }) =>
      row.errors.map((e) => `line ${row.line}${e.field ? `, ${e.field}` : ''}: ${e.message}`),
    );
    throw new AuthError(400, 'invalid_batch', `Nothing was submitted. ${described.join('; ')}`);
  }
  const now = deps.now();
  const id = `batch-${crypto.randomUUID()}`;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('batches')
      .values({
        id,
        region_id: acting.user.regionId,
        created_by: acting.user.id,
        created_at: now.toISOString(),
        note,
      })
      .execute();
    for (const { proposal } of planned) {
      if (proposal)
        await insertRevision(trx, acting, proposal, now, { batchId: id, submitted: true });
    }
    await audit(trx, acting, now, 'batch.submit', `batch:${id}`, 'success', {
      rows: planned.length,
    });
  });
  return readBatch(deps, acting, id);
}

export async function readBatch(deps: ReviewDeps, acting: Acting, id: string): Promise<Batch> {
  const batch = await deps.db
    .selectFrom('batches')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!batch || batch.region_id !== acting.user.regionId) {
    throw new AuthError(404, 'not_found', `No batch with id "${id}".`);
  }
  const rows = await deps.db
    .selectFrom('revisions')
    .selectAll()
    .where('batch_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const related = await loadRelated(deps.db, rows);
  const revisions = rows.map((row) => toRevision(row, related, acting.user));
  const creator = await deps.db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'organisation'])
    .where('id', '=', batch.created_by)
    .executeTakeFirstOrThrow();
  const open = revisions.filter((r) => r.status === 'submitted');
  return batchSchema.parse({
    id,
    createdBy: {
      id: creator.id,
      displayName: creator.display_name,
      organisation: creator.organisation,
    },
    createdAt: batch.created_at,
    note: batch.note,
    revisions,
    mayApproveAll: open.length > 0 && open.every((r) => r.may.approve),
  });
}

/** Approves every submitted row in one transaction: all are published, or none (403/409). */
export async function approveBatch(deps: ReviewDeps, acting: Acting, id: string): Promise<Batch> {
  const now = deps.now();
  const target = `batch:${id}`;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await bumpDatasetVersion(trx);
      const batch = await trx
        .selectFrom('batches')
        .select('region_id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!batch || batch.region_id !== acting.user.regionId) {
        throw new AuthError(404, 'not_found', `No batch with id "${id}".`);
      }
      const rows = await trx
        .selectFrom('revisions')
        .selectAll()
        .where('batch_id', '=', id)
        .where('status', '=', 'submitted')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      if (rows.length === 0) throw new Refused('state');
      for (const row of rows) {
        const decision = decide(acting.user, factsOf(row, false), 'approve');
        if (!decision.allowed) throw new Refused(decision.refusal);
      }
      for (const row of rows) {
        await publish(trx, deps, acting, row, now);
        await audit(trx, acting, now, 'revision.approve', `revision:${row.id}`, 'success', {
          batch: id,
        });
      }
      await audit(trx, acting, now, 'batch.approve', target, 'success', { rows: rows.length });
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    await audit(deps.db, acting, now, 'batch.approve', target, 'denied', { reason: error.refusal });
    throw refusalError(error.refusal);
  }
  deps.onPublicChange();
  return readBatch(deps, acting, id);
}
