import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { contentSecurityPolicy, inlineHashes } from '../../server/http/csp';
import { startServer, type RunningServer } from '../../server/start';
import { routes, watchViolations } from '../security/csp-routes';

let dataDir = '';
let server: RunningServer;
test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ashyq-e2e-csp-'));
  server = await startServer({
    database: { kind: 'sqlite', file: join(dataDir, 'ashyq.sqlite') },
    distDir: 'dist-server',
    port: 0,
    hostname: '127.0.0.1',
  });
});
test.afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('every page of the real server renders with no Content-Security-Policy violation', async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const seen: string[] = [];
  for (const route of routes) {
    await page.goto(server.url + route.path);
    await route.ready(page);
    await page.waitForLoadState('networkidle');
    seen.push(...(await violations()).map((v) => `${route.path}: ${v}`));
  }
  expect(seen).toEqual([]);
});

test('the server sends the built index.html’s hashes, and nosniff on every kind of answer', async ({
  request,
}) => {
  const page = await request.get(`${server.url}/sources`);
  expect(page.headers()['content-security-policy']).toBe(
    contentSecurityPolicy(inlineHashes(readFileSync('dist-server/index.html', 'utf8')), {
      framable: false,
    }),
  );
  for (const path of [
    '/',
    '/favicon.svg',
    '/assets/missing.js',
    '/api/v1/region',
    '/api/nope',
    '/healthz',
  ]) {
    const response = await request.get(server.url + path);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
  }
});
