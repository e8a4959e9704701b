#!/usr/bin/env node
/**
 * API throughput bench: the real server (server/main.ts, SQLite in a temp DATA_DIR) on loopback,
 * autocannon against the main GET endpoints and against the very same JSON served as static
 * files by the same process (written to the server's DIST_DIR, so @hono/node-server's
 * serveStatic reads them from disk on every request). The static file is the yardstick: an
 * endpoint that keeps up with it adds next to nothing on top of the HTTP stack.
 *
 *   node scripts/bench/api-throughput.mjs [--connections 100] [--duration 10]   prints a markdown table
 *   import { benchApi } from './api-throughput.mjs'                    returns the rows
 *
 * Targets: each endpoint >= 50 % of its static file's req/s, and p99 < 20 ms at 100 connections.
 * The server runs in a child process, autocannon in this one: on a 2-core machine each gets a
 * core. Figures are as noisy as the machine is busy: compare runs on a quiet machine.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENDPOINTS = ['/api/v1/metrics', '/api/v1/initiatives', '/api/v1/region'];
export const TARGETS = { minRatioToStatic: 0.5, maxP99Ms: 20 };

/** Starts the server in a child process; resolves with its URL once it listens. */
async function startServer(dir, log) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(dir, 'data'),
      DIST_DIR: path.join(dir, 'dist'),
      DATABASE_URL: '',
      NODE_ENV: 'production',
      // Measures the server, not the limit that protects it; the request log stays on.
      RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      // Once up, the request log (a line per request) is not kept.
      if (output.includes('Listening on')) return;
      output += chunk;
      const match = /Listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
    setTimeout(() => reject(new Error(`server did not start in 60 s: ${output}`)), 60_000).unref();
  });
  log(`server up at ${url} (pid ${child.pid})`);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url, stop };
}

function cannon(url, connections, duration) {
  return autocannon({ url, connections, duration, pipelining: 1 }).then((result) => {
    if (result.errors > 0 || result.non2xx > 0) {
      throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} non-2xx answers`);
    }
    return {
      reqPerSec: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      bytes: Math.round(result.throughput.average),
    };
  });
}

/**
 * Runs the bench; returns one row per endpoint and per static twin:
 * { endpoint, kind: 'api' | 'static', reqPerSec, p50, p99, ratio, pass }.
 * `ratio` is req/s over the static twin's req/s (1 for the static rows themselves).
 */
export async function benchApi({
  connections = 100,
  duration = 10,
  warmup = 2,
  log = (message) => process.stderr.write(`[bench-api] ${message}\n`),
} = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ashyq-bench-api-'));
  let server;
  try {
    await mkdir(path.join(dir, 'dist', 'bench'), { recursive: true });
    server = await startServer(dir, log);
    const targets = [];
    for (const endpoint of ENDPOINTS) {
      const response = await fetch(`${server.url}${endpoint}`);
      if (!response.ok) throw new Error(`${endpoint}: ${response.status}`);
      const file = `/bench/${path.basename(endpoint)}.json`;
      await writeFile(path.join(dir, 'dist', file), Buffer.from(await response.arrayBuffer()));
      targets.push({ endpoint, file });
    }

    const rows = [];
    for (const { endpoint, file } of targets) {
      // Warm both up (JIT, caches, sockets), then measure them back to back.
      for (const url of [endpoint, file]) await cannon(`${server.url}${url}`, 10, warmup);
      log(`${endpoint}: ${connections} connections, ${duration} s`);
      const api = await cannon(`${server.url}${endpoint}`, connections, duration);
      log(`${file} (static twin): ${connections} connections, ${duration} s`);
      const stat = await cannon(`${server.url}${file}`, connections, duration);
      const ratio = api.reqPerSec / stat.reqPerSec;
      rows.push({
        endpoint,
        kind: 'api',
        ...api,
        ratio,
        pass: ratio >= TARGETS.minRatioToStatic && api.p99 < TARGETS.maxP99Ms,
      });
      rows.push({ endpoint: `${file} (static)`, kind: 'static', ...stat, ratio: 1, pass: null });
    }
    return rows;
  } finally {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

export function toMarkdown(rows, { connections, duration }) {
  const lines = [
    `API vs the same JSON as a static file, ${connections} connections, ${duration} s each ` +
      `(targets: >= ${TARGETS.minRatioToStatic * 100} % of static, p99 < ${TARGETS.maxP99Ms} ms)`,
    '',
    '| endpoint | req/s | p50 ms | p99 ms | ratio to static | target |',
    '|---|---:|---:|---:|---:|---|',
    ...rows.map(
      (row) =>
        `| ${row.endpoint} | ${row.reqPerSec} | ${row.p50} | ${row.p99} | ` +
        `${Math.round(row.ratio * 100)} % | ${row.pass === null ? '' : row.pass ? 'met' : 'MISSED'} |`,
    ),
  ];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: { connections: { type: 'string' }, duration: { type: 'string' } },
  });
  const options = {
    connections: Number(values.connections ?? 100),
    duration: Number(values.duration ?? 10),
  };
  benchApi(options).then(
    (rows) => {
      process.stdout.write(`${toMarkdown(rows, options)}\n`);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
