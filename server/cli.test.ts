// @vitest-environment node
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { seedAccount } from './auth-test-kit';
import { prepareDatabase } from './start';

/*
 * The entry points as npm runs them (npm run serve / npm run import), in child processes on a
 * temp DATA_DIR: start-up with no configuration beyond that, the import CLI's messages and exit
 * codes, and a clean exit on SIGTERM.
 */

// The repository root: tsx resolves the @/ alias from its tsconfig.json.
const root = fileURLToPath(new URL('..', import.meta.url));

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ashyq-cli-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(child: ChildProcess): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

test('npm run import: a good file is written, a bad one rejected with row and field', async () => {
  const good = join(dataDir, 'good.csv');
  const bad = join(dataDir, 'bad.json');
  await writeFile(good, 'metric,value,asOf\npublic-receptions,21,2025-04-01\n');
  await writeFile(bad, JSON.stringify([{ metric: 'public-receptions', value: 'many' }]));

  const ok = await finished(run('server/import-cli.ts', [good], {}));
  expect(ok.err).toBe('');
  expect(ok.code).toBe(0);
  expect(ok.out).toMatch(/Imported 1 row into SQLite .*: 1 headline value/);

  const rejected = await finished(run('server/import-cli.ts', [bad], {}));
  expect(rejected.code).toBe(1);
  expect(rejected.err).toContain('row 1, field "value": must be a number');
});

test('the server starts on the imported data, sees later imports, and exits cleanly on SIGTERM', async () => {
  const child = run('server/main.ts', [], {
    PORT: '0',
    HOST: '127.0.0.1',
    DIST_DIR: join(dataDir, 'no-dist'),
  });
  const done = finished(child);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /Listening on (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error(`server exited early: ${seen}`)));
  });
  const receptions = async () => {
    const metrics = (await (await fetch(`${url}/api/v1/metrics`)).json()) as {
      id: string;
      value: number;
    }[];
    return metrics.find((m) => m.id === 'public-receptions')?.value;
  };
  expect(await receptions()).toBe(21);

  // An import from another process while the server runs: shown within about a second.
  const next = join(dataDir, 'next.csv');
  await writeFile(next, 'metric,value\npublic-receptions,22\n');
  expect((await finished(run('server/import-cli.ts', [next], {}))).code).toBe(0);
  const deadline = Date.now() + 3000;
  while ((await receptions()) !== 22 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await receptions()).toBe(22);

  child.kill('SIGTERM');
  const { code, out, err } = await done;
  expect(err).toBe('');
  expect(out).toContain('SIGTERM: closing the server and the database');
  expect(code).toBe(0);
});

test('npm run import -- FILE --as USERNAME submits the rows for review and publishes nothing', async () => {
  const file = join(dataDir, 'for-review.csv');
  await writeFile(file, 'metric,value,asOf\npublic-receptions,999,2026\n');
  const { db, repository } = await prepareDatabase({
    kind: 'sqlite',
    file: join(dataDir, 'ashyq.sqlite'),
  });
  await seedAccount(db, 'cli-editor', ['editor']);
  await seedAccount(db, 'cli-reviewer', ['reviewer']);
  await repository.close();

  const submitted = await finished(run('server/import-cli.ts', [file, '--as', 'cli-editor'], {}));
  expect(submitted.err).toBe('');
  expect(submitted.code).toBe(0);
  expect(submitted.out).toMatch(/Submitted 1 row for review as cli-editor .*Nothing is published/);

  const refused = await finished(run('server/import-cli.ts', [file, '--as', 'cli-reviewer'], {}));
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(/does not have the role/);
  const unknown = await finished(run('server/import-cli.ts', [file, '--as', 'nobody'], {}));
  expect(unknown.code).toBe(1);
  const usage = await finished(run('server/import-cli.ts', [file, '--as'], {}));
  expect(usage.code).toBe(2);

  const after = await prepareDatabase({ kind: 'sqlite', file: join(dataDir, 'ashyq.sqlite') });
  const revisions = await after.db
    .selectFrom('revisions')
    .select(['status', 'value'])
    .where('value', '=', 999)
    .execute();
  const [figure] = (await after.repository.listMetrics({})).filter(
    (m) => m.id === 'public-receptions',
  );
  await after.repository.close();
  expect(revisions).toEqual([{ status: 'submitted', value: 999 }]);
  expect(figure?.value).not.toBe(999);
});
