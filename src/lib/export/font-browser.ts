/**
 * The browser side of font embedding: the fontsource slice files (WOFF, which the platform's zlib can
 * unpack) are emitted by Vite, fetched only when a reader asks for an embedded font, and subset in a
 * worker. Loaded on demand by the download menu.
 */
import { sliceUrl } from './font-files';
import type { FontSource } from './font';
import { workerClient } from './worker-client';

const subsetter = workerClient<{ url: string; text: string }, Uint8Array>(
	() => new Worker(new URL('./font.worker.ts', import.meta.url), { type: 'module' }),
	(answer) => (answer.font instanceof Uint8Array ? answer.font : undefined),
	'font subsetting failed'
);

/** Slices are fetched and cut in the worker, so the large slice files never cross to the page. */
export function browserFontSource(): FontSource {
	return {
		format: 'woff',
		async subset(slice, weight, text) {
			return subsetter.request({ url: sliceUrl(slice, weight, location.href), text });
		}
	};
}
