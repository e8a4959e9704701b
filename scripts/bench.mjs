#!/usr/bin/env node
/**
 * Ashyq performance bench: `npm run bench` (node scripts/bench.mjs).
 *
 * Prints a markdown report on stdout (progress goes to stderr, so `npm run bench > bench.md` is
 * clean) and writes the same results as JSON to bench-results/bench.json.
 *
 * Sections (run in this order; pick with --only NAME,NAME):
 *   sizes       gzip/brotli sizes of index.html (which paints the page frame by itself, stylesheet
 *               inline), of the JS that `/` needs to paint its figures (the entry that index.html
 *               starts after its first paint, plus static imports), of everything `/` loads in a
 *               real browser (playwright-core + system Chromium), and of the whole build.
 *   lighthouse  Lighthouse 12 (Node API) on a `vite preview` the script starts itself, mobile and
 *               desktop presets, median of --runs runs per page and preset.
 *
 * Adding a section: write `async function mySection(ctx) { ... return { tables, targets, data } }`
 * and add it to SECTIONS. `ctx` gives a memoised build (`await ctx.build()`), a memoised preview
 * server (`await ctx.preview()` returns its base URL), `ctx.onCleanup(fn)` for anything that must be
 * stopped at the end (also on error or Ctrl-C), `ctx.log()` for progress and `ctx.args`.
 * `tables` are { title, columns, rows, align?, notes? }, `targets` are { label, value, pass }, and
 * `data` is whatever should go into bench.json. The script exits 0 unless a section throws.
 *
 * Sizes are in kB = 1000 bytes (as Vite prints them); gzip is level 9, brotli quality 11.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { benchApi, TARGETS as API_TARGETS } from './bench-api.mjs';
import chromiumFlags from './chromium-flags.json' with { type: 'json' };
import { kioskSoakSection } from './bench-kiosk.mjs';
import { openDataSection } from './bench-opendata.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'bench-results');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
/** Shared by Lighthouse's chrome-launcher; Playwright gets the same minus --headless (it sets its own). */
const CHROME_FLAGS = ['--headless=new', ...chromiumFlags];

const FIRST_PAINT_JS_BUDGET_KB = 170;
const LIGHTHOUSE_PAGES = ['/', '/initiatives/public-services-automation'];
const LIGHTHOUSE_PRESETS = ['mobile', 'desktop'];
const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

// ---------------------------------------------------------------------------------------------
// Sections. Order here is the order they run and print in.
// ---------------------------------------------------------------------------------------------

const SECTIONS = [
  { name: 'sizes', title: 'Bundle sizes', run: sizesSection },
  { name: 'lighthouse', title: 'Lighthouse', run: lighthouseSection },
  { name: 'api', title: 'API server throughput', run: apiSection },
  {
    name: 'kiosk',
    title: 'Kiosk soak',
    run: (ctx) => kioskSoakSection({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS })(ctx),
  },
  {
    name: 'opendata',
    title: 'Open data',
    run: (ctx) =>
      openDataSection({
        chromePath: CHROME_PATH,
        chromeFlags: CHROME_FLAGS,
        lighthouseRun,
        root: ROOT,
      })(ctx),
  },
];

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

const USAGE = `Usage: node scripts/bench.mjs [options]

  --no-build        reuse the existing build in --out-dir instead of running vite build
  --no-lighthouse   skip the lighthouse section (sizes only)
  --server          build as npm start does (real API, no mock) and serve it with server/
  --only a,b        run only these sections (${SECTIONS.map((s) => s.name).join(', ')})
  --runs N          Lighthouse runs per page and preset (default 3; the median is reported)
  --port N          port for vite preview (default 4175)
  --out-dir DIR     build output directory, relative to the project (default dist)
  --json FILE       where to write the JSON results (default bench-results/bench.json)
  -h, --help        this text`;

function parseCli(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'no-build': { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      server: { type: 'boolean', default: false },
      only: { type: 'string' },
      runs: { type: 'string', default: '3' },
      port: { type: 'string', default: '4175' },
      'out-dir': { type: 'string', default: 'dist' },
      json: { type: 'string', default: path.join('bench-results', 'bench.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new UsageError(`--runs must be a positive integer, got ${values.runs}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`--port must be a port number, got ${values.port}`);

  let selected;
  if (values.only) {
    const names = values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = names.filter((n) => !SECTIONS.some((s) => s.name === n));
    if (unknown.length)
      throw new UsageError(`unknown section(s) for --only: ${unknown.join(', ')}`);
    selected = SECTIONS.filter((s) => names.includes(s.name));
  } else {
    selected = SECTIONS.filter((s) => s.default !== false);
  }
  if (values['no-lighthouse']) selected = selected.filter((s) => s.name !== 'lighthouse');

  return {
    help: values.help,
    build: !values['no-build'],
    server: values.server,
    runs,
    port,
    outDir: path.resolve(ROOT, values['out-dir']),
    jsonFile: path.resolve(ROOT, values.json),
    sections: selected,
  };
}

class UsageError extends Error {}

/** autocannon against the real server's GET endpoints and the same JSON as a static file. */
async function apiSection(ctx) {
  const connections = 100;
  const duration = 10;
  const rows = await benchApi({ connections, duration, log: (message) => ctx.log(message) });
  const apiRows = rows.filter((row) => row.kind === 'api');
  return {
    tables: [
      {
        title: `API vs the same JSON served as a static file by the same process (${connections} connections, ${duration} s each)`,
        columns: ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'ratio to static'],
        align: ['left', 'right', 'right', 'right', 'right'],
        rows: rows.map((row) => [
          row.endpoint,
          String(row.reqPerSec),
          String(row.p50),
          String(row.p99),
          `${Math.round(row.ratio * 100)} %`,
        ]),
      },
    ],
    targets: apiRows.flatMap((row) => [
      {
        label: `${row.endpoint} ≥ ${API_TARGETS.minRatioToStatic * 100} % of static throughput`,
        value: `${Math.round(row.ratio * 100)} %`,
        pass: row.ratio >= API_TARGETS.minRatioToStatic,
      },
      {
        label: `${row.endpoint} p99 < ${API_TARGETS.maxP99Ms} ms at ${connections} connections`,
        value: `${row.p99} ms`,
        pass: row.p99 < API_TARGETS.maxP99Ms,
      },
    ]),
    data: rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Context shared by sections: build, preview server, cleanup
// ---------------------------------------------------------------------------------------------

function createContext(args) {
  const cleanups = [];
  const log = (...parts) => console.error(`[bench ${elapsed()}]`, ...parts);
  const ctx = {
    args,
    root: ROOT,
    resultsDir: RESULTS_DIR,
    log,
    onCleanup(fn) {
      cleanups.push(fn);
    },
    async cleanup() {
      while (cleanups.length) {
        const fn = cleanups.pop();
        try {
          await fn();
        } catch (error) {
          log('cleanup failed:', error?.message ?? error);
        }
      }
    },
    /** Builds once (or checks the existing build with --no-build); returns { dir, stats }. */
    build: once(() => buildApp(ctx)),
    /** Starts `vite preview` once; returns its base URL. Stopped by ctx.cleanup(). */
    preview: once(async () => {
      await ctx.build();
      return startPreview(ctx);
    }),
  };
  return ctx;
}

function once(fn) {
  let promise;
  return () => (promise ??= fn());
}

const START = Date.now();
function elapsed() {
  return `${((Date.now() - START) / 1000).toFixed(1)}s`;
}

const VITE_BIN = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

async function buildApp(ctx) {
  const dir = ctx.args.outDir;
  const statsFile = path.join(RESULTS_DIR, 'build-stats.json');
  if (!ctx.args.build) {
    if (!existsSync(path.join(dir, 'index.html'))) {
      throw new Error(`--no-build given but ${path.relative(ROOT, dir)}/index.html does not exist`);
    }
    ctx.log(`reusing the build in ${path.relative(ROOT, dir)}/`);
    // Module statistics from an earlier build, if they describe the chunks that are there now.
    const stats = await readJson(statsFile);
    const usable =
      stats?.chunks?.length && stats.chunks.every((c) => existsSync(path.join(dir, c.fileName)));
    return { dir, stats: usable ? stats : null, built: false };
  }

  ctx.log(`vite build -> ${path.relative(ROOT, dir)}/`);
  const t0 = Date.now();
  // Vite's JS API is `npx vite build` with the project's vite.config.ts; the extra plugin only reads
  // the bundle to note which modules (and so which packages) ended up in which chunk.
  const { build } = await import(pathToFileURL(requireFromRoot.resolve('vite')).href);
  // --server: the production build that `npm start` makes (same-origin API, no mock worker).
  if (ctx.args.server) process.env.VITE_API_URL = '/';
  const chunks = [];
  const statsPlugin = {
    name: 'ashyq-bench-stats',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks.push({
          fileName: item.fileName,
          isEntry: item.isEntry,
          isDynamicEntry: item.isDynamicEntry,
          imports: item.imports,
          dynamicImports: item.dynamicImports,
          modules: Object.fromEntries(
            Object.entries(item.modules).map(([id, m]) => [shortModuleId(id), m.renderedLength]),
          ),
        });
      }
    },
  };
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true },
    plugins: [statsPlugin],
  });
  const stats = { builtAt: new Date().toISOString(), chunks };
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  await fs.writeFile(statsFile, JSON.stringify(stats, null, 1));
  ctx.log(`built in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return { dir, stats, built: true, buildMs: Date.now() - t0 };
}

function shortModuleId(id) {
  const clean = id.replace(/^\0/, '');
  return clean.startsWith(ROOT + path.sep) ? path.relative(ROOT, clean) : clean;
}

async function startPreview(ctx) {
  const { port, outDir } = ctx.args;
  if (await isPortOpen(port)) {
    throw new Error(`port ${port} is already in use; stop what listens there or pass --port`);
  }
  const base = `http://127.0.0.1:${port}`;
  ctx.log(`starting ${ctx.args.server ? 'the API server' : 'vite preview'} on ${base}`);
  // --server: the real API server (SQLite in a temporary directory) serves the build instead.
  const dataDir = ctx.args.server
    ? await fs.mkdtemp(path.join(os.tmpdir(), 'ashyq-bench-data-'))
    : null;
  if (dataDir) ctx.onCleanup(() => fs.rm(dataDir, { recursive: true, force: true }));
  const command = ctx.args.server
    ? ['--import', 'tsx', path.join(ROOT, 'server/main.ts')]
    : [
        VITE_BIN,
        'preview',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--strictPort',
        '--outDir',
        path.relative(ROOT, outDir) || '.',
      ];
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: ctx.args.server
      ? {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DIST_DIR: outDir,
          DATA_DIR: dataDir,
        }
      : process.env,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal); // the whole process group
    } catch {
      /* already gone */
    }
  };
  // Last resort if the process exits without running the async cleanup.
  const onExit = () => exited || kill('SIGKILL');
  process.on('exit', onExit);
  ctx.onCleanup(async () => {
    process.off('exit', onExit);
    if (exited) return;
    ctx.log('stopping vite preview');
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 3000);
    await exitPromise;
    clearTimeout(timer);
  });

  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`vite preview exited (${JSON.stringify(exited)}):\n${output}`);
    try {
      const res = await fetch(`${base}/`);
      if (res.ok) return base;
    } catch {
      /* not up yet */
    }
    await sleep(200);
  }
  throw new Error(`vite preview did not answer on ${base} within 30 s:\n${output}`);
}

function isPortOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Section: sizes
// ---------------------------------------------------------------------------------------------

async function sizesSection(ctx) {
  const { dir, stats } = await ctx.build();
  const sizeOf = memoSizes(dir);

  // (a) What `/` needs to paint its figures: what index.html starts, plus static imports. The page
  // frame itself is painted from index.html alone (stylesheet inline, no JavaScript).
  const html = await fs.readFile(path.join(dir, 'index.html'), 'utf8');
  const entries = htmlEntries(html);
  const firstPaint = await staticClosure(dir, entries);
  const firstPaintJs = firstPaint.filter(isJs);
  const firstPaintCss = firstPaint.filter(isCss);

  // (b) What `/` loads in a real browser, lazy chunks included.
  const base = await ctx.preview();
  const loaded = await browserLoadedAssets(ctx, base, '/', dir);
  const loadedJs = loaded.files.filter(isJs);
  const loadedCss = loaded.files.filter(isCss);

  // (c) The whole build.
  const all = await listFiles(dir);
  const allJs = all.filter(isJs);
  const allCss = all.filter(isCss);

  const mockChunks = new Set();
  for (const file of allJs) {
    if (file === 'mockServiceWorker.js') continue;
    if (await isMockChunk(dir, file, stats)) mockChunks.add(file);
  }

  const totals = async (files) => {
    const t = { files: files.length, raw: 0, gzip: 0, brotli: 0 };
    for (const f of files) {
      const s = await sizeOf(f);
      t.raw += s.raw;
      t.gzip += s.gzip;
      t.brotli += s.brotli;
    }
    return t;
  };

  const sets = [
    ['`/` to paint its figures: JS', firstPaintJs],
    ['`/` to paint its figures: CSS files', firstPaintCss],
    ['index.html (page frame, inline stylesheet)', ['index.html']],
    ['loaded by `/` in the browser: JS', loadedJs],
    ['… of which mock API (MSW) chunks', loadedJs.filter((f) => mockChunks.has(f))],
    ['… JS without the mock API', loadedJs.filter((f) => !mockChunks.has(f))],
    ['loaded by `/` in the browser: CSS', loadedCss],
    ['whole build: JS', allJs],
    ['whole build: CSS', allCss],
    ['whole build: everything in ' + path.relative(ROOT, dir) + '/', all],
  ];
  const summary = [];
  for (const [label, files] of sets) summary.push({ label, ...(await totals(files)) });

  // Per chunk: every JS and CSS file of the build, biggest first.
  const firstPaintSet = new Set(firstPaint);
  const loadedSet = new Set(loaded.files);
  const chunkRows = [];
  for (const f of [...allJs, ...allCss]) {
    const s = await sizeOf(f);
    const notes = [];
    if (entries.includes(f)) notes.push('in index.html');
    if (mockChunks.has(f)) notes.push('mock API');
    if (f === 'mockServiceWorker.js') notes.push('service worker script');
    chunkRows.push({
      file: f,
      ...s,
      firstPaint: firstPaintSet.has(f),
      loadedByRoot: loadedSet.has(f),
      notes,
    });
  }
  chunkRows.sort((a, b) => b.gzip - a.gzip);

  const composition = stats ? packageComposition(stats, firstPaintJs, loadedJs, sizeOf) : null;
  const compositionRows = composition ? await composition : null;

  const fpJs = summary[0];
  const targets = [
    {
      label: `JS needed by / to paint its figures ≤ ${FIRST_PAINT_JS_BUDGET_KB} KB gzip`,
      value: `${kB(fpJs.gzip)} kB gzip`,
      pass: fpJs.gzip <= FIRST_PAINT_JS_BUDGET_KB * 1000,
    },
  ];

  const tables = [
    {
      title:
        'Sizes (kB = 1000 B; gzip level 9, brotli quality 11; each file compressed on its own)',
      columns: ['set', 'files', 'raw kB', 'gzip kB', 'brotli kB'],
      align: ['l', 'r', 'r', 'r', 'r'],
      rows: summary.map((s) => [s.label, s.files, kB(s.raw), kB(s.gzip), kB(s.brotli)]),
      notes: [
        `To paint its figures = ${entries.map((e) => '`' + e + '`').join(', ')}, which index.html starts once its frame is painted, plus their static imports, recursively (dynamic import() chunks excluded).`,
        `Loaded by \`/\` = every .js/.css response of \`${base}/\` in Chromium (${loaded.viewport}) after network idle, mockServiceWorker.js excluded` +
          (loaded.unknown.length ? `; not in the build: ${loaded.unknown.join(', ')}` : '') +
          (loaded.rendered ? '.' : '. WARNING: #root was empty, the page may not have rendered.') +
          (loaded.pageErrors.length
            ? ` Page errors: ${loaded.pageErrors.slice(0, 3).join(' | ')}`
            : ''),
      ],
    },
    {
      title: 'Chunks (JS and CSS of the build, biggest gzip first)',
      columns: ['file', 'for the figures', 'loaded by /', 'raw kB', 'gzip kB', 'brotli kB', 'note'],
      align: ['l', 'c', 'c', 'r', 'r', 'r', 'l'],
      rows: chunkRows.map((c) => [
        c.file,
        c.firstPaint ? '✓' : '',
        c.loadedByRoot ? '✓' : '',
        kB(c.raw),
        kB(c.gzip),
        kB(c.brotli),
        c.notes.join(', '),
      ]),
    },
  ];
  if (compositionRows) {
    tables.push({
      title: 'What the JS loaded by `/` is made of, by package (top 15)',
      columns: [
        'package / source dir',
        'for the figures ≈gzip kB',
        'lazy ≈gzip kB',
        'pre-minify kB',
        'chunks',
      ],
      align: ['l', 'r', 'r', 'r', 'l'],
      rows: compositionRows
        .slice(0, 15)
        .map((r) => [
          r.pkg,
          kB(r.firstPaintGzip),
          kB(r.lazyGzip),
          kB(r.rendered),
          r.chunks.join(' '),
        ]),
      notes: [
        '≈gzip: each chunk’s gzip size shared out among its packages in proportion to their pre-minification size (an estimate).',
      ],
    });
  } else {
    tables.push({
      title: 'Package composition',
      columns: [],
      rows: [],
      notes: ['No module statistics for this build (run without --no-build once to get them).'],
    });
  }

  return {
    tables,
    targets,
    data: {
      dist: path.relative(ROOT, dir),
      entries,
      firstPaint,
      loadedByRoot: loaded.files,
      browser: {
        viewport: loaded.viewport,
        rendered: loaded.rendered,
        pageErrors: loaded.pageErrors,
        unknown: loaded.unknown,
      },
      mockChunks: [...mockChunks],
      summary,
      chunks: chunkRows,
      composition: compositionRows,
    },
  };
}

const isJs = (f) => /\.m?js$/.test(f);
const isCss = (f) => f.endsWith('.css');
const kB = (bytes) => (bytes / 1000).toFixed(2);

function memoSizes(dir) {
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
function htmlEntries(html) {
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

function staticImports(code) {
  return [...code.matchAll(STATIC_IMPORT_RE)].map((m) => m[2]);
}

async function staticClosure(dir, entries) {
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

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out.sort();
}

/** A chunk of the mock API: built from mocks/ or msw, or (without stats) one that starts the worker. */
async function isMockChunk(dir, file, stats) {
  const chunk = stats?.chunks.find((c) => c.fileName === file);
  if (chunk) {
    const ids = Object.keys(chunk.modules);
    const mockish = ids.filter((id) => /^mocks\/|node_modules\/(?:msw|@mswjs)\//.test(id)).length;
    return mockish > 0 && ids.some((id) => /node_modules\/msw\//.test(id));
  }
  const code = await fs.readFile(path.join(dir, file), 'utf8');
  return code.includes('mockServiceWorker') && code.includes('serviceWorker');
}

async function browserLoadedAssets(ctx, base, route, dir) {
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

async function packageComposition(stats, firstPaintJs, loadedJs, sizeOf) {
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

function packageOf(id) {
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

// ---------------------------------------------------------------------------------------------
// Section: lighthouse
// ---------------------------------------------------------------------------------------------

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

  const loadBefore = os.loadavg()[0];
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
        ],
        align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
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
          r.runs.map((x) => score(x.performance)).join(' ') +
            (r.errors.length ? ` (${r.errors.length} failed)` : ''),
        ]),
        notes: [
          `HTML reports (run closest to the median) in ${path.relative(ROOT, reportDir)}/.`,
          ...(Math.max(loadBefore, os.loadavg()[0]) > os.cpus().length * 0.75
            ? [
                `load average ${loadBefore.toFixed(1)} before and ${os.loadavg()[0].toFixed(1)} after on ${os.cpus().length} cores: other work competed for the CPU, so TBT/LCP (and the performance score) are likely inflated.`,
              ]
            : []),
          ...results.flatMap((r) => r.errors.map((e) => `${r.preset} ${r.route}: ${e}`)),
          ...[...new Set(results.flatMap((r) => r.runs.flatMap((x) => x.warnings ?? [])))].map(
            (w) => `warning: ${w}`,
          ),
        ],
      },
    ],
    targets: [
      target('mobile performance ≥ 95 on /', 'performance', 95),
      target('mobile accessibility = 100 on /', 'accessibility', 100),
      target('mobile best-practices = 100 on /', 'best-practices', 100),
    ],
    data: { lighthouseVersion: lhVersion, base, results },
  };
}

async function lighthouseRun(ctx, { lighthouse, chromeLauncher, desktopConfig, url, preset }) {
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
      report: typeof result.report === 'string' ? result.report : null,
    };
  } catch (error) {
    ctx.log(`lighthouse run failed: ${error?.message ?? error}`);
    return { error: String(error?.message ?? error), ms: Date.now() - t0 };
  } finally {
    await kill();
  }
}

function medianOf(values) {
  const v = values.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

const slug = (route) =>
  route === '/' ? 'home' : route.replace(/^\/|\/$/g, '').replace(/[^\w-]+/g, '_');

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

function markdownTable({ columns, rows, align = [] }) {
  const cells = [columns, ...rows].map((r) => r.map((c) => String(c ?? '').replace(/\|/g, '\\|')));
  const width = columns.map((_, i) => Math.max(3, ...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (s, i) => {
    const n = width[i] - [...s].length;
    return align[i] === 'r'
      ? ' '.repeat(n) + s
      : align[i] === 'c'
        ? ' '.repeat(n >> 1) + s + ' '.repeat(n - (n >> 1))
        : s + ' '.repeat(n);
  };
  const line = (r) => `| ${r.map((c, i) => pad(c, i)).join(' | ')} |`;
  const rule = `| ${width
    .map((w, i) =>
      align[i] === 'r'
        ? '-'.repeat(w - 1) + ':'
        : align[i] === 'c'
          ? ':' + '-'.repeat(w - 2) + ':'
          : '-'.repeat(w),
    )
    .join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

function printTable(table) {
  const out = [`### ${table.title}`, ''];
  if (table.columns.length) out.push(markdownTable(table), '');
  for (const note of table.notes ?? []) out.push(`- ${note}`);
  if (table.notes?.length) out.push('');
  console.log(out.join('\n'));
}

async function readJson(file) {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

function environment() {
  const cpus = os.cpus();
  const version = (pkg) => {
    try {
      return requireFromRoot(`${pkg}/package.json`).version;
    } catch {
      return null;
    }
  };
  const chromium = spawnSync(CHROME_PATH, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
    chromium: (chromium.stdout || '').trim() || null,
    vite: version('vite'),
    lighthouse: version('lighthouse'),
    playwrightCore: version('playwright-core'),
  };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  let args;
  try {
    args = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }

  const ctx = createContext(args);
  let interrupted = false;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    ctx.log(`${signal}: cleaning up`);
    ctx.cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const env = environment();
  console.log('# Ashyq bench\n');
  console.log(
    markdownTable({
      columns: ['', ''],
      rows: [
        ['date', env.date],
        ['node', env.node],
        ['CPU', `${env.cpu} × ${env.cores} cores`],
        ['memory', `${env.memoryGiB} GiB`],
        ['load average (1/5/15 min) at start', env.loadAverage.join(' / ')],
        ['OS', env.platform],
        ['browser', env.chromium ?? CHROME_PATH],
        [
          'vite / lighthouse / playwright-core',
          `${env.vite} / ${env.lighthouse} / ${env.playwrightCore}`,
        ],
        ['sections', args.sections.map((s) => s.name).join(', ') || '(none)'],
        [
          'build',
          args.build
            ? `vite build into ${path.relative(ROOT, args.outDir)}/`
            : `reused ${path.relative(ROOT, args.outDir)}/ (--no-build)`,
        ],
      ],
    }) + '\n',
  );

  const report = {
    env,
    args: { ...args, sections: args.sections.map((s) => s.name) },
    sections: {},
    targets: [],
    failed: [],
  };
  try {
    for (const section of args.sections) {
      const t0 = Date.now();
      ctx.log(`section ${section.name}`);
      console.log(`## ${section.title}\n`);
      try {
        const result = await section.run(ctx);
        for (const table of result.tables ?? []) printTable(table);
        const targets = (result.targets ?? []).map((t) => ({ section: section.name, ...t }));
        report.targets.push(...targets);
        report.sections[section.name] = { ms: Date.now() - t0, targets, data: result.data ?? null };
        console.log(`_${section.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s_\n`);
      } catch (error) {
        ctx.log(`section ${section.name} failed:`, error?.stack ?? error);
        console.log(
          `**${section.name} failed:** ${String(error?.message ?? error).split('\n')[0]}\n`,
        );
        report.sections[section.name] = {
          ms: Date.now() - t0,
          error: String(error?.stack ?? error),
        };
        report.failed.push(section.name);
      }
    }
  } finally {
    await ctx.cleanup();
  }

  if (report.targets.length) {
    console.log('## Targets\n');
    console.log(
      markdownTable({
        columns: ['target', 'measured', 'result'],
        rows: report.targets.map((t) => [t.label, t.value, t.pass ? 'PASS' : 'FAIL']),
      }) + '\n',
    );
  }
  report.durationMs = Date.now() - START;
  report.env.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
  await fs.mkdir(path.dirname(args.jsonFile), { recursive: true });
  await fs.writeFile(args.jsonFile, JSON.stringify(report, null, 2) + '\n');
  console.log(
    `Runtime ${(report.durationMs / 1000).toFixed(1)} s; load average at end ${report.env.loadAverageAtEnd.join(' / ')}; JSON in ${path.relative(ROOT, args.jsonFile)}` +
      (report.failed.length ? `; FAILED sections: ${report.failed.join(', ')}` : ''),
  );
  return report.failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  },
);
