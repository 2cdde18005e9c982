/** Builds the rendering harness (this folder) with Vite's JS API into `outDir`. */
import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { build } from 'vite';
import { root } from './report';

export const harness = path.join(root, 'bench', 'render');

export async function buildHarness(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
	await build({
		root: harness,
		configFile: false,
		logLevel: 'error',
		mode: 'production',
		plugins: [svelte({ configFile: path.join(root, 'svelte.config.js') })],
		resolve: {
			alias: [
				{ find: /^\$lib\//, replacement: path.join(root, 'src', 'lib') + '/' },
				{ find: /^\$app\/state$/, replacement: path.join(harness, 'app-state.ts') },
				{ find: /^\$app\/environment$/, replacement: path.join(harness, 'app-environment.ts') }
			]
		},
		// the export's workers (text as shapes, font subsets) are ES modules, as in vite.config.ts
		worker: { format: 'es' },
		build: {
			outDir,
			emptyOutDir: true,
			minify: options.minify ?? true,
			reportCompressedSize: false,
			chunkSizeWarningLimit: 5000
		}
	});
}
