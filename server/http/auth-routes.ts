import {
  changePasswordBodySchema,
  signInBodySchema,
  totpBodySchema,
  usernameSchema,
} from '../../src/contract/accounts';
import { manageEndpoints } from '../../src/contract/endpoints';
import { byAccount, writeAudit } from '../audit/write';
import { accountRowByUsername, endAccountSessions, toAccount } from '../auth/accounts';
import { AuthError } from '../auth/errors';
import { secondFactor } from '../auth/second-factor';
import type { AuthDeps, ManageContext } from '../auth/guard';
import {
  hashPassword,
  rejectPassword,
  verifyAgainstDummy,
  verifyPassword,
} from '../auth/passwords';
import { createSession, deleteSession } from '../auth/sessions';
import { type Attempt, advance, checkThrottle, failStep, stageAfterPassword } from '../auth/steps';
import { parseSessionToken } from '../auth/tokens';
import { readBody, readSessionCookie, writeSessionCookie } from './manage-shape';
import type { ManageRoute } from './manage-route';
import { mfaRoutes } from './mfa-routes';
import { sessionRoutes } from './session-routes';

/** Sign-in and its steps (the sessions' own routes are in session-routes.ts). */
export function authRoutes(deps: AuthDeps): ManageRoute[] {
  const { db, settings } = deps;
  const userAgent = (c: ManageContext) => c.req.header('User-Agent') ?? '';
  const attemptOf = (c: ManageContext): Attempt => {
    const { account } = c.get('auth');
    return {
      username: account.username,
      account,
      address: c.get('address'),
      userAgent: userAgent(c),
    };
  };

  const signIn = async (c: ManageContext) => {
    const body = await readBody(c, signInBodySchema);
    const now = settings.now();
    // Usernames are lower-case; a phone's keyboard capitalises the first letter.
    const typed = body.username.trim().toLowerCase();
    const known = usernameSchema.safeParse(typed).success
      ? await accountRowByUsername(db, typed)
      : undefined;
    const attempt: Attempt = {
      username: body.username,
      account: known,
      address: c.get('address'),
      userAgent: userAgent(c),
    };
    await checkThrottle(deps, attempt, 'password');
    const right = known
      ? await verifyPassword(known.password_hash, body.password)
      : await verifyAgainstDummy(body.password);
    if (!known || !right || Number(known.disabled) === 1) {
      const reason = !known ? 'unknown_user' : !right ? 'wrong_password' : 'disabled';
      return failStep(deps, attempt, 'auth.sign_in', { reason }, wrongCredentials());
    }
    if (known.password_expires_at !== null && now.toISOString() >= known.password_expires_at) {
      await writeAudit(db, now, {
        ...byAccount(known),
        action: 'auth.sign_in',
        target: `account:${known.id}`,
        outcome: 'failure',
        address: attempt.address,
        detail: { reason: 'password_expired' },
      });
      throw new AuthError(
        401,
        'password_expired',
        'This one-time password has expired. Ask an admin for a new one.',
      );
    }
    const stage = stageAfterPassword(known);
    // A new token at every sign-in; the session this browser had before ends.
    const previous = parseSessionToken(readSessionCookie(c, settings));
    const token = await db.transaction().execute(async (trx) => {
      if (previous) await deleteSession(trx, previous.id);
      const created = await createSession(
        trx,
        { accountId: known.id, stage, address: attempt.address, userAgent: attempt.userAgent },
        now,
      );
      await writeAudit(trx, now, {
        ...byAccount(known),
        action: 'auth.sign_in',
        target: `account:${known.id}`,
        outcome: 'success',
        address: attempt.address,
        detail: { next: stage },
      });
      return created.token;
    });
    writeSessionCookie(c, settings, token);
    return c.json({ account: await toAccount(db, known, now), stage });
  };

  const totp = async (c: ManageContext) => {
    const body = await readBody(c, totpBodySchema);
    const { session, account } = c.get('auth');
    const result = await secondFactor(deps, attemptOf(c), session, account, body);
    if (result.token) writeSessionCookie(c, settings, result.token);
    return c.json(result.me);
  };

  const password = async (c: ManageContext) => {
    const body = await readBody(c, changePasswordBodySchema);
    const { session, account, stage } = c.get('auth');
    const attempt = attemptOf(c);
    await checkThrottle(deps, attempt, 'password_change');
    if (!(await verifyPassword(account.password_hash, body.currentPassword))) {
      return failStep(
        deps,
        attempt,
        'auth.password_change',
        { reason: 'wrong_current' },
        new AuthError(400, 'wrong_password', 'currentPassword: the current password is wrong.'),
      );
    }
    const why = await rejectPassword(body.newPassword, {
      username: account.username,
      current: body.currentPassword,
    });
    if (why) throw new AuthError(400, 'password_rejected', `newPassword: ${why}`);
    const hash = await hashPassword(body.newPassword);
    // With an authenticator the second factor came before this step; without one, set it up now.
    const next = stage === 'active' || account.totp_secret !== null ? 'active' : 'mfa_setup';
    const result = await advance(deps, session, next, async (trx) => {
      await trx
        .updateTable('accounts')
        .set({ password_hash: hash, password_expires_at: null, must_change_password: 0 })
        .where('id', '=', account.id)
        .execute();
      const ended = await endAccountSessions(trx, account.id, session.id);
      await writeAudit(trx, settings.now(), {
        ...byAccount(account),
        action: 'auth.password_change',
        target: `account:${account.id}`,
        outcome: 'success',
        address: attempt.address,
        detail: { otherSessionsEnded: ended },
      });
    });
    if (result.token) writeSessionCookie(c, settings, result.token);
    return c.json(result.me);
  };

  return [
    { method: 'POST', path: manageEndpoints.signIn, access: { who: 'anyone' }, handle: signIn },
    {
      method: 'POST',
      path: manageEndpoints.totp,
      access: { who: 'stage', stages: ['totp'] },
      handle: totp,
    },
    {
      method: 'POST',
      path: manageEndpoints.password,
      access: { who: 'stage', stages: ['change_password', 'active'] },
      handle: password,
    },
    ...mfaRoutes(deps),
    ...sessionRoutes(deps),
  ];
}

const wrongCredentials = () =>
  new AuthError(401, 'invalid_credentials', 'Wrong username or password.');
