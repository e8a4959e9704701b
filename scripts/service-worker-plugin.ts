import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/**
 * Files the offline shell does without: the mock API's worker and its code, the worker itself, and
 * the management screens (`manage-…` chunks, their words and styles), which need the server anyway.
 */
export const skip = (file: string) =>
  file === 'sw.js' ||
  file === 'mockServiceWorker.js' ||
  file.endsWith('.map') ||
  /(^|\/)browser-[\w-]+\.js$/.test(file) ||
  /(^|\/)manage-[\w-]+\.(js|css)$/.test(file);

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Writes dist/sw.js after a build: src/pwa/service-worker.js with the list of built files to
 * precache and a version that changes whenever any of them does (so kiosks pick up new builds).
 */
export function serviceWorkerPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'ashyq-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      const outDir = config.build.outDir;
      // A build for a real API ships no mock: not even MSW's worker script from public/.
      if (config.env.VITE_API_URL) rmSync(join(outDir, 'mockServiceWorker.js'), { force: true });
      const files = listFiles(outDir)
        .map((file) => relative(outDir, file).split(sep).join('/'))
        .filter((file) => !skip(file))
        .sort();
      const hash = createHash('sha256');
      for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
      const template = readFileSync(join(config.root, 'src/pwa/service-worker.js'), 'utf8');
      const precache = files.map((file) => (file === 'index.html' ? '/index.html' : `/${file}`));
      writeFileSync(
        join(outDir, 'sw.js'),
        template
          .replace("'__ASHYQ_VERSION__'", `'${hash.digest('hex').slice(0, 16)}'`)
          .replace('= __ASHYQ_PRECACHE__;', `= ${JSON.stringify(precache)};`),
      );
    },
  };
}
