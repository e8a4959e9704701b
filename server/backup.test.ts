// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { BackupError, backupSqlite, inspectBackup, restoreSqlite } from './backup/sqlite-backup';
import { importFile } from './import/run';
import { prepareDatabase, type PreparedDatabase } from './start';

const root = fileURLToPath(new URL('..', import.meta.url));
let dir = '';
let dbFile = '';
let prepared: PreparedDatabase;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ashyq-backup-'));
  dbFile = join(dir, 'ashyq.sqlite');
  prepared = await prepareDatabase({ kind: 'sqlite', file: dbFile });
});
afterEach(async () => {
  await prepared.repository.close();
  await rm(dir, { recursive: true, force: true });
});

const receptions = async () =>
  (await prepared.repository.listMetrics({})).find((m) => m.id === 'public-receptions')?.value;

async function importValue(value: number) {
  const file = join(dir, `import-${value}.csv`);
  writeFileSync(file, `metric,value\npublic-receptions,${value}\n`);
  await importFile(prepared.repository, file);
}

test('a backup taken while the database is open and written is whole, and restores exactly', async () => {
  await importValue(18);
  const backup = join(dir, 'backup.sqlite');
  // Writes go on during the backup: the copy is one consistent moment, either before or after.
  const [summary] = await Promise.all([backupSqlite(dbFile, backup), importValue(19)]);
  expect(summary.migrations.length).toBeGreaterThan(0);
  expect(inspectBackup(backup).datasetVersion).toBe(summary.datasetVersion);
  const backedUp = new SQLite(backup, { readonly: true });
  const value = backedUp
    .prepare("SELECT value FROM metrics WHERE id = 'public-receptions'")
    .pluck()
    .get();
  backedUp.close();
  expect([18, 19]).toContain(value);

  await importValue(99);
  await prepared.repository.close();
  await restoreSqlite(backup, dbFile);
  prepared = await prepareDatabase({ kind: 'sqlite', file: dbFile });
  expect(await receptions()).toBe(value);
});

test('restore refuses a damaged, truncated, foreign or non-database file and changes nothing', async () => {
  await importValue(18);
  const good = join(dir, 'good.sqlite');
  await backupSqlite(dbFile, good);
  const bytes = readFileSync(good);

  const damaged = join(dir, 'damaged.sqlite');
  const broken = Buffer.from(bytes);
  // Scribble over the header of every page after the first (the schema page stays readable).
  for (let i = 4096; i < broken.length; i += 4096) broken.fill(0x5a, i, i + 32);
  writeFileSync(damaged, broken);
  const truncated = join(dir, 'truncated.sqlite');
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const foreign = join(dir, 'foreign.sqlite');
  const other = new SQLite(foreign);
  other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
  other.close();
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'metric,value\n');
  const newer = join(dir, 'newer.sqlite');
  copyFileSync(good, newer);
  const future = new SQLite(newer);
  future
    .prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', 'x')")
    .run();
  future.close();

  await prepared.repository.close();
  const cases: [string, RegExp][] = [
    [damaged, /damaged|malformed|cannot be opened/],
    [truncated, /damaged|malformed|cannot be opened/],
    [foreign, /not one of Ashyq's/],
    [text, /not a SQLite database/],
    [newer, /newer version/],
    [join(dir, 'missing.sqlite'), /does not exist/],
  ];
  for (const [file, message] of cases) {
    await expect(restoreSqlite(file, dbFile), file).rejects.toThrow(BackupError);
    await expect(restoreSqlite(file, dbFile), file).rejects.toThrow(message);
  }
  prepared = await prepareDatabase({ kind: 'sqlite', file: dbFile });
  expect(await receptions()).toBe(18);
});

test('npm run backup and npm run restore: messages and exit codes', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server/backup-cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
      encoding: 'utf8',
    });
  const target = join(dir, 'nightly.sqlite');
  const backup = run('backup', target);
  expect(backup.stdout).toContain('integrity ok');
  expect(backup.status).toBe(0);
  const refused = run('restore', join(dir, 'nothing-here.sqlite'));
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain('Restore refused');
  expect(run('backup').status).toBe(2);
  const postgres = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'server/backup-cli.ts'), 'backup', target],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' },
      encoding: 'utf8',
    },
  );
  expect(postgres.status).toBe(2);
  expect(postgres.stderr).toContain('pg_dump');
});
