// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fuzz } from './fuzz/run';
import { type RunningServer, startServer } from './start';
import { freshDatabase, type TestDatabase } from './test-support';

/*
 * A bounded HTTP fuzz run against the real server on loopback: FUZZ_REQUESTS random and malformed
 * requests (1,000 in npm test; 20,000 in `npm run test:robustness` and the bench). No answer may
 * be a 5xx, the server must stay healthy, and the data must not change.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1000);

let server: RunningServer;
let database: TestDatabase;
let dist = '';
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'ashyq-fuzz-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>x</title><script>1</script>');
  await writeFile(join(dist, 'assets', 'app.js'), 'export {};');
  database = await freshDatabase('sqlite');
  server = await startServer({
    database: database.config,
    distDir: dist,
    port: 0,
    hostname: '127.0.0.1',
    // High enough that the API handlers are reached; the limiter's code still runs on each.
    rateLimit: 1_000_000,
    timeouts: { headersMs: 2000, requestMs: 4000 },
  });
});
afterAll(async () => {
  await server?.close();
  await database?.cleanup();
  await rm(dist, { recursive: true, force: true });
});

const snapshot = async () => {
  const answers = [];
  for (const path of [
    '/api/v1/region',
    '/api/v1/initiatives',
    '/api/v1/metrics',
    '/api/v1/sources',
  ]) {
    answers.push(await (await fetch(server.url + path)).text());
  }
  return { answers, version: await server.repository.datasetVersion() };
};

test(
  `${REQUESTS} random and malformed requests: no 5xx, none left hanging, healthy, data unchanged`,
  { timeout: 600_000 },
  async () => {
    const before = await snapshot();
    const result = await fuzz({ port: server.port, count: REQUESTS, timeoutMs: 8000 });
    console.info(`[fuzz] ${JSON.stringify(result)}`);
    expect(result.serverErrorKinds).toEqual({});
    expect(result.serverErrors).toBe(0);
    expect(result.hung).toBe(0);
    // The run did reach the handlers: most requests were answered, many of them successfully.
    expect(result.statuses['200'] ?? 0).toBeGreaterThan(REQUESTS / 10);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(await snapshot()).toEqual(before);
  },
);
