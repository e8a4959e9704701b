import { emptyBodySchema } from '../../src/contract/accounts';
import { manageEndpoints } from '../../src/contract/endpoints';
import { byAccount, writeAudit } from '../audit/write';
import { endAccountSessions, toAccount } from '../auth/accounts';
import type { AuthDeps, ManageContext } from '../auth/guard';
import { deleteSession, listSessions } from '../auth/sessions';
import { clearSessionCookie, readBody } from './manage-shape';
import type { ManageRoute } from './manage-route';

/** Who am I, sign-out, and one's own sessions. */
export function sessionRoutes(deps: AuthDeps): ManageRoute[] {
  const { db, settings } = deps;

  const me = async (c: ManageContext) => {
    const { account, stage } = c.get('auth');
    return c.json({ account: await toAccount(db, account, settings.now()), stage });
  };

  const signOut = async (c: ManageContext) => {
    await readBody(c, emptyBodySchema);
    const { session, account } = c.get('auth');
    await db.transaction().execute(async (trx) => {
      await deleteSession(trx, session.id);
      await writeAudit(trx, settings.now(), {
        ...byAccount(account),
        action: 'auth.sign_out',
        target: `session:${session.id.slice(0, 8)}`,
        outcome: 'success',
        address: c.get('address'),
      });
    });
    clearSessionCookie(c, settings);
    return c.json({});
  };

  const sessions = async (c: ManageContext) => {
    const { session, account } = c.get('auth');
    return c.json({ sessions: await listSessions(db, account.id, session.id, settings) });
  };

  const endOthers = async (c: ManageContext) => {
    await readBody(c, emptyBodySchema);
    const { session, account } = c.get('auth');
    const ended = await db.transaction().execute(async (trx) => {
      const count = await endAccountSessions(trx, account.id, session.id);
      await writeAudit(trx, settings.now(), {
        ...byAccount(account),
        action: 'session.end_others',
        target: `account:${account.id}`,
        outcome: 'success',
        address: c.get('address'),
        detail: { sessionsEnded: count },
      });
      return count;
    });
    return c.json({ ended });
  };

  return [
    { method: 'GET', path: manageEndpoints.me, access: { who: 'session' }, handle: me },
    { method: 'POST', path: manageEndpoints.signOut, access: { who: 'session' }, handle: signOut },
    { method: 'GET', path: manageEndpoints.sessions, access: { who: 'active' }, handle: sessions },
    {
      method: 'POST',
      path: manageEndpoints.endOtherSessions,
      access: { who: 'active' },
      handle: endOthers,
    },
  ];
}
