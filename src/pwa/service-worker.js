/* global self, caches, fetch, Response, URL, __ASHYQ_PRECACHE__ */
// Ashyq's service worker: an offline app shell for kiosks. Built by the `ashyq-service-worker`
// plugin in vite.config.ts, which fills in the version and the list of files to precache.
// API data is never served cache-first: the network answers, the cache only stands in for it.

const VERSION = '__ASHYQ_VERSION__';
const PRECACHE = __ASHYQ_PRECACHE__;
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
