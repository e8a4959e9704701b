/** The build and the server the sections measure: `vite build` (once) and `vite preview` or server/. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readJson, requireFromRoot, RESULTS_DIR, ROOT, sleep } from './util.mjs';

const VITE_BIN = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

export async function buildApp(ctx) {
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

export async function startPreview(ctx) {
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
          RATE_LIMIT: '0',
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
