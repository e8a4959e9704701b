import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Role } from '../src/contract/accounts';
import { manageEndpoints } from '../src/contract/endpoints';
import { region } from '../mocks/fixtures/region';
import type { Database } from './db/schema';
import { hashPassword } from './auth/passwords';
import { newTotpSecret, totpCode } from './auth/totp';
import { type Backend, freshDatabase, type TestServer } from './test-support';
import { startServer } from './start';
import { parseTrustProxy } from './http/client-address';

/*
 * For the accounts tests: a server on a fake clock, accounts written straight into the database
 * (fully set up, so a test signs in with one hash instead of a whole first sign-in), and a tiny
 * browser that keeps the session cookie and sends what the management screens send.
 */
export const T0 = new Date('2026-12-01T08:00:00.000Z');

export interface FakeClock {
  now: () => Date;
  advance(ms: number): void;
}

export function fakeClock(start = T0): FakeClock {
  let at = start.getTime();
  return { now: () => new Date(at), advance: (ms) => (at += ms) };
}

export interface AuthTestServer extends TestServer {
  clock: FakeClock;
  /** DATA_DIR of this server (a temp folder): evidence files go to its evidence/. */
  dataDir: string;
}

export async function startAuthServer(
  backend: Backend,
  auth: { publicUrl?: string | null; logDir?: string } = {},
): Promise<AuthTestServer> {
  const clock = fakeClock();
  const database = await freshDatabase(backend);
  const dataDir = await mkdtemp(join(tmpdir(), 'ashyq-data-'));
  const server = await startServer({
    transparencyLog: auth.logDir
      ? { dataDir: auth.logDir, origin: 'ashyq.test/log', fallbackOrigin: 'ashyq.test/log' }
      : undefined,
    database: database.config,
    distDir: null,
    port: 0,
    hostname: '127.0.0.1',
    dataDir,
    auth: { now: clock.now, publicUrl: auth.publicUrl ?? null },
    // Each Browser below says which address it comes from (X-Forwarded-For, believed from
    // loopback only), so the per-address throttle sees people, not the one test machine.
    trustProxy: parseTrustProxy('loopback'),
  });
  return {
    ...server,
    database,
    clock,
    dataDir,
    stop: async () => {
      await server.close();
      await database.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

export interface SeededAccount {
  id: string;
  username: string;
  secret: string;
}

/** A signed-up account: password PASSWORD, an authenticator with `secret`. */
export async function seedAccount(
  db: Kysely<Database>,
  username: string,
  roles: Role[],
  options: { regionId?: string; disabled?: boolean } = {},
): Promise<SeededAccount> {
  passwordHash ??= hashPassword(PASSWORD);
  const id = crypto.randomUUID();
  const secret = newTotpSecret();
  await db
    .insertInto('accounts')
    .values({
      id,
      region_id: options.regionId ?? region.id,
      username,
      display_name: username,
      organisation: '',
      roles: JSON.stringify(roles),
      password_hash: await passwordHash,
      password_expires_at: null,
      must_change_password: 0,
      totp_secret: secret,
      totp_pending_secret: null,
      totp_last_step: null,
      disabled: options.disabled ? 1 : 0,
      created_at: T0.toISOString(),
      last_sign_in_at: null,
    })
    .execute();
  return { id, username, secret };
}

export async function addRegion(db: Kysely<Database>, id: string) {
  await db.insertInto('region').values({ id, name: '{"kk":"x","ru":"x","en":"x"}' }).execute();
}

/** A browser of the site: keeps the session cookie, sends JSON from the site's own origin. */
let nextAddress = 1;
/** A fresh address from 198.51.100.0/24 and beyond (TEST-NET-2, RFC 5737): one per browser. */
export const newClientAddress = () => {
  const n = nextAddress++;
  return `198.51.${100 + Math.floor(n / 250)}.${(n % 250) + 1}`;
};

export class Browser {
  cookie: string | null = null;
  /** Where the requests come from; pass the same address to two browsers to share one. */
  constructor(
    private readonly base: string,
    readonly address: string = newClientAddress(),
  ) {}

  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    // Bytes (an evidence file) go as they are, with the Content-Type the caller names.
    const raw = body instanceof Uint8Array;
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body === undefined || raw ? {} : { 'Content-Type': 'application/json' }),
        Origin: this.base,
        'X-Forwarded-For': this.address,
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...headers,
      },
      body:
        body === undefined
          ? undefined
          : raw
            ? new Uint8Array(body)
            : typeof body === 'string'
              ? body
              : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      this.cookie = /Max-Age=0/i.test(line) ? null : pair;
    }
    return response;
  }

  get = (path: string) => this.send('GET', path);
  post = (path: string, body: unknown = {}) => this.send('POST', path, body);

  /** Password and TOTP; returns the last answer. */
  async signIn(account: SeededAccount, clock: FakeClock, password = PASSWORD) {
    const first = await this.post(manageEndpoints.signIn, { username: account.username, password });
    if (first.status !== 200) return first;
    return this.post(manageEndpoints.totp, { code: totpCode(account.secret, clock.now()) });
  }
}
