/**
 * What every bench section shares: project paths, the browser it drives, small helpers.
 */
import { spawn } from 'node:child_process';
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

/**
 * Runs a TypeScript worker (tsx) that prints one JSON line when it is ready and then waits for
 * SIGTERM; resolves with that line parsed and the child, for the section to stop later.
 */
export function startJsonWorker(script, { env = {}, log, message } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const line = seen.split('\n').find((text) => text.startsWith('{'));
      if (line) resolve({ result: JSON.parse(line), child });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code})`)));
    if (message) log?.(message);
  });
}
