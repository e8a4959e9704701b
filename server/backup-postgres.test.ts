// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect, test } from 'vitest';
import { importFile } from './import/run';
import type { Repository } from './repository';
import { prepareDatabase } from './start';
import { freshDatabase, postgresUrl } from './test-support';

/*
 * PostgreSQL backups are pg_dump's job (README, "Backups"): this checks that the commands the
 * README gives make a dump that pg_restore puts back as the same data.
 */

/** pg_dump on PATH, or Debian's newest under /usr/lib/postgresql. */
function pgBin(name: string): string | null {
  try {
    execFileSync(name, ['--version'], { stdio: 'ignore' });
    return name;
  } catch {
    const base = '/usr/lib/postgresql';
    if (!existsSync(base)) return null;
    const majors = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    const found = majors
      .map((major) => join(base, major, 'bin', name))
      .find((file) => existsSync(file));
    return found ?? null;
  }
}

const pgDump = pgBin('pg_dump');
const pgRestore = pgBin('pg_restore');
const available = postgresUrl !== undefined && pgDump !== null && pgRestore !== null;
if (!available) {
  console.info(
    '[backup-postgres.test.ts] skipped: needs TEST_DATABASE_URL and pg_dump/pg_restore.',
  );
}

const snapshot = async (repository: Repository) =>
  JSON.stringify([
    await repository.getRegion(),
    await repository.listMetrics({}),
    await repository.listSources(),
    await repository.datasetVersion(),
  ]);

test.runIf(available)(
  'pg_dump and pg_restore, as the README gives them, bring back the same data',
  async () => {
    const database = await freshDatabase('postgres');
    if (database.config.kind !== 'postgres' || !database.config.schema)
      throw new Error('not postgres');
    const { url, schema } = database.config;
    const dir = await mkdtemp(join(tmpdir(), 'ashyq-pgdump-'));
    try {
      let prepared = await prepareDatabase(database.config);
      const change = join(dir, 'change.csv');
      writeFileSync(change, 'metric,value\npublic-receptions,21\n');
      await importFile(prepared.repository, change);
      const before = await snapshot(prepared.repository);
      await prepared.repository.close();

      const dump = join(dir, 'ashyq.dump');
      execFileSync(pgDump ?? 'pg_dump', [
        '--format=custom',
        `--schema=${schema}`,
        `--file=${dump}`,
        url,
      ]);
      // Lose everything, then restore.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
      execFileSync(pgRestore ?? 'pg_restore', ['--no-owner', `--dbname=${url}`, dump]);

      prepared = await prepareDatabase(database.config);
      expect(await snapshot(prepared.repository)).toBe(before);
      await prepared.repository.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
      await database.cleanup();
    }
  },
);
