import { type Kysely, SqliteAdapter } from 'kysely';
import type { Revision } from '../../src/contract/revisions';
import {
  decide,
  mayPropose,
  type ActingUser,
  type RevisionAction,
} from '../../src/contract/review-rules';
import { toJsonOrNull } from '../db/mapping';
import type { Database } from '../db/schema';
import { writeAudit } from '../audit/write';
import { type AccountRow, parseRoles } from '../auth/accounts';
import { AuthError } from '../auth/errors';
import type { LogIdentity } from '../log/append';
import { checkProposal, type Proposal } from './check';
import {
  effectiveVersion,
  factsOf,
  isVerified,
  loadRelated,
  type RevisionRow,
  toRevision,
} from './records';
import { publish, recordVerification } from './publish';
import { Refused, refusalError, update } from './state';

/*
 * The review workflow's use cases. Each runs in one transaction with its audit row (and, for a
 * publication or verification, its log entry). Who may do what is decide() (src/contract), the
 * same function the screens ask; a refusal is audited and answered 403 or 409. Concurrency: every
 * write is conditional on the version the client saw, so of two approvals exactly one wins.
 */
export interface ReviewDeps {
  db: Kysely<Database>;
  now: () => Date;
  log: LogIdentity | null;
  /** Called after a change the public sees, so cached public answers refill at once. */
  onPublicChange: () => void;
}

export interface Acting {
  user: ActingUser;
  username: string;
  displayName: string;
  address: string;
}

type Trx = Kysely<Database>;

/** The acting person, from their account row (a session's, or the CLI's --as). */
export function actingFrom(account: AccountRow, address: string): Acting {
  return {
    user: {
      id: account.id,
      roles: parseRoles(account.roles),
      regionId: account.region_id,
      disabled: account.disabled === 1,
    },
    username: account.username,
    displayName: account.display_name,
    address,
  };
}
const isSqlite = (db: Kysely<Database>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function audit(
  db: Trx,
  acting: Acting,
  at: Date,
  action: string,
  target: string | null,
  outcome: 'success' | 'denied',
  detail: Record<string, string | number | boolean | null> = {},
) {
  await writeAudit(db, at, {
    regionId: acting.user.regionId,
    actorId: acting.user.id,
    actorName: acting.username,
    action,
    target,
    outcome,
    address: acting.address,
    detail,
  });
}

async function lockedRow(trx: Trx, id: string): Promise<RevisionRow | undefined> {
  const query = trx.selectFrom('revisions').selectAll().where('id', '=', id);
  // SQLite has one writer at a time; PostgreSQL needs the row lock for verifications, which
  // do not change the (frozen) revision row.
  return (isSqlite(trx) ? query : query.forUpdate()).executeTakeFirst();
}

export async function readRevision(db: Trx, acting: Acting, id: string): Promise<Revision> {
  const row = await db.selectFrom('revisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.region_id !== acting.user.regionId) {
    throw new AuthError(404, 'not_found', `No revision with id "${id}".`);
  }
  return toRevision(row, await loadRelated(db, [row]), acting.user);
}

const proposalColumns = (body: Proposal) => ({
  metric_id: body.metricId,
  new_metric: toJsonOrNull(body.newMetric),
  value: body.value,
  total: body.total,
  status_text: toJsonOrNull(body.statusText),
  period: body.period,
  district_id: body.districtId,
  source_id: body.sourceId,
  new_source: toJsonOrNull(body.newSource),
  stated_by: body.statedBy,
  evidence_ids: JSON.stringify(body.evidenceIds),
  corrects: body.corrects,
  correction_reason: body.correctionReason,
  note: body.note,
});

/**
 * Writes a new revision, checked against the catalogue: a draft, or (from a batch) submitted
 * at once. The caller holds the transaction and has checked mayPropose.
 */
export async function insertRevision(
  trx: Kysely<Database>,
  acting: Acting,
  body: Proposal,
  at: Date,
  options: { batchId: string | null; submitted: boolean },
): Promise<string> {
  const id = `rev-${crypto.randomUUID()}`;
  await checkProposal(trx, acting.user.regionId, body);
  const time = at.toISOString();
  await trx
    .insertInto('revisions')
    .values({
      id,
      region_id: acting.user.regionId,
      status: options.submitted ? 'submitted' : 'draft',
      version: 1,
      ...proposalColumns(body),
      rejection_reason: null,
      batch_id: options.batchId,
      created_by: acting.user.id,
      last_edited_by: acting.user.id,
      reviewed_by: null,
      created_at: time,
      updated_at: time,
      submitted_at: options.submitted ? time : null,
      reviewed_at: null,
      published_at: null,
      sample: 0,
    })
    .execute();
  await audit(trx, acting, at, 'revision.create', `revision:${id}`, 'success', {
    metric: body.metricId ?? body.newMetric?.id ?? null,
    ...(options.batchId ? { batch: options.batchId } : {}),
  });
  return id;
}

/** Refuses (and audits) a proposal the acting person may not make. */
export async function checkMayPropose(deps: ReviewDeps, acting: Acting, newMetric: boolean) {
  if (mayPropose(acting.user, acting.user.regionId, newMetric)) return;
  await audit(deps.db, acting, deps.now(), 'revision.create', null, 'denied', { reason: 'role' });
  throw refusalError('role');
}

/** A new draft, the acting editor's. */
export async function createDraft(deps: ReviewDeps, acting: Acting, body: Proposal) {
  await checkMayPropose(deps, acting, body.newMetric !== null);
  const now = deps.now();
  const id = await deps.db
    .transaction()
    .execute((trx) => insertRevision(trx, acting, body, now, { batchId: null, submitted: false }));
  return readRevision(deps.db, acting, id);
}

export interface Step {
  action: RevisionAction;
  version: number;
  reason?: string;
  note?: string;
  evidenceIds?: string[];
  proposal?: Proposal;
}

/**
 * Runs one action on a revision: decide, check the version, write, audit, log. Throws AuthError
 * (403 with the rule, 409 when stale or in the wrong state, 404 when unknown).
 */
export async function act(
  deps: ReviewDeps,
  acting: Acting,
  id: string,
  step: Step,
): Promise<Revision> {
  const now = deps.now();
  const target = `revision:${id}`;
  const action = `revision.${step.action}`;
  let publicChange = false;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const row = await lockedRow(trx, id);
      if (!row || row.region_id !== acting.user.regionId) {
        if (row) throw new Refused('region');
        throw new AuthError(404, 'not_found', `No revision with id "${id}".`);
      }
      const related = await loadRelated(trx, [row]);
      const decision = decide(acting.user, factsOf(row, isVerified(related, row.id)), step.action);
      if (!decision.allowed) throw new Refused(decision.refusal);
      if (step.version !== effectiveVersion(row, related)) throw new Refused('stale');
      publicChange = await write(trx, deps, acting, row, step, now);
      await audit(trx, acting, now, action, target, 'success', {
        metric: row.metric_id,
        ...(step.reason ? { reason: step.reason } : {}),
      });
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    await audit(deps.db, acting, now, action, target, 'denied', { reason: error.refusal });
    throw refusalError(error.refusal);
  }
  if (publicChange) deps.onPublicChange();
  return readRevision(deps.db, acting, id);
}

/** Returns true when the public sees the change. */
async function write(
  trx: Trx,
  deps: ReviewDeps,
  acting: Acting,
  row: RevisionRow,
  step: Step,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  switch (step.action) {
    case 'edit': {
      const body = step.proposal as Proposal;
      await checkProposal(trx, acting.user.regionId, body);
      await update(
        trx,
        row,
        { ...proposalColumns(body), status: 'draft', last_edited_by: acting.user.id },
        at,
      );
      return false;
    }
    case 'submit':
      await update(trx, row, { status: 'submitted', submitted_at: at, rejection_reason: null }, at);
      return false;
    case 'withdraw':
      await update(trx, row, { status: 'draft', submitted_at: null }, at);
      return false;
    case 'discard':
      await update(trx, row, { status: 'discarded' }, at);
      return false;
    case 'reject':
      await update(
        trx,
        row,
        {
          status: 'rejected',
          rejection_reason: step.reason ?? null,
          reviewed_by: acting.user.id,
          reviewed_at: at,
        },
        at,
      );
      return false;
    case 'approve':
      await publish(trx, deps, acting, row, now);
      return true;
    case 'verify':
    case 'unverify':
      await recordVerification(trx, deps, acting, row, step, now);
      return true;
    case 'correct':
      // A correction is a new proposal naming the revision (POST revisions with `corrects`).
      throw new Refused('state');
  }
}
