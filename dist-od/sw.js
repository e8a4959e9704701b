/* global self, caches, fetch, Response, URL, __ASHYQ_PRECACHE__ */
// Ashyq's service worker: an offline app shell for kiosks. Built by the `ashyq-service-worker`
// plugin in vite.config.ts, which fills in the version and the list of files to precache.
// API data is never served cache-first: the network answers, the cache only stands in for it.

const VERSION = '5230a37733ed7f15';
const PRECACHE = ["/assets/CartesianChart-D2iLCcwI.js","/assets/app-XY_NxLYV.css","/assets/app-gW6bpDRY.js","/assets/bar-chart-BtZz-r0y.js","/assets/chart-image-JTtPeZdc.js","/assets/common-D1zQFTNJ.js","/assets/common-DODHnmeP.js","/assets/data-DfVZxPrF.js","/assets/embed-snippet-C6F_XQuu.js","/assets/framework-leXHfJPe.js","/assets/index-CJIf19U5.js","/assets/initiative-ChNB2DmB.js","/assets/initiatives-D4OV7NAi.js","/assets/kiosk-DRB1t-RN.js","/assets/line-chart-Rha3WCta.js","/assets/not-found-BloiwkjU.js","/assets/not-found-D8XDPsiC.js","/assets/noto-sans-cyrillic-400-normal-CHP_ranX.woff2","/assets/noto-sans-cyrillic-700-normal-DYZmzPmX.woff2","/assets/noto-sans-cyrillic-ext-400-normal-BjDhGU6t.woff2","/assets/noto-sans-cyrillic-ext-700-normal-OK-fZO_i.woff2","/assets/noto-sans-latin-400-normal-BTkUljjl.woff2","/assets/noto-sans-latin-700-normal-CrvTEWhy.woff2","/assets/noto-sans-latin-ext-400-normal-CVf-LbaS.woff2","/assets/noto-sans-latin-ext-700-normal-BypTtJma.woff2","/assets/palette-CfjMM-rl.js","/assets/present-DKtmgzSB.js","/assets/present-print-BlxKhvN0.js","/assets/rolldown-runtime-XKyaHtl9.js","/assets/source-details-BbAqiFq5.js","/assets/sources-CmDNWW2X.js","/assets/svg-text-CGYD6-E-.js","/assets/use-deck-data-PvEONa8M.js","/favicon.svg","/icon-192.png","/icon-512.png","/index.html","/manifest.webmanifest","/robots.txt"];
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
