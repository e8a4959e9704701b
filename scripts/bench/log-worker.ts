/**
 * The log bench's work, in TypeScript (run by scripts/bench/log.mjs with tsx): a log of
 * LOG_BENCH_ENTRIES entries (default 1,000,000) on SQLite in a temp directory; prints one JSON
 * line with the append rate, the inclusion proofs' size and latency, bytes on disk per entry,
 * and the URL of a server on the tiles for autocannon (it then waits for SIGTERM).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { formatLogEntry } from '../../src/transparency/entry';
import { openDatabase } from '../../server/db/connect';
import { migrateToLatest } from '../../server/db/migrations';
import { logRoutes } from '../../server/http/log-routes';
import { appendToLog } from '../../server/log/append';
import { loadLogIdentity } from '../../server/log/key';
import { proofText } from '../../server/log/read';

const TOTAL = Number(process.env.LOG_BENCH_ENTRIES ?? 1_000_000);
const BATCH = 2000;
const PROOFS = 1000;

const entry = (i: number) =>
  formatLogEntry({
    kind: 'publication',
    region: 'kyzylorda',
    figure: `figure-${i % 40}`,
    revision: `r${i.toString(36)}`,
    value: (i * 7919) % 100_000,
    unit: { kk: 'қызмет', ru: 'услуги', en: 'services' },
    total: null,
    period: '2026-06-30',
    district: null,
    source: 'hearing-2025',
    statedBy: 'Regional akimat',
    evidence: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    enteredBy: { id: 'acc-editor', name: 'Aigerim Seitova' },
    approvedBy: { id: 'acc-reviewer', name: 'Nurlan Kassymov' },
    verifiedBy: null,
    reason: null,
    corrects: null,
    time: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    previous: i >= 40 ? i - 40 : null,
  });

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ??
  0;

const dir = await mkdtemp(path.join(tmpdir(), 'ashyq-bench-log-'));
const file = path.join(dir, 'log.sqlite');
const { db } = openDatabase({ kind: 'sqlite', file });
await migrateToLatest(db);
const identity = await loadLogIdentity(dir, 'bench.ashyq/log');

const started = performance.now();
for (let from = 0; from < TOTAL; from += BATCH) {
  const count = Math.min(BATCH, TOTAL - from);
  const batch = Array.from({ length: count }, (_, i) => entry(from + i));
  await db.transaction().execute((trx) => appendToLog(trx, identity, batch, new Date()));
}
const appendSeconds = (performance.now() - started) / 1000;
// One publication = one transaction with one entry: the rate a reviewer's approvals see.
const single = performance.now();
for (let i = 0; i < 200; i += 1) {
  await db
    .transaction()
    .execute((trx) => appendToLog(trx, identity, [entry(TOTAL + i)], new Date()));
}
const singleMs = (performance.now() - single) / 200;
const size = TOTAL + 200;

const times: number[] = [];
let maxHashes = 0;
for (let i = 0; i < PROOFS; i += 1) {
  const index = Math.floor(Math.random() * size);
  const t = performance.now();
  const text = (await proofText(db, index)) ?? '';
  times.push(performance.now() - t);
  const hashes = text.slice(0, text.indexOf('\n\n')).split('\n').length - 2;
  maxHashes = Math.max(maxHashes, hashes);
}
await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
const bytes = (await stat(file)).size + (await stat(`${file}-wal`).catch(() => ({ size: 0 }))).size;

const app = logRoutes(db, identity);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(
    JSON.stringify({
      entries: size,
      batchedEntriesPerSec: Math.round(TOTAL / appendSeconds),
      singleAppendMs: Math.round(singleMs * 100) / 100,
      proofP50Ms: Math.round(percentile(times, 0.5) * 100) / 100,
      proofP99Ms: Math.round(percentile(times, 0.99) * 100) / 100,
      proofMaxHashes: maxHashes,
      bytesPerEntry: Math.round(bytes / size),
      entryBytes: Buffer.byteLength(entry(0)),
      url: `http://127.0.0.1:${info.port}`,
    }),
  );
});
process.on('SIGTERM', () => {
  server.close();
  void db
    .destroy()
    .then(() => rm(dir, { recursive: true, force: true }))
    .then(() => process.exit(0));
});
