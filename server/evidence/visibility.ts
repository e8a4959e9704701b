import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { Database } from '../db/schema';

/*
 * Whether an evidence file is public: attached to a published revision, or to a verification (of
 * a published revision; verifications exist for nothing else). `evidence_ids` is a JSON text
 * array in both tables. Once true it stays true: a published revision is never changed and
 * verifications are append-only (migration 0006), so a withdrawal does not hide its evidence.
 */
const isSqlite = (db: Kysely<Database>) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function isEvidencePublic(db: Kysely<Database>, evidenceId: string): Promise<boolean> {
  const contains = isSqlite(db)
    ? (column: string) =>
        sql<boolean>`exists (select 1 from json_each(${sql.ref(column)}) where json_each.value = ${evidenceId})`
    : (column: string) =>
        sql<boolean>`(${sql.ref(column)})::jsonb @> ${JSON.stringify([evidenceId])}::jsonb`;
  const revision = db
    .selectFrom('revisions')
    .select(sql.lit(1).as('one'))
    .where('status', '=', 'published')
    .where(contains('revisions.evidence_ids'));
  const verification = db
    .selectFrom('verifications')
    .select(sql.lit(1).as('one'))
    .where(contains('verifications.evidence_ids'));
  const row = await db
    .selectNoFrom((eb) => [eb.exists(revision).as('r'), eb.exists(verification).as('v')])
    .executeTakeFirstOrThrow();
  return Boolean(row.r) || Boolean(row.v);
}
