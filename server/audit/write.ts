import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../src/contract/accounts';
import type { Database } from '../db/schema';

/*
 * One audit row per thing that happened. Callers write it with the same transaction (`db` is a
 * Kysely Transaction) as the change it records, so there is never a change without its row or
 * a row for a change that was rolled back. Nothing here ever receives a password, code or token.
 */
export type AuditDetail = AuditEntry['detail'];

export interface AuditEvent {
  regionId: string;
  actorId: string | null;
  actorName: string;
  action: string;
  target: string | null;
  outcome: AuditEntry['outcome'];
  address: string;
  detail?: AuditDetail;
}

/** The who of an audit row when an account acts: its region, id and username. */
export const byAccount = (account: { id: string; username: string; region_id: string }) => ({
  regionId: account.region_id,
  actorId: account.id,
  actorName: account.username,
});

export async function writeAudit(db: Kysely<Database>, at: Date, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      region_id: event.regionId,
      actor_id: event.actorId,
      actor_name: event.actorName,
      action: event.action,
      target: event.target,
      outcome: event.outcome,
      address: event.address,
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
}

/** The region an anonymous attempt is filed under: the first (today the only) one. */
export async function homeRegionId(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('region').select('id').orderBy('id').limit(1).executeTakeFirst();
  if (!row) throw new Error('The database has no region.');
  return row.id;
}
