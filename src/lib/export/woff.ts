/**
 * WOFF 1.0 ⇄ sfnt with the platform's zlib (DecompressionStream / CompressionStream), for subsetting
 * fonts in the browser without a WOFF2 codec. https://www.w3.org/TR/WOFF/
 */

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
	const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(body).arrayBuffer());
}

const align4 = (n: number) => (n + 3) & ~3;

interface TableRecord {
	tag: number;
	checksum: number;
	data: Uint8Array;
}

function writeSfnt(flavor: number, tables: TableRecord[]): Uint8Array {
	const sorted = [...tables].sort((a, b) => a.tag - b.tag);
	const n = sorted.length;
	let size = 12 + 16 * n;
	for (const t of sorted) size += align4(t.data.length);
	const out = new Uint8Array(size);
	const view = new DataView(out.buffer);
	const entrySelector = Math.floor(Math.log2(n || 1));
	const searchRange = 2 ** entrySelector * 16;
	view.setUint32(0, flavor);
	view.setUint16(4, n);
	view.setUint16(6, searchRange);
	view.setUint16(8, entrySelector);
	view.setUint16(10, n * 16 - searchRange);
	let offset = 12 + 16 * n;
	sorted.forEach((t, i) => {
		const rec = 12 + 16 * i;
		view.setUint32(rec, t.tag);
		view.setUint32(rec + 4, t.checksum);
		view.setUint32(rec + 8, offset);
		view.setUint32(rec + 12, t.data.length);
		out.set(t.data, offset);
		offset += align4(t.data.length);
	});
	return out;
}

/** A WOFF 1.0 font → its uncompressed sfnt (TrueType/OpenType) bytes. */
export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
	const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
	if (view.getUint32(0) !== 0x774f4646) throw new Error('not a WOFF font');
	const flavor = view.getUint32(4);
	const numTables = view.getUint16(12);
	const tables: TableRecord[] = [];
	for (let i = 0; i < numTables; i++) {
		const rec = 44 + 20 * i;
		const tag = view.getUint32(rec);
		const offset = view.getUint32(rec + 4);
		const compLength = view.getUint32(rec + 8);
		const origLength = view.getUint32(rec + 12);
		const checksum = view.getUint32(rec + 16);
		const raw = woff.subarray(offset, offset + compLength);
		const data = compLength < origLength ? await pipe(raw, new DecompressionStream('deflate')) : raw;
		if (data.length !== origLength) throw new Error('WOFF table has the wrong length');
		tables.push({ tag, checksum, data });
	}
	return writeSfnt(flavor, tables);
}

function tableChecksum(data: Uint8Array): number {
	const padded = new Uint8Array(align4(data.length));
	padded.set(data);
	const view = new DataView(padded.buffer);
	let sum = 0;
	for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
	return sum;
}

/** An sfnt font → WOFF 1.0, each table deflated when that makes it smaller. */
export async function sfntToWoff(sfnt: Uint8Array): Promise<Uint8Array> {
	const view = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
	const flavor = view.getUint32(0);
	const n = view.getUint16(4);
	const tables: { tag: number; checksum: number; orig: Uint8Array; stored: Uint8Array }[] = [];
	for (let i = 0; i < n; i++) {
		const rec = 12 + 16 * i;
		const tag = view.getUint32(rec);
		const offset = view.getUint32(rec + 8);
		const length = view.getUint32(rec + 12);
		const orig = sfnt.subarray(offset, offset + length);
		const packed = await pipe(orig, new CompressionStream('deflate'));
		tables.push({
			tag,
			checksum: view.getUint32(rec + 4) || tableChecksum(orig),
			orig,
			stored: packed.length < orig.length ? packed : orig
		});
	}
	tables.sort((a, b) => a.tag - b.tag);
	let size = 44 + 20 * n;
	let sfntSize = 12 + 16 * n;
	for (const t of tables) {
		size += align4(t.stored.length);
		sfntSize += align4(t.orig.length);
	}
	const out = new Uint8Array(size);
	const w = new DataView(out.buffer);
	w.setUint32(0, 0x774f4646);
	w.setUint32(4, flavor);
	w.setUint32(8, size);
	w.setUint16(12, n);
	w.setUint32(16, sfntSize);
	w.setUint16(20, 1);
	let offset = 44 + 20 * n;
	tables.forEach((t, i) => {
		const rec = 44 + 20 * i;
		w.setUint32(rec, t.tag);
		w.setUint32(rec + 4, offset);
		w.setUint32(rec + 8, t.stored.length);
		w.setUint32(rec + 12, t.orig.length);
		w.setUint32(rec + 16, t.checksum);
		out.set(t.stored, offset);
		offset += align4(t.stored.length);
	});
	return out;
}
