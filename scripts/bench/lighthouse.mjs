/**
 * Section `lighthouse`: Lighthouse 12 (Node API) on the preview server the bench starts itself,
 * mobile and desktop presets, median of --runs runs per page and preset.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUSY_OTHER_SHARE, percent } from './cpu.mjs';
import { lighthouseRun, medianOf, mostOther, scoresPerRun } from './lighthouse-run.mjs';
import { readJson, requireFromRoot, RESULTS_DIR, ROOT } from './util.mjs';

/** The public pages issue 14 names: the overview, a programme, a figure's history, the changes. */
const LIGHTHOUSE_PAGES = [
  '/',
  '/initiatives/public-services-automation',
  '/figures/public-receptions',
  '/changes',
];
const LIGHTHOUSE_PRESETS = ['mobile', 'desktop'];

export default { name: 'lighthouse', title: 'Lighthouse', run: lighthouseSection };

async function lighthouseSection(ctx) {
  const base = await ctx.preview();
  const { default: lighthouse } = await import(
    pathToFileURL(requireFromRoot.resolve('lighthouse')).href
  );
  const { default: desktopConfig } = await import(
    pathToFileURL(
      path.join(
        path.dirname(requireFromRoot.resolve('lighthouse/package.json')),
        'core/config/desktop-config.js',
      ),
    ).href
  );
  // chrome-launcher ships with lighthouse; resolve it from there in case it is not hoisted.
  const requireFromLighthouse = createRequire(requireFromRoot.resolve('lighthouse/package.json'));
  const chromeLauncher = await import(
    pathToFileURL(requireFromLighthouse.resolve('chrome-launcher')).href
  );
  const lhVersion = (await readJson(requireFromRoot.resolve('lighthouse/package.json'))).version;

  const reportDir = path.join(RESULTS_DIR, 'lighthouse');
  await fs.mkdir(reportDir, { recursive: true });

  const results = [];
  for (const route of LIGHTHOUSE_PAGES) {
    for (const preset of LIGHTHOUSE_PRESETS) {
      const runs = [];
      for (let i = 0; i < ctx.args.runs; i++) {
        ctx.log(`lighthouse ${preset} ${route} run ${i + 1}/${ctx.args.runs}`);
        runs.push(
          await lighthouseRun(ctx, {
            lighthouse,
            chromeLauncher,
            desktopConfig,
            url: base + route,
            preset,
          }),
        );
      }
      const median = {};
      for (const key of [
        'performance',
        'accessibility',
        'best-practices',
        'seo',
        'fcp',
        'lcp',
        'tbt',
        'cls',
      ]) {
        median[key] = medianOf(runs.map((r) => r[key]));
      }
      // Keep the HTML report of the run closest to the median performance score.
      const pick = runs
        .filter((r) => r.report)
        .sort(
          (a, b) =>
            Math.abs(a.performance - median.performance) -
            Math.abs(b.performance - median.performance),
        )[0];
      let reportFile = null;
      if (pick) {
        reportFile = path.join(reportDir, `${slug(route)}-${preset}.html`);
        await fs.writeFile(reportFile, pick.report);
      }
      const errors = runs.map((r) => r.error).filter(Boolean);
      results.push({
        route,
        preset,
        median,
        runs: runs.map((r) => ({ ...r, report: undefined })), // the HTML goes to a file, not the JSON
        errors,
        report: reportFile && path.relative(ROOT, reportFile),
      });
    }
  }

  const score = (v) => (v == null || Number.isNaN(v) ? '—' : String(Math.round(v)));
  const ms = (v) => (v == null || Number.isNaN(v) ? '—' : String(Math.round(v)));
  const cls = (v) => (v == null || Number.isNaN(v) ? '—' : v.toFixed(3));

  const home = results.find((r) => r.route === '/' && r.preset === 'mobile');
  const target = (label, key, min) => ({
    label,
    value: `${score(home?.median[key])} (median of ${ctx.args.runs})`,
    pass: home != null && home.median[key] != null && Math.round(home.median[key]) >= min,
  });
  // Issue 14: performance ≥ 95 and TBT ≤ 150 ms on every public page, on a phone; both timed.
  const mobile = results.filter((r) => r.preset === 'mobile');
  const speed = mobile.flatMap((r) => [
    {
      label: `mobile performance ≥ 95 on ${r.route}`,
      value: `${score(r.median.performance)} (runs ${scoresPerRun(r.runs, ', ')})`,
      pass: Math.round(r.median.performance ?? 0) >= 95,
      timing: true,
      other: mostOther(r.runs),
    },
    {
      label: `mobile TBT ≤ 150 ms on ${r.route}`,
      value: `${ms(r.median.tbt)} ms`,
      pass: r.median.tbt != null && r.median.tbt <= 150,
      timing: true,
      other: mostOther(r.runs),
    },
  ]);

  return {
    tables: [
      {
        title: `Lighthouse ${lhVersion}, median of ${ctx.args.runs} run(s) per row (scores 0–100; simulated throttling)`,
        columns: [
          'page',
          'preset',
          'perf',
          'a11y',
          'best pr.',
          'seo',
          'FCP ms',
          'LCP ms',
          'TBT ms',
          'CLS',
          'perf per run',
          'other work',
        ],
        align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'r'],
        rows: results.map((r) => [
          r.route,
          r.preset,
          score(r.median.performance),
          score(r.median.accessibility),
          score(r.median['best-practices']),
          score(r.median.seo),
          ms(r.median.fcp),
          ms(r.median.lcp),
          ms(r.median.tbt),
          cls(r.median.cls),
          scoresPerRun(r.runs, ' ') + (r.errors.length ? ` (${r.errors.length} failed)` : ''),
          percent(mostOther(r.runs)),
        ]),
        notes: [
          `HTML reports (run closest to the median) in ${path.relative(ROOT, reportDir)}/.`,
          `other work: the most CPU that processes outside the bench took during one of the row's runs (share of all ${os.cpus().length} cores); a run marked * had more than ${percent(BUSY_OTHER_SHARE)}, so its TBT/LCP (and score) are likely inflated.`,
          ...results.flatMap((r) => r.errors.map((e) => `${r.preset} ${r.route}: ${e}`)),
          ...[...new Set(results.flatMap((r) => r.runs.flatMap((x) => x.warnings ?? [])))].map(
            (w) => `warning: ${w}`,
          ),
        ],
      },
    ],
    targets: [
      ...speed,
      target('mobile accessibility = 100 on /', 'accessibility', 100),
      target('mobile best-practices = 100 on /', 'best-practices', 100),
    ],
    data: { lighthouseVersion: lhVersion, base, results },
  };
}

const slug = (route) =>
  route === '/' ? 'home' : route.replace(/^\/|\/$/g, '').replace(/[^\w-]+/g, '_');
