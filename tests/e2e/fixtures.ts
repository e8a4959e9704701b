import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { getResponse } from 'msw';
import { handlers } from '../../mocks/handlers';
import { metrics } from '../../mocks/fixtures/metrics';
import en from '../../src/locales/en/common.json' with { type: 'json' };
import kk from '../../src/locales/kk/common.json' with { type: 'json' };
import ru from '../../src/locales/ru/common.json' with { type: 'json' };

export { expect };

export type Lang = 'kk' | 'ru' | 'en';
export const langs: Lang[] = ['kk', 'ru', 'en'];

/** Each language named in itself, as the header's switcher shows it. */
export const endonyms: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/**
 * The words a reader sees, taken from the app's own catalogues, so a reworded label changes the
 * tests with it while a missing or mismatched translation still fails them.
 */
function wordsOf(c: typeof en | typeof ru | typeof kk) {
  return {
    skipLink: c.app.skipLink,
    mainNav: c.nav.label,
    nav: c.nav,
    languageNav: c.language.label,
    loading: c.loading,
    chart: c.chart.view.chart,
    table: c.chart.view.table,
    download: c.chart.download,
    tabs: c.initiative.tabs,
    retry: c.error.retry,
    errorTitle: c.error.title,
    notFound: c.notFound.title,
    backToOverview: c.notFound.back,
    overviewTitle: c.overview.title,
    figuresHeading: c.overview.figures,
    chartsHeading: c.overview.charts,
    splitTitle: c.chart.split.title,
    partsTitle: c.chart.parts.title,
    present: c.present,
    kiosk: c.kiosk,
    verification: c.verification,
    source: c.kpi.source,
  };
}
export const ui: Record<Lang, ReturnType<typeof wordsOf>> = {
  kk: wordsOf(kk),
  ru: wordsOf(ru),
  en: wordsOf(en),
};

/** A figure's label in a language, straight from the seed the mock API serves. */
export function metricLabel(metricId: string, lang: Lang): string {
  const metric = metrics.find((m) => m.id === metricId);
  if (!metric) throw new Error(`No metric "${metricId}" in the fixtures`);
  return metric.label[lang];
}

/** Fills a catalogue template's `{{name}}` placeholders, as src/lib/translator does. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/{{(\w+)}}/g, (_, name: string) => values[name] ?? '');
}

/** The text escaped for use inside a regular expression. */
export function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Adds `lang` to a path that may already carry a query string. */
export function withLang(path: string, lang: Lang): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}

/** Console errors a test expects (a 404 it provokes, say); anything else fails the test. */
export interface ConsoleErrors {
  allow(pattern: RegExp): void;
}

/**
 * `test` with one automatic fixture: every console error and uncaught page error, in any page of
 * the test's context, fails the test unless the test allowed it. The callback is named `provide`
 * rather than Playwright's usual `use` so the React hooks lint rule does not mistake it for a hook.
 */
export const test = base.extend<{ consoleErrors: ConsoleErrors }>({
  consoleErrors: [
    async ({ context }, provide) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      context.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      context.on('weberror', (webError) => errors.push(`page error: ${webError.error().message}`));
      await provide({ allow: (pattern) => allowed.push(pattern) });
      const unexpected = errors.filter((error) => !allowed.some((pattern) => pattern.test(error)));
      expect(unexpected, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Opens a path and waits until it has settled: the page heading is there, no panel is still
 * loading, and every chart has drawn its SVG.
 */
export async function openPage(page: Page, path: string, lang: Lang): Promise<void> {
  await page.goto(withLang(path, lang));
  await settle(page, lang);
}

export async function settle(
  page: Page,
  lang: Lang,
  { drawCharts = true }: { drawCharts?: boolean } = {},
): Promise<void> {
  // index.html paints a frame of its own (heading included) before the app starts: wait until
  // React has replaced it, or a key pressed now would land on an element about to go.
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: ui[lang].loading })).toHaveCount(0);
  if (!drawCharts) return;
  // A chart is drawn only once it comes near the viewport (Recharts loads lazily, too), so scroll
  // each one into view and wait for its SVG; then return to the top, where a reader starts.
  const charts = page.locator('.chart-panel__chart');
  const count = await charts.count();
  for (let index = 0; index < count; index += 1) {
    const chart = charts.nth(index);
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('svg.recharts-surface')).toBeVisible();
  }
  if (count > 0) await page.evaluate(() => window.scrollTo(0, 0));
}

/** The chart panel (a section named by its heading) with the given title. */
export function chartPanel(page: Page, title: string | RegExp): Locator {
  return page.getByRole('region', { name: title });
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe over the whole page and fails with one readable line per violation. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const lines = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(lines, 'axe violations').toEqual([]);
}

/** What every page owes a reader of assistive technology: one h1, the landmarks, no axe violations. */
export async function expectAccessiblePage(page: Page, lang: Lang): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: ui[lang].mainNav })).toBeVisible();
  await expect(page.getByRole('navigation', { name: ui[lang].languageNav })).toBeVisible();
  await expectNoA11yViolations(page);
}

/** What the focused element shows: its outline, and whether an ancestor clips that outline. */
export interface FocusIndicator {
  tag: string;
  name: string;
  outlineStyle: string;
  outlineWidth: number;
  clippedBy: string | null;
}

export function focusIndicator(page: Page): Promise<FocusIndicator | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const style = getComputedStyle(element);
    const width = parseFloat(style.outlineWidth) || 0;
    const reach = width + (parseFloat(style.outlineOffset) || 0);
    const box = element.getBoundingClientRect();
    const ring = {
      left: box.left - reach,
      top: box.top - reach,
      right: box.right + reach,
      bottom: box.bottom + reach,
    };
    // An ancestor that hides overflow cuts off any part of the ring outside its padding box.
    let clippedBy: string | null = null;
    for (let node = element.parentElement; node && !clippedBy; node = node.parentElement) {
      const overflow = getComputedStyle(node);
      if (overflow.overflowX === 'visible' && overflow.overflowY === 'visible') continue;
      const clip = node.getBoundingClientRect();
      const inside =
        ring.left >= clip.left + node.clientLeft - 0.5 &&
        ring.top >= clip.top + node.clientTop - 0.5 &&
        ring.right <= clip.left + node.clientLeft + node.clientWidth + 0.5 &&
        ring.bottom <= clip.top + node.clientTop + node.clientHeight + 0.5;
      if (!inside) clippedBy = `${node.tagName.toLowerCase()}.${node.className}`;
    }
    return {
      tag: element.tagName.toLowerCase(),
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
      outlineStyle: style.outlineStyle,
      outlineWidth: width,
      clippedBy,
    };
  });
}

/*
 * Taking the API down in a mock build. The built app answers its API from an MSW service worker
 * inside the page, so a request the worker answers never reaches the network and `page.route`
 * never sees it. Blocking service workers alone does not help either: the app then waits for a
 * worker that cannot start, and every panel fails. So a test that needs the API to fail
 *   1. blocks service workers (`test.use({ serviceWorkers: 'block' })`) and, with this helper,
 *      swaps the lazily loaded worker module (the chunk exporting `startMockWorker`) for a no-op,
 *      so the app starts and fetches from the network;
 *   2. answers /api/v1/* from the test with the very handlers the worker uses (`mocks/handlers`,
 *      run here in Node through MSW's `getResponse`), so the data is the mock API's, not a copy;
 *   3. puts a failing route on top, and removes it to bring the API back. Playwright runs the most
 *      recently added matching route first, which is what makes 3 work.
 */
export async function serveMockApiFromTests(page: Page): Promise<{ workerSwapped: () => boolean }> {
  let workerSwapped = false;
  await page.route(/\/assets\/[^/]+\.js$/, async (route) => {
    // The preview server, busy with parallel workers on a loaded machine, has reset a connection
    // here now and then (ECONNRESET): a browser would retry the script; so does the test, once.
    const response = await route.fetch().catch(() => route.fetch());
    const body = await response.text();
    const isWorkerModule = /export\s*\{[^}]*\bstartMockWorker\b[^}]*\}/.test(body);
    workerSwapped ||= isWorkerModule;
    await route.fulfill({
      response,
      body: isWorkerModule ? 'export async function startMockWorker() {}' : body,
    });
  });
  await page.route('**/api/v1/**', async (route) => {
    const request = route.request();
    const response = await getResponse(
      handlers,
      new Request(request.url(), { method: request.method(), headers: request.headers() }),
    );
    if (!response) throw new Error(`The mock API has no handler for ${request.url()}`);
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
  return { workerSwapped: () => workerSwapped };
}
