// @vitest-environment node
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { manageEndpoints as m } from '../src/contract/endpoints';
import { Browser } from './auth-test-kit';
import { type RunningServer, startServer } from './start';

/* npm run user as an operator runs it, next to a running server on the same SQLite file. */

const root = fileURLToPath(new URL('..', import.meta.url));
let dataDir: string;
let server: RunningServer;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ashyq-user-'));
  server = await startServer({
    database: { kind: 'sqlite', file: join(dataDir, 'ashyq.sqlite') },
    distDir: null,
    port: 0,
    hostname: '127.0.0.1',
  });
});
afterAll(async () => {
  await server?.close();
  await rm(dataDir, { recursive: true, force: true });
});

function user(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'server/user-cli.ts'), ...args],
    {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

test(
  'create prints a one-time password that signs in; disable from the shell ends the session',
  { timeout: 60_000 },
  async () => {
    const created = await user(
      'create',
      '--name',
      'first.admin',
      '--role',
      'admin,editor',
      '--display-name',
      'Aigerim K.',
    );
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    const otp = /^one-time password: (\S+)$/m.exec(created.out)?.[1] ?? '';
    expect(otp.length).toBeGreaterThanOrEqual(26);

    const listed = await user('list');
    expect(listed.out).toMatch(
      /^first\.admin\tadmin,editor\tAigerim K\.\t\(must change password, no authenticator\)$/m,
    );

    const browser = new Browser(server.url);
    const signIn = await browser.post(m.signIn, { username: 'first.admin', password: otp });
    expect(signIn.status).toBe(200);
    expect(((await signIn.json()) as { stage: string }).stage).toBe('change_password');

    expect((await user('disable', '--name', 'first.admin')).code).toBe(0);
    expect((await browser.get(m.me)).status).toBe(401);

    const reset = await user('reset-password', '--name', 'first.admin');
    expect(reset.out).toMatch(/^one-time password: \S+$/m);
  },
);

// Four child processes, each starting tsx: slow on a busy machine, so in parallel.
test('bad input: clear messages and exit codes', { timeout: 60_000 }, async () => {
  const [noRole, taken, missing, unknown] = await Promise.all([
    user('create', '--name', 'someone', '--role', 'boss'),
    user('create', '--name', 'first.admin', '--role', 'admin'),
    user('disable', '--name', 'nobody'),
    user('promote', '--name', 'first.admin'),
  ]);
  expect(noRole.code).toBe(2);
  expect(noRole.err).toContain('--role: unknown role "boss"');
  expect(taken.code).toBe(1);
  expect(taken.err).toContain('The username "first.admin" is taken.');
  expect(missing.code).toBe(1);
  expect(missing.err).toContain('No account named "nobody".');
  expect(unknown.code).toBe(2);
  expect(unknown.err).toContain('Usage: npm run user -- COMMAND');
});
