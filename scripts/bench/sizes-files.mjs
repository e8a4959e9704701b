/** What the sizes section reads from a build: entries, static import closures, package shares. */
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { CHROME_FLAGS, CHROME_PATH, once, requireFromRoot, sleep } from './util.mjs';

export const isJs = (f) => /\.m?js$/.test(f);
export const isCss = (f) => f.endsWith('.css');
export const kB = (bytes) => (bytes / 1000).toFixed(2);

export function memoSizes(dir) {
  const cache = new Map();
  return (file) => {
    if (!cache.has(file)) {
      cache.set(
        file,
        fs.readFile(path.join(dir, file)).then((buf) => ({
          raw: buf.length,
          gzip: zlib.gzipSync(buf, { level: 9 }).length,
          brotli: zlib.brotliCompressSync(buf, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
            },
          }).length,
        })),
      );
    }
    return cache.get(file);
  };
}

/** JS and CSS that index.html loads up front: module scripts, modulepreloads, stylesheets. */
export function htmlEntries(html) {
  const files = [];
  const attr = (tag, name) =>
    tag
      .match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))
      ?.slice(1)
      .find((v) => v !== undefined);
  const add = (url) => {
    if (!url || /^(?:[a-z]+:)?\/\//i.test(url)) return; // external
    const file = url.replace(/[?#].*$/, '').replace(/^\.?\//, '');
    if (!files.includes(file)) files.push(file);
  };
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    if ((attr(tag, 'type') ?? '').toLowerCase() === 'module') add(attr(tag, 'src'));
    // The built page asks for its modules after the first paint (scripts/app-shell-plugin.ts).
    add(attr(tag, 'data-entry'));
    for (const href of (attr(tag, 'data-preload') ?? '').split(/\s+/)) add(href);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('modulepreload') || rel.includes('stylesheet')) add(attr(tag, 'href'));
  }
  return files;
}

/**
 * Top-level static imports and re-exports of a built chunk, as Vite/Rolldown emit them
 * (`import{a as b}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`). `import("./x.js")`
 * (dynamic) does not match: a quote must follow `import`/`from` directly.
 */
const STATIC_IMPORT_RE =
  /(?:^|[;}\n])\s*(?:import\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s+[\w$]+|\{[^{}]*\})?\s*(?:from\s*)?|export\s*(?:\*(?:\s*as\s+[\w$]+)?|\{[^{}]*\})\s*from\s*)(["'])([^"'\n]+)\1/g;

export function staticImports(code) {
  return [...code.matchAll(STATIC_IMPORT_RE)].map((m) => m[2]);
}

export async function staticClosure(dir, entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    if (!existsSync(path.join(dir, file)))
      throw new Error(`index.html or a chunk refers to ${file}, which is not in the build`);
    seen.add(file);
    if (!isJs(file)) continue;
    const code = await fs.readFile(path.join(dir, file), 'utf8');
    for (const spec of staticImports(code)) {
      if (!/^(?:\.{1,2})?\//.test(spec)) continue; // bare or URL specifiers are not chunks
      const target = spec.startsWith('/')
        ? spec.slice(1)
        : path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      if (existsSync(path.join(dir, target))) queue.push(target);
    }
  }
  return [...seen];
}

export async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** A chunk of the mock API: built from mocks/ or msw, or (without stats) one that starts the worker. */
export async function isMockChunk(dir, file, stats) {
  const chunk = stats?.chunks.find((c) => c.fileName === file);
  if (chunk) {
    const ids = Object.keys(chunk.modules);
    const mockish = ids.filter((id) => /^mocks\/|node_modules\/(?:msw|@mswjs)\//.test(id)).length;
    return mockish > 0 && ids.some((id) => /node_modules\/msw\//.test(id));
  }
  const code = await fs.readFile(path.join(dir, file), 'utf8');
  return code.includes('mockServiceWorker') && code.includes('serviceWorker');
}

export async function browserLoadedAssets(ctx, base, route, dir) {
  const playwright = await import(pathToFileURL(requireFromRoot.resolve('playwright-core')).href);
  const chromium = playwright.chromium ?? playwright.default.chromium; // CommonJS package
  ctx.log(`loading ${route} in Chromium to record what it fetches`);
  const browser = await chromium.launch({
    executablePath: CHROME_PATH,
    args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')),
  });
  const close = once(() => browser.close().catch(() => {}));
  ctx.onCleanup(close);
  try {
    const viewport = { width: 1280, height: 800 };
    const page = await browser.newPage({ viewport });
    const seen = new Map();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e.message ?? e)));
    let lastResponse = Date.now();
    page.on('response', (res) => {
      lastResponse = Date.now();
      const url = new URL(res.url());
      if (url.origin !== base) return;
      if (!/\.(?:m?js|css)$/.test(url.pathname)) return;
      if (url.pathname.endsWith('/mockServiceWorker.js')) return;
      seen.set(url.pathname, { status: res.status(), fromServiceWorker: res.fromServiceWorker() });
    });
    await page.goto(base + route, { waitUntil: 'networkidle', timeout: 60_000 });
    // networkidle is 500 ms without requests; give late lazy chunks one more quiet second.
    const deadline = Date.now() + 10_000;
    while (Date.now() - lastResponse < 1000 && Date.now() < deadline) await sleep(100);
    const rendered = await page.evaluate(
      () => (document.getElementById('root')?.children.length ?? 0) > 0,
    );
    const files = [];
    const unknown = [];
    for (const pathname of seen.keys()) {
      const file = decodeURIComponent(pathname).replace(/^\//, '');
      if (existsSync(path.join(dir, file))) files.push(file);
      else unknown.push(pathname);
    }
    return {
      files,
      unknown,
      rendered,
      pageErrors,
      viewport: `${viewport.width}×${viewport.height}`,
      requests: Object.fromEntries(seen),
    };
  } finally {
    await close();
  }
}

export async function packageComposition(stats, firstPaintJs, loadedJs, sizeOf) {
  const fp = new Set(firstPaintJs);
  const byPkg = new Map();
  for (const file of loadedJs) {
    const chunk = stats.chunks.find((c) => c.fileName === file);
    if (!chunk) continue;
    const total = Object.values(chunk.modules).reduce((a, b) => a + b, 0) || 1;
    const { gzip } = await sizeOf(file);
    for (const [id, len] of Object.entries(chunk.modules)) {
      const pkg = packageOf(id);
      const row = byPkg.get(pkg) ?? {
        pkg,
        rendered: 0,
        firstPaintGzip: 0,
        lazyGzip: 0,
        chunks: [],
      };
      row.rendered += len;
      row[fp.has(file) ? 'firstPaintGzip' : 'lazyGzip'] += (gzip * len) / total;
      const short = path.posix.basename(file).replace(/-[\w-]{8}\.js$/, '');
      if (!row.chunks.includes(short)) row.chunks.push(short);
      byPkg.set(pkg, row);
    }
  }
  return [...byPkg.values()].sort(
    (a, b) => b.firstPaintGzip + b.lazyGzip - (a.firstPaintGzip + a.lazyGzip),
  );
}

export function packageOf(id) {
  const nm = id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (nm) return nm[nm.length - 1].replace('node_modules/', '');
  const parts = id.split('/');
  if (parts[0] === 'src') {
    return ['features', 'components', 'locales'].includes(parts[1]) && parts.length > 3
      ? parts.slice(0, 3).join('/')
      : parts.slice(0, 2).join('/');
  }
  if (parts[0] === 'mocks') return 'mocks';
  return '(bundler runtime)';
}
