import { z } from 'zod';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import type { HtmlPolicies } from './csp';
import { COMMON_HEADERS, securityHeaders } from './security-headers';
import { type Locale, localeSchema } from '../../src/contract/common';
import { type EmbedPageText, fillEmbedHtml } from '../../src/embed/embed-html';

/** Vite puts a content hash in every file name under assets/: such a file never changes. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon, robots.txt) may change with the next build. */
export const REVALIDATE = 'no-cache';

const NOT_BUILT = 'The dashboard is not built yet: run `npm run build` (the API works without it).';

/**
 * The built dashboard (dist/): hashed assets cached for a year, other files and index.html
 * revalidated (with an ETag, so a kiosk or a returning reader gets a 304 rather than the page
 * again), and any other GET answered with index.html so that client routes (/initiatives/x,
 * /sources) load the app. Mounted after the API, so /api never falls back.
 */
export interface SpaOptions {
  /** The words of a chart's embed page (its title and summary go into the HTML); null: no chart. */
  embedText?: (chartId: string, locale: Locale, origin: string) => Promise<EmbedPageText | null>;
}

export function spaRoutes(
  distDir: string,
  security: { policies: HtmlPolicies; publicHttps: boolean },
  options: SpaOptions = {},
): Hono {
  const spa = new Hono();
  // Outermost, so that every answer gets the headers, 404s and compressed ones included; the CSP
  // is chosen by the HTML file the path is answered with.
  spa.use(securityHeaders(security.policies, security.publicHttps));
  spa.notFound((c) => c.text('Not found', 404, { ...COMMON_HEADERS }));
  if (!existsSync(distDir)) {
    spa.get('*', (c) => c.text(NOT_BUILT, 404, { 'Cache-Control': 'no-store' }));
    return spa;
  }
  const files = serveStatic({ root: distDir });

  spa.use(compress());

  spa.use('/assets/*', async (c, next) => {
    c.header('Cache-Control', IMMUTABLE);
    await next();
  });
  spa.use('/assets/*', files);
  // A missing hashed file is a stale page asking for an old build: index.html would not help.
  spa.get('/assets/*', (c) => c.text('Not found', 404, { 'Cache-Control': 'no-store' }));

  // Weak: the same file gzipped or not is the same page. Hashed assets never get here.
  spa.use('*', etag({ weak: true }));
  spa.use('*', async (c, next) => {
    c.header('Cache-Control', REVALIDATE);
    await next();
  });
  spa.get('/embed/:id', async (c) => {
    let html: string;
    try {
      html = await readFile(join(distDir, 'embed.html'), 'utf8');
    } catch {
      return c.text(NOT_BUILT, 404, { 'Cache-Control': 'no-store' });
    }
    const locale = z.catch(localeSchema, 'kk').parse(c.req.query('lang') ?? 'kk');
    const text = options.embedText
      ? await options.embedText(c.req.param('id'), locale, new URL(c.req.url).origin)
      : null;
    // An unknown chart still gets the page (it says so in the reader's language), as a 404.
    const status = options.embedText && !text ? 404 : 200;
    return c.html(text ? fillEmbedHtml(html, text) : html, status, { 'Cache-Control': REVALIDATE });
  });
  spa.use('*', files);

  spa.get('*', async (c) => {
    let html: string;
    try {
      html = await readFile(join(distDir, 'index.html'), 'utf8');
    } catch {
      return c.text(NOT_BUILT, 404, { 'Cache-Control': 'no-store' });
    }
    return c.html(html, 200, { 'Cache-Control': REVALIDATE });
  });

  return spa;
}
