import type { ServerResponse } from 'node:http';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { mayBeFramed } from '../server/http/frame-policy';

/**
 * `vite` and `vite preview` (the mock-API build) answer /embed/<chart id> with the embed page
 * with the security headers of scripts/security-headers-plugin.ts (the embeds may be framed); a mock-API build gets /data and the OpenAPI
 * document as files (scripts/build-open-data.ts). The real server also writes the chart's
 * title and summary into the page's <noscript>; with the mock API the data lives in the browser,
 * so here the page is the same for every chart.
 */
export function openDataDevPlugin(): Plugin {
  const policy =
    (
      serveEmbed: (req: Connect.IncomingMessage, res: ServerResponse) => Promise<void> | void,
    ): Connect.NextHandleFunction =>
    (req, res, next) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (mayBeFramed(path)) {
        Promise.resolve(serveEmbed(req, res)).catch(next);
        return;
      }
      next();
    };
  let outDir = 'dist';
  let root = '.';
  let mockApi = true;
  let building = false;
  return {
    name: 'ashyq-open-data-dev',
    configResolved(config) {
      root = config.root;
      // resolve, not join: the build's outDir may be absolute (the build tests write to /tmp).
      outDir = resolve(config.root, config.build.outDir);
      building = config.command === 'build';
      mockApi = !config.env.VITE_API_URL;
    },
    // With the mock API there is no server to make /data and the OpenAPI document: write them.
    closeBundle() {
      // Vite also closes a dev server's (and Vitest's) bundle: only a real build writes files.
      if (!mockApi || !building) return;
      execFileSync(
        process.execPath,
        ['--import', 'tsx', join(root, 'scripts/build-open-data.ts'), outDir],
        {
          cwd: root,
          stdio: 'inherit',
        },
      );
    },
    configureServer(server) {
      server.middlewares.use(
        policy(async (req, res) => {
          const html = await server.transformIndexHtml(
            req.url ?? '/',
            await readFile(join(server.config.root, 'embed.html'), 'utf8'),
          );
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(html);
        }),
      );
    },
    configurePreviewServer(server) {
      // The API reference the build wrote (dist/api/docs/index.html): the preview would otherwise
      // answer /api/docs, which has no trailing slash, with the dashboard.
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0];
        if (path !== '/api/docs' && path !== '/api/docs/') return next();
        readFile(join(outDir, 'api/docs/index.html'), 'utf8').then((html) => {
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(html);
        }, next);
      });
      server.middlewares.use(
        policy(async (_req, res) => {
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(await readFile(join(outDir, 'embed.html'), 'utf8'));
        }),
      );
    },
  };
}
