/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline: after the first visit the app shell (JS, CSS, static files), every prerendered page and the
 * built-in data files are cached, so the dashboard opens without a network. Each build has its own cache
 * (named by the build's version); activating a new build deletes the old caches.
 * Network first for pages (fresh when online), cache first for the build's immutable assets.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `dashboard-${version}`;

/**
 * Export-only files: the font subsets embedded in exported charts and the subsetter's WebAssembly, about
 * 10 MB in all. They are not fetched ahead (a first visit on a phone must not download them in the
 * background); the first export fetches what it needs, and the fetch handler keeps it for offline use.
 */
const EXPORT_ONLY = /\.(woff2?|ttf|otf|wasm)$/;

/**
 * Everything the dashboard needs offline; the chart image files under /charts/, the share cards under
 * /og/ (pictures for other sites' link previews, 3 MB) and the embed pages (for other sites' iframes, which
 * this worker does not serve) are left to the network.
 */
const EMBED = /^\/(zh|en)\/embed\/|^\/embed\.js$/;
const ASSETS = [
	...build.filter((p) => !EXPORT_ONLY.test(p)),
	...files,
	...prerendered.filter((p) => !p.startsWith('/charts/') && !p.startsWith('/og/') && !EMBED.test(p))
];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		// file by file: one file that cannot be fetched must not leave the whole dashboard without an
		// offline copy (cache.addAll is all or nothing)
		caches
			.open(CACHE)
			.then((cache) => Promise.allSettled(ASSETS.map((asset) => cache.add(asset))))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			if (build.includes(url.pathname) || files.includes(url.pathname)) {
				const hit = await cache.match(url.pathname);
				if (hit) return hit;
			}
			try {
				const response = await fetch(request);
				if (response.ok && response.status === 200 && !url.pathname.startsWith('/charts/')) {
					cache.put(request, response.clone());
				}
				return response;
			} catch (err) {
				// offline: the cached page (a query string is view state, not a different page)
				const hit = (await cache.match(request)) ?? (await cache.match(url.pathname));
				if (hit) return hit;
				throw err;
			}
		})()
	);
});
