import type { Locator, Page, Route } from '@playwright/test';
import jsQRModule from 'jsqr';
import { initiatives } from '../../mocks/fixtures/initiatives';
import { metrics } from '../../mocks/fixtures/metrics';
import {
  expect,
  fill,
  literally,
  metricLabel,
  serveMockApiFromTests,
  test,
  ui,
  type Lang,
} from './fixtures';

// jsqr is a CommonJS bundle: from an ES module its function is the `default` of the exports.
const jsQR =
  (jsQRModule as unknown as { default?: typeof jsQRModule }).default ??
  (jsQRModule as typeof jsQRModule);

const screen = (page: Page) => page.locator('.kiosk__screen');
const stage = (page: Page) => page.locator('.kiosk__stage');

/** The card of a figure on the kiosk's screen, found by its label. */
const card = (page: Page, metricId: string, lang: Lang) =>
  stage(page).getByRole('article', { name: metricLabel(metricId, lang) });

/** One state of the rotation, as `.kiosk__screen` exposes it, with the page's language. */
interface RotationEntry {
  at: number;
  mode: string;
  index: number;
  langIndex: number;
  transitions: number;
  lang: string;
}

/**
 * Records every state the rotation passes through (a MutationObserver on the screen's data
 * attributes), so a test can check the order of what happened, not just where it ended.
 */
async function recordRotation(page: Page): Promise<() => Promise<RotationEntry[]>> {
  await expect(screen(page)).toHaveAttribute('data-transitions', /\d+/);
  await page.evaluate(() => {
    const element = document.querySelector<HTMLElement>('.kiosk__screen');
    if (!element) throw new Error('no kiosk screen');
    const log: RotationEntry[] = [];
    const read = () => {
      const data = element.dataset;
      const entry = {
        at: Date.now(),
        mode: data.mode ?? '',
        index: Number(data.index),
        langIndex: Number(data.langIndex),
        transitions: Number(data.transitions),
        lang: document.documentElement.lang,
      };
      const last = log.at(-1);
      if (!last || last.transitions !== entry.transitions || last.mode !== entry.mode)
        log.push(entry);
    };
    read();
    new MutationObserver(read).observe(element, { attributes: true });
    (window as unknown as { rotationLog: RotationEntry[] }).rotationLog = log;
  });
  return () =>
    page.evaluate(() => (window as unknown as { rotationLog: RotationEntry[] }).rotationLog);
}

/** A drag across the stage, by a finger (touch events through CDP) or with the mouse. */
async function swipe(page: Page, dx: number, by: 'finger' | 'mouse') {
  const box = await stage(page).boundingBox();
  if (!box) throw new Error('the stage has no box');
  const y = box.y + box.height / 2;
  const x = box.x + box.width / 2 - dx / 2;
  const steps = 6;
  if (by === 'mouse') {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx, y, { steps });
    await page.mouse.up();
    return;
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let step = 1; step <= steps; step += 1) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: x + (dx * step) / steps, y }],
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** A catalogue message with `{{time}}` as a pattern for a 24-hour hh:mm. */
function withTime(template: string): RegExp {
  const [before = '', after = ''] = template.split('{{time}}');
  return new RegExp(`${literally(before)}\\d{2}:\\d{2}${literally(after)}`);
}

/**
 * Reads the QR code on screen: a screenshot of the SVG, decoded with jsQR. The PNG is turned into
 * pixels on a blank page of its own: the kiosk's CSP (rightly) refuses data: images.
 */
async function readQrCode(page: Page, qr: Locator): Promise<string | null> {
  const png = await qr.screenshot();
  const scratch = await page.context().newPage();
  const { width, height, rgba } = await scratch.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let binary = '';
    for (let i = 0; i < pixels.length; i += 1) binary += String.fromCharCode(pixels[i] ?? 0);
    return { width: canvas.width, height: canvas.height, rgba: btoa(binary) };
  }, png.toString('base64'));
  await scratch.close();
  const code = jsQR(new Uint8ClampedArray(Buffer.from(rgba, 'base64')), width, height);
  return code?.data ?? null;
}

test('the show rotates by itself and changes language after each full round', async ({ page }) => {
  await page.goto(
    '/kiosk?interval=0.3&langs=kk,ru&slides=services-automated,services-automated-split',
  );
  await expect(screen(page)).toHaveAttribute('data-slide-count', '2');
  await expect(screen(page)).toHaveAttribute('data-mode', 'rotate');
  const rotation = await recordRotation(page);

  // Run until the show has been through Kazakh, Russian and back to Kazakh.
  await expect
    .poll(
      async () => {
        const langs = (await rotation()).map((entry) => entry.langIndex);
        const firstRu = langs.indexOf(1);
        return firstRu >= 0 && langs.indexOf(0, firstRu) > firstRu;
      },
      { timeout: 15_000 },
    )
    .toBe(true);

  const log = await rotation();
  let advances = 0;
  let roundEnds = 0;
  for (const [i, entry] of log.entries()) {
    expect(entry.mode).toBe('rotate');
    expect(entry.lang, `html lang at ${JSON.stringify(entry)}`).toBe(['kk', 'ru'][entry.langIndex]);
    const previous = log[i - 1];
    // Two ticks may land in one render on a busy machine; check the steps seen one by one.
    if (!previous || entry.transitions !== previous.transitions + 1) continue;
    if (previous.index === 1) {
      roundEnds += 1;
      expect(entry.index).toBe(0);
      expect(entry.langIndex).toBe((previous.langIndex + 1) % 2);
    } else {
      advances += 1;
      expect(entry.index).toBe(previous.index + 1);
      expect(entry.langIndex).toBe(previous.langIndex);
    }
  }
  expect(advances, 'steps within a round').toBeGreaterThan(0);
  expect(roundEnds, 'rounds ended').toBeGreaterThan(0);

  // The words on screen follow: the UI's own text and the data's labels.
  const onScreen = () =>
    page.evaluate(() => ({
      lang: document.documentElement.lang,
      hint: document.querySelector('.kiosk__hint')?.textContent ?? '',
      label: document.querySelector('.kiosk__stage .kpi-card__label')?.textContent ?? null,
    }));
  for (const lang of ['ru', 'kk'] as const) {
    await expect.poll(onScreen, { intervals: [50], timeout: 15_000 }).toEqual({
      lang,
      hint: ui[lang].kiosk.touchHint,
      label: metricLabel('services-automated', lang),
    });
  }
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });

  test('a touch pauses the show; buttons and swipes step through it; idle time resumes it', async ({
    page,
  }) => {
    await page.goto(
      '/kiosk?interval=0.3&idle=5&langs=en&slides=services-automated,open-space-relocated,services-automated-split',
    );
    await expect(screen(page)).toHaveAttribute('data-slide-count', '3');
    await expect(screen(page)).toHaveAttribute('data-transitions', /^[1-9]/);
    await expect(screen(page)).toHaveAttribute('data-mode', 'rotate');
    const hint = page.locator('.kiosk__hint');
    await expect(hint).toHaveText(ui.en.kiosk.touchHint);

    // A tap on the slide stops the rotation where it is.
    const box = await stage(page).boundingBox();
    await page.touchscreen.tap((box?.x ?? 0) + 200, (box?.y ?? 0) + 200);
    await expect(screen(page)).toHaveAttribute('data-mode', 'explore');
    await expect(hint).toHaveText(ui.en.kiosk.exploring);
    const paused = await screen(page).evaluate((element) => ({ ...element.dataset }));
    await page.waitForTimeout(1_000); // more than three intervals of the rotation
    expect(await screen(page).evaluate((element) => ({ ...element.dataset }))).toEqual(paused);
    const start = Number(paused.index);
    const at = (offset: number) => String((start + offset + 3) % 3);

    const rotation = await recordRotation(page);
    await page.getByRole('button', { name: ui.en.present.next }).tap();
    await expect(screen(page)).toHaveAttribute('data-index', at(1));
    await page.getByRole('button', { name: ui.en.present.next }).click();
    await expect(screen(page)).toHaveAttribute('data-index', at(2));
    await page.getByRole('button', { name: ui.en.present.previous }).click();
    await expect(screen(page)).toHaveAttribute('data-index', at(1));
    await swipe(page, -300, 'finger'); // to the left: the next slide
    await expect(screen(page)).toHaveAttribute('data-index', at(2));
    await swipe(page, 300, 'finger'); // to the right: the previous one
    await expect(screen(page)).toHaveAttribute('data-index', at(1));
    await swipe(page, 300, 'mouse'); // a mouse drag works the same
    await expect(screen(page)).toHaveAttribute('data-index', at(0));
    await expect(screen(page)).toHaveAttribute('data-mode', 'explore');
    await expect(page.locator('.kiosk__counter')).toHaveText(
      fill(ui.en.present.counter, { current: String(start + 1), total: '3' }),
    );

    // Left alone for `idle` seconds, the kiosk forgets the visit and starts over at the first slide.
    await expect(screen(page)).toHaveAttribute('data-mode', 'rotate', { timeout: 10_000 });
    await expect(hint).toHaveText(ui.en.kiosk.touchHint);
    const log = await rotation();
    const resumed = log.findIndex((entry) => entry.mode === 'rotate');
    const lastTouch = log[resumed - 1];
    const back = log[resumed];
    expect(lastTouch?.mode).toBe('explore');
    expect(back).toMatchObject({ mode: 'rotate', index: 0, langIndex: 0 });
    expect((back?.at ?? 0) - (lastTouch?.at ?? 0), 'ms from the last touch').toBeGreaterThan(4_500);
    // Explore mode moved only when told to: six steps, none by the clock.
    expect(log.filter((entry) => entry.mode === 'explore')).toHaveLength(7);
    // And the rotation runs again.
    await expect
      .poll(async () => (await rotation()).filter((entry) => entry.mode === 'rotate').length)
      .toBeGreaterThan(2);
  });
});

test.describe('on a 1080p wall screen', () => {
  // The screen a kiosk is made for; there a QR module is about three pixels, enough to decode.
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('a visitor cannot leave: no links, no context menu, no selection; QR codes lead to the figure', async ({
    page,
  }) => {
    const base = 'https://ashyq.example.kz';
    await page.goto(`/kiosk?interval=3600&langs=ru&base=${encodeURIComponent(base)}`);
    await expect(screen(page)).toHaveAttribute('data-slide-count', '16');
    await expect(card(page, 'commission-status', 'ru')).toBeVisible();
    await expect(page.locator('.kiosk__problems')).toHaveCount(0);

    // The context menu (long press on a touch screen) is cancelled wherever it is asked for.
    for (const target of [
      '.kiosk__stage',
      '.kiosk__bar',
      '.kiosk__controls button',
      '.kiosk__qr svg',
    ]) {
      const prevented = await page
        .locator(target)
        .first()
        .evaluate((element) => {
          const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
          element.dispatchEvent(event);
          return event.defaultPrevented;
        });
      expect(prevented, `context menu on ${target}`).toBe(true);
    }
    // Nothing can be selected: the style says so, and a triple click selects nothing.
    expect(
      await page.locator('.kiosk').evaluate((element) => getComputedStyle(element).userSelect),
    ).toBe('none');
    await page.locator('.kiosk__stage .kpi-card__description').click({ clickCount: 3 });
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('');

    // Step through every slide: no link anywhere, and a QR code for the same figure on the web.
    const slideIds: string[] = [];
    const chartInitiatives: string[] = [];
    const seen = new Set<string>();
    for (let n = 0; n < 16; n += 1) {
      await expect(screen(page)).toHaveAttribute('data-index', String(n));
      await expect(page.locator('a[href]')).toHaveCount(0);
      const qr = page.getByRole('img', { name: ui.ru.kiosk.qrLabel });
      await expect(qr).toBeVisible();
      const url = await readQrCode(page, qr);
      expect(url, `QR code on slide ${n + 1}`).toMatch(
        new RegExp(`^${literally(base)}/initiatives/[a-z-]+\\?lang=ru(&tab=charts)?(#[a-z-]+)?$`),
      );
      const parsed = new URL(url ?? '');
      const initiativeId = parsed.pathname.split('/')[2] ?? '';
      expect(initiatives.map((i) => i.id)).toContain(initiativeId);
      const metricId = parsed.hash.slice(1);
      const isChart = parsed.searchParams.get('tab') === 'charts';
      if (isChart) {
        // A chart's code opens its programme's charts tab at that chart.
        expect(metricId).toMatch(/^chart-[a-z-]+$/);
        await expect(stage(page).locator('.slide--chart')).toHaveCount(1);
        await expect(stage(page).locator(`[id="${metricId}-title"]`)).toHaveCount(1);
        chartInitiatives.push(initiativeId);
      } else {
        // A figure's code opens its programme's page at that figure's card.
        expect(metrics.find((m) => m.id === metricId)?.initiativeId).toBe(initiativeId);
        await expect(card(page, metricId, 'ru')).toBeVisible();
        slideIds.push(metricId);
      }
      seen.add(url ?? '');
      await page.getByRole('button', { name: ui.ru.present.next }).click();
    }
    await expect(screen(page)).toHaveAttribute('data-index', '0');
    expect(slideIds).toEqual(metrics.filter((m) => m.parentId === null).map((m) => m.id));
    expect(chartInitiatives).toHaveLength(8);
    // One code per figure and one per chart.
    expect(seen.size, 'different codes').toBe(slideIds.length + chartInitiatives.length);
  });

  test("on a phone, a chart's code opens the programme's page scrolled to that chart", async ({
    browser,
  }) => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    // The second of the programme's two charts: without the scroll it starts below the fold.
    await phone.goto(
      '/initiatives/open-dialogue?lang=kk&tab=charts#chart-open-dialogue-answers-history',
    );
    const chart = phone.locator('#chart-open-dialogue-answers-history');
    await expect(chart).toBeInViewport();
    await expect(chart.getByRole('heading', { level: 3 })).toBeInViewport();
    await phone.close();
  });
});

test.describe('with the API down', () => {
  // How the API is made to fail in a mock build: see `serveMockApiFromTests` in fixtures.ts.
  test.use({ serviceWorkers: 'block' });
  const kiosk = '/kiosk?langs=en&interval=3600&refresh=5&slides=services-automated';
  const apiDown = (route: Route) => route.abort('internetdisconnected');
  const offline = withTime(ui.en.kiosk.offline);

  test('the kiosk says it is offline, keeps the last figures, and recovers by itself', async ({
    page,
    consoleErrors,
  }) => {
    consoleErrors.allow(/net::ERR_INTERNET_DISCONNECTED/);
    const api = await serveMockApiFromTests(page);
    await page.goto(kiosk);
    const figure = card(page, 'services-automated', 'en');
    await expect(figure.getByText('141', { exact: true })).toBeVisible();
    expect(api.workerSwapped(), 'the mock worker module was found and switched off').toBe(true);
    await expect(page.getByRole('status')).toHaveText(withTime(ui.en.kiosk.lastUpdated));
    const banner = page.getByRole('alert').filter({ hasText: offline });
    await expect(banner).toHaveCount(0);

    await page.route('**/api/v1/**', apiDown);
    // The next refresh (5 s) fails, and so do its two retries (1 s and 2 s later).
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(figure.getByText('141', { exact: true })).toBeVisible();
    await expect(page.locator('.kiosk__waiting')).toHaveCount(0);

    await page.unroute('**/api/v1/**', apiDown);
    await expect(banner).toHaveCount(0, { timeout: 15_000 });
    await expect(figure.getByText('141', { exact: true })).toBeVisible();
  });

  test('after a reload with the API down, the last good data is shown, marked offline', async ({
    page,
    consoleErrors,
  }) => {
    consoleErrors.allow(/net::ERR_INTERNET_DISCONNECTED/);
    await serveMockApiFromTests(page);
    await page.goto(kiosk);
    const figure = card(page, 'services-automated', 'en');
    await expect(figure.getByText('141', { exact: true })).toBeVisible();
    // Saved as soon as it is in, not only at the next refresh.
    const saved = () =>
      page.evaluate(() => JSON.parse(localStorage.getItem('ashyq:kiosk:last-good-data') ?? 'null'));
    await expect.poll(saved, { timeout: 3_000 }).toMatchObject({ savedAt: expect.any(Number) });

    await page.route('**/api/v1/**', apiDown);
    await page.reload();
    // At once, from storage: the figures, with no error panel in their place.
    await expect(figure.getByText('141', { exact: true })).toBeVisible();
    await expect(page.locator('.kiosk__waiting')).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText(withTime(ui.en.kiosk.lastUpdated));
    // Once the refresh has failed, the screen says the data is the last received.
    const banner = page.getByRole('alert').filter({ hasText: offline });
    await expect(banner).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(page.getByText(ui.en.errorTitle)).toHaveCount(0);
    await expect(figure.getByText('141', { exact: true })).toBeVisible();
  });
});
