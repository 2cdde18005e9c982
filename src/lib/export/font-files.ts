/**
 * The fontsource Noto Sans SC slices (WOFF, which the platform's zlib can unpack) as files of the build:
 * Vite emits them, and nothing fetches one until an export asks for it. Shared by the font embedder and
 * the text-as-shapes worker.
 */
import { sliceFile, type Weight } from './font';

const files = import.meta.glob(
	'/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-{400,700}-normal.woff',
	{ query: '?url', import: 'default', eager: true }
) as Record<string, string>;

const urlByFile = new Map(Object.entries(files).map(([path, url]) => [path.split('/').pop() ?? path, url]));

/** The absolute address of a slice's WOFF file; throws when the build does not hold it. */
export function sliceUrl(slice: string, weight: Weight, base: string): string {
	const file = sliceFile(slice, weight, 'woff');
	const url = urlByFile.get(file);
	if (!url) throw new Error(`font file ${file} is not in the build`);
	return new URL(url, base).href;
}
