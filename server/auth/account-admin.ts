import type { Kysely } from 'kysely';
import type {
  Account,
  CreateAccountBody,
  OneTimePassword,
  Role,
} from '../../src/contract/accounts';
import type { Database } from '../db/schema';
import { writeAudit } from '../audit/write';
import {
  type AccountRow,
  accountRowById,
  accountRowByUsername,
  endAccountSessions,
  toAccount,
} from './accounts';
import type { Actor } from './actor';
import { AuthError } from './errors';
import { hashPassword } from './passwords';
import { liftAccountWait } from './throttle';
import { newOneTimePassword } from './tokens';

/*
 * What an admin (in the browser) or the command line does to accounts. Each change and its
 * audit row are one transaction. An actor only ever reaches accounts of its own region.
 */
export const ONE_TIME_PASSWORD_HOURS = 24;

export type AccountAction = 'disable' | 'enable' | 'reset-password' | 'reset-mfa' | 'unlock';

const target = (id: string) => `account:${id}`;

async function oneTimePassword(now: Date) {
  const password = newOneTimePassword();
  const expiresAt = new Date(now.getTime() + ONE_TIME_PASSWORD_HOURS * 3600_000).toISOString();
  return { password, hash: await hashPassword(password), expiresAt };
}

/** The account if it is in the actor's region; 404 when there is none, 403 when elsewhere. */
export async function accountInRegion(db: Kysely<Database>, actor: Actor, id: string) {
  const row = await accountRowById(db, id);
  if (!row) throw new AuthError(404, 'not_found', `No account with id "${id}".`);
  if (row.region_id !== actor.regionId) {
    throw new AuthError(403, 'forbidden', 'This account belongs to another region.');
  }
  return row;
}

export async function createAccount(
  db: Kysely<Database>,
  actor: Actor,
  body: CreateAccountBody,
  now: Date,
): Promise<OneTimePassword> {
  const otp = await oneTimePassword(now);
  const id = crypto.randomUUID();
  return db.transaction().execute(async (trx) => {
    if (await accountRowByUsername(trx, body.username)) {
      throw new AuthError(409, 'username_taken', `The username "${body.username}" is taken.`);
    }
    await trx
      .insertInto('accounts')
      .values({
        id,
        region_id: actor.regionId,
        username: body.username,
        display_name: body.displayName ?? body.username,
        organisation: body.organisation ?? '',
        roles: JSON.stringify([...new Set(body.roles)]),
        password_hash: otp.hash,
        password_expires_at: otp.expiresAt,
        must_change_password: 1,
        totp_secret: null,
        totp_pending_secret: null,
        totp_last_step: null,
        disabled: 0,
        created_at: now.toISOString(),
        last_sign_in_at: null,
      })
      .execute();
    await writeAudit(trx, now, {
      ...auditBy(actor),
      action: 'account.create',
      target: target(id),
      outcome: 'success',
      detail: { username: body.username, roles: [...new Set(body.roles)].join(',') },
    });
    const row = await accountInRegion(trx, actor, id);
    return {
      account: await toAccount(trx, row, now),
      oneTimePassword: otp.password,
      expiresAt: otp.expiresAt,
    };
  });
}

export async function updateAccount(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  changes: { displayName?: string; organisation?: string; roles?: Role[] },
  now: Date,
): Promise<Account> {
  return db.transaction().execute(async (trx) => {
    const row = await accountInRegion(trx, actor, id);
    if (changes.roles && id === actor.id && !changes.roles.includes('admin')) {
      throw new AuthError(409, 'self_action', 'You cannot take the admin role from yourself.');
    }
    await trx
      .updateTable('accounts')
      .set({
        ...(changes.displayName !== undefined && { display_name: changes.displayName }),
        ...(changes.organisation !== undefined && { organisation: changes.organisation }),
        ...(changes.roles !== undefined && { roles: JSON.stringify([...new Set(changes.roles)]) }),
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, now, {
      ...auditBy(actor),
      action: 'account.update',
      target: target(id),
      outcome: 'success',
      detail: {
        username: row.username,
        ...(changes.roles && { roles: [...new Set(changes.roles)].join(',') }),
        ...(changes.displayName !== undefined && { displayName: changes.displayName }),
        ...(changes.organisation !== undefined && { organisation: changes.organisation }),
      },
    });
    return toAccount(trx, await accountInRegion(trx, actor, id), now);
  });
}

/** disable, enable, reset-mfa, unlock: the account afterwards; reset-password: also its new OTP. */
export async function accountAction(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  action: AccountAction,
  now: Date,
): Promise<{ account: Account; oneTimePassword?: string; expiresAt?: string }> {
  const otp = action === 'reset-password' ? await oneTimePassword(now) : null;
  return db.transaction().execute(async (trx) => {
    const row = await accountInRegion(trx, actor, id);
    if (action === 'disable' && id === actor.id) {
      throw new AuthError(409, 'self_action', 'You cannot disable your own account.');
    }
    const detail = await apply(trx, row, action, otp, now);
    await writeAudit(trx, now, {
      ...auditBy(actor),
      action: `account.${action.replace('-', '_')}`,
      target: target(id),
      outcome: 'success',
      detail: { username: row.username, ...detail },
    });
    const account = await toAccount(trx, await accountInRegion(trx, actor, id), now);
    return otp ? { account, oneTimePassword: otp.password, expiresAt: otp.expiresAt } : { account };
  });
}

async function apply(
  trx: Kysely<Database>,
  row: AccountRow,
  action: AccountAction,
  otp: { hash: string; expiresAt: string } | null,
  now: Date,
): Promise<Record<string, number>> {
  const update = trx.updateTable('accounts').where('id', '=', row.id);
  switch (action) {
    case 'disable':
      await update.set({ disabled: 1 }).execute();
      return { sessionsEnded: await endAccountSessions(trx, row.id) };
    case 'enable':
      await update.set({ disabled: 0 }).execute();
      return {};
    case 'reset-password':
      if (!otp) throw new Error('reset-password needs a one-time password');
      await update
        .set({
          password_hash: otp.hash,
          password_expires_at: otp.expiresAt,
          must_change_password: 1,
        })
        .execute();
      await liftAccountWait(trx, row, now);
      return { sessionsEnded: await endAccountSessions(trx, row.id) };
    case 'reset-mfa':
      await update
        .set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null })
        .execute();
      await trx.deleteFrom('recovery_codes').where('account_id', '=', row.id).execute();
      return { sessionsEnded: await endAccountSessions(trx, row.id) };
    case 'unlock':
      await liftAccountWait(trx, row, now);
      return {};
  }
}

export const auditBy = (actor: Actor) => ({
  regionId: actor.regionId,
  actorId: actor.id,
  actorName: actor.name,
  address: actor.address,
});
