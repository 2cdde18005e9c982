import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * In the browser build, `$lib/data/builtin` is `builtin.browser.ts`: the pages fetch the built-in records
 * as one JSON file instead of carrying them in their JavaScript. Server code, workers, dev and tests import
 * the records directly.
 */
function builtinDataAsJson(): Plugin {
	return {
		name: 'builtin-data-as-json',
		apply: 'build',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (!source.includes('builtin') || source.endsWith('.json')) return null;
			const client = this.environment ? this.environment.config.consumer === 'client' : !options?.ssr;
			if (!client) return null;
			const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
			if (!resolved || !/[\\/]src[\\/]lib[\\/]data[\\/]builtin\.ts$/.test(resolved.id)) return null;
			return resolved.id.replace(/builtin\.ts$/, 'builtin.browser.ts');
		}
	};
}

export default defineConfig({
	plugins: [builtinDataAsJson(), sveltekit()],
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
