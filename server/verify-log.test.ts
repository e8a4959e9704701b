import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatLogEntry, type LogEntry } from '../src/transparency/entry';
import { formatVerifierKey, generateSigner } from '../src/transparency/note';
import { openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrations';
import type { Database } from './db/schema';
import { logRoutes } from './http/log-routes';
import { appendToLog, type LogIdentity } from './log/append';
import { loadLogIdentity, verifierKeyOf } from './log/key';
import {
  announceSkippedBackends,
  backends,
  freshDatabase,
  isAvailable,
  type Backend,
  type TestDatabase,
} from './test-support';
import { runVerifyLog } from './verify-log-cli';

announceSkippedBackends('server/verify-log.test.ts');

const BASE = 'https://ashyq.test';

const entry = (i: number): string => {
  const record: LogEntry = {
    kind: 'hearing',
    region: 'kyzylorda',
    figure: `figure-${i % 7}`,
    revision: `hearing-${i}`,
    value: i * 3,
    unit: null,
    total: null,
    period: '2025',
    district: null,
    source: 'hearing-2025',
    statedBy: 'Regional akimat',
    evidence: [],
    enteredBy: null,
    approvedBy: null,
    verifiedBy: null,
    reason: null,
    corrects: null,
    time: '2026-12-02T00:00:00.000Z',
    previous: i >= 7 ? i - 7 : null,
  };
  return formatLogEntry(record);
};

function suite(backend: Backend) {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let dir: string;
  let identity: LogIdentity;
  let key: string;

  const append = (from: number, count: number) =>
    db.transaction().execute((trx) =>
      appendToLog(
        trx,
        identity,
        Array.from({ length: count }, (_, i) => entry(from + i)),
        new Date('2026-12-02T00:00:00Z'),
      ),
    );

  async function run(...args: string[]) {
    const lines: string[] = [];
    const app = logRoutes(db, identity);
    // Only the log is served here; server/log-server.test.ts checks the API against it.
    const code = await runVerifyLog(
      [...args, '--log-only'],
      (line) => lines.push(line),
      async (url) => app.request(url.slice(BASE.length)),
    );
    return { code, output: lines.join('\n') };
  }

  beforeAll(async () => {
    database = await freshDatabase(backend);
    db = openDatabase(database.config).db;
    await migrateToLatest(db);
    dir = await mkdtemp(path.join(tmpdir(), 'ashyq-verify-'));
    identity = await loadLogIdentity(path.join(dir, 'data'), 'ashyq.test/log');
    key = await verifierKeyOf(identity);
    await append(0, 300);
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  test('a sound log passes, the state is saved, and the next run checks the log still holds it', async () => {
    const state = path.join(dir, 'state.json');
    const first = await run(BASE, '--key', key, '--state', state);
    expect(first).toEqual({
      code: 0,
      output: 'OK: ashyq.test/log has 300 entries, signed, every entry valid',
    });
    expect(JSON.parse(await readFile(state, 'utf8'))).toMatchObject({ size: 300 });
    await append(300, 5);
    const second = await run(BASE, '--key', key, '--state', state);
    expect(second.output).toBe(
      'OK: ashyq.test/log has 305 entries, signed, every entry valid, and it still holds the 300 seen before',
    );
  });

  test('a wrong key, a rolled-back or forked log and a bad call are named', async () => {
    const other = await generateSigner('ashyq.test/log');
    const wrongKey = await formatVerifierKey('ashyq.test/log', other.signer.publicKey);
    const wrong = await run(BASE, '--key', wrongKey);
    expect(wrong.code).toBe(1);
    expect(wrong.output).toMatch(/^PROBLEM: the checkpoint is not signed by ashyq\.test\/log/);

    const ahead = path.join(dir, 'ahead.json');
    await writeFile(ahead, JSON.stringify({ origin: 'ashyq.test/log', size: 9999, root: 'x' }));
    expect((await run(BASE, '--key', key, '--state', ahead)).output).toMatch(
      /the log shrank: it was 9999 entries/,
    );

    const forked = path.join(dir, 'forked.json');
    const fakeRoot = Buffer.alloc(32, 7).toString('base64');
    await writeFile(forked, JSON.stringify({ origin: 'ashyq.test/log', size: 10, root: fakeRoot }));
    expect((await run(BASE, '--key', key, '--state', forked)).output).toMatch(
      /the first 10 entries no longer hash to the root saved last time/,
    );

    expect((await run(BASE)).code).toBe(2);
    expect((await run('--key', key)).code).toBe(2);
  });

  test('an entry changed in the database behind the log’s back is caught', async () => {
    // What only someone with the database in hand can do: drop the guard and rewrite history.
    await (
      backend === 'sqlite'
        ? sql`DROP TRIGGER log_entries_no_update`
        : sql`DROP TRIGGER log_entries_no_change ON log_entries`
    ).execute(db);
    await db
      .updateTable('log_entries')
      .set({ entry: entry(12).replace('value 36', 'value 37') })
      .where('idx', '=', 12)
      .execute();
    const tampered = await run(BASE, '--key', key);
    expect(tampered.code).toBe(1);
    expect(tampered.output).toMatch(/do not hash to the signed root of size 305/);
  });
}

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`verify-log on ${backend}`, () => suite(backend));
}
