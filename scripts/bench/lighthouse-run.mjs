/** One Lighthouse run in a fresh Chromium profile, reduced to the scores and timings we report. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BUSY_OTHER_SHARE, cpuMeter } from './cpu.mjs';
import { CHROME_FLAGS, CHROME_PATH, once } from './util.mjs';

const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export async function lighthouseRun(
  ctx,
  { lighthouse, chromeLauncher, desktopConfig, url, preset },
) {
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ashyq-bench-chrome-'));
  let chrome;
  const kill = once(async () => {
    try {
      await chrome?.kill();
    } catch {
      /* already gone */
    }
    await fs.rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });
  ctx.onCleanup(kill);
  const t0 = Date.now();
  const meter = cpuMeter();
  try {
    chrome = await chromeLauncher.launch({
      chromePath: CHROME_PATH,
      chromeFlags: CHROME_FLAGS,
      userDataDir,
      logLevel: 'silent',
      handleSIGINT: false,
    });
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'html',
        logLevel: 'error',
        onlyCategories: LIGHTHOUSE_CATEGORIES,
      },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    const lhr = result?.lhr;
    if (!lhr) throw new Error('lighthouse returned no result');
    const cat = (id) => (lhr.categories[id]?.score == null ? null : lhr.categories[id].score * 100);
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    return {
      performance: cat('performance'),
      accessibility: cat('accessibility'),
      'best-practices': cat('best-practices'),
      seo: cat('seo'),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      error: lhr.runtimeError ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}` : null,
      warnings: lhr.runWarnings ?? [],
      failedAudits: Object.fromEntries(
        ['accessibility', 'best-practices', 'seo'].map((c) => [
          c,
          (lhr.categories[c]?.auditRefs ?? [])
            .filter(
              (ref) =>
                ref.weight > 0 &&
                lhr.audits[ref.id]?.score !== null &&
                lhr.audits[ref.id]?.score < 1,
            )
            .map((ref) => ref.id),
        ]),
      ),
      ms: Date.now() - t0,
      /** Share of the machine's CPU that processes outside the bench took during the run. */
      otherCpu: meter.stop()?.other ?? null,
      report: typeof result.report === 'string' ? result.report : null,
    };
  } catch (error) {
    ctx.log(`lighthouse run failed: ${error?.message ?? error}`);
    return {
      error: String(error?.message ?? error),
      ms: Date.now() - t0,
      otherCpu: meter.stop()?.other ?? null,
    };
  } finally {
    await kill();
  }
}

export function medianOf(values) {
  const v = values.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The largest share of the CPU other work took in any of `runs` (null where none was measured). */
export function mostOther(runs) {
  const shares = runs.map((r) => r.otherCpu).filter((x) => typeof x === 'number');
  return shares.length ? Math.max(...shares) : null;
}

/** Each run's performance score, with * after those taken while other work was busy. */
export function scoresPerRun(runs, separator) {
  return runs
    .map((r) =>
      r.performance == null
        ? '—'
        : `${Math.round(r.performance)}${r.otherCpu > BUSY_OTHER_SHARE ? '*' : ''}`,
    )
    .join(separator);
}
