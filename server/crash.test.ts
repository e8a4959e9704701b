// @vitest-environment node
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleChild } from './crash/bundle-child';
import { DISTRICTS, PERIODS } from './crash/import-set';

/*
 * Crash safety: the server, importing file after file, is killed with SIGKILL at a random moment,
 * KILLS times over (CRASH_KILLS). After each kill the database must be intact
 * (PRAGMA integrity_check), every import whole or absent (every row of the set carries the same
 * import's number), and nothing acknowledged lost (that number is at least the last one the
 * process printed as committed).
 */
// npm test kills 5 times; `npm run test:robustness` (CI) 50.
const KILLS = Number(process.env.CRASH_KILLS ?? 5);

let dir = '';
let loop = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ashyq-crash-'));
  loop = await bundleChild('server/crash/import-loop.ts');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(loop, { force: true });
});

/**
 * Starts the loop, waits until it has begun importing, kills it after a random delay; resolves
 * with the last import it acknowledged.
 */
function runAndKill(file: string, first: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [loop, file, String(first)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: '' },
    });
    let out = '';
    let err = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.includes('ready')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL')
        return reject(new Error(`the loop exited by itself (${code}): ${err}`));
      const committed = [...out.matchAll(/committed (\d+)/g)].map((m) => Number(m[1]));
      // 0: this run acknowledged nothing (killed before its first commit was reported).
      resolve(committed.length ? Math.max(...committed) : 0);
    });
  });
}

function inspect(file: string) {
  // Opened as the restarted server opens it (read-write: it recovers the WAL left behind).
  const db = new SQLite(file);
  try {
    const integrity = db.prepare('PRAGMA integrity_check').pluck().all();
    const headline = db
      .prepare("SELECT value FROM metrics WHERE id = 'public-receptions'")
      .pluck()
      .get();
    const series = db
      .prepare(
        `SELECT value FROM metric_series WHERE metric_id = 'open-dialogue-answers' AND period IN (${PERIODS.map(() => '?').join(',')})`,
      )
      .pluck()
      .all(...PERIODS);
    const breakdown = db
      .prepare(
        `SELECT value FROM metric_breakdown WHERE metric_id = 'project-office-okrugs' AND district_id IN (${DISTRICTS.map(() => '?').join(',')})`,
      )
      .pluck()
      .all(...DISTRICTS);
    return { integrity, headline, series, breakdown };
  } finally {
    db.close();
  }
}

test(
  `SIGKILL at random moments during imports, ${KILLS} times: intact, whole or absent, nothing acknowledged lost`,
  { timeout: 600_000 },
  async () => {
    const file = join(dir, 'ashyq.sqlite');
    let next = 1;
    let lastAcknowledged = 0;
    let torn = 0;
    const seen = new Set<number>();
    for (let kill = 0; kill < KILLS; kill++) {
      const acknowledged = await runAndKill(file, next, 20 + Math.floor(Math.random() * 300));
      lastAcknowledged = Math.max(lastAcknowledged, acknowledged);
      const state = inspect(file);
      expect(state.integrity, `after kill ${kill + 1}`).toEqual(['ok']);
      if (lastAcknowledged === 0) continue; // killed before the first import: the seed only
      // Whole: the headline, every history point and every district entry carry one import's n.
      const values = new Set([state.headline, ...state.series, ...state.breakdown]);
      if (values.size !== 1) torn += 1;
      expect([...values], `after kill ${kill + 1}`).toHaveLength(1);
      expect(state.series).toHaveLength(PERIODS.length);
      expect(state.breakdown).toHaveLength(DISTRICTS.length);
      const n = Number(state.headline);
      expect(n, `after kill ${kill + 1}: acknowledged ${lastAcknowledged}`).toBeGreaterThanOrEqual(
        lastAcknowledged,
      );
      seen.add(n);
      // The next run starts past anything this one may have written without acknowledging.
      next = Math.max(n, acknowledged) + 1;
    }
    expect(torn).toBe(0);
    // The kills did land while imports were going on: many different imports were the last one.
    expect(seen.size).toBeGreaterThan(KILLS / 4);
  },
);
