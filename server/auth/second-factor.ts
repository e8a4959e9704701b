import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { totpBodySchema } from '../../src/contract/accounts';
import type { Database } from '../db/schema';
import { byAccount, writeAudit } from '../audit/write';
import type { AccountRow } from './accounts';
import { AuthError } from './errors';
import type { AuthDeps } from './guard';
import { verifyPassword } from './passwords';
import type { SessionRow } from './sessions';
import { type Attempt, advance, checkThrottle, failStep, type StepResult } from './steps';
import { normaliseRecoveryCode } from './tokens';
import { matchTotp } from './totp';

/*
 * The second factor of every sign-in after the first: a TOTP code or a recovery code. A code is
 * accepted once: the accepted time step is stored with a conditional update, so even two requests
 * racing with the same code cannot both pass.
 */

/** Stores `step` as the last used one unless it (or a later one) already is. */
export async function claimStep(db: Kysely<Database>, accountId: string, step: number) {
  const result = await db
    .updateTable('accounts')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const wrongCode = () =>
  new AuthError(401, 'invalid_code', 'The code is wrong or has expired.');
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
      ...byAccount(account),
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
