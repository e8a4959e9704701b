import { z } from 'zod';
import type { Kysely, Selectable } from 'kysely';
import { type Account, accountSchema, type Role, roleSchema } from '../../src/contract/accounts';
import type { AccountTable, Database } from '../db/schema';
import { isSet } from '../db/mapping';
import { accountKey, throttledUsernames } from './throttle';

/* Account rows <-> the contract's Account. Every account leaves here parsed by the contract. */

export type AccountRow = Selectable<AccountTable>;

export const parseRoles = (text: string): Role[] => z.array(roleSchema).parse(JSON.parse(text));

export function rowToAccount(row: AccountRow, throttled: boolean): Account {
  return accountSchema.parse({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    organisation: row.organisation,
    roles: parseRoles(row.roles),
    regionId: row.region_id,
    disabled: isSet(row.disabled),
    mustChangePassword: isSet(row.must_change_password),
    mfaEnabled: row.totp_secret !== null,
    throttled,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  });
}

export const accountRowById = (db: Kysely<Database>, id: string) =>
  db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();

export const accountRowByUsername = (db: Kysely<Database>, username: string) =>
  db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();

export async function toAccount(db: Kysely<Database>, row: AccountRow, now: Date) {
  return rowToAccount(row, (await throttledUsernames(db, [row.username], now)).size > 0);
}

export async function listAccounts(db: Kysely<Database>, regionId: string, now: Date) {
  const rows = await db
    .selectFrom('accounts')
    .selectAll()
    .where('region_id', '=', regionId)
    .orderBy('username')
    .execute();
  const throttled = await throttledUsernames(
    db,
    rows.map((row) => row.username),
    now,
  );
  return rows.map((row) => rowToAccount(row, throttled.has(row.username)));
}

/** Ends every session of the account (disable, password reset, MFA reset). Returns how many. */
export async function endAccountSessions(db: Kysely<Database>, accountId: string, except?: string) {
  let query = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (except !== undefined) query = query.where('id', '<>', except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export { accountKey };
