import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/*
 * Failed sign-in steps (wrong password, wrong TOTP or recovery code, wrong current password),
 * counted per account and per address (OWASP Authentication Cheat Sheet). After `free` failures
 * within the window, each further attempt waits: 30 s, then twice as long per further failure,
 * never more than 15 minutes after the last failure. An attempt made while waiting is refused
 * without checking anything and is not counted, so an attacker can keep a username waiting at
 * most 15 minutes at a time, never for good, and an admin can lift the account's wait at once.
 *
 * The address limit is the same 5 (ISSUE 9): a password spray from one address is held back as
 * soon as a guess at one account would be. The cost falls on an office behind one NAT address,
 * where five typos in 15 minutes make everyone there wait 30 s; the wait is short and bounded,
 * and an admin's unlock lifts it.
 */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_FREE_FAILURES = 5;
export const ADDRESS_FREE_FAILURES = 5;
const FIRST_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

export const accountKey = (username: string) => `user:${username.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** How long to wait (ms, 0 = go ahead) after these failure times (ms since epoch). */
export function throttleWait(failures: number[], now: number, free: number): number {
  const recent = failures.filter((at) => at <= now && now - at < THROTTLE_WINDOW_MS);
  if (recent.length < free) return 0;
  const wait = Math.min(FIRST_WAIT_MS * 2 ** (recent.length - free), MAX_WAIT_MS);
  return Math.max(0, Math.max(...recent) + wait - now);
}

const freeFor = (key: string) =>
  key.startsWith('address:') ? ADDRESS_FREE_FAILURES : ACCOUNT_FREE_FAILURES;

async function failureTimes(db: Kysely<Database>, keys: string[], now: Date) {
  if (keys.length === 0) return new Map<string, number[]>();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const rows = await db
    .selectFrom('auth_failures')
    .select(['key', 'at'])
    .where('key', 'in', keys)
    .where('at', '>', since)
    .execute();
  const times = new Map<string, number[]>();
  for (const row of rows) times.set(row.key, [...(times.get(row.key) ?? []), Date.parse(row.at)]);
  return times;
}

/** The longest wait any of these keys is under, in ms (0 = none). */
export async function currentWait(db: Kysely<Database>, keys: string[], now: Date) {
  const times = await failureTimes(db, keys, now);
  return Math.max(
    0,
    ...keys.map((key) => throttleWait(times.get(key) ?? [], now.getTime(), freeFor(key))),
  );
}

/** Which of these usernames are waiting now (the accounts' `throttled` flag). */
export async function throttledUsernames(db: Kysely<Database>, usernames: string[], now: Date) {
  const times = await failureTimes(db, usernames.map(accountKey), now);
  return new Set(
    usernames.filter(
      (name) =>
        throttleWait(times.get(accountKey(name)) ?? [], now.getTime(), ACCOUNT_FREE_FAILURES) > 0,
    ),
  );
}

export async function recordFailure(db: Kysely<Database>, keys: string[], now: Date) {
  // Rows older than the window count for nothing; dropping them keeps the table small.
  const stale = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  await db.deleteFrom('auth_failures').where('at', '<', stale).execute();
  await db
    .insertInto('auth_failures')
    .values(keys.map((key) => ({ key, at: now.toISOString() })))
    .execute();
}

export async function clearFailures(db: Kysely<Database>, key: string) {
  await db.deleteFrom('auth_failures').where('key', '=', key).execute();
}

/**
 * An admin's unlock: lifts the account's wait and that of every address its failures came from
 * in the window (read from the audit trail, which names the account and the address of each
 * failure), so the person can sign in at once even from an office's shared address.
 */
export async function liftAccountWait(
  db: Kysely<Database>,
  account: { id: string; username: string },
  now: Date,
): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const rows = await db
    .selectFrom('audit_log')
    .select('address')
    .distinct()
    .where('target', '=', `account:${account.id}`)
    .where('outcome', '=', 'failure')
    .where('at', '>', since)
    .execute();
  const keys = [accountKey(account.username), ...rows.map((row) => addressKey(row.address))];
  await db.deleteFrom('auth_failures').where('key', 'in', keys).execute();
}
