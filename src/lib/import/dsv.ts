/**
 * An incremental CSV/TSV reader: text goes in chunk by chunk (as a file streams in), rows come out as
 * arrays of cells. RFC 4180 quoting (delimiters, quotes and line breaks inside quoted cells), CR, LF and
 * CRLF line ends, a byte-order mark at the start, and a cap on the length of one cell so a runaway quote
 * or a 5 MB cell stops with a reason instead of eating memory. Rows are numbered as a spreadsheet numbers
 * them: the header is row 1, a blank line is a row too. Pure; no DOM.
 */

export type Delimiter = ',' | '\t' | ';';

export interface DsvOptions {
	delimiter: Delimiter;
	/** Longest cell accepted, in characters (default 100,000). */
	maxCell?: number;
	/** Most cells in one row (default 1,000). */
	maxColumns?: number;
}

export type DsvStop =
	| { reason: 'cellTooLong'; row: number; column: number; length: number }
	| { reason: 'tooManyColumns'; row: number; columns: number }
	| { reason: 'unclosedQuote'; row: number };

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Guesses the delimiter from the first line: the most frequent of tab, comma and semicolon outside quotes. */
export function sniffDelimiter(sample: string, fileName = ''): Delimiter {
	if (/\.tsv$|\.tab$/i.test(fileName)) return '\t';
	let line = '';
	let quoted = false;
	for (let i = 0; i < sample.length && i < 65_536; i++) {
		const c = sample[i];
		if (c === '"') quoted = !quoted;
		else if (!quoted && (c === '\n' || c === '\r')) {
			if (line.trim() !== '') break;
			line = '';
			continue;
		}
		if (!quoted) line += c;
	}
	const count = (ch: string) => line.split(ch).length - 1;
	const counts: [Delimiter, number][] = [
		[',', count(',')],
		['\t', count('\t')],
		[';', count(';')]
	];
	counts.sort((a, b) => b[1] - a[1]);
	return counts[0][1] > 0 ? counts[0][0] : ',';
}

/**
 * Feeds text in, calls `onRow(cells, rowNumber)` for each complete row. A row that is one empty cell
 * (a blank line) is reported with `cells = []`. After a stop (`stopped` set), further input is ignored.
 */
export class DsvReader {
	readonly delimiter: number;
	readonly maxCell: number;
	readonly maxColumns: number;
	stopped: DsvStop | null = null;
	/** Rows emitted so far (the next row's number is `rows + 1`). */
	rows = 0;

	#onRow: (cells: string[], row: number) => void;
	#cells: string[] = [];
	#cell = '';
	#cellLength = 0;
	#quoted = false;
	/** Just saw a quote inside a quoted cell: either the end or the first of a doubled quote. */
	#quoteSeen = false;
	/** Cell began with a quote. */
	#inQuotedCell = false;
	#afterCr = false;
	#started = false;
	#rowHasContent = false;

	constructor(options: DsvOptions, onRow: (cells: string[], row: number) => void) {
		this.delimiter = options.delimiter.charCodeAt(0);
		this.maxCell = options.maxCell ?? 100_000;
		this.maxColumns = options.maxColumns ?? 1_000;
		this.#onRow = onRow;
	}

	#endCell(): boolean {
		this.#cells.push(this.#cell);
		this.#cell = '';
		this.#cellLength = 0;
		this.#quoted = false;
		this.#inQuotedCell = false;
		this.#quoteSeen = false;
		if (this.#cells.length > this.maxColumns) {
			this.stopped = { reason: 'tooManyColumns', row: this.rows + 1, columns: this.#cells.length };
			return false;
		}
		return true;
	}

	#endRow(): void {
		if (!this.#endCell()) return;
		const cells = this.#cells;
		this.#cells = [];
		this.rows++;
		const blank = !this.#rowHasContent && cells.length === 1 && cells[0] === '';
		this.#rowHasContent = false;
		this.#onRow(blank ? [] : cells, this.rows);
	}

	#tooLong(): void {
		this.stopped = {
			reason: 'cellTooLong',
			row: this.rows + 1,
			column: this.#cells.length + 1,
			length: this.#cellLength
		};
	}

	feed(text: string): void {
		if (this.stopped) return;
		let i = 0;
		const n = text.length;
		if (!this.#started) {
			this.#started = true;
			if (text.charCodeAt(0) === 0xfeff) i = 1;
		}
		const delim = this.delimiter;
		const delimChar = String.fromCharCode(delim);
		const max = this.maxCell;
		// where the next delimiter, line feed, carriage return and quote are in this chunk (n: none),
		// found with the native indexOf and looked for again only once passed: a cell costs one search
		// for the next delimiter instead of a loop over its characters
		let nextDelim = -1;
		let nextLf = -1;
		let nextCr = -1;
		let nextQuote = -1;
		const after = (ch: string, from: number): number => {
			const at = text.indexOf(ch, from);
			return at < 0 ? n : at;
		};
		while (i < n) {
			if (this.#quoted) {
				// inside quotes: copy up to the next quote in one slice
				const q = text.indexOf('"', i);
				const end = q < 0 ? n : q;
				if (end > i) {
					if (this.#quoteSeen) {
						// a lone quote followed by text: the quoted part has ended (lenient)
						this.#quoted = false;
						this.#quoteSeen = false;
						continue;
					}
					this.#cellLength += end - i;
					if (this.#cellLength > max) return this.#tooLong();
					this.#cell += text.slice(i, end);
				}
				if (q < 0) return;
				if (this.#quoteSeen) {
					this.#cell += '"';
					this.#cellLength++;
					this.#quoteSeen = false;
				} else this.#quoteSeen = true;
				i = q + 1;
				// a quote followed by something other than a quote ends the quoted part
				if (this.#quoteSeen && i < n && text.charCodeAt(i) !== QUOTE) {
					this.#quoted = false;
					this.#quoteSeen = false;
				}
				continue;
			}
			const c = text.charCodeAt(i);
			if (this.#afterCr) {
				this.#afterCr = false;
				if (c === LF) {
					i++;
					continue;
				}
			}
			if (this.#cells.length === 0 && !this.#rowHasContent && c !== LF && c !== CR) {
				// at the start of a row: a whole line with no quote, inside this chunk and short enough, is
				// cut into cells straight away (one indexOf per cell, none of the per-cell bookkeeping)
				if (nextLf < i) nextLf = after('\n', i);
				if (nextCr < i) nextCr = after('\r', i);
				if (nextQuote < i) nextQuote = after('"', i);
				const end = nextLf < nextCr ? nextLf : nextCr;
				if (end < n && nextQuote > end && end - i <= max) {
					const cells: string[] = [];
					for (let a = i; ;) {
						if (nextDelim < a) nextDelim = after(delimChar, a);
						const b = nextDelim < end ? nextDelim : end;
						cells.push(text.slice(a, b));
						if (b === end) break;
						a = b + 1;
					}
					if (cells.length <= this.maxColumns) {
						this.rows++;
						this.#onRow(cells, this.rows);
						this.#afterCr = end === nextCr;
						i = end + 1;
						continue;
					}
					// too many cells: the line is read again cell by cell below (which says where it stops), so
					// the delimiter search starts again from the line's start, not from where the cutting ended
					nextDelim = -1;
				}
			}
			if (c === delim) {
				this.#rowHasContent = true;
				if (!this.#endCell()) return;
				i++;
			} else if (c === LF || c === CR) {
				this.#endRow();
				if (this.stopped) return;
				this.#afterCr = c === CR;
				i++;
			} else if (c === QUOTE && this.#cellLength === 0 && !this.#inQuotedCell) {
				this.#quoted = true;
				this.#inQuotedCell = true;
				this.#rowHasContent = true;
				i++;
			} else {
				// plain run up to the next delimiter, line end or quote; a quote in the middle of an unquoted
				// cell is kept as text
				let j = i + 1;
				if (c !== QUOTE) {
					if (nextDelim < j) nextDelim = after(delimChar, j);
					if (nextLf < j) nextLf = after('\n', j);
					if (nextCr < j) nextCr = after('\r', j);
					if (nextQuote < j) nextQuote = after('"', j);
					j = Math.min(nextDelim, nextLf, nextCr, nextQuote);
				}
				this.#cellLength += j - i;
				if (this.#cellLength > max) return this.#tooLong();
				this.#cell += text.slice(i, j);
				this.#rowHasContent = true;
				i = j;
			}
		}
	}

	/** Flushes the last row (a file need not end with a line break). */
	end(): void {
		if (this.stopped) return;
		if (this.#quoted && !this.#quoteSeen) {
			this.stopped = { reason: 'unclosedQuote', row: this.rows + 1 };
			return;
		}
		if (this.#cellLength > 0 || this.#cells.length > 0 || this.#inQuotedCell) this.#endRow();
	}
}

/** Whole text → rows (for tests and small files). Stops like the reader does. */
export function readDsv(text: string, options: DsvOptions): { rows: string[][]; stopped: DsvStop | null } {
	const rows: string[][] = [];
	const reader = new DsvReader(options, (cells) => rows.push(cells));
	reader.feed(text);
	reader.end();
	return { rows, stopped: reader.stopped };
}
