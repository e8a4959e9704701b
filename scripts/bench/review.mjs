/**
 * Section `review`: the public history of a figure with 10,000 published revisions and the change
 * list at page 100 (ISSUE 10). scripts/bench/review-worker.ts builds the data on SQLite and starts
 * a server; this section times each endpoint's first (uncached) answer and then runs autocannon
 * (100 connections, 10 s) on each.
 *
 *   npm run bench -- --only review
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { ROOT } from './util.mjs';

function startWorker(log) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/bench/review-worker.ts')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const line = seen.split('\n').find((text) => text.startsWith('{'));
      if (line) resolve({ result: JSON.parse(line), child });
    });
    child.once('exit', (code) => reject(new Error(`review worker exited (${code})`)));
    log('writing 10,000 published revisions');
  });
}

const cannon = (url) =>
  autocannon({ url, connections: 100, duration: 10 }).then((r) => {
    if (r.non2xx > 0) throw new Error(`${url}: ${r.non2xx} answers that were not 2xx`);
    return { reqPerSec: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors };
  });

async function reviewSection(ctx) {
  const { result, child } = await startWorker(ctx.log);
  ctx.onCleanup(() => child.kill('SIGTERM'));
  const history = await cannon(result.historyUrl);
  const changes = await cannon(result.changesUrl);
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
    ],
    targets: [],
    data: { ...result, history, changes },
  };
}

export default {
  name: 'review',
  title: 'Figure history and the change list at 10,000 revisions',
  run: reviewSection,
};
