import { http } from 'msw';
import { emptyBodySchema } from '@/contract/accounts';
import { API_PREFIX, manageEndpoints } from '@/contract/endpoints';
import { mayPropose } from '@/contract/review-rules';
import { batchBodySchema, type Batch, type BatchPreview } from '@/contract/revisions';
import { metrics } from '../fixtures/metrics';
// The import's row rules are the server's (classic zod): loaded on the first upload, so the mock
// build's first paint carries none of them.
import type { checkBatch } from './batch-rows';
const batchRows = () => import('./batch-rows');
import {
  answer,
  audit,
  readBody,
  refuse,
  sessionAt,
  type Answer,
  type MockAccount,
} from './manage-state';
import { onAnyOrigin } from './respond';
import { applyAction } from './revision-actions';
import { check, denied, withMay } from './revision-checks';
import {
  actingUser,
  actorOf,
  hearingRevision,
  newBatchId,
  newRevisionId,
  revisionState,
  type StoredBatch,
  type StoredRevision,
} from './revisions-state';

/** An editor (the only role that submits rows), or the server's refusal. */
function editorSession(action: string): { entry: MockAccount } | { refusal: Answer } {
  const at = sessionAt('active');
  if ('refusal' in at) return at;
  const me = at.entry.account;
  if (!mayPropose(actingUser(me), me.regionId)) {
    denied(at.entry, action, null, 'role');
    return { refusal: refuse(403, 'role', 'Your roles do not allow this.') };
  }
  return at;
}

function batchAnswer(entry: MockAccount, batch: StoredBatch): Batch {
  const revisions = revisionState().revisions.filter((item) => item.batchId === batch.id);
  const shown = revisions.map((item) => withMay(entry, item));
  const waiting = shown.filter((item) => item.status === 'submitted');
  return {
    ...batch,
    revisions: shown,
    mayApproveAll: waiting.length > 0 && waiting.every((item) => item.may.approve),
  };
}

function revisionOf(
  entry: MockAccount,
  batchId: string,
  row: NonNullable<ReturnType<typeof checkBatch>['rows'][number]['row']>,
): StoredRevision | null {
  const metric = metrics.find((item) => item.id === row.metric);
  if (!metric) return null;
  const now = new Date().toISOString();
  const by = actorOf(entry.account);
  return {
    ...hearingRevision(metric),
    id: newRevisionId(),
    status: 'submitted',
    value: row.value,
    total: metric.kind === 'ratio' ? metric.total : null,
    statusText: null,
    period: row.asOf ?? row.period ?? null,
    districtId: row.district ?? null,
    sourceId: row.source ?? metric.sourceId,
    statedBy: row.reporter ?? metric.reporterId,
    batchId,
    createdBy: by,
    lastEditedBy: by,
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
    publishedAt: null,
  };
}

export const batchHandlers = [
  http.post(onAnyOrigin(manageEndpoints.batchPreview), async ({ request }) => {
    const at = editorSession('batch.preview');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, batchBodySchema);
    if ('refusal' in read) return read.refusal;
    const { checkBatch } = await batchRows();
    const { rows, fileError } = checkBatch(read.body.csv);
    if (fileError) return refuse(400, 'invalid_csv', `csv: ${fileError}`);
    const preview: BatchPreview = {
      rows: rows.map(({ row: _row, ...shown }) => shown),
      valid: rows.every((row) => row.errors.length === 0),
    };
    return answer(preview);
  }),

  http.post(onAnyOrigin(manageEndpoints.batches), async ({ request }) => {
    const at = editorSession('batch.submit');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, batchBodySchema);
    if ('refusal' in read) return read.refusal;
    const { checkBatch, describeRowErrors } = await batchRows();
    const { rows, fileError } = checkBatch(read.body.csv);
    if (fileError) return refuse(400, 'invalid_csv', `csv: ${fileError}`);
    if (rows.some((row) => row.errors.length > 0)) {
      return refuse(400, 'invalid_csv', describeRowErrors(rows));
    }
    const batch: StoredBatch = {
      id: newBatchId(),
      createdBy: actorOf(at.entry.account),
      createdAt: new Date().toISOString(),
      note: read.body.note,
    };
    const made = rows.flatMap((row) =>
      row.row ? (revisionOf(at.entry, batch.id, row.row) ?? []) : [],
    );
    revisionState().batches.set(batch.id, batch);
    revisionState().revisions.push(...made);
    audit({
      actorId: at.entry.account.id,
      actorName: at.entry.account.username,
      action: 'batch.submit',
      target: `batch:${batch.id}`,
      outcome: 'success',
      detail: { rows: made.length },
    });
    return answer(batchAnswer(at.entry, batch), { status: 201 });
  }),

  http.get(onAnyOrigin(`${API_PREFIX}/batches/:id`), ({ params }) => {
    const at = sessionAt('active');
    if ('refusal' in at) return at.refusal;
    const batch = revisionState().batches.get(String(params.id));
    return batch
      ? answer(batchAnswer(at.entry, batch))
      : refuse(404, 'not_found', 'No such batch.');
  }),

  http.post(onAnyOrigin(`${API_PREFIX}/batches/:id/approve`), async ({ request, params }) => {
    const at = sessionAt('active');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, emptyBodySchema);
    if ('refusal' in read) return read.refusal;
    const batch = revisionState().batches.get(String(params.id));
    if (!batch) return refuse(404, 'not_found', 'No such batch.');
    const waiting = revisionState().revisions.filter(
      (item) => item.batchId === batch.id && item.status === 'submitted',
    );
    const refused = waiting.map((item) => check(at.entry, item, 'approve')).find(Boolean);
    if (refused) return refused;
    for (const revision of waiting) {
      applyAction(revision, 'approve', { version: revision.version }, at.entry);
    }
    audit({
      actorId: at.entry.account.id,
      actorName: at.entry.account.username,
      action: 'batch.approve',
      target: `batch:${batch.id}`,
      outcome: 'success',
      detail: { rows: waiting.length },
    });
    return answer(batchAnswer(at.entry, batch));
  }),
];
