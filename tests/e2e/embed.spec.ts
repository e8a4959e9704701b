import type { Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import en from '../../src/locales/en/common.json' with { type: 'json' };
import ru from '../../src/locales/ru/common.json' with { type: 'json' };
import { expect, expectNoA11yViolations, fill, metricLabel, test } from './fixtures';

const appPort = Number(process.env.E2E_PORT ?? 4174);
const app = `http://127.0.0.1:${appPort}`;
const chartId = 'project-office-okrugs-by-district';
const titleIn = (c: typeof en, lang: 'en' | 'ru') =>
  fill(c.chart.breakdown.title, { label: metricLabel('project-office-okrugs', lang) });

/**
 * A newsroom's page on another origin (another port): the iframe and the few lines of host
 * script the README gives, recording every size message it receives.
 */
function hostPage(src: string): string {
  return `<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>A newsroom</h1>
<iframe src="${src}" title="chart" style="width:100%;height:200px;border:0"></iframe>
<script>
window.sizes = [];
window.addEventListener('message', function (event) {
  var data = event.data;
  if (!data || data.type !== 'ashyq:embed-size') return;
  window.sizes.push({ origin: event.origin, id: data.id, height: data.height });
  document.querySelectorAll('iframe').forEach(function (frame) {
    if (frame.contentWindow === event.source) frame.style.height = data.height + 'px';
  });
});
</script></body></html>`;
}

// One host server for the file: its tests run in one worker, in order.
test.describe.configure({ mode: 'serial' });

let host: Server;
let hostUrl = '';
test.beforeAll(async () => {
  host = createServer((req, res) => {
    const src = new URL(req.url ?? '/', 'http://host').searchParams.get('src') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(hostPage(src));
  });
  const port = Number(process.env.E2E_HOST_PORT ?? 0);
  await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

const openHost = (page: Page, src: string) =>
  page.goto(`${hostUrl}/?src=${encodeURIComponent(src)}`);

test('an embed on another origin renders in its language and theme and reports its height', async ({
  page,
}) => {
  await openHost(page, `${app}/embed/${chartId}?lang=ru&theme=dark`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1, name: titleIn(ru, 'ru') })).toBeVisible();
  await expect(frame.getByRole('img')).toBeVisible();
  await expect(frame.locator('html')).toHaveAttribute('lang', 'ru');
  const background = await frame
    .locator('html')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(20, 32, 43)');
  await expect(
    frame.getByRole('link', { name: new RegExp(ru.embed.openDashboard) }),
  ).toHaveAttribute('target', '_blank');

  // The host script has sized the frame to the height the embed reported.
  await expect
    .poll(() =>
      page.evaluate(
        () => (window as unknown as { sizes: { id: string; height: number }[] }).sizes.at(-1)?.id,
      ),
    )
    .toBe(chartId);
  const { height, origin } = await page.evaluate(() =>
    (window as unknown as { sizes: { height: number; origin: string }[] }).sizes.at(-1)!,
  );
  expect(origin).toBe(app);
  expect(height).toBeGreaterThan(300);
  await expect(page.locator('iframe')).toHaveCSS('height', `${height}px`);
});

test('a narrower frame reports its new height', async ({ page }) => {
  await openHost(page, `${app}/embed/${chartId}?lang=en&theme=light`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1, name: titleIn(en, 'en') })).toBeVisible();
  const background = await frame
    .locator('html')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(255, 255, 255)');
  const sizes = () =>
    page.evaluate(() =>
      (window as unknown as { sizes: { height: number }[] }).sizes.map((s) => s.height),
    );
  await expect.poll(async () => (await sizes()).length).toBeGreaterThan(0);
  const wide = (await sizes()).at(-1) ?? 0;
  await page.setViewportSize({ width: 320, height: 700 });
  await expect.poll(async () => (await sizes()).at(-1) ?? 0).toBeGreaterThan(wide);
});

test('theme=auto follows the reader’s system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${app}/embed/${chartId}?lang=en&theme=auto`);
  await expect(page.getByRole('heading', { level: 1, name: titleIn(en, 'en') })).toBeVisible();
  expect(await page.locator('html').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
    'rgb(20, 32, 43)',
  );
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await page.locator('html').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
    'rgb(255, 255, 255)',
  );
});

test('any other page of the site refuses to be framed', async ({ page, consoleErrors }) => {
  // Chromium says so in the console: that is the refusal this test expects.
  consoleErrors.allow(
    /violates the following Content Security Policy directive: "frame-ancestors 'none'"/,
  );
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes("frame-ancestors 'none'")) refusals.push(message.text());
  });
  await openHost(page, `${app}/?lang=en`);
  await expect.poll(() => refusals.length).toBe(1);
  await expect.poll(() => page.frames().length).toBe(2);
  const frame = page.frames()[1]!;
  await expect.poll(() => frame.url()).toMatch(/^chrome-error:/);
  const response = await page.request.get(`${app}/initiatives`);
  expect(response.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'$/);
  const embed = await page.request.get(`${app}/embed/${chartId}`);
  expect(embed.headers()['content-security-policy']).toMatch(/frame-ancestors \*$/);
});

test('the embed page passes axe in its table view and its chart view', async ({ page }) => {
  await page.goto(`${app}/embed/${chartId}?lang=kk&view=table`);
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoA11yViolations(page);
  await page.goto(`${app}/embed/${chartId}?lang=en&theme=dark`);
  await expect(page.getByRole('img')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('an unknown chart says so', async ({ page }) => {
  await page.goto(`${app}/embed/no-such-chart?lang=en`);
  await expect(page.getByText(en.embed.notFound)).toBeVisible();
});
