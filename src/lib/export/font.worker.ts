/**
 * Subsets font slices off the page's main thread. The page's Content-Security-Policy does not allow
 * WebAssembly; a worker loaded from the site's own origin runs under its own (header) policy, which does.
 * Message in: { id, url, text } (a fontsource WOFF slice and the characters to keep);
 * message out: { id, font } (WOFF bytes) or { id, error }.
 */
import hbWasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import { instantiateHbSubset, subsetSfnt, type HbSubsetExports } from './hb-subset';
import { sfntToWoff, woffToSfnt } from './woff';

interface Job {
	id: number;
	url: string;
	text: string;
}

let hb: Promise<HbSubsetExports> | undefined;
/** The subsetter, loaded once; a failed load (network, a damaged file) is forgotten so a retry fetches again. */
const harfbuzz = () =>
	(hb ??= fetch(hbWasmUrl)
		.then((r) => {
			if (!r.ok) throw new Error(`subsetter ${r.status}`);
			return r.arrayBuffer();
		})
		.then(instantiateHbSubset)
		.catch((e: unknown) => {
			hb = undefined;
			throw e;
		}));

// One subset at a time: harfbuzz's memory is shared between calls.
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<Job>) => {
	const { id, url, text } = event.data;
	const download = fetch(url).then(async (res) => {
		if (!res.ok) throw new Error(`font file ${res.status}`);
		return woffToSfnt(new Uint8Array(await res.arrayBuffer()));
	});
	download.catch(() => undefined);
	queue = queue.then(async () => {
		try {
			const subset = subsetSfnt(await harfbuzz(), await download, text);
			const font = await sfntToWoff(subset);
			self.postMessage({ id, font }, { transfer: [font.buffer] });
		} catch (e) {
			self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
		}
	});
};
