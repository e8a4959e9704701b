/**
 * Open data section of `npm run bench` (--only opendata): the embed page's JavaScript (gzip, the
 * mock API counted apart), its Lighthouse mobile score (median of --runs, with the share of the
 * CPU other work took, since the machine is shared), and the time to make one chart's PNG in
 * headless Chromium.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { percent } from './cpu.mjs';
import { mostOther, scoresPerRun } from './lighthouse-run.mjs';

const EMBED_JS_BUDGET_KB = 180;
const EMBED_LIGHTHOUSE_TARGET = 98;
const EMBED_ROUTE = '/embed/project-office-okrugs-by-district?lang=kk';
const CHART_ROUTE = '/initiatives/public-services-automation?tab=charts&lang=kk';
const PNG_RUNS = 5;

const kb = (bytes) => Math.round(bytes / 100) / 10;
const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

/** Every script the embed page fetches in a browser, gzip-sized; MSW's chunk reported apart. */
async function embedScripts(browser, base) {
  const page = await browser.newPage();
  const scripts = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => null);
    if (body) scripts.push({ url: response.url(), gzip: zlib.gzipSync(body, { level: 9 }).length });
  });
  await page.goto(base + EMBED_ROUTE);
  await page.locator('.embed__chart svg').waitFor();
  await page.close();
  // The mock worker's chunk is MSW (absent from a real-API build), the service worker script too.
  const mock = scripts.filter((s) => /\/assets\/browser-|mockServiceWorker/.test(s.url));
  const own = scripts.filter((s) => !mock.includes(s));
  return { own, mock };
}

/** Milliseconds from the click on "PNG" to the download, after one warm-up (fonts fetched). */
async function pngTimes(browser, base, label) {
  const page = await browser.newPage({ acceptDownloads: true });
  await page.goto(base + CHART_ROUTE);
  const button = page.getByRole('button', { name: label }).first();
  await button.waitFor();
  const times = [];
  for (let i = 0; i <= PNG_RUNS; i += 1) {
    const t0 = performance.now();
    const downloading = page.waitForEvent('download');
    await button.click();
    await (await downloading).path();
    if (i > 0) times.push(performance.now() - t0);
  }
  await page.close();
  return times;
}

/** `lighthouseRun` is bench.mjs's (one Lighthouse run against a fresh Chromium). */
export function openDataSection({ chromePath, chromeFlags, lighthouseRun, root }) {
  return async function openData(ctx) {
    const base = await ctx.preview();
    const requireFromRoot = createRequire(path.join(root, 'package.json'));
    const catalogue = (
      await import(pathToFileURL(path.join(root, 'src/locales/kk/common.json')).href, {
        with: { type: 'json' },
      })
    ).default;
    const browser = await chromium.launch({
      executablePath: chromePath,
      args: chromeFlags.filter((flag) => !flag.startsWith('--headless')),
    });
    ctx.onCleanup(() => browser.close());
    ctx.log('embed page: scripts');
    const { own, mock } = await embedScripts(browser, base);
    ctx.log('PNG export timing');
    const png = await pngTimes(browser, base, catalogue.chart.image.png);
    await browser.close();

    const { default: lighthouse } = await import(
      pathToFileURL(requireFromRoot.resolve('lighthouse')).href
    );
    const requireFromLighthouse = createRequire(requireFromRoot.resolve('lighthouse/package.json'));
    const chromeLauncher = await import(
      pathToFileURL(requireFromLighthouse.resolve('chrome-launcher')).href
    );
    const runs = [];
    for (let i = 0; i < ctx.args.runs; i += 1) {
      ctx.log(`lighthouse mobile ${EMBED_ROUTE} run ${i + 1}/${ctx.args.runs}`);
      runs.push(
        await lighthouseRun(ctx, {
          lighthouse,
          chromeLauncher,
          url: base + EMBED_ROUTE,
          preset: 'mobile',
        }),
      );
    }
    const scores = runs.map((r) => r.performance).filter((s) => typeof s === 'number');
    const score = scores.length ? median(scores) : null;
    const ownKb = kb(own.reduce((a, s) => a + s.gzip, 0));
    const pngMedian = png.length ? Math.round(median(png)) : null;
    const metric = (key) => {
      const v = runs.map((r) => r[key]).filter((x) => typeof x === 'number');
      return v.length ? median(v) : null;
    };
    return {
      tables: [
        {
          title: 'Embed page and chart images',
          columns: ['measure', 'value'],
          align: ['left', 'right'],
          rows: [
            [
              `embed JS (${own.length} files, gzip; target ≤ ${EMBED_JS_BUDGET_KB} kB)`,
              `${ownKb} kB`,
            ],
            [
              '… plus the mock API (MSW; absent from real-API builds)',
              `${kb(mock.reduce((a, s) => a + s.gzip, 0))} kB`,
            ],
            [
              `Lighthouse mobile performance, median of ${scores.length} (runs ${scoresPerRun(runs, ', ')})`,
              score ?? 'failed',
            ],
            [
              '… FCP / LCP / TBT',
              `${Math.round(metric('fcp') ?? 0)} / ${Math.round(metric('lcp') ?? 0)} / ${Math.round(metric('tbt') ?? 0)} ms`,
            ],
            [
              '… other work, share of the CPU during each run',
              runs.map((r) => percent(r.otherCpu)).join(', '),
            ],
            [`one PNG (2×), click to file, median of ${png.length}`, `${pngMedian} ms`],
          ],
        },
      ],
      targets: [
        {
          label: `embed JS ≤ ${EMBED_JS_BUDGET_KB} kB gzip`,
          value: `${ownKb} kB`,
          pass: ownKb <= EMBED_JS_BUDGET_KB,
        },
        {
          label: `embed Lighthouse mobile ≥ ${EMBED_LIGHTHOUSE_TARGET}`,
          value: String(score),
          pass: score !== null && score >= EMBED_LIGHTHOUSE_TARGET,
          timing: true,
          other: mostOther(runs),
        },
      ],
      data: {
        embedScripts: own,
        mockScripts: mock,
        lighthouse: runs.map((run) => ({ ...run, report: undefined })),
        pngMs: png,
      },
    };
  };
}
