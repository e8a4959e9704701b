/**
 * The review bench's data (run by scripts/bench/review.mjs with tsx): a server on SQLite in a
 * temp directory whose figure "public-receptions" has REVIEW_BENCH_REVISIONS published revisions
 * (default 10,000), each approved by a reviewer, every tenth one verified. Prints one JSON line
 * with the server's URL and the first (uncached) answer times, then waits for SIGTERM.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { endpoints } from '../../src/contract/endpoints';
import { startServer } from '../../server/start';

const TOTAL = Number(process.env.REVIEW_BENCH_REVISIONS ?? 10_000);
const FIGURE = 'public-receptions';

const dir = await mkdtemp(path.join(tmpdir(), 'ashyq-bench-review-'));
const server = await startServer({
  database: { kind: 'sqlite', file: path.join(dir, 'bench.sqlite') },
  // A build for the real server, when the section made one: the history page is timed on it.
  distDir: process.env.REVIEW_BENCH_DIST || null,
  port: 0,
  hostname: '127.0.0.1',
});
const { db } = server;
const region = await db.selectFrom('region').select('id').executeTakeFirstOrThrow();
const account = (id: string, name: string) => ({
  id,
  region_id: region.id,
  username: id,
  display_name: name,
  organisation: 'Regional akimat',
  roles: '["editor","reviewer","verifier"]',
  password_hash: 'x',
  password_expires_at: null,
  must_change_password: 0,
  totp_secret: null,
  totp_pending_secret: null,
  totp_last_step: null,
  disabled: 0,
  created_at: '2026-01-01T00:00:00.000Z',
  last_sign_in_at: null,
});
await db
  .insertInto('accounts')
  .values([
    account('bench-editor', 'Aigerim Seitova'),
    account('bench-reviewer', 'Nurlan Kassymov'),
    account('bench-verifier', 'Dana Ospanova'),
  ])
  .execute();

const started = performance.now();
for (let from = 0; from < TOTAL; from += 500) {
  const rows = Array.from({ length: Math.min(500, TOTAL - from) }, (_, k) => {
    const i = from + k;
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    return {
      id: `bench-${String(i).padStart(6, '0')}`,
      region_id: region.id,
      metric_id: FIGURE,
      new_metric: null,
      status: 'published',
      version: 4,
      value: 100 + (i % 97),
      total: null,
      status_text: null,
      period: `${2000 + (i % 26)}`,
      district_id: null,
      source_id: 'syr-boyy-hearing',
      new_source: null,
      stated_by: 'serik-akhmet',
      evidence_ids: '[]',
      corrects: null,
      correction_reason: null,
      note: null,
      rejection_reason: null,
      batch_id: null,
      created_by: 'bench-editor',
      last_edited_by: 'bench-editor',
      reviewed_by: 'bench-reviewer',
      created_at: at,
      updated_at: at,
      submitted_at: at,
      reviewed_at: at,
      published_at: at,
      sample: 0,
    };
  });
  await db.insertInto('revisions').values(rows).execute();
  const verified = rows.filter((_, k) => (from + k) % 10 === 0);
  if (verified.length > 0) {
    await db
      .insertInto('verifications')
      .values(
        verified.map((row) => ({
          revision_id: row.id,
          state: 'verified',
          by_id: 'bench-verifier',
          at: row.published_at,
          note: 'Checked against the ledger.',
          evidence_ids: '[]',
        })),
      )
      .execute();
  }
}
const insertMs = Math.round(performance.now() - started);

/** The first answer is the uncached one: the query, the contract parse, the JSON. */
async function firstAnswer(url: string): Promise<number> {
  const t = performance.now();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  await response.arrayBuffer();
  return Math.round((performance.now() - t) * 10) / 10;
}
const historyUrl = `${server.url}${endpoints.metricHistory(FIGURE)}`;
const changesUrl = `${server.url}${endpoints.changes}?page=100`;
const result = {
  url: server.url,
  revisions: TOTAL,
  insertMs,
  historyUrl,
  changesUrl,
  historyFirstMs: await firstAnswer(historyUrl),
  historyLastPageFirstMs: await firstAnswer(`${historyUrl}?page=${Math.ceil(TOTAL / 100)}`),
  changesFirstMs: await firstAnswer(changesUrl),
};
console.log(JSON.stringify(result));

process.once('SIGTERM', async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  process.exit(0);
});
