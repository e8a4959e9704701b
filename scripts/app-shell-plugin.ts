import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

type Tree = { [key: string]: string | Tree };

const keys = {
  name: 'app.name',
  tagline: 'app.tagline',
  skip: 'app.skipLink',
  loadFailed: 'app.loadFailed',
  nav: 'nav.label',
  overview: 'nav.overview',
  initiatives: 'nav.initiatives',
  sources: 'nav.sources',
  language: 'language.label',
  title: 'overview.title',
  lead: 'overview.lead',
} as const;

const pick = (tree: Tree, path: string): string => {
  const value = path
    .split('.')
    .reduce<Tree | string | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      tree,
    );
  if (typeof value !== 'string') throw new Error(`app shell: no message ${path}`);
  return value;
};

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Puts the page frame and the overview's heading into index.html, in the reader's language, so a
 * phone paints them before any JavaScript has arrived; React then renders the same frame over it.
 * The words come from the catalogues at build time, so the shell cannot drift from the app.
 */
export function appShellPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'ashyq-app-shell',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml(html, { path }) {
      // Only the dashboard's page: the embed (embed.html) has no frame.
      if (path !== '/index.html') return html;
      const words = Object.fromEntries(
        (['kk', 'ru', 'en'] as const).map((lang) => {
          const catalogue = JSON.parse(
            readFileSync(join(root, `src/locales/${lang}/common.json`), 'utf8'),
          ) as Tree;
          return [
            lang,
            Object.fromEntries(
              Object.entries(keys).map(([key, path]) => [key, pick(catalogue, path)]),
            ),
          ];
        }),
      ) as Record<'kk' | 'ru' | 'en', Record<keyof typeof keys, string>>;
      const kk = words.kk;
      const shell = `<div class="app" data-shell>
      <a class="skip-link" href="#main" data-w="skip">${escape(kk.skip)}</a>
      <header class="site-header"><div class="site-header__inner">
        <a class="brand" href="/"><span class="brand__name" data-w="name">${escape(kk.name)}</span><span class="brand__tagline" data-w="tagline">${escape(kk.tagline)}</span></a>
        <nav class="language-switcher" aria-label="${escape(kk.language)}" data-a="language"><ul><li><a lang="kk" hreflang="kk" href="?lang=kk">Қазақша</a></li><li><a lang="ru" hreflang="ru" href="?lang=ru">Русский</a></li><li><a lang="en" hreflang="en" href="?lang=en">English</a></li></ul></nav>
      </div>
      <nav class="site-nav" aria-label="${escape(kk.nav)}" data-a="nav"><a href="/" data-w="overview">${escape(kk.overview)}</a><a href="/initiatives" data-w="initiatives">${escape(kk.initiatives)}</a><a href="/sources" data-w="sources">${escape(kk.sources)}</a></nav></header>
      <main id="main" class="site-main"><p class="error-panel" role="alert" hidden data-load-failed data-w="loadFailed">${escape(kk.loadFailed)}</p><header class="page-header" data-overview><h1 data-w="title">${escape(kk.title)}</h1><p class="page-header__lead" data-w="lead">${escape(kk.lead)}</p></header></main>
    </div>
    <script>
      (function () {
        var words = ${JSON.stringify(words).replace(/</g, '\\u003c')};
        var path = location.pathname;
        var shell = document.querySelector('[data-shell]');
        if (/^\\/(kiosk|present)/.test(path)) { shell.remove(); return; }
        var lang = new URLSearchParams(location.search).get('lang');
        var w = words[lang] || words.kk;
        document.documentElement.lang = words[lang] ? lang : 'kk';
        shell.querySelectorAll('[data-w]').forEach(function (el) { el.textContent = w[el.getAttribute('data-w')]; });
        shell.querySelector('[data-a=language]').setAttribute('aria-label', w.language);
        shell.querySelector('[data-a=nav]').setAttribute('aria-label', w.nav);
        shell.querySelectorAll('.language-switcher a').forEach(function (a) {
          if (a.lang === (words[lang] ? lang : 'kk')) a.setAttribute('aria-current', 'true');
        });
        var section = path === '/' ? 'overview' : path.indexOf('/initiatives') === 0 ? 'initiatives' : path.indexOf('/sources') === 0 ? 'sources' : '';
        if (section) shell.querySelector('[data-w=' + section + ']').className = 'active';
        if (path !== '/') shell.querySelector('[data-overview]').remove();
      })();
    </script>`;
      return html.replace('<div id="root"></div>', `<div id="root">${shell}</div>`);
    },
  };
}

const stylesheetTag = /<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/g;
const entryTag = /<script type="module" crossorigin src="([^"]+)"><\/script>\s*/;
const preloadTag = /<link rel="modulepreload" crossorigin href="([^"]+)">\s*/g;

/**
 * Lets the pre-painted frame reach the screen before any JavaScript runs, in the built page:
 * - the stylesheet goes inline, so the first paint waits for no second request;
 * - the app's modules are asked for only once that paint has happened (a frame later), so that a
 *   slow phone does not spend the moment it could be painting on parsing half a megabyte of code.
 * A tab opened in the background has no frames to wait for and starts at once.
 */
export function startAfterFirstPaintPlugin(): Plugin {
  return {
    name: 'ashyq-start-after-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, path }) {
        if (path !== '/index.html') return html;
        const inlined = html.replace(stylesheetTag, (_tag, file: string) => {
          const asset = bundle?.[file];
          if (asset?.type !== 'asset') throw new Error(`start after paint: no stylesheet ${file}`);
          return `<style>${String(asset.source).replace(/<\/style/gi, '<\\/style')}</style>`;
        });
        const entry = entryTag.exec(inlined)?.[1];
        if (!entry) throw new Error('start after paint: index.html has no module entry');
        const modules = [entry, ...[...inlined.matchAll(preloadTag)].map((match) => match[1])];
        // The bench reads data-entry and data-preload to size what the figures need.
        const start = `<script data-entry="${entry}" data-preload="${modules.slice(1).join(' ')}">
      (function (me) {
        var started = false;
        function start() {
          if (started) return;
          started = true;
          me.getAttribute('data-preload').split(' ').filter(Boolean).forEach(function (href) {
            var link = document.createElement('link');
            link.rel = 'modulepreload';
            link.crossOrigin = '';
            link.href = href;
            document.head.appendChild(link);
          });
          var script = document.createElement('script');
          script.type = 'module';
          script.crossOrigin = '';
          script.src = me.getAttribute('data-entry');
          // The code did not arrive (offline, or an old page after a new release): say so.
          script.onerror = function () {
            var note = document.querySelector('[data-load-failed]');
            if (note) note.hidden = false;
          };
          document.head.appendChild(script);
        }
        if (document.visibilityState === 'hidden') return start();
        requestAnimationFrame(function () { setTimeout(start, 0); });
        setTimeout(start, 500);
      })(document.currentScript);
    </script>`;
        return inlined
          .replace(entryTag, '')
          .replace(preloadTag, '')
          .replace('</body>', `  ${start}\n  </body>`);
      },
    },
  };
}
