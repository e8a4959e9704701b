/**
 * The time to verify one figure in headless Chromium against the 1,000,000-entry log (ISSUE 11):
 * the browser's own checker (src/transparency/log-checker.ts, bundled here with Vite's library
 * mode) fetches the key, the checkpoint, the inclusion proof and the entry bundle, checks the
 * signature, the proof and the entry against the figure shown. Each run in a fresh context, so
 * nothing is cached or remembered.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_PATH, requireFromRoot, ROOT } from './util.mjs';

const RUNS = 5;

async function bundleChecker() {
  const { build } = await import(pathToFileURL(requireFromRoot.resolve('vite')).href);
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: path.join(ROOT, 'src/transparency/log-checker.ts'),
        formats: ['iife'],
        name: 'AshyqLog',
        fileName: 'log-checker',
      },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  return result.output[0].code;
}

/** `figure` is what a card would show for entry `index` (the worker's entries are known). */
export async function timeFigureCheck(baseUrl, index, figure) {
  const code = await bundleChecker();
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: ['--no-sandbox'] });
  const times = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Any page of the log's origin: 127.0.0.1 is a secure context, so WebCrypto is there.
      await page.goto(`${baseUrl}/log/checkpoint`);
      await page.addScriptTag({ content: code });
      const { ms, status } = await page.evaluate(
        async ([at, shown]) => {
          const checker = globalThis.AshyqLog.createLogChecker({
            base: '',
            fetch: (url) => fetch(url),
            storage: localStorage,
          });
          const started = performance.now();
          const result = await checker.checkFigure(shown, at);
          return { ms: performance.now() - started, status: result.status };
        },
        [index, figure],
      );
      if (status !== 'checked') throw new Error(`the figure's check said ${status}`);
      times.push(Math.round(ms * 10) / 10);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return [...times].sort((a, b) => a - b);
}
