import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from '../../server/start';

/** The real server's embed, framed by a page on another origin, and every other page refusing. */
test('on the real server an embed renders in a frame on another origin, and / refuses to be framed', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ashyq-e2e-embed-'));
  const server = await startServer({
    database: { kind: 'sqlite', file: join(dataDir, 'ashyq.sqlite') },
    distDir: 'dist-server',
    port: 0,
    hostname: '127.0.0.1',
  });
  const host = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://host').searchParams.get('src') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="en"><title>Host</title><iframe src="${src}" title="chart"></iframe></html>`,
    );
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  try {
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes("frame-ancestors 'none'")) refusals.push(message.text());
    });
    await page.goto(
      `${hostUrl}/?src=${encodeURIComponent(`${server.url}/embed/services-automated-split?lang=en`)}`,
    );
    const frame = page.frameLocator('iframe');
    await expect(
      frame.getByRole('heading', { level: 1, name: 'Public services automated: done and not yet' }),
    ).toBeVisible();
    await expect(frame.getByRole('img')).toBeVisible();

    await page.goto(`${hostUrl}/?src=${encodeURIComponent(`${server.url}/?lang=en`)}`);
    await expect.poll(() => refusals.length).toBe(1);
  } finally {
    await new Promise<void>((resolve) => host.close(() => resolve()));
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
