import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  confirmMfaBodySchema,
  emptyBodySchema,
  type totpBodySchema,
} from '../../src/contract/accounts';
import { manageEndpoints } from '../../src/contract/endpoints';
import type { Database } from '../db/schema';
import { writeAudit } from '../audit/write';
import type { AccountRow } from '../auth/accounts';
import { AuthError } from '../auth/errors';
import type { AuthDeps, ManageContext } from '../auth/guard';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { SessionRow } from '../auth/sessions';
import { type Attempt, advance, checkThrottle, failStep, type StepResult } from '../auth/steps';
import { newRecoveryCodes, normaliseRecoveryCode } from '../auth/tokens';
import { matchTotp, newTotpSecret, totpUri } from '../auth/totp';
import { readBody, writeSessionCookie } from './manage-shape';
import type { ManageRoute } from './manage-route';

/*
 * The second factor: setting up the authenticator at first sign-in, and the TOTP (or recovery
 * code) step of every later one. A code is accepted once: the accepted time step is stored with a
 * conditional update, so even two requests racing with the same code cannot both pass.
 */

/** Stores `step` as the last used one unless it (or a later one) already is. */
async function claimStep(db: Kysely<Database>, accountId: string, step: number) {
  const result = await db
    .updateTable('accounts')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const wrongCode = () => new AuthError(401, 'invalid_code', 'The code is wrong or has expired.');
const usedCode = () =>
  new AuthError(401, 'code_reused', 'This code was used already. Wait for the next one.');

export async function secondFactor(
  deps: AuthDeps,
  attempt: Attempt,
  session: SessionRow,
  account: AccountRow,
  body: z.infer<typeof totpBodySchema>,
): Promise<StepResult> {
  const { db, settings } = deps;
  await checkThrottle(deps, attempt, 'totp');
  const now = settings.now();
  const next = Number(account.must_change_password) === 1 ? 'change_password' : 'active';
  const audit = (trx: Kysely<Database>, action: string, detail = {}) =>
    writeAudit(trx, now, {
      regionId: account.region_id,
      actorId: account.id,
      actorName: account.username,
      action,
      target: `account:${account.id}`,
      outcome: 'success',
      address: attempt.address,
      detail,
    });

  if ('code' in body) {
    const secret = account.totp_secret ?? '';
    const step = secret
      ? matchTotp(
          secret,
          body.code,
          now,
          account.totp_last_step === null ? null : Number(account.totp_last_step),
        )
      : null;
    if (step === null || !(await claimStep(db, account.id, step))) {
      const reused =
        secret !== '' && step === null && matchTotp(secret, body.code, now, null) !== null;
      return failStep(
        deps,
        attempt,
        'auth.totp',
        { reason: reused ? 'reused' : 'wrong' },
        reused ? usedCode() : wrongCode(),
      );
    }
    return advance(deps, session, next, (trx) => audit(trx, 'auth.totp'));
  }

  const code = normaliseRecoveryCode(body.recoveryCode);
  const stored = await db
    .selectFrom('recovery_codes')
    .selectAll()
    .where('account_id', '=', account.id)
    .where('lookup', '=', code.slice(0, 1))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  const right = stored ? await verifyPassword(stored.code_hash, code) : false;
  const claimed =
    right && stored
      ? Number(
          (
            await db
              .updateTable('recovery_codes')
              .set({ used_at: now.toISOString() })
              .where('account_id', '=', account.id)
              .where('lookup', '=', stored.lookup)
              .where('used_at', 'is', null)
              .executeTakeFirst()
          ).numUpdatedRows,
        ) === 1
      : false;
  if (!claimed) {
    return failStep(
      deps,
      attempt,
      'auth.recovery_code',
      { reason: 'wrong' },
      new AuthError(401, 'invalid_code', 'The recovery code is wrong or was used already.'),
    );
  }
  return advance(deps, session, next, async (trx) => {
    const left = await trx
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', account.id)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    await audit(trx, 'auth.recovery_code', { remaining: Number(left.n) });
  });
}

export function mfaRoutes(deps: AuthDeps): ManageRoute[] {
  const { db, settings } = deps;

  const setup = async (c: ManageContext) => {
    await readBody(c, emptyBodySchema);
    const { account } = c.get('auth');
    const secret = newTotpSecret();
    await db
      .updateTable('accounts')
      .set({ totp_pending_secret: secret })
      .where('id', '=', account.id)
      .execute();
    return c.json({ secret, uri: totpUri(secret, account.username) });
  };

  const confirm = async (c: ManageContext) => {
    const body = await readBody(c, confirmMfaBodySchema);
    const { session, account } = c.get('auth');
    const attempt: Attempt = {
      username: account.username,
      account,
      address: c.get('address'),
      userAgent: c.req.header('User-Agent') ?? '',
    };
    await checkThrottle(deps, attempt, 'mfa_setup');
    const now = settings.now();
    const pending = account.totp_pending_secret;
    if (pending === null) throw new AuthError(409, 'mfa_not_started', 'Ask for a new key first.');
    const step = matchTotp(pending, body.code, now, null);
    if (step === null)
      return failStep(deps, attempt, 'auth.mfa_setup', { reason: 'wrong' }, wrongCode());
    const codes = newRecoveryCodes();
    const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
    const result = await advance(deps, session, 'active', async (trx) => {
      // The code that confirmed the set-up is used: it is refused if sent again at sign-in.
      await trx
        .updateTable('accounts')
        .set({ totp_secret: pending, totp_pending_secret: null, totp_last_step: step })
        .where('id', '=', account.id)
        .execute();
      await trx.deleteFrom('recovery_codes').where('account_id', '=', account.id).execute();
      await trx
        .insertInto('recovery_codes')
        .values(
          codes.map((code, i) => ({
            account_id: account.id,
            lookup: code.slice(0, 1),
            code_hash: hashes[i] ?? '',
            used_at: null,
          })),
        )
        .execute();
      await writeAudit(trx, now, {
        regionId: account.region_id,
        actorId: account.id,
        actorName: account.username,
        action: 'auth.mfa_setup',
        target: `account:${account.id}`,
        outcome: 'success',
        address: attempt.address,
      });
    });
    if (result.token) writeSessionCookie(c, settings, result.token);
    return c.json({ me: result.me, recoveryCodes: codes });
  };

  return [
    {
      method: 'POST',
      path: manageEndpoints.mfaSetup,
      access: { who: 'stage', stages: ['mfa_setup'] },
      handle: setup,
    },
    {
      method: 'POST',
      path: manageEndpoints.mfaConfirm,
      access: { who: 'stage', stages: ['mfa_setup'] },
      handle: confirm,
    },
  ];
}
