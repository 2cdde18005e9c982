/**
 * Draws a standalone chart SVG's text as glyph outlines, off the page's main thread. The page's
 * Content-Security-Policy does not allow WebAssembly; a worker from the site's own origin runs under its
 * own (header) policy, which does. HarfBuzz (harfbuzzjs) and the font slices load on the first request.
 * Message in: { id, svg }; message out: { id, svg } or { id, error }.
 */
import { sliceUrl } from './font-files';
import { createShaper, type Shaper } from './glyphs';
import { outlineSvg } from './outline';
import { woffToSfnt } from './woff';

let shaper: Promise<Shaper> | undefined;
/** HarfBuzz and the shaper, loaded once; a failed load is forgotten so a retry fetches again. */
const load = () =>
	(shaper ??= import('harfbuzzjs')
		.then((hb) =>
			createShaper(hb, async (slice, weight) => {
				const res = await fetch(sliceUrl(slice, weight, self.location.href));
				if (!res.ok) throw new Error(`font file ${res.status}`);
				return woffToSfnt(new Uint8Array(await res.arrayBuffer()));
			})
		)
		.catch((e: unknown) => {
			shaper = undefined;
			throw e;
		}));

// One document at a time: harfbuzz's memory is shared between calls.
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<{ id: number; svg: string }>) => {
	const { id, svg } = event.data;
	queue = queue.then(async () => {
		try {
			self.postMessage({ id, svg: await outlineSvg(svg, await load()) });
		} catch (e) {
			self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
		}
	});
};
