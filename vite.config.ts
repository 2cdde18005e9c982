import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Modules with a browser-only variant beside them, swapped in for the browser build:
 * - `$lib/data/builtin` becomes `builtin.browser.ts`: the pages fetch the built-in records as one JSON file
 *   instead of carrying them in their JavaScript (server code, workers, dev and tests import them directly);
 * - `$lib/components/Deferred.svelte` becomes `Deferred.browser.svelte`: a page's view hydrates when the
 *   reader first reaches for it rather than as the page opens (the server renders it in full);
 * - `$lib/views/registry` becomes `registry.browser.ts`: each page's view is a chunk of its own, loaded on
 *   first use or before a navigation renders its page, instead of with the page.
 */
const BROWSER_VARIANTS =
	/[\\/]src[\\/]lib[\\/](data[\\/]builtin\.ts|components[\\/]Deferred\.svelte|views[\\/]registry\.ts)$/;

function browserVariants(): Plugin {
	return {
		name: 'browser-variants',
		apply: 'build',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (!/(builtin|Deferred|registry)(\.svelte|\.ts)?$/.test(source)) return null;
			const client = this.environment ? this.environment.config.consumer === 'client' : !options?.ssr;
			if (!client) return null;
			const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
			if (!resolved || !BROWSER_VARIANTS.test(resolved.id)) return null;
			return resolved.id.replace(/\.(ts|svelte)$/, '.browser.$1');
		}
	};
}

export default defineConfig({
	plugins: [browserVariants(), sveltekit()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					// property tests over synthetic data take seconds on a busy 2-core machine
					testTimeout: 60_000,
					include: ['tests/unit/**/*.test.ts', 'tests/svg/**/*.test.ts'],
					setupFiles: ['tests/unit/setup.ts'],
					exclude: ['tests/**/*.svelte.test.ts']
				}
			},
			{
				extends: true,
				plugins: [svelteTesting()],
				test: {
					name: 'component',
					environment: 'jsdom',
					testTimeout: 30_000,
					include: ['tests/component/**/*.svelte.test.ts'],
					setupFiles: ['tests/component/setup.ts']
				}
			}
		]
	}
});
