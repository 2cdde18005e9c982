/**
 * The Node side of font embedding (build, tests): slice files read from node_modules, subset with
 * subset-font (harfbuzz) to woff2.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';
import { sliceFile, type FontSource } from './font';

const require = createRequire(import.meta.url);

/** Where the fontsource woff2 slices live. */
export function fontFilesDir(): string {
	return join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files');
}

export function nodeFontSource(): FontSource {
	const dir = fontFilesDir();
	return {
		format: 'woff2',
		async subset(slice, weight, text) {
			if (!/^[a-z0-9-]+$/.test(slice)) throw new Error(`Unknown font slice ${slice}`);
			const font = await readFile(join(dir, sliceFile(slice, weight)));
			return new Uint8Array(await subsetFont(font, text, { targetFormat: 'woff2' }));
		}
	};
}
