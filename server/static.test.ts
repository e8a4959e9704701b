// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IMMUTABLE } from './http/spa';
import { rawGet, startTestServer, type TestServer } from './test-support';

// A tiny stand-in for dist/: the tests must not depend on a real build being there.
const script = `console.log(${JSON.stringify('ashyq '.repeat(400))});\n`;
const indexHtml = '<!doctype html><html lang="kk"><body><div id="root"></div></body></html>\n';

describe('the dashboard, served next to the API', () => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'ashyq-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), indexHtml);
    await writeFile(join(dist, 'assets', 'index-Ab12Cd34.js'), script);
    await writeFile(join(dist, 'robots.txt'), 'User-agent: *\nAllow: /\n');
    server = await startTestServer('sqlite', { distDir: dist });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dist, { recursive: true, force: true });
  });
  const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

  test('index.html is served at / and must be revalidated', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(indexHtml);
  });

  test('index.html and other files answer a revalidation with 304 while they are unchanged', async () => {
    for (const path of ['/', '/initiatives/open-space?lang=ru', '/robots.txt']) {
      const first = await get(path, { headers: { 'Accept-Encoding': 'gzip' } });
      const tag = first.headers.get('etag');
      expect(tag, path).toMatch(/^W\/"[^"]+"$/);
      await first.arrayBuffer();
      const again = await get(path, { headers: { 'If-None-Match': tag ?? '' } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('cache-control'), path).toBe('no-cache');
      expect(await again.text(), path).toBe('');
    }
    const stale = await get('/', { headers: { 'If-None-Match': 'W/"an-older-build"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(indexHtml);
  });

  test('client routes fall back to index.html', async () => {
    for (const path of ['/initiatives/open-space', '/sources?lang=en', '/no/such/page']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(await response.text(), path).toBe(indexHtml);
    }
  });

  test('hashed assets are cached for a year, immutable, and gzipped on request', async () => {
    const plain = await rawGet(`${server.url}/assets/index-Ab12Cd34.js`);
    expect(plain.status).toBe(200);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.body.toString()).toBe(script);

    const zipped = await rawGet(`${server.url}/assets/index-Ab12Cd34.js`, {
      'Accept-Encoding': 'gzip',
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(zipped.body).toString()).toBe(script);
  });

  test('a missing asset is a 404, not the app', async () => {
    const response = await get('/assets/index-OLD.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).not.toContain('<html');
  });

  test('other files are served as they are, revalidated', async () => {
    const response = await get('/robots.txt');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('User-agent');
  });

  test('the API keeps its JSON answers, 404s included, with a dashboard present', async () => {
    expect((await get('/api/v1/region')).status).toBe(200);
    const missing = await get('/api/v1/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: 'No endpoint /api/v1/nope.' },
    });
  });

  test('only GET and HEAD fall back to the app', async () => {
    expect((await get('/initiatives', { method: 'HEAD' })).status).toBe(200);
    expect((await get('/initiatives', { method: 'POST' })).status).toBe(404);
  });
});

describe('without a build', () => {
  test('the API works and pages say the dashboard is not built', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'ashyq-nodist-'));
    const server = await startTestServer('sqlite', { distDir: join(empty, 'dist') });
    try {
      expect((await fetch(`${server.url}/api/v1/region`)).status).toBe(200);
      const page = await fetch(`${server.url}/initiatives`);
      expect(page.status).toBe(404);
      expect(await page.text()).toMatch(/npm run build/);
    } finally {
      await server.stop();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
