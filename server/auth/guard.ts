import type { Context, MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { may, type Permission, type SessionStage } from '../../src/contract/accounts';
import type { AuthSettings } from '../config';
import type { Database } from '../db/schema';
import { byAccount, writeAudit } from '../audit/write';
import { clientAddress, readSessionCookie } from '../http/manage-shape';
import { parseRoles } from './accounts';
import { AuthError } from './errors';
import { type ValidSession, validateSession } from './sessions';

/*
 * Who may call a management route. Every route declares one; there is no default that lets a
 * request through. A session that is still signing in reaches only its own step (and me and
 * sign-out); an active one reaches what its roles grant, in its own region.
 */
export type Access =
  /** Anyone, signed in or not: sign-in itself. */
  | { who: 'anyone' }
  /** Any live session, whatever its stage: me and sign-out. */
  | { who: 'session' }
  /** A session at one of these stages. */
  | { who: 'stage'; stages: SessionStage[] }
  /**
   * A fully signed-in session, holding the permission when one is named, and at least one of
   * `anyOf` when that is given (an empty list lets nobody through).
   */
  | { who: 'active'; permission?: Permission; anyOf?: readonly Permission[] };

export interface AuthDeps {
  db: Kysely<Database>;
  settings: AuthSettings;
  /** Where evidence files are stored (DATA_DIR/evidence); absent: uploads answer 503. */
  evidenceDir?: string;
}

export interface ManageEnv {
  Variables: { auth: ValidSession; address: string };
}

export type ManageContext = Context<ManageEnv>;

export function guard({ db, settings }: AuthDeps, access: Access): MiddlewareHandler<ManageEnv> {
  return async (c, next) => {
    const address = clientAddress(c);
    c.set('address', address);
    if (access.who === 'anyone') return next();
    const auth = await validateSession(db, readSessionCookie(c, settings), settings, address);
    if (!auth) throw new AuthError(401, 'unauthenticated', 'Sign in first.');
    c.set('auth', auth);
    const refusal = refuse(access, auth);
    if (refusal) {
      await writeAudit(db, settings.now(), {
        ...byAccount(auth.account),
        action: 'access.denied',
        target: `route:${c.req.method} ${c.req.routePath}`,
        outcome: 'denied',
        address,
        detail: { stage: auth.stage, reason: refusal },
      });
      throw new AuthError(
        403,
        'forbidden',
        refusal === 'stage'
          ? 'Finish signing in first.'
          : 'Your account does not have the role this needs.',
      );
    }
    return next();
  };
}

function refuse(access: Access, { stage, account }: ValidSession): 'stage' | 'role' | null {
  if (access.who === 'session') return null;
  if (access.who === 'stage') return access.stages.includes(stage) ? null : 'stage';
  if (access.who !== 'active') return 'role';
  if (stage !== 'active') return 'stage';
  const holder = { roles: parseRoles(account.roles), regionId: account.region_id, disabled: false };
  const holds = (permission: Permission) => may(holder, permission, account.region_id);
  if (access.permission !== undefined && !holds(access.permission)) return 'role';
  if (access.anyOf !== undefined && !access.anyOf.some(holds)) return 'role';
  return null;
}
