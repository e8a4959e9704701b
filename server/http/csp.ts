import { createHash } from 'node:crypto';
import { mayBeFramed } from './frame-policy';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** SHA-256 sources ('sha256-…') of one HTML file's inline scripts and inline stylesheets. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

const hashSource = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Hashes the exact text of every inline <script> (one without `src`) and <style> of a page.
 * The browser hashes the element's text as it is in the file, so nothing here may trim it.
 */
export function inlineHashes(html: string): InlineHashes {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\ssrc\s*=/i.test(` ${attributes}`) || body === '') continue;
    scripts.push(hashSource(body));
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    if (match[1]) styles.push(hashSource(match[1]));
  }
  return { scripts: [...new Set(scripts)], styles: [...new Set(styles)] };
}

export interface PolicyOptions {
  /** May other sites put this page in a frame? Only the embed pages. */
  framable: boolean;
}

/**
 * The Content-Security-Policy of one HTML answer: our own origin only, the page's own inline
 * blocks by hash (no nonces: the page is cached and revalidated, so it cannot change per request),
 * never 'unsafe-inline' or 'unsafe-eval'.
 */
export function contentSecurityPolicy(hashes: InlineHashes, { framable }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.scripts.join(' ')}`.trim(),
    `style-src 'self' ${hashes.styles.join(' ')}`.trim(),
    // blob: for the chart's PNG download: its SVG is drawn through an <img> onto a canvas.
    "img-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${framable ? '*' : "'none'"}`,
  ].join('; ');
}

/** The embed pages, the one kind of page another site may frame (the rule is frame-policy.ts's). */
export const isEmbedPath = mayBeFramed;

/** Every HTML file of a build (relative, `/`-separated), hashed once at start. */
export class HtmlPolicies {
  constructor(
    private readonly files: ReadonlyMap<string, InlineHashes>,
    /** Which request paths may be framed (see isEmbedPath). */
    private readonly framable: (path: string) => boolean = isEmbedPath,
  ) {}

  static fromDist(distDir: string, framable?: (path: string) => boolean): HtmlPolicies {
    const files = new Map<string, InlineHashes>();
    if (existsSync(distDir)) {
      for (const file of htmlFiles(distDir)) {
        files.set(file, inlineHashes(readFileSync(join(distDir, file), 'utf8')));
      }
    }
    return new HtmlPolicies(files, framable);
  }

  /** The file an HTML answer for this path came from: the file itself, or the SPA's index.html. */
  fileFor(path: string): string {
    const name = decodeSafely(path).replace(/^\/+/, '');
    if (this.files.has(name)) return name;
    const index = `${name.replace(/\/?$/, '/')}index.html`.replace(/^\//, '');
    if (this.files.has(index)) return index;
    // An entry of its own for a section (`/embed/x` → embed.html), else the SPA fallback.
    const section = `${name.split('/')[0]}.html`;
    if (name.includes('/') && this.files.has(section)) return section;
    return 'index.html';
  }

  /** The CSP header for an HTML answer to `path` (a page not in the build gets no inline code). */
  headerFor(path: string, file = this.fileFor(path)): string {
    const hashes = this.files.get(file) ?? { scripts: [], styles: [] };
    return contentSecurityPolicy(hashes, { framable: this.framable(path) });
  }

  hashesOf(file: string): InlineHashes | undefined {
    return this.files.get(file);
  }
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function htmlFiles(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'assets') out.push(...htmlFiles(full, root));
    } else if (entry.name.endsWith('.html')) {
      out.push(relative(root, full).split(sep).join('/'));
    }
  }
  return out;
}
