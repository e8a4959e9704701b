import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../../server/start';

/** A server on a fresh SQLite database; `port` reuses an address so a page can reach it again. */
async function serve(dataDir: string, port = 0): Promise<RunningServer> {
  return startServer({
    database: { kind: 'sqlite', file: join(dataDir, 'ashyq.sqlite') },
    distDir: 'dist-server',
    port,
    hostname: '127.0.0.1',
  });
}

let dataDir = '';
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ashyq-e2e-'));
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

test('the dashboard and the real server agree: figures, sources and the not-found page', async ({ page }) => {
  const server = await serve(dataDir);
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const api = page.waitForResponse((response) => response.url().includes('/api/v1/metrics'));
    await page.goto(`${server.url}/?lang=en`);
    const response = await api;
    expect(response.status()).toBe(200);
    expect(response.headers()['etag']).toBeTruthy();
    const services = page.getByRole('article', { name: 'Public services automated' });
    await expect(services.getByText('141 of 173 public services in all (81.5%)')).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(8);
    // No mock anywhere: the page was answered by the server.
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).not.toContain('mockServiceWorker');

    await page.goto(`${server.url}/sources?lang=ru`);
    await expect(page.getByText('Молдир Калымбет')).toBeVisible();
    await page.goto(`${server.url}/initiatives/no-such-thing?lang=en`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});

test('after one visit the kiosk starts with no server, shows the last data, and recovers', async ({ page }) => {
  let server = await serve(dataDir);
  const { port, url } = server;
  const kiosk = `${url}/kiosk?langs=en&interval=600&refresh=5&slides=services-automated`;
  try {
    await page.goto(kiosk);
    await expect(page.getByText('141', { exact: true })).toBeVisible();
    // The offline shell is installed and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await server.close();
    // A cold start with nothing answering: the page itself comes from the service worker's cache.
    await page.reload();
    await expect(page.getByText('141', { exact: true })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('alert')).toContainText('Offline since', { timeout: 20_000 });

    server = await serve(dataDir, port);
    await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByText(/^Last updated \d\d:\d\d$/)).toBeVisible();
  } finally {
    await server.close().catch(() => undefined);
  }
});
