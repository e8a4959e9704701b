/**
 * Section `fuzz`: 20,000 random and malformed requests over raw sockets against the real server on
 * loopback (server/fuzz/): answers by status, 5xx (target 0), connections left hanging (target 0),
 * health and data afterwards.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './util.mjs';

const REQUESTS = 20_000;

export default { name: 'fuzz', title: 'HTTP fuzz', run: fuzzSection };

function runFuzz(ctx) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'server/fuzz/cli.ts'), '--requests', String(REQUESTS)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } },
    );
    ctx.onCleanup(() => child.exitCode === null && child.kill('SIGKILL'));
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', () => {
      const line = out.trim().split('\n').pop();
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`the fuzz run printed no result: ${err || out}`));
      }
    });
  });
}

async function fuzzSection(ctx) {
  ctx.log(`fuzz: ${REQUESTS} requests`);
  const result = await runFuzz(ctx);
  const statuses = Object.entries(result.statuses).sort(([a], [b]) => Number(a) - Number(b));
  return {
    tables: [
      {
        title: `HTTP fuzz: ${result.requests} requests in ${(result.ms / 1000).toFixed(1)} s (seed ${result.seed}, 32 connections at a time, each request on its own)`,
        columns: ['answer', 'requests'],
        align: ['l', 'r'],
        rows: statuses.map(([status, count]) => [
          status === '0' ? 'connection closed, no answer' : status,
          count,
        ]),
        notes: [
          `server errors (5xx): ${result.serverErrors}; left hanging: ${result.hung}; healthy afterwards: ${result.healthy}; data unchanged: ${result.unchanged}`,
        ],
      },
    ],
    targets: [
      {
        label: 'fuzz: no 5xx answer',
        value: String(result.serverErrors),
        pass: result.serverErrors === 0,
      },
      {
        label: 'fuzz: no connection left hanging',
        value: String(result.hung),
        pass: result.hung === 0,
      },
      {
        label: 'fuzz: healthy and data unchanged afterwards',
        value: `${result.healthy} / ${result.unchanged}`,
        pass: result.healthy && result.unchanged,
      },
    ],
    data: result,
  };
}
