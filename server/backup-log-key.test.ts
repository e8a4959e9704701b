// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { formatSignerKey, generateSigner } from '../src/transparency/note';
import { keyPartOf } from './backup/log-key-backup';
import { LOG_KEY_FILE } from './log/key';
import { startServer } from './start';

const root = fileURLToPath(new URL('..', import.meta.url));
let dir = '';
const keyFile = () => join(dir, LOG_KEY_FILE);
const mode = (file: string) => statSync(file).mode & 0o777;

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/backup-cli.ts'), ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_ORIGIN: '' },
    encoding: 'utf8',
  });

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ashyq-backup-key-'));
  // A server's first start: the database, the log's first entries and its key in DATA_DIR.
  const server = await startServer({
    database: { kind: 'sqlite', file: join(dir, 'ashyq.sqlite') },
    distDir: null,
    port: 0,
    hostname: '127.0.0.1',
    transparencyLog: { dataDir: dir, origin: null, fallbackOrigin: 'ashyq.test/log' },
  });
  await server.close();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('npm run backup copies the log signing key (mode 0600) and npm run restore puts it back', () => {
  const original = readFileSync(keyFile(), 'utf8');
  const target = join(dir, 'nightly.sqlite');
  const backup = run('backup', target);
  expect(backup.status, backup.stderr).toBe(0);
  expect(backup.stdout).toContain(keyPartOf(target));
  expect(readFileSync(keyPartOf(target), 'utf8')).toBe(original);
  expect(mode(keyPartOf(target))).toBe(0o600);

  // The data directory is lost, key and all; the backup brings both back.
  rmSync(keyFile());
  const restore = run('restore', target);
  expect(restore.status, restore.stderr).toBe(0);
  expect(restore.stdout).toContain(keyFile());
  expect(readFileSync(keyFile(), 'utf8')).toBe(original);
  expect(mode(keyFile())).toBe(0o600);
});

test('restore refuses a key part that did not sign the backed-up log, or a log without its key, and changes nothing', async () => {
  const original = readFileSync(keyFile(), 'utf8');
  const target = join(dir, 'nightly.sqlite');
  expect(run('backup', target).status).toBe(0);

  // Another key under the same name: it never signed this log's checkpoints.
  const { seed } = await generateSigner('ashyq.test/log');
  writeFileSync(keyPartOf(target), `${await formatSignerKey('ashyq.test/log', seed)}\n`);
  const forged = run('restore', target);
  expect(forged.status).toBe(1);
  expect(forged.stderr).toMatch(/Restore refused: .* is not the key that signed the log/);
  expect(readFileSync(keyFile(), 'utf8')).toBe(original);

  writeFileSync(keyPartOf(target), 'not a key\n');
  expect(run('restore', target).stderr).toMatch(/is not a log signing key/);

  // No key part and no key in DATA_DIR: the restored log could not go on signing.
  rmSync(keyPartOf(target));
  rmSync(keyFile());
  const keyless = run('restore', target);
  expect(keyless.status).toBe(1);
  expect(keyless.stderr).toMatch(/its key .* is missing/);
  expect(existsSync(keyFile())).toBe(false);
});
