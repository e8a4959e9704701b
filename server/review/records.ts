import type { Kysely, Selectable } from 'kysely';
import type { Role } from '../../src/contract/accounts';
import {
  type Actor,
  type Evidence,
  type PublicRevision,
  type Revision,
  publicRevisionSchema,
  revisionSchema,
  type VerificationRecord,
} from '../../src/contract/revisions';
import { abilities, type ActingUser, type RevisionFacts } from '../../src/contract/review-rules';
import { fromJsonOrNull } from '../db/mapping';
import type { Database, RevisionTable } from '../db/schema';

/*
 * Revision rows as the contract's objects. Everything a list needs (actors, evidence, the latest
 * verification, log indexes) is loaded for the whole page in a few queries, not per row.
 */
export type RevisionRow = Selectable<RevisionTable>;
type Db = Kysely<Database>;

export const evidenceIdsOf = (text: string): string[] => JSON.parse(text) as string[];

export function factsOf(row: RevisionRow, verified: boolean): RevisionFacts {
  return {
    status: row.status as RevisionFacts['status'],
    regionId: row.region_id,
    createdById: row.created_by,
    lastEditedById: row.last_edited_by,
    reviewedById: row.reviewed_by,
    proposesNewMetric: row.new_metric !== null,
    verified,
  };
}

export function actingUser(account: {
  id: string;
  roles: readonly Role[];
  region_id: string;
}): ActingUser {
  return { id: account.id, roles: account.roles, regionId: account.region_id, disabled: false };
}

interface Related {
  actors: Map<string, Actor>;
  evidence: Map<string, Evidence>;
  verification: Map<string, VerificationRecord & { count: number }>;
  logIndex: Map<string, number>;
}

async function loadActors(db: Db, ids: Set<string>): Promise<Map<string, Actor>> {
  if (ids.size === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'display_name', 'organisation'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, displayName: r.display_name, organisation: r.organisation },
    ]),
  );
}

async function loadEvidence(db: Db, ids: Set<string>): Promise<Map<string, Evidence>> {
  if (ids.size === 0) return new Map();
  const rows = await db
    .selectFrom('evidence')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.original_name,
        type: r.type as Evidence['type'],
        size: r.size,
        sha256: r.sha256,
      },
    ]),
  );
}

/** Actors, evidence, latest verification and log index for these revisions. */
export async function loadRelated(db: Db, rows: RevisionRow[]): Promise<Related> {
  const ids = rows.map((row) => row.id);
  const verifications =
    ids.length === 0
      ? []
      : await db
          .selectFrom('verifications')
          .selectAll()
          .where('revision_id', 'in', ids)
          .orderBy('id')
          .execute();
  const logRows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('figure_log')
          .select(['revision_id', 'idx', 'kind'])
          .where('revision_id', 'in', ids)
          .where('kind', 'in', ['hearing', 'publication', 'correction'])
          .execute();
  const actorIds = new Set<string>();
  const evidenceIds = new Set<string>();
  for (const row of rows) {
    for (const id of [row.created_by, row.last_edited_by, row.reviewed_by]) {
      if (id !== null) actorIds.add(id);
    }
    for (const id of evidenceIdsOf(row.evidence_ids)) evidenceIds.add(id);
  }
  for (const v of verifications) {
    actorIds.add(v.by_id);
    for (const id of evidenceIdsOf(v.evidence_ids)) evidenceIds.add(id);
  }
  const [actors, evidence] = await Promise.all([
    loadActors(db, actorIds),
    loadEvidence(db, evidenceIds),
  ]);
  const verification = new Map<string, VerificationRecord & { count: number }>();
  for (const v of verifications) {
    const by = actors.get(v.by_id);
    if (!by) continue;
    const count = (verification.get(v.revision_id)?.count ?? 0) + 1;
    verification.set(v.revision_id, {
      state: v.state as VerificationRecord['state'],
      by,
      at: v.at,
      note: v.note,
      evidence: evidenceIdsOf(v.evidence_ids).flatMap((id) => evidence.get(id) ?? []),
      count,
    });
  }
  return {
    actors,
    evidence,
    verification,
    logIndex: new Map(logRows.map((r) => [r.revision_id, r.idx])),
  };
}

const actorOf = (related: Related, id: string | null) =>
  id === null ? null : (related.actors.get(id) ?? null);

function verificationOf(related: Related, id: string): VerificationRecord | null {
  const record = related.verification.get(id);
  if (!record) return null;
  const { state, by, at, note, evidence } = record;
  return { state, by, at, note, evidence };
}

/**
 * The version a client sends back. A published revision's row never changes, so each
 * verification record counts as a change: two verifiers acting on one view, one gets a 409.
 */
export const effectiveVersion = (row: RevisionRow, related: Related): number =>
  row.version + (related.verification.get(row.id)?.count ?? 0);

export const isVerified = (related: Related, id: string) =>
  related.verification.get(id)?.state === 'verified';

export function toRevision(row: RevisionRow, related: Related, user: ActingUser): Revision {
  return revisionSchema.parse({
    id: row.id,
    regionId: row.region_id,
    metricId: row.metric_id,
    newMetric: fromJsonOrNull(row.new_metric),
    status: row.status,
    version: effectiveVersion(row, related),
    value: row.value,
    total: row.total,
    statusText: fromJsonOrNull(row.status_text),
    period: row.period,
    districtId: row.district_id,
    sourceId: row.source_id,
    newSource: fromJsonOrNull(row.new_source),
    statedBy: row.stated_by,
    evidence: evidenceIdsOf(row.evidence_ids).flatMap((id) => related.evidence.get(id) ?? []),
    corrects: row.corrects,
    correctionReason: row.correction_reason,
    note: row.note,
    rejectionReason: row.rejection_reason,
    batchId: row.batch_id,
    createdBy: actorOf(related, row.created_by),
    lastEditedBy: actorOf(related, row.last_edited_by),
    reviewedBy: actorOf(related, row.reviewed_by),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    publishedAt: row.published_at,
    verification: verificationOf(related, row.id),
    may: abilities(user, factsOf(row, isVerified(related, row.id))),
  });
}

/** A published revision as the public sees it. */
export function toPublicRevision(row: RevisionRow, related: Related): PublicRevision {
  return publicRevisionSchema.parse({
    id: row.id,
    metricId: row.metric_id,
    value: row.value,
    total: row.total,
    statusText: fromJsonOrNull(row.status_text),
    period: row.period,
    districtId: row.district_id,
    sourceId: row.source_id,
    statedBy: row.stated_by,
    evidence: evidenceIdsOf(row.evidence_ids).flatMap((id) => related.evidence.get(id) ?? []),
    enteredBy: actorOf(related, row.created_by),
    approvedBy: actorOf(related, row.reviewed_by),
    publishedAt: row.published_at,
    corrects: row.corrects,
    correctionReason: row.correction_reason,
    verification: verificationOf(related, row.id),
    sample: row.sample === 1 || Number(row.sample) === 1,
    logIndex: related.logIndex.get(row.id) ?? null,
  });
}
