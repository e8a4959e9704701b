/**
 * What every bench section shares: project paths, the browser it drives, small helpers.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import chromiumFlags from '../chromium-flags.json' with { type: 'json' };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RESULTS_DIR = path.join(ROOT, 'bench-results');
export const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
/** Shared by Lighthouse's chrome-launcher; Playwright gets the same minus --headless (it sets its own). */
export const CHROME_FLAGS = ['--headless=new', ...chromiumFlags];

export const START = Date.now();
export function elapsed() {
  return `${((Date.now() - START) / 1000).toFixed(1)}s`;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function once(fn) {
  let promise;
  return () => (promise ??= fn());
}

export async function readJson(file) {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    return null;
  }
}
