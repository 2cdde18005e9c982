/**
 * The one CSV writer for the dashboard: the public data files and every chart's "download CSV" use it.
 * RFC 4180 quoting (via d3-dsv), CRLF line ends, optional UTF-8 byte-order mark so spreadsheet apps
 * read Chinese text correctly, and spreadsheet-formula neutralisation of every cell.
 */
import { csvFormatRows } from 'd3-dsv';

/** Characters that make a spreadsheet treat a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Characters no cell should carry: C0 controls but tab and line breaks, DEL and C1 controls (a terminal
 * acts on them), bidirectional overrides and isolates, zero-width characters and marks, an inner BOM.
 */
const UNSAFE =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/g;

/** A cell without unsafe characters, with a single quote before what a spreadsheet would read as a formula. */
export function neutraliseCell(s: string): string {
	const clean = s.replace(UNSAFE, '');
	return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

export interface CsvOptions {
	/** Start with a UTF-8 byte-order mark (U+FEFF). Default false. */
	bom?: boolean;
}

/**
 * Rows (the first usually a header) → CSV text, each record ending in CRLF. Text cells are neutralised;
 * cells given as finite numbers are computed figures, not text, and are written as numbers (so a
 * negative difference stays a number in a spreadsheet).
 */
export function toCsv(rows: (string | number)[][], options: CsvOptions = {}): string {
	const cell = (c: string | number) =>
		typeof c === 'number' && Number.isFinite(c) ? String(c) : neutraliseCell(String(c));
	const lines = rows.map((row) => csvFormatRows([row.map(cell)]));
	return (options.bom ? '\uFEFF' : '') + lines.map((line) => `${line}\r\n`).join('');
}
