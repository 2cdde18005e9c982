/**
 * Bytes → text for imported files, and what a file's bytes are when they are not text we can read.
 *
 * Read as they are: UTF-8 with or without a byte-order mark, UTF-16 with a mark, and GBK (what Excel on
 * a Chinese system saves as "CSV"). A file is first read as strict UTF-8; if that fails, the whole file
 * is looked at once more (`EncodingProbe`) and the encoding is decided by evidence, not by the first bad
 * byte: a UTF-8 file with a few damaged sequences stays UTF-8 (the damaged cells are reported, see
 * `REPLACEMENT`); GBK only when the bytes decode cleanly as GBK and look like Chinese text in GBK;
 * Big5, Shift-JIS and anything else are named and refused rather than read as garbage.
 *
 * Before any of that, the first bytes are sniffed (`sniffHead`) for files that are not text at all
 * (a workbook, a PDF, an image…) or are text in an encoding we do not read (UTF-32, UTF-16 without a
 * byte-order mark). Pure; no DOM (TextDecoder is in browsers, workers and Node).
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

/** What stands in a decoded text for bytes that could not be decoded. */
export const REPLACEMENT = '\uFFFD';

/** A file that is not read: `binary` with the format its signature shows ('' when unknown), or text in an encoding we do not read. */
export type Unreadable =
	| { kind: 'binary'; format: string }
	| { kind: 'encoding'; encoding: 'UTF-32LE' | 'UTF-32BE' | 'UTF-16LE' | 'UTF-16BE' | 'Big5' | 'Shift-JIS' }
	| { kind: 'unknownEncoding' };

/** How a file is to be decoded after the evidence is in: an encoding (`damaged`: with undecodable bytes), or not at all. */
export type Decision = { encoding: Encoding; damaged: boolean } | { unreadable: Unreadable };

/** The encoding a file's first bytes announce (a byte-order mark), or null. */
export function bomEncoding(head: Uint8Array): Encoding | null {
	if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
	if (head.length >= 4 && head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) return null;
	if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	return null;
}

/** File signatures of formats people pick by mistake instead of a CSV. */
const SIGNATURES: [number[], string][] = [
	[[0x50, 0x4b, 0x03, 0x04], 'XLSX / ZIP'],
	[[0x50, 0x4b, 0x05, 0x06], 'ZIP'],
	[[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'XLS'],
	[[0x25, 0x50, 0x44, 0x46], 'PDF'],
	[[0x89, 0x50, 0x4e, 0x47], 'PNG'],
	[[0xff, 0xd8, 0xff], 'JPEG'],
	[[0x47, 0x49, 0x46, 0x38], 'GIF'],
	[[0x1f, 0x8b], 'GZIP'],
	[[0x52, 0x61, 0x72, 0x21], 'RAR'],
	[[0x37, 0x7a, 0xbc, 0xaf], '7Z'],
	[[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'SQLite']
];

/** Bytes the head is sniffed on. */
export const SNIFF_BYTES = 8192;

/**
 * Whether a file's first bytes (up to SNIFF_BYTES) show it is not text we read: a known binary
 * signature, UTF-32 (with or without a mark), UTF-16 without a mark, or bytes no text file has many
 * of (NUL, control characters). null: go on and decode it.
 */
export function sniffHead(head: Uint8Array): Unreadable | null {
	const n = Math.min(head.length, SNIFF_BYTES);
	for (const [sig, format] of SIGNATURES)
		if (n >= sig.length && sig.every((b, i) => head[i] === b)) return { kind: 'binary', format };
	if (n >= 4 && head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0)
		return { kind: 'encoding', encoding: 'UTF-32LE' };
	if (n >= 4 && head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff)
		return { kind: 'encoding', encoding: 'UTF-32BE' };
	if (bomEncoding(head) !== null) return null;
	// zero bytes by position: text in UTF-16 or UTF-32 has them in a regular place, other text has none
	const zeros = [0, 0, 0, 0];
	let controls = 0;
	for (let i = 0; i < n; i++) {
		const b = head[i];
		if (b === 0) zeros[i & 3]++;
		else if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) controls++;
	}
	const all = zeros[0] + zeros[1] + zeros[2] + zeros[3];
	// a stray NUL or BEL in a text is cleaned on import; many are a binary file
	const binary = all * 20 > n || controls * 16 > n;
	if (all === 0) return binary ? { kind: 'binary', format: '' } : null;
	const quarter = n / 4;
	if (n >= 8) {
		if (zeros[2] >= quarter * 0.9 && zeros[3] >= quarter * 0.9 && zeros[0] === 0)
			return { kind: 'encoding', encoding: 'UTF-32LE' };
		if (zeros[0] >= quarter * 0.9 && zeros[1] >= quarter * 0.9 && zeros[3] === 0)
			return { kind: 'encoding', encoding: 'UTF-32BE' };
	}
	const even = zeros[0] + zeros[2];
	const odd = zeros[1] + zeros[3];
	// UTF-16: the zero bytes of its ASCII characters fall all on one side
	if (n >= 4 && odd >= n / 20 && even <= odd / 50) return { kind: 'encoding', encoding: 'UTF-16LE' };
	if (n >= 4 && even >= n / 20 && odd <= even / 50) return { kind: 'encoding', encoding: 'UTF-16BE' };
	return binary ? { kind: 'binary', format: '' } : null;
}

function decoderFor(encoding: Encoding, fatal: boolean): TextDecoder {
	const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
	// the byte-order mark is dropped by the decoder (ignoreBOM false)
	return new TextDecoder(label, { fatal });
}

/**
 * Chunked decoding. Given no encoding, starts as the byte-order mark says, or as strict UTF-8: `push`
 * returns null when the bytes turn out not to be UTF-8 (the caller then looks at the whole file with
 * `EncodingProbe`). Given an encoding, or a marked one, undecodable bytes become REPLACEMENT (the
 * caller reports each cell that has one).
 */
export class StreamDecoder {
	encoding: Encoding | null;
	#guess: boolean;
	#decoder: TextDecoder | null = null;

	constructor(encoding: Encoding | null = null) {
		this.encoding = encoding;
		this.#guess = encoding === null;
	}

	push(chunk: Uint8Array, last = false): string | null {
		if (!this.#decoder) {
			this.encoding ??= bomEncoding(chunk) ?? 'utf-8';
			this.#decoder = decoderFor(this.encoding, this.#guess && this.encoding === 'utf-8');
		}
		try {
			return this.#decoder.decode(chunk, { stream: !last });
		} catch {
			return null;
		}
	}
}

const count = (s: string, ch: string): number => {
	let k = 0;
	for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) k++;
	return k;
};

/** Decodes a stream without keeping the text, counting what the evidence needs. */
class Counter {
	bad = 0;
	/** Characters beyond ASCII decoded (UTF-16 code units). */
	wide = 0;
	/** Full-width kana (Japanese syllables), a sign of Shift-JIS. */
	kana = 0;
	#decoder: TextDecoder;
	constructor(label: string) {
		this.#decoder = new TextDecoder(label);
	}
	push(bytes: Uint8Array, last: boolean): void {
		const s = this.#decoder.decode(bytes, { stream: !last });
		this.bad += count(s, REPLACEMENT);
		for (let i = 0; i < s.length; i++) {
			const c = s.charCodeAt(i);
			if (c > 127) {
				this.wide++;
				if (c >= 0x3040 && c <= 0x30ff) this.kana++;
			}
		}
	}
}

/**
 * Double-byte pairs in a GBK- or Big5-shaped stream, and how many fall where everyday Chinese text in
 * that encoding falls: GBK's GB2312 punctuation and hanzi (lead A1–A3 or B0–F7, trail A1–FE); Big5's
 * punctuation and frequent characters (lead A1–A3 or A4–C6). Text in the other encoding, or in UTF-8,
 * lands there far less often.
 */
class PairShape {
	pairs = 0;
	common = 0;
	#lead = 0;
	constructor(readonly big5: boolean) {}
	push(bytes: Uint8Array): void {
		let lead = this.#lead;
		let pairs = 0;
		let common = 0;
		const big5 = this.big5;
		for (let i = 0; i < bytes.length; i++) {
			const b = bytes[i];
			if (lead) {
				pairs++;
				if (big5) {
					if (lead <= 0xc6 && lead >= 0xa1 && ((b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe)))
						common++;
				} else if (
					((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xf7)) &&
					b >= 0xa1 &&
					b <= 0xfe
				)
					common++;
				lead = 0;
			} else if (b >= 0x81 && b <= 0xfe) lead = b;
		}
		this.#lead = lead;
		this.pairs += pairs;
		this.common += common;
	}
	get ratio(): number {
		return this.pairs ? this.common / this.pairs : 0;
	}
}

/**
 * The evidence on a file that is not strict UTF-8, gathered over all of its bytes: push every chunk,
 * then `decide()`. Linear in the file's size.
 */
export class EncodingProbe {
	#utf8 = new Counter('utf-8');
	#gbk = new Counter('gbk');
	#big5 = new Counter('big5');
	#sjis = new Counter('shift_jis');
	#gbkShape = new PairShape(false);
	#big5Shape = new PairShape(true);
	/** U+FFFD written in the file as UTF-8 (EF BF BD), which the UTF-8 count must not take for damage. */
	#realReplacements = 0;
	#tail: [number, number] = [0, 0];

	push(bytes: Uint8Array, last = false): void {
		this.#utf8.push(bytes, last);
		this.#gbk.push(bytes, last);
		this.#big5.push(bytes, last);
		this.#sjis.push(bytes, last);
		this.#gbkShape.push(bytes);
		this.#big5Shape.push(bytes);
		// the last two bytes seen, carried across chunks
		let [a, b] = this.#tail;
		let found = 0;
		for (let i = 0; i < bytes.length; i++) {
			const c = bytes[i];
			if (c === 0xbd && b === 0xbf && a === 0xef) found++;
			a = b;
			b = c;
		}
		this.#tail = [a, b];
		this.#realReplacements += found;
	}

	decide(): Decision {
		const bad = Math.max(0, this.#utf8.bad - this.#realReplacements);
		const wide = this.#utf8.wide - bad;
		if (bad === 0) return { encoding: 'utf-8', damaged: false };
		// mostly good UTF-8 with a few damaged sequences (a cut-off last byte, a bad paste)
		if (wide >= bad * 4) return { encoding: 'utf-8', damaged: true };
		const gbk = this.#gbkShape.ratio;
		const big5 = this.#big5.bad === 0 ? this.#big5Shape.ratio : 0;
		// GBK only when it decodes cleanly, looks like everyday GBK text, and more so than like Big5
		if (this.#gbk.bad === 0 && gbk >= 0.5 && gbk >= big5) return { encoding: 'gbk', damaged: false };
		if (this.#sjis.bad === 0 && this.#sjis.kana > 0 && this.#sjis.kana >= this.#sjis.wide / 10)
			return { unreadable: { kind: 'encoding', encoding: 'Shift-JIS' } };
		if (big5 >= 0.5) return { unreadable: { kind: 'encoding', encoding: 'Big5' } };
		if (wide > bad) return { encoding: 'utf-8', damaged: true };
		return { unreadable: { kind: 'unknownEncoding' } };
	}

	/** Measurements, for tests. */
	get evidence() {
		return {
			utf8Bad: this.#utf8.bad - this.#realReplacements,
			utf8Wide: this.#utf8.wide,
			gbkBad: this.#gbk.bad,
			gbkRatio: this.#gbkShape.ratio,
			big5Bad: this.#big5.bad,
			big5Ratio: this.#big5Shape.ratio,
			sjisBad: this.#sjis.bad,
			kana: this.#sjis.kana
		};
	}
}

/** Whole buffer → how it is to be read (sniffing its head, then strict UTF-8, then the evidence). */
export function decideEncoding(bytes: Uint8Array): Decision {
	const unreadable = sniffHead(bytes.subarray(0, SNIFF_BYTES));
	if (unreadable) return { unreadable };
	const bom = bomEncoding(bytes);
	if (bom) return { encoding: bom, damaged: false };
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return { encoding: 'utf-8', damaged: false };
	} catch {
		const probe = new EncodingProbe();
		probe.push(bytes, true);
		return probe.decide();
	}
}

/** Whole buffer → text and the encoding used (null text: the file is not read; see `decideEncoding`). */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } | null {
	const d = decideEncoding(bytes);
	if ('unreadable' in d) return null;
	return { text: new StreamDecoder(d.encoding).push(bytes, true) ?? '', encoding: d.encoding };
}
