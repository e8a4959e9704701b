/**
 * Section `review`: the public history of a figure with 10,000 published revisions and the change
 * list at page 100 (ISSUE 10). scripts/bench/review-worker.ts builds the data on SQLite and starts
 * a server; this section times each endpoint's first (uncached) answer and then runs autocannon
 * (100 connections, 10 s) on each.
 *
 *   npm run bench -- --only review
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import { CHROME_PATH, ROOT, startJsonWorker } from './util.mjs';

const RENDERS = 5;

/** A build for the real server (same-origin API), into a temp directory. */
function buildForServer(log) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ashyq-bench-review-dist-'));
  log('vite build for the server (the history page is timed on it)');
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      dir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, VITE_API_URL: '/' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return dir;
}

/**
 * The history page in headless Chromium: from navigation to the first page of revisions on
 * screen (the approver's name in a row), each run in a fresh context (nothing cached).
 */
async function historyRenders(url) {
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: ['--no-sandbox'] });
  const times = [];
  try {
    for (let i = 0; i < RENDERS; i += 1) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(url);
      await page
        .getByRole('main')
        .getByText('Nurlan Kassymov')
        .first()
        .waitFor({ timeout: 60_000 });
      times.push(Date.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return [...times].sort((a, b) => a - b);
}

const cannon = (url) =>
  autocannon({ url, connections: 100, duration: 10 }).then((r) => {
    if (r.non2xx > 0) throw new Error(`${url}: ${r.non2xx} answers that were not 2xx`);
    return { reqPerSec: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors };
  });

async function reviewSection(ctx) {
  const dist = buildForServer(ctx.log);
  ctx.onCleanup(() => rmSync(dist, { recursive: true, force: true }));
  const { result, child } = await startJsonWorker('scripts/bench/review-worker.ts', {
    env: { REVIEW_BENCH_DIST: dist },
    log: ctx.log,
    message: 'writing 10,000 published revisions',
  });
  ctx.onCleanup(() => child.kill('SIGTERM'));
  const renders = await historyRenders(`${result.url}/figures/public-receptions?lang=en`);
  const history = await cannon(result.historyUrl);
  const changes = await cannon(result.changesUrl);
  const median = renders[Math.floor(renders.length / 2)];
  const n = (value) => value.toLocaleString('en-US');
  const row = (label, first, load) => [
    label,
    `${first} ms`,
    `${n(load.reqPerSec)} req/s, p99 ${load.p99} ms${load.errors ? `, ${load.errors} errors` : ''}`,
  ];
  return {
    tables: [
      {
        title: `Public history and change list, one figure with ${n(result.revisions)} published revisions (SQLite)`,
        columns: ['endpoint', 'first answer (uncached)', '100 connections, 10 s (cached)'],
        align: ['left', 'right', 'right'],
        rows: [
          row('GET /metrics/:id/history (page 1 of 100)', result.historyFirstMs, history),
          row('GET /changes?page=100', result.changesFirstMs, changes),
        ],
        notes: [
          `The last history page's first answer: ${result.historyLastPageFirstMs} ms. ` +
            'Answers are cached until the next publication, so the loaded run measures the cache.',
        ],
      },
      {
        title: 'The history page in headless Chromium (server build, fresh context each run)',
        columns: ['measure', 'value'],
        align: ['left', 'right'],
        rows: [
          [`navigation to the first 100 revisions on screen, median of ${RENDERS}`, `${median} ms`],
          ['fastest / slowest', `${renders[0]} / ${renders.at(-1)} ms`],
        ],
      },
    ],
    targets: [],
    data: { ...result, history, changes, historyRenderMs: renders },
  };
}

export default {
  name: 'review',
  title: 'Figure history and the change list at 10,000 revisions',
  run: reviewSection,
};
