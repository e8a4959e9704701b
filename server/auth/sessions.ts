import type { Kysely, Selectable } from 'kysely';
import type { SessionInfo, SessionStage } from '../../src/contract/accounts';
import { sessionStageSchema } from '../../src/contract/accounts';
import type { AuthSettings } from '../config';
import type { Database, SessionTable } from '../db/schema';
import { isSet } from '../db/mapping';
import { byAccount, writeAudit } from '../audit/write';
import { type AccountRow, accountRowById } from './accounts';
import { constantTimeEqual, newSessionToken, parseSessionToken, sha256Hex } from './tokens';

/*
 * Sessions live in the database, so that ending one (sign-out, an admin's disable, the CLI) takes
 * effect at once in every server process. A session ends at the idle limit after its last use or
 * at the absolute limit after sign-in, whichever comes first.
 */
export type SessionRow = Selectable<SessionTable>;

/** last_seen_at is written at most this often: a request does not have to cost a write. */
const TOUCH_EVERY_MS = 60_000;

export const idleMs = (settings: AuthSettings) => settings.sessionIdleMinutes * 60_000;
export const absoluteMs = (settings: AuthSettings) => settings.sessionAbsoluteHours * 3600_000;

export function expiresAt(session: SessionRow, settings: AuthSettings): Date {
  return new Date(
    Math.min(
      Date.parse(session.last_seen_at) + idleMs(settings),
      Date.parse(session.created_at) + absoluteMs(settings),
    ),
  );
}

export interface NewSession {
  accountId: string;
  stage: SessionStage;
  address: string;
  userAgent: string;
  /** A session that moves on to `active` keeps its sign-in time for the absolute limit. */
  createdAt?: string;
}

/** Stores a new session and returns its token (the only time the secret exists in clear). */
export async function createSession(db: Kysely<Database>, session: NewSession, now: Date) {
  const { id, secret, token } = newSessionToken();
  await db
    .insertInto('sessions')
    .values({
      id,
      account_id: session.accountId,
      secret_hash: sha256Hex(secret),
      stage: session.stage,
      created_at: session.createdAt ?? now.toISOString(),
      last_seen_at: now.toISOString(),
      address: session.address,
      user_agent: session.userAgent.slice(0, 256),
    })
    .execute();
  return { id, token };
}

export interface ValidSession {
  session: SessionRow;
  stage: SessionStage;
  account: AccountRow;
}

/**
 * The session a cookie value names, if it is live and its account enabled; null otherwise. An
 * expired session is deleted and its end audited.
 */
export async function validateSession(
  db: Kysely<Database>,
  cookie: string | undefined,
  settings: AuthSettings,
  address: string,
): Promise<ValidSession | null> {
  const parsed = parseSessionToken(cookie);
  if (!parsed) return null;
  const session = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', parsed.id)
    .executeTakeFirst();
  if (!session || !constantTimeEqual(session.secret_hash, sha256Hex(parsed.secret))) return null;
  const account = await accountRowById(db, session.account_id);
  const now = settings.now();
  if (!account || isSet(account.disabled)) {
    await db.deleteFrom('sessions').where('id', '=', session.id).execute();
    return null;
  }
  if (now.getTime() >= expiresAt(session, settings).getTime()) {
    await db.transaction().execute(async (trx) => {
      const gone = await trx.deleteFrom('sessions').where('id', '=', session.id).executeTakeFirst();
      if (Number(gone.numDeletedRows) === 0) return;
      const idle = now.getTime() >= Date.parse(session.last_seen_at) + idleMs(settings);
      await writeAudit(trx, now, {
        ...byAccount(account),
        action: 'session.expire',
        target: `session:${session.id.slice(0, 8)}`,
        outcome: 'success',
        address,
        detail: { reason: idle ? 'idle' : 'absolute' },
      });
    });
    return null;
  }
  if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', session.id)
      .execute();
    session.last_seen_at = now.toISOString();
  }
  return { session, stage: sessionStageSchema.parse(session.stage), account };
}

export async function deleteSession(db: Kysely<Database>, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function listSessions(
  db: Kysely<Database>,
  accountId: string,
  currentId: string,
  settings: AuthSettings,
): Promise<SessionInfo[]> {
  const rows = await db
    .selectFrom('sessions')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .execute();
  const now = settings.now().getTime();
  return rows
    .filter((row) => expiresAt(row, settings).getTime() > now)
    .map((row) => ({
      // The public id is a prefix: enough to tell sessions apart, useless as a token.
      id: row.id.slice(0, 8),
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: expiresAt(row, settings).toISOString(),
      address: row.address,
      userAgent: row.user_agent,
      current: row.id === currentId,
    }));
}
