import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Role } from '../src/contract/accounts';
import { createSession } from './auth/sessions';
import { type AuthTestServer, Browser, seedAccount, startAuthServer } from './auth-test-kit';
import type { Backend } from './test-support';

/*
 * For the review tests: a server with a transparency log on a fake clock, and signed-in browsers
 * by name (accounts written straight into the database, display name "<name> person").
 */
export interface ReviewTestServer {
  server: AuthTestServer;
  /** Makes an account with these roles and a browser signed in as it. */
  as(name: string, roles: Role[], regionId?: string): Promise<{ browser: Browser; id: string }>;
  browser(name: string): Browser;
  stop(): Promise<void>;
}

export async function startReviewServer(backend: Backend): Promise<ReviewTestServer> {
  const logDir = await mkdtemp(join(tmpdir(), 'ashyq-review-'));
  const server = await startAuthServer(backend, { logDir });
  const browsers = new Map<string, Browser>();
  return {
    server,
    async as(name, roles, regionId) {
      const account = await seedAccount(server.db, name, roles, { regionId });
      await server.db
        .updateTable('accounts')
        .set({ display_name: `${name} person`, organisation: `${name} office` })
        .where('id', '=', account.id)
        .execute();
      const { token } = await createSession(
        server.db,
        { accountId: account.id, stage: 'active', address: '127.0.0.1', userAgent: 'test' },
        server.clock.now(),
      );
      const browser = new Browser(server.url);
      browser.cookie = `ashyq_session=${token}`;
      browsers.set(name, browser);
      return { browser, id: account.id };
    },
    browser: (name) => browsers.get(name) as Browser,
    async stop() {
      await server.stop();
      await rm(logDir, { recursive: true, force: true });
    },
  };
}

/** The body of an answer that must have this status (the body is shown when it has not). */
export async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}
