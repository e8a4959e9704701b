import { confirmMfaBodySchema, emptyBodySchema } from '../../src/contract/accounts';
import { manageEndpoints } from '../../src/contract/endpoints';
import { byAccount, writeAudit } from '../audit/write';
import { AuthError } from '../auth/errors';
import type { AuthDeps, ManageContext } from '../auth/guard';
import { hashPassword } from '../auth/passwords';
import { wrongCode } from '../auth/second-factor';
import { type Attempt, advance, checkThrottle, failStep } from '../auth/steps';
import { newRecoveryCodes } from '../auth/tokens';
import { matchTotp, newTotpSecret, totpUri } from '../auth/totp';
import { readBody, writeSessionCookie } from './manage-shape';
import type { ManageRoute } from './manage-route';

/*
 * Setting up the authenticator at the first sign-in (or after an admin's reset-mfa): a new key,
 * then a code from it, which is also the first used code; then ten recovery codes, shown once.
 */
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
        ...byAccount(account),
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
