/* global self, caches */
/**
 * Insyn's service worker: keeps the app shell (index.html and the built /assets/*) on the device so a
 * page reload without a network still starts the app, and the roll calls kept in IndexedDB stay usable.
 * - navigations: network first, the cached index.html when the network fails;
 * - /assets/*: cache first (the file names carry a content hash), stored as they are fetched;
 * - /graphql and everything else: never cached, straight to the network.
 * The shell is every /assets/ file index.html names: what it loads, and in its `insyn-offline-assets` meta the
 * lazily loaded pages that must open offline (apps/web/build/offline-shell.ts). It is stored when the worker
 * installs, and a new release's shell when a navigation brings a new index.html.
 */
const CACHE = 'insyn-shell-v1';
const SHELL = '/index.html';

/** Stores the assets `html` names that the cache does not have yet. */
async function cacheAssetsOf(cache, html) {
  const assets = [...new Set(html.match(/\/assets\/[^"'\s)]+/g) ?? [])];
  await Promise.all(
    assets.map(async (asset) => {
      if (!(await cache.match(asset))) await cache.add(asset).catch(() => undefined);
    }),
  );
}

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  await cacheAssetsOf(cache, html);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function navigation(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await cache.put(SHELL, response.clone());
      // After a release, the new shell's pages are kept before the network goes, not only once opened.
      event.waitUntil(
        response
          .clone()
          .text()
          .then((html) => cacheAssetsOf(cache, html)),
      );
    }
    return response;
  } catch (error) {
    const cached = await cache.match(SHELL);
    if (cached) return cached;
    throw error;
  }
}

async function asset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/graphql')) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(event));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request));
  }
});
