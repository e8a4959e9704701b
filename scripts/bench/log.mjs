/**
 * Section `log`: the transparency log at scale (ISSUE 11). A log of 1,000,000 entries on SQLite
 * (scripts/bench/log-worker.ts, under tsx): append rate in batches and one entry a transaction,
 * inclusion proofs (hashes and p99 over 1,000 random entries), bytes on disk per entry, then
 * autocannon on a full tile and on the checkpoint (100 connections, 10 s).
 *
 *   npm run bench -- --only log        (LOG_BENCH_ENTRIES=100000 for a quicker run)
 */
import autocannon from 'autocannon';
import { timeFigureCheck } from './log-browser.mjs';
import { startJsonWorker } from './util.mjs';

export const TARGETS = { maxProofHashes: 21, maxProofP99Ms: 5 };

/** autocannon for 10 s; errors (timeouts, resets) are counted and shown, not hidden. */
const cannon = (url) =>
  autocannon({ url, connections: 100, duration: 10 }).then((r) => {
    if (r.non2xx > 0) throw new Error(`${url}: ${r.non2xx} answers that were not 2xx`);
    return { reqPerSec: Math.round(r.requests.average), p99: r.latency.p99, errors: r.errors };
  });
const errorsNote = (result) => (result.errors > 0 ? `, ${result.errors} errors` : '');

async function logSection(ctx) {
  const { result, child } = await startJsonWorker('scripts/bench/log-worker.ts', {
    log: ctx.log,
    message: 'building the log (this takes a while)',
  });
  ctx.onCleanup(() => child.kill('SIGTERM'));
  ctx.log(`log of ${result.entries} entries built: ${JSON.stringify(result)}`);
  // The same entry the worker wrote at this index (log-worker.ts, `entry(i)`).
  const index = result.entries - 1234;
  const browserCheck = await timeFigureCheck(result.url, index, {
    id: `figure-${index % 40}`,
    value: (index * 7919) % 100_000,
    total: null,
    unit: { kk: 'қызмет', ru: 'услуги', en: 'services' },
    period: '2026-06-30',
    district: null,
    source: 'hearing-2025',
  });
  const tile = await cannon(`${result.url}/log/tile/0/x001/234`);
  const checkpoint = await cannon(`${result.url}/log/checkpoint`);
  const n = (value) => value.toLocaleString('en-US');
  return {
    tables: [
      {
        title: `A log of ${n(result.entries)} entries on SQLite (entries of ${result.entryBytes} bytes)`,
        columns: ['measure', 'value'],
        align: ['left', 'right'],
        rows: [
          ['append, 2,000 entries a transaction', `${n(result.batchedEntriesPerSec)} entries/s`],
          ['append, one entry a transaction (one approval)', `${result.singleAppendMs} ms`],
          ['inclusion proof, hashes (most)', String(result.proofMaxHashes)],
          ['inclusion proof, p50 / p99', `${result.proofP50Ms} / ${result.proofP99Ms} ms`],
          ['bytes on disk per entry (entry, hashes, indexes)', n(result.bytesPerEntry)],
          [
            `verify one figure in headless Chromium (key, checkpoint, proof, entry), median of ${browserCheck.length}`,
            `${browserCheck[Math.floor(browserCheck.length / 2)]} ms (${browserCheck[0]}–${browserCheck.at(-1)})`,
          ],
          [
            'GET a full tile, 100 connections',
            `${n(tile.reqPerSec)} req/s, p99 ${tile.p99} ms${errorsNote(tile)}`,
          ],
          [
            'GET /log/checkpoint, 100 connections',
            `${n(checkpoint.reqPerSec)} req/s, p99 ${checkpoint.p99} ms`,
          ],
        ],
      },
    ],
    targets: [
      {
        label: `inclusion proof under ${TARGETS.maxProofHashes} hashes at 1M entries`,
        value: String(result.proofMaxHashes),
        pass: result.proofMaxHashes < TARGETS.maxProofHashes,
      },
      {
        label: `inclusion proof p99 < ${TARGETS.maxProofP99Ms} ms`,
        value: `${result.proofP99Ms} ms`,
        pass: result.proofP99Ms < TARGETS.maxProofP99Ms,
        timing: true,
      },
    ],
    data: { ...result, tile, checkpoint, browserCheckMs: browserCheck },
  };
}

export default { name: 'log', title: 'The transparency log at 1,000,000 entries', run: logSection };
