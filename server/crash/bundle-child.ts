import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a TypeScript entry into one plain ES module under node_modules/.cache (so that its
 * packages still resolve), for tests that start a process many times: plain `node` starts it in
 * a fraction of the time `--import tsx` takes to compile the server's module graph again.
 */
export async function bundleChild(entry: string): Promise<string> {
  const dir = join(root, 'node_modules', '.cache', 'ashyq');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: { '@': join(root, 'src') },
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
