import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { skip } from '../../scripts/service-worker-plugin';

/*
 * What the public pages load before anything is clicked: the entry chunk and its static imports,
 * recursively. Management screens, the log verifier (src/transparency) and the chart library are
 * lazily loaded and must never be among them; nor classic zod, which the client does without
 * (the contract is written for zod/mini). A change that imports one of them from the app shell
 * fails here, not in production.
 */
const outDir = mkdtempSync(join(tmpdir(), 'ashyq-build-test-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

type Chunk = Rolldown.OutputChunk;

const outDirFor = (apiUrl: string) => join(outDir, apiUrl === '' ? 'mock' : 'server');

async function buildFor(apiUrl: string): Promise<Chunk[]> {
  const previous = process.env.VITE_API_URL;
  process.env.VITE_API_URL = apiUrl;
  try {
    const result = await build({
      logLevel: 'silent',
      build: { outDir: outDirFor(apiUrl), emptyOutDir: true },
    });
    const outputs = Array.isArray(result) ? result : [result];
    return outputs.flatMap((output) =>
      'output' in output
        ? output.output.filter((item): item is Chunk => item.type === 'chunk')
        : [],
    );
  } finally {
    if (previous === undefined) delete process.env.VITE_API_URL;
    else process.env.VITE_API_URL = previous;
  }
}

/**
 * Module ids in the entry chunk and everything it imports statically; in a mock build also the
 * mock API's chunk, which every page starts at once.
 */
function staticallyLoaded(chunks: Chunk[]): { files: string[]; modules: string[] } {
  const entry = chunks.find((chunk) => chunk.isEntry);
  if (!entry) throw new Error('the build has no entry chunk');
  const mock = chunks.find((chunk) =>
    chunk.moduleIds.some((id) => /[\\/]mocks[\\/]browser\.ts$/.test(id)),
  );
  return closure(chunks, mock ? [entry, mock] : [entry]);
}

/** These chunks and everything they import statically, recursively. */
function closure(chunks: Chunk[], roots: Chunk[]): { files: string[]; modules: string[] } {
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set<string>();
  const visit = (chunk: Chunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const file of chunk.imports) {
      const next = byFile.get(file);
      if (next) visit(next);
    }
  };
  for (const root of roots) visit(root);
  const files = [...seen];
  return { files, modules: files.flatMap((file) => byFile.get(file)?.moduleIds ?? []) };
}

const forbidden = [
  /[\\/]src[\\/]features[\\/]manage[\\/]/,
  /[\\/]src[\\/]app[\\/]routes[\\/]manage/,
  /[\\/]src[\\/]locales[\\/]\w+[\\/]manage\.json/,
  /[\\/]node_modules[\\/]recharts[\\/]/,
  // The public log's check runs after the first paint, from a chunk of its own.
  /[\\/]src[\\/]transparency[\\/]/,
  /[\\/]src[\\/]features[\\/]transparency[\\/]check[\\/]/,
  /[\\/]src[\\/]locales[\\/]\w+[\\/]transparency\.json/,
  // Classic zod (`import … from 'zod'`): a few times the size of zod/mini, and never needed here.
  /[\\/]node_modules[\\/]zod[\\/]v4[\\/]classic[\\/]/,
];
/** The accounts contract is management-only too, except that the mock API itself speaks it. */
const contract = /[\\/]src[\\/]contract[\\/]accounts/;

describe.each([
  ['a build for the real server', '/'],
  ['a build with the mock API', ''],
])('%s', (_, apiUrl) => {
  it(
    'loads no management module and no chart code before the first click',
    { timeout: 180_000 },
    async () => {
      const chunks = await buildFor(apiUrl);
      const { files, modules } = staticallyLoaded(chunks);
      // The check itself works: the app's own code is found among the static imports.
      expect(modules.some((id) => /[\\/]src[\\/]app[\\/]router\.tsx$/.test(id))).toBe(true);
      const patterns = apiUrl === '' ? forbidden : [...forbidden, contract];
      const leaked = modules.filter((id) => patterns.some((pattern) => pattern.test(id)));
      expect(leaked).toEqual([]);
      if (apiUrl !== '') expect(files.filter((file) => /(^|\/)manage-/.test(file))).toEqual([]);

      // The overview's charts, which it loads right after its figures, and every public page:
      // public code only. The CSV writer the charts share with the audit log once pulled a
      // management chunk in with them; zod's coerce, shared with the accounts contract, once made
      // the figure and change pages build that whole contract.
      const publicPage =
        /[\\/]src[\\/]app[\\/](widgets[\\/]chart-list|routes[\\/](initiatives?|sources|data|figure-history|changes|transparency))\.tsx$/;
      const pages = chunks.filter((chunk) => chunk.moduleIds.some((id) => publicPage.test(id)));
      expect(pages.length).toBeGreaterThanOrEqual(8);
      const management = [...forbidden.slice(0, 3), contract];
      for (const page of pages) {
        const loaded = closure(chunks, [page]).modules;
        expect({
          page: page.fileName,
          management: loaded.filter((id) => management.some((pattern) => pattern.test(id))),
        }).toEqual({ page: page.fileName, management: [] });
      }

      // The management screens are there, as chunks the offline shell does not precache.
      const manage = chunks.filter((chunk) =>
        chunk.moduleIds.some((id) => /[\\/]src[\\/]features[\\/]manage[\\/]/.test(id)),
      );
      expect(manage.length).toBeGreaterThan(0);
      for (const chunk of manage) expect(skip(chunk.fileName), chunk.fileName).toBe(true);

      // No script of the client, lazy ones and the embed page's own build included, carries
      // classic zod. Its schema classes keep their names through minification ("ZodObject"; the
      // mini build's are "ZodMiniObject"), which is what is looked for in the files.
      const assets = join(outDirFor(apiUrl), 'assets');
      const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
      const text = (file: string) => readFileSync(join(assets, file), 'utf8');
      const classic = /[`'"]Zod(?:Object|String|Array)[`'"]/;
      expect(scripts.some((file) => /[`'"]ZodMiniObject[`'"]/.test(text(file)))).toBe(true);
      expect(scripts.some((file) => file.startsWith('embed-'))).toBe(true);
      // One exception, in the mock build only: the mock API checks a CSV batch with the
      // server's own import rules (mocks/handlers/batch-rows.ts), loaded on the first upload.
      const mockOnly = (file: string) => apiUrl === '' && file.startsWith('batch-rows-');
      expect(scripts.filter((file) => classic.test(text(file)) && !mockOnly(file))).toEqual([]);
    },
  );
});
