/**
 * Bytes → text for imported files. UTF-8 with or without a byte-order mark, UTF-16 with a mark, and
 * GBK (what Excel on a Chinese system saves as "CSV"): a file that is not valid UTF-8 is read as GBK,
 * and the import page says which encoding was used. Streaming: `StreamDecoder` takes chunks and reports
 * when the UTF-8 guess fails so the caller can start over as GBK. Pure; no DOM (TextDecoder is in
 * browsers, workers and Node).
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

/** The encoding a file's first bytes announce (a byte-order mark), or null. */
export function bomEncoding(head: Uint8Array): Encoding | null {
	if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
	if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	return null;
}

function decoderFor(encoding: Encoding, fatal: boolean): TextDecoder {
	const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
	// the byte-order mark is dropped by the decoder (ignoreBOM false)
	return new TextDecoder(label, { fatal });
}

/**
 * Chunked decoding. Starts as the mark says, or as strict UTF-8; `push` returns null when the bytes
 * turn out not to be UTF-8 (the caller restarts with `new StreamDecoder('gbk')` from the first byte).
 */
export class StreamDecoder {
	encoding: Encoding | null;
	#decoder: TextDecoder | null = null;

	constructor(encoding: Encoding | null = null) {
		this.encoding = encoding;
	}

	push(chunk: Uint8Array, last = false): string | null {
		if (!this.#decoder) {
			this.encoding ??= bomEncoding(chunk) ?? 'utf-8';
			// strict only while guessing UTF-8; GBK and marked encodings replace bad bytes
			this.#decoder = decoderFor(this.encoding, this.encoding === 'utf-8');
		}
		try {
			return this.#decoder.decode(chunk, { stream: !last });
		} catch {
			return null;
		}
	}
}

/** Whole buffer → text and the encoding used. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: Encoding } {
	const first = new StreamDecoder();
	const text = first.push(bytes, true);
	if (text !== null) return { text, encoding: first.encoding ?? 'utf-8' };
	const gbk = new StreamDecoder('gbk');
	return { text: gbk.push(bytes, true) ?? '', encoding: 'gbk' };
}
