import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The one inline script of app.html (it notes a reader's first presses and keys before the page's script
 * runs, and remembers the language switch's choice), allowed by its hash so the policy needs no
 * 'unsafe-inline'.
 */
const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
const earlyScript = /<script>([\s\S]*?)<\/script>/.exec(appHtml)?.[1] ?? '';
const earlyHash = `sha256-${createHash('sha256').update(earlyScript).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true,
		// no `window.__svelte.v` marker (a devtools hint): every component imports it, so any route that
		// draws a component but shares nothing else with the others (the embed pages, which load no app
		// script) split it into a chunk of its own that every page then fetched on opening
		discloseVersion: false
	},
	kit: {
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: undefined,
			precompress: true,
			strict: true
		}),
		// The service worker is registered by the root layout once the page is idle (registerServiceWorker):
		// its first install fetches every page, and that must not compete with the page being opened.
		serviceWorker: { register: false },
		// Absolute asset paths: the static server answers unknown addresses with a prerendered 404 page,
		// which must load its CSS and JS from /_app whatever the depth of the address.
		paths: { relative: false },
		// Content-Security-Policy in every prerendered page's <meta>, with hashes for SvelteKit's own
		// inline script (no 'unsafe-inline'). Styles come only from the site's own files.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', earlyHash],
				// The one inline style attribute SvelteKit itself renders (its route announcer), by hash.
				'style-src': ['self', 'unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		},
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			handleUnseenRoutes: 'fail'
		}
	}
};

export default config;
