import type { Kysely } from 'kysely';
import type { Me, SessionStage } from '../../src/contract/accounts';
import type { Database } from '../db/schema';
import { type AuditDetail, homeRegionId, writeAudit } from '../audit/write';
import { type AccountRow, accountRowById, toAccount } from './accounts';
import type { AuthDeps } from './guard';
import { AuthError } from './errors';
import { createSession, type SessionRow } from './sessions';
import { accountKey, addressKey, clearFailures, currentWait, recordFailure } from './throttle';

/* The pieces every sign-in step shares: the throttle, a failed step, moving a session on. */

export interface Attempt {
  /** As typed (sign-in) or the account's (later steps). */
  username: string;
  account: AccountRow | undefined;
  address: string;
  userAgent: string;
}

const keysOf = (attempt: Attempt) => [accountKey(attempt.username), addressKey(attempt.address)];

const auditFor = async (db: Kysely<Database>, attempt: Attempt) => ({
  regionId: attempt.account?.region_id ?? (await homeRegionId(db)),
  actorId: attempt.account?.id ?? null,
  actorName: attempt.username,
  address: attempt.address,
});

/** 429 with Retry-After while the username or the address waits (and the refusal audited). */
export async function checkThrottle({ db, settings }: AuthDeps, attempt: Attempt, step: string) {
  const now = settings.now();
  const wait = await currentWait(db, keysOf(attempt), now);
  if (wait === 0) return;
  const seconds = Math.ceil(wait / 1000);
  await writeAudit(db, now, {
    ...(await auditFor(db, attempt)),
    action: 'auth.throttled',
    target: attempt.account ? `account:${attempt.account.id}` : null,
    outcome: 'denied',
    detail: { step, retryAfter: seconds },
  });
  throw new AuthError(
    429,
    'throttled',
    `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    seconds,
  );
}

/** Counts the failure and audits it in one transaction; then throws the refusal. */
export async function failStep(
  { db, settings }: AuthDeps,
  attempt: Attempt,
  action: string,
  detail: AuditDetail,
  refusal: AuthError,
): Promise<never> {
  const now = settings.now();
  const who = await auditFor(db, attempt);
  await db.transaction().execute(async (trx) => {
    await recordFailure(trx, keysOf(attempt), now);
    await writeAudit(trx, now, {
      ...who,
      action,
      target: attempt.account ? `account:${attempt.account.id}` : null,
      outcome: 'failure',
      detail,
    });
  });
  throw refusal;
}

export interface StepResult {
  me: Me;
  /** A new token to set as the cookie, when the step issued one. */
  token?: string;
}

/**
 * Moves a session to its next stage. Becoming active replaces the session by a new one (new
 * token, same sign-in time for the absolute limit), ends the failure count and records the sign-in
 * time; `extra` runs in the same transaction (the step's own update and audit row).
 */
export async function advance(
  { db, settings }: AuthDeps,
  session: SessionRow,
  next: SessionStage,
  extra: (trx: Kysely<Database>) => Promise<void>,
): Promise<StepResult> {
  const now = settings.now();
  return db.transaction().execute(async (trx) => {
    await extra(trx);
    let token: string | undefined;
    if (next === 'active') {
      await trx.deleteFrom('sessions').where('id', '=', session.id).execute();
      const fresh = await createSession(
        trx,
        {
          accountId: session.account_id,
          stage: 'active',
          address: session.address,
          userAgent: session.user_agent,
          createdAt: session.created_at,
        },
        now,
      );
      token = fresh.token;
      await trx
        .updateTable('accounts')
        .set({ last_sign_in_at: now.toISOString() })
        .where('id', '=', session.account_id)
        .execute();
    } else {
      await trx.updateTable('sessions').set({ stage: next }).where('id', '=', session.id).execute();
    }
    const account = await accountRowById(trx, session.account_id);
    if (!account) throw new AuthError(401, 'unauthenticated', 'Sign in first.');
    if (next === 'active') await clearFailures(trx, accountKey(account.username));
    return { me: { account: await toAccount(trx, account, now), stage: next }, token };
  });
}

/** Where a session goes once the password was right. */
export function stageAfterPassword(account: AccountRow): SessionStage {
  if (account.totp_secret !== null) return 'totp';
  return Number(account.must_change_password) === 1 ? 'change_password' : 'mfa_setup';
}
