import type { Kysely, Selectable } from 'kysely';
import {
  type AuditEntry,
  type AuditQuery,
  auditEntrySchema,
  auditPageSchema,
} from '../../src/contract/accounts';
import type { AuditLogTable, Database } from '../db/schema';

/** The newest entries first, one region only, with the contract's filters. */
function filtered(db: Kysely<Database>, regionId: string, query: Omit<AuditQuery, 'limit'>) {
  let select = db.selectFrom('audit_log').selectAll().where('region_id', '=', regionId);
  if (query.actor) select = select.where('actor_name', '=', query.actor);
  if (query.action) select = select.where('action', '=', query.action);
  if (query.outcome) select = select.where('outcome', '=', query.outcome);
  // `at` is ISO 8601 UTC text, which sorts as time does; a bare date covers its whole day.
  if (query.from) select = select.where('at', '>=', startOf(query.from));
  if (query.to) select = select.where('at', '<=', endOf(query.to));
  if (query.before) select = select.where('id', '<', query.before);
  return select.orderBy('id', 'desc');
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const startOf = (value: string) =>
  isDate(value) ? `${value}T00:00:00.000Z` : new Date(value).toISOString();
const endOf = (value: string) =>
  isDate(value) ? `${value}T23:59:59.999Z` : new Date(value).toISOString();

export function rowToAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return auditEntrySchema.parse({
    id: Number(row.id),
    at: row.at,
    regionId: row.region_id,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    address: row.address,
    detail: JSON.parse(row.detail) as unknown,
  });
}

export async function readAuditPage(db: Kysely<Database>, regionId: string, query: AuditQuery) {
  const rows = await filtered(db, regionId, query)
    .limit(query.limit + 1)
    .execute();
  const entries = rows.slice(0, query.limit).map(rowToAuditEntry);
  const last = entries.at(-1);
  return auditPageSchema.parse({
    entries,
    nextBefore: rows.length > query.limit && last ? last.id : null,
  });
}

/** The most an export holds; a bigger log is exported in parts with from/to. */
export const AUDIT_EXPORT_MAX = 100_000;

export async function readAuditForExport(
  db: Kysely<Database>,
  regionId: string,
  query: AuditQuery,
): Promise<AuditEntry[]> {
  const rows = await filtered(db, regionId, query).limit(AUDIT_EXPORT_MAX).execute();
  return rows.map(rowToAuditEntry);
}
