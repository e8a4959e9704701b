import { type Kysely, sql } from 'kysely';
import {
  type Change,
  type ChangePage,
  changePageSchema,
  type ChangeQuery,
  type MetricHistory,
  metricHistorySchema,
  type RevisionPage,
  type RevisionQuery,
} from '../../src/contract/revisions';
import type { ActingUser } from '../../src/contract/review-rules';
import { fromJson } from '../db/mapping';
import type { Database } from '../db/schema';
import { loadRelated, toPublicRevision, toRevision } from './records';

/*
 * Reading revisions: the management list (one region, filtered), a figure's public history and
 * the public change list. Every page is one query for its rows, one for the count and a few for
 * what the rows name, whatever the page number.
 */
type Db = Kysely<Database>;

export async function listRevisions(
  db: Db,
  user: ActingUser,
  query: RevisionQuery,
): Promise<RevisionPage> {
  let base = db.selectFrom('revisions').where('region_id', '=', user.regionId);
  if (query.status !== undefined) base = base.where('status', '=', query.status);
  if (query.metric !== undefined) base = base.where('metric_id', '=', query.metric);
  if (query.batch !== undefined) base = base.where('batch_id', '=', query.batch);
  if (query.mine === 'true') base = base.where('created_by', '=', user.id);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  const related = await loadRelated(db, rows);
  return {
    revisions: rows.map((row) => toRevision(row, related, user)),
    page: query.page,
    pageSize: query.pageSize,
    total: Number(count.n),
  };
}

/** Null when there is no such figure. */
export async function metricHistory(
  db: Db,
  metricId: string,
  paging: { page: number; pageSize: number },
): Promise<MetricHistory | null> {
  const metric = await db
    .selectFrom('metrics')
    .select('id')
    .where('id', '=', metricId)
    .executeTakeFirst();
  if (!metric) return null;
  const base = db
    .selectFrom('revisions')
    .where('metric_id', '=', metricId)
    .where('status', '=', 'published');
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('published_at', 'desc')
      .orderBy('id', 'desc')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute(),
    base.select(({ fn }) => fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  const related = await loadRelated(db, rows);
  return metricHistorySchema.parse({
    metricId,
    revisions: rows.map((row) => toPublicRevision(row, related)),
    page: paging.page,
    pageSize: paging.pageSize,
    total: Number(count.n),
  });
}

interface ChangeRef {
  kind: Change['kind'];
  revision_id: string;
  at: string;
  verification_id: number | null;
}

/**
 * Publications (and corrections) are published revisions; verifications and their withdrawals
 * are verification rows. One UNION ALL, ordered and paged in the database.
 */
export async function listChanges(db: Db, query: ChangeQuery): Promise<ChangePage> {
  const initiative = query.initiative ?? null;
  const inInitiative = (column: string) =>
    initiative === null
      ? sql`1 = 1`
      : sql`${sql.ref(column)} IN (SELECT id FROM metrics WHERE initiative_id = ${initiative})`;
  const union = sql`
    SELECT CASE WHEN r.corrects IS NULL THEN 'publication' ELSE 'correction' END AS kind,
           r.id AS revision_id, r.published_at AS at, NULL AS verification_id
      FROM revisions r WHERE r.status = 'published' AND ${inInitiative('r.metric_id')}
    UNION ALL
    SELECT CASE WHEN v.state = 'verified' THEN 'verification' ELSE 'unverification' END AS kind,
           v.revision_id AS revision_id, v.at AS at, v.id AS verification_id
      FROM verifications v JOIN revisions r ON r.id = v.revision_id
     WHERE ${inInitiative('r.metric_id')}`;
  const offset = (query.page - 1) * query.pageSize;
  const [refs, count] = await Promise.all([
    sql<ChangeRef>`SELECT * FROM (${union}) AS c
      ORDER BY at DESC, revision_id DESC, verification_id DESC
      LIMIT ${query.pageSize} OFFSET ${offset}`.execute(db),
    sql<{ n: number | string }>`SELECT count(*) AS n FROM (${union}) AS c`.execute(db),
  ]);
  const ids = [...new Set(refs.rows.map((ref) => ref.revision_id))];
  const rows =
    ids.length === 0
      ? []
      : await db.selectFrom('revisions').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const metricIds = [...new Set(rows.flatMap((row) => row.metric_id ?? []))];
  const metrics =
    metricIds.length === 0
      ? []
      : await db
          .selectFrom('metrics')
          .select(['id', 'initiative_id', 'label'])
          .where('id', 'in', metricIds)
          .execute();
  const metricOf = new Map(metrics.map((m) => [m.id, m]));
  const related = await loadRelated(db, rows);
  const verifications = await verificationRows(db, refs.rows);
  const changes = refs.rows.flatMap((ref): Change[] => {
    const row = byId.get(ref.revision_id);
    const metric = row?.metric_id ? metricOf.get(row.metric_id) : undefined;
    if (!row || !metric) return [];
    const revision = toPublicRevision(row, related);
    const verification =
      ref.verification_id === null ? undefined : verifications.get(Number(ref.verification_id));
    const by =
      verification === undefined
        ? revision.approvedBy
        : (related.actors.get(verification.by_id) ?? null);
    return [
      {
        id: verification ? `${ref.kind}:${verification.id}` : `${ref.kind}:${row.id}`,
        kind: ref.kind,
        at: ref.at,
        metricId: metric.id,
        initiativeId: metric.initiative_id,
        label: fromJson(metric.label),
        revision,
        by,
        reason: verification ? verification.note : row.correction_reason,
      } as Change,
    ];
  });
  return changePageSchema.parse({
    changes,
    page: query.page,
    pageSize: query.pageSize,
    total: Number(count.rows[0]?.n ?? 0),
  });
}

async function verificationRows(db: Db, refs: ChangeRef[]) {
  const ids = refs.flatMap((ref) =>
    ref.verification_id === null ? [] : [Number(ref.verification_id)],
  );
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('verifications').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [Number(row.id), row]));
}
