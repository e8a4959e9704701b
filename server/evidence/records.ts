import type { Kysely } from 'kysely';
import { type Evidence, evidenceSchema } from '../../src/contract/revisions';
import type { Database } from '../db/schema';

/*
 * For the review workflow (server/review/): evidence ids as a proposal or verification names
 * them, turned into the contract's records, and checked to be files of the caller's region.
 */

/** The records of these ids, in the order given; ids that do not exist are left out. */
export async function evidenceRecords(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Evidence[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('evidence')
    .select(['id', 'original_name', 'type', 'size', 'sha256'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row
      ? [
          evidenceSchema.parse({
            id: row.id,
            name: row.original_name,
            type: row.type,
            size: Number(row.size),
            sha256: row.sha256,
          }),
        ]
      : [];
  });
}

/** The ids among these that are not evidence files of this region (to refuse with 400). */
export async function foreignEvidenceIds(
  db: Kysely<Database>,
  regionId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('evidence')
    .select('id')
    .where('region_id', '=', regionId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const known = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}
