/**
 * Section `sizes`: gzip/brotli sizes of index.html (which paints the page frame by itself,
 * stylesheet inline), of the JS that `/` needs to paint its figures (the entry that index.html
 * starts after its first paint, plus static imports), of everything `/` loads in a real browser
 * (playwright-core + system Chromium), and of the whole build.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  browserLoadedAssets,
  htmlEntries,
  isCss,
  isJs,
  isMockChunk,
  kB,
  listFiles,
  memoSizes,
  packageComposition,
  staticClosure,
} from './sizes-files.mjs';
import { ROOT } from './util.mjs';

/** Issue 14: what `/` evaluates before its figures are on screen (it was 170 before that issue). */
const FIRST_PAINT_JS_BUDGET_KB = 120;

export default { name: 'sizes', title: 'Bundle sizes', run: sizesSection };

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
