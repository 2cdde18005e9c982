/**
 * The Node side of "text as shapes" (build, tests): harfbuzzjs and the fontsource WOFF slices read from
 * node_modules.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sliceFile } from './font';
import { fontFilesDir } from './font-node';
import { createShaper, type Shaper } from './glyphs';
import { outlineSvg } from './outline';
import { woffToSfnt } from './woff';

let shaper: Promise<Shaper> | undefined;

export function nodeShaper(): Promise<Shaper> {
	shaper ??= import('harfbuzzjs').then((hb) =>
		createShaper(hb, async (slice, weight) => {
			if (!/^[a-z0-9-]+$/.test(slice)) throw new Error(`Unknown font slice ${slice}`);
			return woffToSfnt(
				new Uint8Array(await readFile(join(fontFilesDir(), sliceFile(slice, weight, 'woff'))))
			);
		})
	);
	return shaper;
}

/** `svg` (a standalone document) with every label drawn as glyph outlines. */
export async function outlineInNode(svg: string): Promise<string> {
	return outlineSvg(svg, await nodeShaper());
}
