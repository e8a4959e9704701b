// @vitest-environment node
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { contentSecurityPolicy, HtmlPolicies, inlineHashes, isEmbedPath } from './csp';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('inline scripts and styles are hashed exactly as written; external scripts are not', () => {
  const script = '\n  console.log("é");\n  ';
  const style = 'body{color:red}';
  const html = `<html><head><style>${style}</style><script src="/a.js"></script>
    <script type="module" data-x="1">${script}</script></head></html>`;
  expect(inlineHashes(html)).toEqual({ scripts: [sha(script)], styles: [sha(style)] });
});

test('the policy is strict: self, hashes, no inline or eval, no objects, no base, no framing', () => {
  const policy = contentSecurityPolicy(
    { scripts: ["'sha256-a'"], styles: ["'sha256-b'"] },
    { framable: false },
  );
  expect(policy).toContain("script-src 'self' 'sha256-a'");
  expect(policy).toContain("style-src 'self' 'sha256-b'");
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(policy).toContain(directive);
  }
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
});

test('framing is allowed only where the caller says so: the embed paths by default', () => {
  const framed = contentSecurityPolicy({ scripts: [], styles: [] }, { framable: true });
  expect(framed).toContain('frame-ancestors *');
  expect(isEmbedPath('/embed/services-automated')).toBe(true);
  for (const path of [
    '/',
    '/embed',
    '/embed/a/b',
    '/embedded',
    '/kiosk',
    '/x/embed/y',
    '/api/v1/embed',
  ]) {
    expect(isEmbedPath(path)).toBe(false);
  }
  const policies = new HtmlPolicies(new Map([['index.html', { scripts: [], styles: [] }]]));
  expect(policies.headerFor('/embed/x')).toContain('frame-ancestors *');
  expect(policies.headerFor('/embedded')).toContain("frame-ancestors 'none'");
  const nothingFramed = new HtmlPolicies(new Map(), () => false);
  expect(nothingFramed.headerFor('/embed/x')).toContain("frame-ancestors 'none'");
});

test('each HTML file of a build has its own hashes, and a path is answered with its own file', () => {
  const dist = mkdtempSync(join(tmpdir(), 'ashyq-csp-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, 'docs'));
  writeFileSync(join(dist, 'index.html'), '<script>spa()</script>');
  writeFileSync(join(dist, 'embed.html'), '<script>embed()</script><style>e{}</style>');
  writeFileSync(join(dist, 'docs', 'index.html'), '<p>docs</p>');
  writeFileSync(join(dist, 'assets', 'x.html'), '<script>never()</script>');
  const policies = HtmlPolicies.fromDist(dist);
  expect(policies.hashesOf('index.html')).toEqual({ scripts: [sha('spa()')], styles: [] });
  expect(policies.hashesOf('embed.html')).toEqual({
    scripts: [sha('embed()')],
    styles: [sha('e{}')],
  });
  expect(policies.hashesOf('assets/x.html')).toBeUndefined();
  expect(policies.fileFor('/')).toBe('index.html');
  expect(policies.fileFor('/initiatives/x')).toBe('index.html');
  expect(policies.fileFor('/embed/services-automated')).toBe('embed.html');
  expect(policies.fileFor('/embed.html')).toBe('embed.html');
  expect(policies.fileFor('/docs/')).toBe('docs/index.html');
  expect(policies.fileFor('/%E0%A4%A')).toBe('index.html');
  expect(policies.headerFor('/embed/x')).toContain(sha('embed()'));
  expect(policies.headerFor('/embed/x')).not.toContain(sha('spa()'));
  expect(policies.headerFor('/sources')).toContain(sha('spa()'));
  // A page that is not in the build may run no inline code at all.
  expect(policies.headerFor('/x', 'missing.html')).toContain("script-src 'self';");
});
