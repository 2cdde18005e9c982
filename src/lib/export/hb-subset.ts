/**
 * HarfBuzz's subsetter (harfbuzzjs's `harfbuzz-subset.wasm`) driven directly, for the browser: the same
 * calls subset-font makes in Node, keeping every layout feature and only the given characters' glyphs.
 * Input and output are uncompressed sfnt (TrueType/OpenType) bytes.
 */

export interface HbSubsetExports {
	memory: WebAssembly.Memory;
	malloc(size: number): number;
	free(ptr: number): void;
	_initialize?: () => void;
	hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
	hb_blob_destroy(blob: number): void;
	hb_blob_get_data(blob: number, length: number): number;
	hb_blob_get_length(blob: number): number;
	hb_face_create(blob: number, index: number): number;
	hb_face_destroy(face: number): void;
	hb_face_reference_blob(face: number): number;
	hb_set_add(set: number, value: number): void;
	hb_set_clear(set: number): void;
	hb_set_invert(set: number): void;
	hb_subset_input_create_or_fail(): number;
	hb_subset_input_destroy(input: number): void;
	hb_subset_input_set(input: number, which: number): number;
	hb_subset_input_unicode_set(input: number): number;
	hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

export async function instantiateHbSubset(wasm: BufferSource): Promise<HbSubsetExports> {
	const { instance } = await WebAssembly.instantiate(wasm);
	const hb = instance.exports as unknown as HbSubsetExports;
	hb._initialize?.();
	return hb;
}

/** The glyphs of `text`'s characters (and what layout needs with them) from an sfnt font. */
export function subsetSfnt(hb: HbSubsetExports, font: Uint8Array, text: string): Uint8Array {
	const input = hb.hb_subset_input_create_or_fail();
	if (!input) throw new Error('harfbuzz: could not create a subset input');
	const ptr = hb.malloc(font.byteLength);
	new Uint8Array(hb.memory.buffer).set(font, ptr);
	const blob = hb.hb_blob_create(ptr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
	const face = hb.hb_face_create(blob, 0);
	hb.hb_blob_destroy(blob);
	try {
		const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
		hb.hb_set_clear(features);
		hb.hb_set_invert(features);
		const unicodes = hb.hb_subset_input_unicode_set(input);
		for (const ch of text) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
		const subset = hb.hb_subset_or_fail(face, input);
		if (!subset) throw new Error('harfbuzz: subsetting failed');
		const result = hb.hb_face_reference_blob(subset);
		const offset = hb.hb_blob_get_data(result, 0);
		const length = hb.hb_blob_get_length(result);
		// The wasm memory may have grown: take a fresh view.
		const out = new Uint8Array(hb.memory.buffer, offset, length).slice();
		hb.hb_blob_destroy(result);
		hb.hb_face_destroy(subset);
		if (!length) throw new Error('harfbuzz: the subset is empty');
		return out;
	} finally {
		hb.hb_subset_input_destroy(input);
		hb.hb_face_destroy(face);
		hb.free(ptr);
	}
}
