// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import en from '../src/locales/en/common.json';
import kk from '../src/locales/kk/common.json';
import { frameAncestors, mayBeFramed } from './http/frame-policy';
import { startTestServer, type TestServer } from './test-support';

// A stand-in build: the embed page as embed.html is, with its <noscript> placeholder.
const embedHtml =
  '<!doctype html><html lang="kk"><head><title>Ashyq</title></head><body><main id="embed"></main>' +
  '<noscript><!--ashyq:noscript--><p>Ashyq</p></noscript></body></html>\n';

describe('embeds on the real server', () => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'ashyq-embed-'));
    await writeFile(
      join(dist, 'index.html'),
      '<!doctype html><html><body><div id="root"></div></body></html>',
    );
    await writeFile(join(dist, 'embed.html'), embedHtml);
    server = await startTestServer('sqlite', { distDir: dist });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dist, { recursive: true, force: true });
  });
  const get = (path: string) => fetch(`${server.url}${path}`);
  /** The frame-ancestors directive of the page's Content-Security-Policy. */
  const frameDirective = (response: Response) =>
    (response.headers.get('content-security-policy') ?? '')
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('frame-ancestors'));

  test('/embed/<chart> may be framed by anyone and carries the chart’s title and summary for readers without scripts', async () => {
    const response = await get('/embed/project-office-okrugs-by-district?lang=en');
    expect(response.status).toBe(200);
    expect(frameDirective(response)).toBe('frame-ancestors *');
    const html = await response.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toMatch(
      /<noscript><h1>Project-office working groups by district<\/h1><p>[^<]+<\/p>/,
    );
    expect(html).toContain(en.openData.licence);
    expect(html).toContain('target="_blank" rel="noopener"');
  });

  test('the noscript text follows ?lang= and an unknown language falls back to Kazakh', async () => {
    const html = await (await get('/embed/project-office-okrugs-by-district?lang=xx')).text();
    expect(html).toContain('<html lang="kk"');
    expect(html).toContain(kk.openData.licence);
  });

  test('an unknown chart is a 404 that still answers with the embed page', async () => {
    const response = await get('/embed/no-such-chart');
    expect(response.status).toBe(404);
    expect(frameDirective(response)).toBe('frame-ancestors *');
    expect(await response.text()).toContain('<main id="embed">');
  });

  test('every other page refuses to be framed', async () => {
    for (const path of [
      '/',
      '/initiatives/open-space',
      '/data',
      '/embed',
      '/embed/a/b',
      '/index.html',
      '/embed.html',
    ]) {
      const response = await get(path);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/html/);
      expect(frameDirective(response), path).toBe("frame-ancestors 'none'");
    }
  });
});

test('the frame policy: only /embed/<one segment> may be framed', () => {
  expect(mayBeFramed('/embed/abc')).toBe(true);
  expect(mayBeFramed('/embed/abc/')).toBe(true);
  for (const path of [
    '/',
    '/embed',
    '/embed/',
    '/embed/a/b',
    '/embedded/a',
    '/x/embed/a',
    '/api/docs',
  ]) {
    expect(mayBeFramed(path), path).toBe(false);
    expect(frameAncestors(path)).toBe("frame-ancestors 'none'");
  }
  expect(frameAncestors('/embed/abc')).toBe('frame-ancestors *');
});
