import type { IndexHtmlTransformContext, IndexHtmlTransformHook, Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { appShellPlugin, startAfterFirstPaintPlugin } from '../../scripts/app-shell-plugin';

/** index.html as `vite build` hands it to post hooks: entry script, preloads, stylesheet. */
const builtHtml = `<!doctype html>
<html lang="kk">
  <head>
    <title>Ashyq</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/runtime-def.js">
    <link rel="modulepreload" crossorigin href="/assets/app-ghi.js">
    <link rel="stylesheet" crossorigin href="/assets/app-jkl.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const css = { type: 'asset', source: 'body{color:#123}' };

function transform(plugin: Plugin, html: string, bundle: Record<string, unknown> = {}) {
  const hook = plugin.transformIndexHtml as
    { handler: IndexHtmlTransformHook } | IndexHtmlTransformHook;
  const handler = typeof hook === 'function' ? hook : hook.handler;
  const context = {
    path: '/index.html',
    filename: 'index.html',
    bundle,
  } as unknown as IndexHtmlTransformContext;
  return handler.call({} as never, html, context) as string;
}

describe('start after first paint', () => {
  const html = transform(startAfterFirstPaintPlugin(), builtHtml, { 'assets/app-jkl.css': css });

  it('puts the stylesheet inline, so the first paint waits for no request', () => {
    expect(html).toContain('<style>body{color:#123}</style>');
    expect(html).not.toContain('rel="stylesheet"');
  });

  it('leaves no script or preload that would be fetched before the first paint', () => {
    expect(html).not.toMatch(/<script type="module"/);
    expect(html).not.toMatch(/<link rel="modulepreload"/);
  });

  it('starts the same entry and preloads the same modules once painted', () => {
    expect(html).toContain('data-entry="/assets/index-abc.js"');
    expect(html).toContain('data-preload="/assets/runtime-def.js /assets/app-ghi.js"');
    expect(html).toMatch(/requestAnimationFrame[\s\S]*<\/script>\s*<\/body>/);
    expect(html).toContain('script.onerror');
  });

  it('fails the build, rather than shipping a page that never starts, if Vite changes its tags', () => {
    expect(() => transform(startAfterFirstPaintPlugin(), '<html><body></body></html>')).toThrow(
      /no module entry/,
    );
    expect(() => transform(startAfterFirstPaintPlugin(), builtHtml, {})).toThrow(
      /no stylesheet assets\/app-jkl.css/,
    );
  });
});

describe('app shell', () => {
  it('paints the frame and the overview heading in Kazakh, with the other languages at hand', () => {
    const html = transform(appShellPlugin(), '<body><div id="root"></div></body>');
    expect(html).toContain('<h1 data-w="title">');
    expect(html).toContain('Негізгі мазмұнға өту');
    expect(html).toContain('"ru":');
    expect(html).toContain('"en":');
  });

  it('has a hidden notice, in the same words, for when the code cannot be fetched', () => {
    const html = transform(appShellPlugin(), '<body><div id="root"></div></body>');
    expect(html).toMatch(/<p [^>]*role="alert" hidden[^>]*>Бет жүктелмеді\./);
  });
});
