/**
 * The browser side of font embedding: the fontsource slice files (WOFF, which the platform's zlib can
 * unpack) are emitted by Vite, fetched only when a reader asks for an embedded font, and subset in a
 * worker. Loaded on demand by the download menu.
 */
import { sliceFile, type FontSource } from './font';

const files = import.meta.glob(
	'/node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-{400,700}-normal.woff',
	{
		query: '?url',
		import: 'default',
		eager: true
	}
) as Record<string, string>;

const urlByFile = new Map(Object.entries(files).map(([path, url]) => [path.split('/').pop() ?? path, url]));

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }>();

function fontWorker(): Worker {
	if (!worker) {
		worker = new Worker(new URL('./font.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (e: MessageEvent<{ id: number; font?: Uint8Array; error?: string }>) => {
			const job = pending.get(e.data.id);
			pending.delete(e.data.id);
			if (e.data.font) job?.resolve(e.data.font);
			else job?.reject(new Error(e.data.error ?? 'font subsetting failed'));
		};
		worker.onerror = (e) => {
			for (const job of pending.values()) job.reject(new Error(e.message || 'font worker failed'));
			pending.clear();
			worker?.terminate();
			worker = undefined;
		};
	}
	return worker;
}

/** Slices are fetched and cut in the worker, so the large slice files never cross to the page. */
export function browserFontSource(): FontSource {
	return {
		format: 'woff',
		subset(slice, weight, text) {
			const file = sliceFile(slice, weight, 'woff');
			const url = urlByFile.get(file);
			if (!url) return Promise.reject(new Error(`font file ${file} is not in the build`));
			const id = nextId++;
			return new Promise<Uint8Array>((resolve, reject) => {
				pending.set(id, { resolve, reject });
				fontWorker().postMessage({ id, url: new URL(url, location.href).href, text });
			});
		}
	};
}
