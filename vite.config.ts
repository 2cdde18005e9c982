import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Modules with a browser-only variant beside them, swapped in for the browser build: `$lib/data/builtin`
 * becomes `builtin.browser.ts`, so the pages fetch the built-in records as one JSON file instead of
 * carrying them in their JavaScript (server code, workers, dev and tests import them directly).
 */
const BROWSER_VARIANTS = /[\\/]src[\\/]lib[\\/]data[\\/]builtin\.ts$/;

function browserVariants(): Plugin {
	return {
		name: 'browser-variants',
		apply: 'build',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (!/builtin(\.ts)?$/.test(source)) return null;
			const client = this.environment ? this.environment.config.consumer === 'client' : !options?.ssr;
			if (!client) return null;
			const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
			if (!resolved || !BROWSER_VARIANTS.test(resolved.id)) return null;
			return resolved.id.replace(/\.(ts|svelte)$/, '.browser.$1');
		}
	};
}

/**
 * Every browser chunk starts with V8's explicit compile hint, `//# allFunctionsCalledOnLoad`: Chromium
 * then compiles the chunk's functions on a background thread while it downloads, instead of compiling
 * each one on the main thread the first time it is called. Opening a page runs most of its frame's code
 * (Svelte's and SvelteKit's runtimes, hydration), and a view's chunk is hydrated as soon as it arrives,
 * so the work is not wasted; measured under a 4× slower CPU it about halves the main thread's blocking
 * time as a page opens. Other browsers read it as a comment. It must be the file's first line, so it is
 * added once the chunk is final (after minifying, which would drop it).
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

function compileHints(): Plugin {
	return {
		name: 'compile-hints',
		apply: 'build',
		enforce: 'post',
		applyToEnvironment: (environment) => environment.config.consumer === 'client',
		generateBundle: {
			order: 'post', // after Vite prepends its dependency map to chunks with dynamic imports
			handler(_options, bundle) {
				for (const file of Object.values(bundle))
					if (file.type === 'chunk' && !file.code.startsWith(COMPILE_HINT))
						file.code = COMPILE_HINT + file.code;
			}
		}
	};
}

/**
 * A dynamic import normally adds a `<link rel="modulepreload">` to the page for each chunk it needs, so
 * they download in parallel. For SvelteKit's route nodes that is wasted work on the main thread as a page
 * opens: the prerendered HTML already preloads the opening page's chunks, SvelteKit's start imports the
 * error page's node at once (appending its links cost more than the start's own work under a 4× slower
 * CPU), and a navigation's own chunks are mostly those already loaded (the next view's code, the large
 * part, is preloaded by the root layout's `load` through the registry). Views, the import and export
 * code keep their preloading: they load on first use, when a second round trip would be felt.
 */
function modulePreloadDependencies(filename: string, deps: string[]): string[] {
	return /(^|\/)nodes\/\d+\.[\w-]+\.js$/.test(filename) ? [] : deps;
}

export default defineConfig({
	plugins: [browserVariants(), sveltekit(), compileHints()],
	build: { modulePreload: { resolveDependencies: modulePreloadDependencies } },
	// workers are modules (created with `type: 'module'`): harfbuzzjs starts with a top-level await
	worker: { format: 'es' },
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
