// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from './app';
import { parseTrustProxy } from './http/client-address';
import { DatasetVersion } from './http/dataset-version';
import { JsonCache } from './http/json-cache';
import { createLogger } from './logger';
import { rawRequest } from './raw-http';
import type { Repository } from './repository';
import { type RunningServer, startServer } from './start';
import { freshDatabase, type TestDatabase } from './test-support';

const indexHtml =
  '<!doctype html><html><head><style>b{}</style></head><body><script>go()</script></body></html>\n';

describe('limits, health and the request log (SQLite)', () => {
  let server: RunningServer;
  let database: TestDatabase;
  let dist: string;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'ashyq-hardening-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), indexHtml);
    await writeFile(join(dist, 'assets', 'font-Ab12Cd34.woff2'), 'font');
    database = await freshDatabase('sqlite');
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line));
        callback();
      },
    });
    server = await startServer({
      database: database.config,
      distDir: dist,
      port: 0,
      hostname: '127.0.0.1',
      rateLimit: 5,
      publicUrl: new URL('https://figures.example.kz/'),
      logger: createLogger('info', sink),
      timeouts: { headersMs: 500, requestMs: 1000 },
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.cleanup();
    await rm(dist, { recursive: true, force: true });
  });

  test('a body over the limit is a 413 on any path, before routing, declared or chunked', async () => {
    for (const path of ['/api/v1/metrics', '/', '/no/such/route', '/healthz']) {
      const declared = await rawRequest(
        server.port,
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`,
      );
      expect(declared.status, path).toBe(413);
      expect(declared.text).toContain('payload_too_large');
    }
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const head = 'POST /anything HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n';
    const body = Array.from(
      { length: 6 },
      () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`,
    ).join('');
    const chunked = await rawRequest(server.port, `${head}${body}0\r\n\r\n`);
    expect(chunked.status).toBe(413);
  });

  test('the API limit answers 429 with Retry-After, yet a valid revalidation still gets its 304', async () => {
    const first = await fetch(`${server.url}/api/v1/region`, {
      headers: { 'X-Forwarded-For': '1.1.1.1' },
    });
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    let limited: Response | undefined;
    // With TRUST_PROXY unset, a different X-Forwarded-For on every request changes nothing.
    for (let i = 2; i < 10 && !limited; i++) {
      const response = await fetch(`${server.url}/api/v1/region`, {
        headers: { 'X-Forwarded-For': `10.0.0.${i}` },
      });
      if (response.status === 429) limited = response;
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited?.json()) as unknown).toMatchObject({
      error: { code: 'too_many_requests' },
    });
    const revalidated = await fetch(`${server.url}/api/v1/region`, {
      headers: { 'If-None-Match': etag },
    });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('x-content-type-options')).toBe('nosniff');
    const stale = await fetch(`${server.url}/api/v1/region`, {
      headers: { 'If-None-Match': 'W/"old"' },
    });
    expect(stale.status).toBe(429);
    // The dashboard and the health checks are not the API: never limited.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  test('/healthz answers while the process runs, /readyz when the database does', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  test('dashboard answers carry the headers: CSP on HTML, nosniff and HSTS everywhere', async () => {
    const page = await fetch(`${server.url}/initiatives/x`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'sha256-[\w+/=]+'/);
    expect(csp).toMatch(/style-src 'self' 'sha256-[\w+/=]+'/);
    expect(page.headers.get('strict-transport-security')).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('permissions-policy')).toMatch(
      /camera=\(\).*fullscreen=\(self\).*screen-wake-lock=\(self\)/,
    );
    for (const path of ['/assets/font-Ab12Cd34.woff2', '/assets/missing.js', '/api/v1/nope']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('content-security-policy'), path).toBeNull();
    }
  });

  test('a client that sends its headers too slowly is cut off', async () => {
    const slow = await rawRequest(server.port, 'GET / HTTP/1.1\r\nHost: x\r\n', {
      end: false,
      timeoutMs: 10_000,
    });
    expect(slow.closed).toBe(true);
    expect([0, 408]).toContain(slow.status);
  });

  test('one JSON line per request, with our request id and no cookies or query', async () => {
    const response = await fetch(`${server.url}/healthz?token=secret`, {
      headers: { Cookie: 'session=abc123', 'X-Request-Id': 'forged-id' },
    });
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => lines.find((line) => line.reqId === id)).toBeTruthy();
    const line = lines.find((entry) => entry.reqId === id);
    expect(line).toMatchObject({
      method: 'GET',
      path: '/healthz',
      status: 200,
      client: '127.0.0.1',
      level: 'info',
    });
    expect(JSON.stringify(lines)).not.toMatch(/abc123|secret|forged/);
  });
});

test('behind a trusted proxy the forwarded address is the client: each gets its own limit', async () => {
  const database = await freshDatabase('sqlite');
  const server = await startServer({
    database: database.config,
    distDir: null,
    port: 0,
    hostname: '127.0.0.1',
    rateLimit: 2,
    trustProxy: parseTrustProxy('loopback'),
  });
  try {
    const get = (client: string) =>
      fetch(`${server.url}/api/v1/region`, { headers: { 'X-Forwarded-For': client } }).then(
        (r) => r.status,
      );
    expect([
      await get('198.51.100.1'),
      await get('198.51.100.1'),
      await get('198.51.100.1'),
    ]).toEqual([200, 200, 429]);
    expect(await get('198.51.100.2')).toBe(200);
  } finally {
    await server.close();
    await database.cleanup();
  }
});

test('/readyz is a 503 when the database does not answer', async () => {
  const repository = {
    datasetVersion: () => Promise.reject(new Error('database gone')),
  } as Partial<Repository> as Repository;
  const app = createApp({
    repository,
    cache: new JsonCache(new DatasetVersion(() => repository.datasetVersion())),
    distDir: null,
  });
  const response = await app.request('/readyz');
  expect(response.status).toBe(503);
  expect(await response.text()).not.toContain('gone');
});
