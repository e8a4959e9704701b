/* global self, caches, fetch, Response, URL, __ASHYQ_PRECACHE__ */
// Ashyq's service worker: an offline app shell for kiosks. Built by the `ashyq-service-worker`
// plugin in vite.config.ts, which fills in the version and the list of files to precache.
// API data is never served cache-first: the network answers, the cache only stands in for it.

const VERSION = '1b876f603c7be763';
const PRECACHE = ["/assets/CartesianChart-Ch5fBSZp.js","/assets/app-BISLW1iu.js","/assets/app-XY_NxLYV.css","/assets/bar-chart-N5Rhshei.js","/assets/chart-image-tvZkMMSX.js","/assets/chart-list-BYtEi2TG.js","/assets/chart-list-DaLTGU3X.js","/assets/chart-specs-CTJPBrb-.js","/assets/common-D1zQFTNJ.js","/assets/common-DODHnmeP.js","/assets/data-CEXH6Ps1.js","/assets/embed-snippet-BNUU8E0h.js","/assets/framework-oxJvuxNF.js","/assets/index-DTO20Lhd.js","/assets/initiative-CTfEGitr.js","/assets/initiatives-BQKrh9EL.js","/assets/kiosk-BF9aEy43.js","/assets/line-chart-D0Q5sBUz.js","/assets/not-found-BocQEJsQ.js","/assets/not-found-DTjxChsR.js","/assets/noto-sans-cyrillic-400-normal-CHP_ranX.woff2","/assets/noto-sans-cyrillic-700-normal-DYZmzPmX.woff2","/assets/noto-sans-cyrillic-ext-400-normal-BjDhGU6t.woff2","/assets/noto-sans-cyrillic-ext-700-normal-OK-fZO_i.woff2","/assets/noto-sans-latin-400-normal-BTkUljjl.woff2","/assets/noto-sans-latin-700-normal-CrvTEWhy.woff2","/assets/noto-sans-latin-ext-400-normal-CVf-LbaS.woff2","/assets/noto-sans-latin-ext-700-normal-BypTtJma.woff2","/assets/palette-CfjMM-rl.js","/assets/present-C6d5XdIY.js","/assets/present-print-a32K14KV.js","/assets/rolldown-runtime-XKyaHtl9.js","/assets/source-details-BvLsih8y.js","/assets/sources-BRBPYUSK.js","/assets/svg-text-CGYD6-E-.js","/assets/use-deck-data-BXoucGv8.js","/favicon.svg","/icon-192.png","/icon-512.png","/index.html","/manifest.webmanifest","/robots.txt"];
const SHELL_CACHE = `ashyq-shell-${VERSION}`;
const DATA_CACHE = 'ashyq-data';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(PRECACHE))
      // A new version takes over at once: an unattended screen has nobody to click "reload".
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('ashyq-shell-') && key !== SHELL_CACHE).map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, cacheName, fallbackUrl) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(fallbackUrl ?? request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(fallbackUrl ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.pathname.includes('/api/')) {
    event.respondWith(
      networkFirst(request, DATA_CACHE).catch(
        () =>
          new Response(JSON.stringify({ error: { code: 'offline', message: 'The API cannot be reached.' } }), {
            status: 503,
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    return;
  }
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every route is the same single page: the cached index.html stands in for any of them.
    event.respondWith(networkFirst(request, SHELL_CACHE, '/index.html'));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
    return;
  }
  event.respondWith(networkFirst(request, SHELL_CACHE));
});
