/**
 * One import, start to finish, without the DOM: files (bytes or text, streamed in chunks or whole) →
 * decoded text → rows → checked records → a packed Dataset, the problems, a preview and a summary. The
 * Web Worker drives it chunk by chunk from `File.stream()`; tests and the Node benchmark call
 * `importFiles` on whole buffers. Never throws on bad input: every failure is a problem in the result.
 */
import { validateDataset, type DataIssue } from '../data/schema';
import type { Dataset } from '../data/types';
import { DatasetBuilder, type BuildSummary, type RejectedRow } from './build';
import { fieldsOf, matchHeader, missingRequired, type FileKind, type Mapping } from './columns';
import { cleanText, dirtyText, MULTILINE } from './clean';
import {
	EncodingProbe,
	REPLACEMENT,
	SNIFF_BYTES,
	sniffHead,
	StreamDecoder,
	type Encoding,
	type Unreadable
} from './decode';
import { DsvReader, sniffDelimiter, type Delimiter } from './dsv';
import { readMeta, type MetaRead } from './meta';
import { type PackedDataset, unpackEvents } from './pack';
import type { Problem, ProblemCode } from './problems';

/** Files above this size are refused before reading (a browser tab would run out of memory). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Longest cell (CSV, TSV) or value (JSON) accepted. */
export const MAX_CELL = 100_000;
/** Most columns in one row (CSV, TSV) or distinct keys in the records (JSON). */
export const MAX_COLUMNS = 1_000;
/** Events checked in full by `validateDataset` (above this, an even sample; the builder checks every row). */
export const INTEGRITY_SAMPLE = 5_000;
const PREVIEW_ROWS = 8;

export type Format = 'csv' | 'tsv' | 'json';

export interface FileReport {
	kind: FileKind;
	name: string;
	size: number;
	format: Format;
	encoding: Encoding | null;
	header: string[];
	mapping: Mapping;
	/** Required field groups the mapping leaves unmapped (the file was not read past its header). */
	missing: string[];
	preview: string[][];
	/** 'row' for CSV/TSV (header = row 1), 'record' for JSON (first record = 1). */
	rowLabel: 'row' | 'record';
	/** Whole dataset given as JSON (its cities, categories… used as they are). */
	wholeDataset: boolean;
}

export interface ImportOutcome {
	files: FileReport[];
	/** null when nothing can be imported (a file-level error, or no valid row). */
	packed: PackedDataset | null;
	summary: BuildSummary | null;
	problems: Problem[];
	counts: Partial<Record<ProblemCode, number>>;
	errors: number;
	warnings: number;
	rejected: RejectedRow[];
	/** A problem with a file as a whole (not its rows): the reader must fix the file or its mapping. */
	fatal: boolean;
	/**
	 * The metadata a JSON file carried (our export's, or a datapackage.json's), checked; null when no file
	 * carried any. Bad metadata is listed in `issues` (and as a `badMeta` warning); the rows are kept.
	 */
	meta: MetaRead | null;
}

export interface FileSpec {
	kind: FileKind;
	name: string;
	size: number;
	/** A mapping the reader chose; otherwise the header is matched. */
	mapping?: Mapping;
	/** The encoding decided on (after a failed UTF-8 guess and a look at the whole file). */
	encoding?: Encoding;
	/** Only gather the evidence on the file's encoding (after a failed UTF-8 guess). */
	probe?: boolean;
	/** The file is not to be read: not text, or text in an encoding we do not read. */
	unreadable?: Unreadable;
}

export function formatOf(name: string, firstText: string): Format {
	if (/\.json$/i.test(name)) return 'json';
	if (/\.(tsv|tab)$/i.test(name)) return 'tsv';
	if (/\.(csv|txt)$/i.test(name)) return 'csv';
	const t = firstText.replace(/^\uFEFF/, '').trimStart();
	return t.startsWith('[') || t.startsWith('{') ? 'json' : 'csv';
}

/**
 * Thrown (and caught by the driver) when a file must be read again from its first byte with `change`
 * applied to its spec: after a failed UTF-8 guess, to look at the whole file's encoding; after that
 * look, to read it as decided (or not at all). A file is read at most three times.
 */
export class Reread extends Error {
	constructor(
		readonly fileIndex: number,
		readonly change: Partial<FileSpec>
	) {
		super('read the file again');
	}
}

/** For the drivers: applies a `Reread` to the specs and says whether to start again (false: rethrow). */
export function reread(specs: FileSpec[], e: unknown): boolean {
	if (!(e instanceof Reread)) return false;
	const spec = specs[e.fileIndex];
	// bounded: a file that is probed or decided is never sent back to be guessed again
	if (e.change.probe && (spec.probe || spec.encoding || spec.unreadable)) return false;
	specs[e.fileIndex] = { ...spec, ...e.change };
	return true;
}

/** A cell's problem found before the row is read (bad bytes, unsafe characters, a value too long). */
export interface CellNote {
	column: number;
	code: ProblemCode;
	value: string;
	params?: Record<string, string | number>;
}
const NO_NOTES: CellNote[] = [];

/** Where a JSON.parse error is, as line and column, from the engine's message (V8 and Firefox give it). */
export function jsonErrorAt(message: string, text: string): { line: number; column: number } | null {
	const lc = /line (\d+) column (\d+)/i.exec(message);
	if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
	const pos = /position (\d+)/i.exec(message);
	if (!pos) return null;
	const at = Math.min(Number(pos[1]), text.length);
	let line = 1;
	let start = 0;
	for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
		line++;
		start = i + 1;
	}
	return { line, column: at - start + 1 };
}

/** Strings inside a parsed value with unsafe characters taken out; `found` hears of each change. */
function cleanDeep(
	value: unknown,
	path: string,
	found: (path: string, text: string, removed: string) => void
): unknown {
	if (typeof value === 'string') {
		const multiline = /(title|note|description|reason)/.test(path);
		const c = cleanText(value, multiline);
		if (!c) return value;
		found(path, c.text, c.removed);
		return c.text;
	}
	if (Array.isArray(value))
		return value.map((v, i) => cleanDeep(v, path ? `${path}.${i}` : String(i), found));
	if (isObject(value))
		// fromEntries defines own properties: a key such as __proto__ stays a key
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, cleanDeep(v, path ? `${path}.${k}` : k, found)])
		);
	return value;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

const cellOf = (v: unknown): string =>
	v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

const has = (o: Record<string, unknown>, key: string): boolean => Object.hasOwn(o, key);

/**
 * A JSON record → flat cells by key: { title: { zh, en } } → title_zh, title_en; actors → actors_zh/_en.
 * A Map, so a key named after a built-in property (constructor, __proto__, toString) is just a key.
 */
export function flattenRecord(record: unknown): Map<string, string> {
	const out = new Map<string, string>();
	if (!isObject(record)) return out;
	for (const [key, value] of Object.entries(record)) {
		if (isObject(value) && has(value, 'zh') && has(value, 'en') && Object.keys(value).length === 2) {
			out.set(`${key}_zh`, cellOf(value.zh));
			out.set(`${key}_en`, cellOf(value.en));
		} else if (key === 'source' && isObject(value)) {
			for (const [k, v] of Object.entries(value)) out.set(`source_${k}`, cellOf(v));
		} else if (Array.isArray(value) && value.every((a) => isObject(a) && has(a, 'zh') && has(a, 'en'))) {
			out.set(`${key}_zh`, value.map((a) => cellOf((a as { zh: unknown }).zh)).join('; '));
			out.set(`${key}_en`, value.map((a) => cellOf((a as { en: unknown }).en)).join('; '));
		} else if (key === 'name' && isObject(value)) {
			out.set('name_zh', has(value, 'zh') ? cellOf(value.zh) : '');
			out.set('name_en', has(value, 'en') ? cellOf(value.en) : '');
		} else out.set(key, cellOf(value));
	}
	return out;
}

/** An own property of a parsed JSON object, never one inherited from Object.prototype. */
const own = (o: Record<string, unknown>, key: string): unknown => (has(o, key) ? o[key] : undefined);

/** future-industries.json lists → one flat record per item. */
function flattenLists(lists: unknown[]): Map<string, string>[] {
	const rows: Map<string, string>[] = [];
	for (const list of lists) {
		const items = isObject(list) ? own(list, 'items') : undefined;
		if (!isObject(list) || !Array.isArray(items)) {
			rows.push(flattenRecord(list));
			continue;
		}
		items.forEach((item, i) => {
			const it = isObject(item) ? item : {};
			const nameValue = own(it, 'name');
			const name = isObject(nameValue) ? nameValue : {};
			const tracksValue = own(it, 'tracks');
			const tracks = Array.isArray(tracksValue) ? tracksValue.filter(isObject) : [];
			const reason = (t: Record<string, unknown>, l: 'zh' | 'en') => {
				const r = own(t, 'reason');
				return isObject(r) ? cellOf(own(r, l)) : '';
			};
			rows.push(
				new Map([
					['cityId', cellOf(own(list, 'cityId'))],
					['position', String(i + 1)],
					['item_zh', cellOf(own(name, 'zh'))],
					['item_en', cellOf(own(name, 'en'))],
					['trackIds', tracks.map((t) => cellOf(own(t, 'trackId'))).join('; ')],
					['matches', tracks.map((t) => cellOf(own(t, 'match'))).join('; ')],
					['reasons_zh', tracks.map((t) => reason(t, 'zh')).join('; ')],
					['reasons_en', tracks.map((t) => reason(t, 'en')).join('; ')]
				])
			);
		});
	}
	return rows;
}

/**
 * An import in progress: call `begin(i)` for each file, `push` its bytes in order, `endFile()`, then
 * `finish()`. Throws `Reread` from `push`/`endFile` when a file must be read again from its start.
 */
export class ImportJob {
	readonly files: FileReport[] = [];
	builder: DatasetBuilder | null = null;
	#spec: FileSpec | null = null;
	#index = -1;
	#decoder: StreamDecoder | null = null;
	#probe: EncodingProbe | null = null;
	/** The first bytes, kept until there are enough to tell whether the file is text at all. */
	#head: Uint8Array[] | null = null;
	#headLength = 0;
	#reader: DsvReader | null = null;
	#json: string[] | null = null;
	#meta: MetaRead | null = null;
	#report: FileReport | null = null;
	#headerSeen = false;
	#skip = false;
	#fatal = false;
	/** The text read so far may hold cells to clean or report (every row is then looked at). */
	#dirty = false;
	/** A tab inside a cell is possible (not a TSV). */
	#tabsInCells = true;
	/** Per column: whether its field's text may run over lines. */
	#multiline: boolean[] = [];

	constructor(
		readonly specs: FileSpec[],
		readonly options: { id: string; version: string; maxProblems?: number }
	) {}

	#builder(base?: Dataset): DatasetBuilder {
		this.builder ??= new DatasetBuilder({
			id: this.options.id,
			version: this.options.version,
			maxProblems: this.options.maxProblems,
			...(base ? { base, includeAll: true } : {})
		});
		return this.builder;
	}

	/** Stops reading the current file with a problem about the file as a whole. */
	#refuse(code: ProblemCode, params: Record<string, string | number> = {}, row: number | null = null): void {
		this.#skip = true;
		this.#fatal = true;
		this.#builder().fileProblem(this.#spec!.kind, code, params, row);
	}

	begin(index: number): void {
		const spec = this.specs[index];
		this.#spec = spec;
		this.#index = index;
		this.#decoder = new StreamDecoder(spec.encoding ?? null);
		this.#probe = spec.probe ? new EncodingProbe() : null;
		// a file read again was sniffed the first time
		this.#head = spec.encoding || spec.probe ? null : [];
		this.#headLength = 0;
		this.#reader = null;
		this.#json = null;
		this.#headerSeen = false;
		this.#skip = false;
		this.#dirty = false;
		this.#tabsInCells = true;
		this.#multiline = [];
		this.#report = {
			kind: spec.kind,
			name: spec.name,
			size: spec.size,
			format: 'csv',
			// said only once the file is read
			encoding: null,
			header: [],
			mapping: {},
			missing: [],
			preview: [],
			rowLabel: 'row',
			wholeDataset: false
		};
		this.files.push(this.#report);
		if (spec.size > MAX_FILE_BYTES)
			this.#refuse('fileTooLarge', {
				size: Math.round(spec.size / 1048576),
				max: Math.round(MAX_FILE_BYTES / 1048576)
			});
		else if (spec.unreadable) this.#unreadable(spec.unreadable);
	}

	#unreadable(u: Unreadable): void {
		if (u.kind === 'binary')
			this.#refuse(u.format ? 'notText' : 'notTextUnknown', u.format ? { format: u.format } : {});
		else if (u.kind === 'unknownEncoding') this.#refuse('unknownEncoding');
		else if (u.encoding === 'UTF-16LE' || u.encoding === 'UTF-16BE') this.#refuse('utf16NoBom');
		else this.#refuse('unsupportedEncoding', { encoding: u.encoding });
	}

	/** Whether the current file's bytes are still wanted (false once it is refused). */
	get reading(): boolean {
		return !this.#skip;
	}

	/** Bytes of the current file, in order. */
	push(bytes: Uint8Array, last = false): void {
		if (this.#skip) return;
		if (this.#probe) {
			this.#probe.push(bytes, last);
			return;
		}
		if (this.#head) {
			// the first SNIFF_BYTES (or the whole file, if shorter) decide whether it is text at all
			if (this.#headLength === 0 && (bytes.length >= SNIFF_BYTES || last)) this.#head = null;
			else {
				this.#head.push(bytes);
				this.#headLength += bytes.length;
				if (this.#headLength < SNIFF_BYTES && !last) return;
				const head = new Uint8Array(this.#headLength);
				let at = 0;
				for (const part of this.#head) {
					head.set(part, at);
					at += part.length;
				}
				this.#head = null;
				bytes = head;
			}
			const unreadable = sniffHead(bytes.subarray(0, SNIFF_BYTES));
			if (unreadable) return this.#unreadable(unreadable);
		}
		const text = this.#decoder!.push(bytes, last);
		if (text === null) throw new Reread(this.#index, { probe: true });
		this.#report!.encoding = this.#decoder!.encoding;
		this.pushText(text);
	}

	/** Text of the current file, in order (for callers that decoded it already). */
	pushText(text: string): void {
		if (this.#skip || text === '') return;
		const report = this.#report!;
		const spec = this.#spec!;
		if (!this.#reader && !this.#json) {
			report.format = formatOf(spec.name, text);
			if (report.format === 'json') {
				report.rowLabel = 'record';
				this.#json = [];
			} else {
				const delimiter: Delimiter = report.format === 'tsv' ? '\t' : sniffDelimiter(text, spec.name);
				if (delimiter === '\t') report.format = 'tsv';
				this.#tabsInCells = delimiter !== '\t';
				this.#reader = new DsvReader(
					{ delimiter, maxCell: MAX_CELL, maxColumns: MAX_COLUMNS },
					(cells, row) => this.#row(cells, row)
				);
			}
		}
		if (this.#json) this.#json.push(text);
		else {
			// before the rows of this text are read: does it hold anything a cell may need cleaning of?
			if (!this.#dirty) this.#dirty = dirtyText(text, this.#tabsInCells);
			this.#reader!.feed(text);
			this.#checkStop();
		}
	}

	#checkStop(): void {
		const stop = this.#reader?.stopped;
		if (!stop || this.#skip) return;
		this.#skip = true;
		this.#fatal = true;
		const kind = this.#spec!.kind;
		const b = this.#builder();
		if (stop.reason === 'cellTooLong')
			b.fileProblem(
				kind,
				'cellTooLong',
				{ length: stop.length, max: MAX_CELL },
				stop.row,
				this.#report!.header[stop.column - 1] ?? `#${stop.column}`
			);
		else if (stop.reason === 'tooManyColumns')
			b.fileProblem(kind, 'tooManyColumns', { max: MAX_COLUMNS }, stop.row);
		else b.fileProblem(kind, 'unclosedQuote', {}, stop.row);
	}

	/**
	 * Cleans a row's cells in place and says what was found: bytes that could not be decoded (kept as
	 * U+FFFD, so the damage shows, and reported) and unsafe characters taken out (both warnings).
	 */
	#notes(cells: string[], notes: CellNote[] = []): CellNote[] {
		for (let i = 0; i < cells.length; i++) {
			const cell = cells[i];
			if (cell.includes(REPLACEMENT)) notes.push({ column: i, code: 'badBytes', value: cell });
			const c = cleanText(cell, this.#multiline[i] ?? false);
			if (c) {
				cells[i] = c.text;
				notes.push({ column: i, code: 'cleaned', value: c.text, params: { chars: c.removed } });
			}
		}
		return notes;
	}

	#header(raw: string[], row: number): void {
		const spec = this.#spec!;
		const report = this.#report!;
		const b = this.#builder();
		this.#headerSeen = true;
		const header = raw.slice();
		const notes = this.#dirty ? this.#notes(header) : NO_NOTES;
		report.header = header.map((h) => h.trim());
		for (const n of notes)
			b.fileProblem(spec.kind, n.code, n.params, row, report.header[n.column] || `#${n.column + 1}`, n.value);
		const matched = matchHeader(report.header, spec.kind);
		const mapping: Mapping = {};
		for (const f of fieldsOf(spec.kind)) {
			const given = spec.mapping && Object.hasOwn(spec.mapping, f) ? spec.mapping[f] : undefined;
			mapping[f] = given !== undefined && given < header.length ? given : matched[f];
		}
		report.mapping = mapping;
		this.#multiline = header.map(() => false);
		for (const f of MULTILINE) if ((mapping[f] ?? -1) >= 0) this.#multiline[mapping[f]] = true;
		report.missing = missingRequired(mapping, spec.kind);
		if (report.missing.length) {
			this.#refuse('missingColumns', { fields: report.missing.join(', ') }, row);
			return;
		}
		if (spec.kind === 'events' && mapping.month < 0 && mapping.date < 0)
			b.fileProblem(spec.kind, 'noMonthColumn', {}, row);
		b.startFile(spec.kind, report.header, mapping, spec.name, report.format !== 'json');
	}

	#row(cells: string[], row: number): void {
		if (this.#skip) return;
		if (!this.#headerSeen) {
			if (cells.length === 0 || cells.every((c) => c.trim() === '')) return;
			this.#header(cells, row);
			return;
		}
		const notes = this.#dirty && cells.length > 0 ? this.#notes(cells) : NO_NOTES;
		const report = this.#report!;
		if (report.preview.length < PREVIEW_ROWS && cells.length > 0) report.preview.push(cells);
		this.builder!.addRow(cells, row, notes);
	}

	#jsonEnd(): void {
		const spec = this.#spec!;
		const report = this.#report!;
		const text = this.#json!.join('').replace(/^\uFEFF/, '');
		this.#json = null;
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (e) {
			const message = e instanceof Error ? e.message : String(e);
			const at = jsonErrorAt(message, text);
			if (at) this.#refuse('badJson', at);
			else this.#refuse(/end/i.test(message) || text.trim() === '' ? 'badJsonEnd' : 'badJsonUnplaced');
			return;
		}
		this.#dirty = dirtyText(text, true);
		let records: Map<string, string>[] | null = null;
		const part = (key: string): unknown => (isObject(value) ? own(value, key) : undefined);
		// the file's own metadata (our export's `meta`, a datapackage.json's title, sources, licences)
		const meta = readMeta(value, spec.name);
		if (meta.origin) this.#meta = meta;
		const events = part('events');
		if (spec.kind === 'events' && Array.isArray(events) && Array.isArray(part('cities'))) {
			// a whole dataset (our JSON export): its collections as they are, its events checked row by row
			const cleaned = (key: string, fallback?: unknown[]): unknown => {
				const v = part(key) ?? fallback;
				return this.#dirty
					? cleanDeep(v, key, (path, t, removed) =>
							this.#builder().fileProblem(spec.kind, 'cleaned', { chars: removed }, null, path, t)
						)
					: v;
			};
			const check = validateDataset({
				id: 'import',
				version: '1',
				clusters: cleaned('clusters'),
				cities: cleaned('cities'),
				categories: cleaned('categories'),
				tracks: cleaned('tracks', []),
				futureIndustries: cleaned('futureIndustries', []),
				events: []
			});
			if (!check.ok) {
				this.#skip = true;
				this.#fatal = true;
				const b = this.#builder();
				for (const issue of check.issues.slice(0, 200)) datasetIssue(b, spec.kind, issue);
				return;
			}
			if (this.builder && !this.builder.options.includeAll) {
				this.#refuse('jsonShape');
				return;
			}
			this.#builder(check.dataset);
			report.wholeDataset = true;
			records = events.map(flattenRecord);
		} else if (Array.isArray(events) && spec.kind === 'events') {
			records = events.map(flattenRecord);
		} else if (Array.isArray(value)) {
			records = spec.kind === 'futures' ? flattenLists(value) : value.map(flattenRecord);
		} else if (Array.isArray(part('futureIndustries')) && spec.kind === 'futures') {
			records = flattenLists(part('futureIndustries') as unknown[]);
		}
		if (!records) {
			this.#refuse('jsonShape');
			return;
		}
		// bad metadata is said once the rows' builder is set up: the rows are kept, the form asks again
		for (const issue of meta.issues.slice(0, 20))
			this.#builder().fileProblem(
				spec.kind,
				'badMeta',
				{ field: issue.field, rule: issue.rule },
				null,
				`meta.${issue.field}`,
				''
			);
		const header: string[] = [];
		const seen = new Set<string>();
		for (const r of records)
			for (const k of r.keys())
				if (!seen.has(k)) {
					seen.add(k);
					header.push(k);
				}
		if (header.length > MAX_COLUMNS) {
			this.#refuse('tooManyColumns', { max: MAX_COLUMNS });
			return;
		}
		const longKey = header.findIndex((k) => k.length > MAX_CELL);
		if (longKey >= 0) {
			this.#refuse('valueTooLong', { length: header[longKey].length, max: MAX_CELL });
			return;
		}
		this.#header(header, 0);
		if (this.#skip) return;
		records.forEach((r, i) => {
			const notes: CellNote[] = [];
			const cells = header.map((h, column) => {
				const cell = r.get(h) ?? '';
				if (cell.length <= MAX_CELL) return cell;
				// a value over the limit is neither kept nor shown in full: the record is left out
				notes.push({
					column,
					code: 'valueTooLong',
					value: cell,
					params: { length: cell.length, max: MAX_CELL }
				});
				return cell.slice(0, 200) + '…';
			});
			if (this.#dirty) this.#notes(cells, notes);
			if (report.preview.length < PREVIEW_ROWS) report.preview.push(cells);
			this.builder!.addRow(cells, i + 1, notes);
		});
	}

	endFile(): void {
		if (this.#probe) {
			const d = this.#probe.decide();
			throw new Reread(
				this.#index,
				'unreadable' in d
					? { probe: false, unreadable: d.unreadable }
					: { probe: false, encoding: d.encoding }
			);
		}
		if (!this.#skip) {
			if (this.#head) this.push(new Uint8Array(0), true);
			else {
				const tail = this.#decoder!.push(new Uint8Array(0), true);
				if (tail === null) throw new Reread(this.#index, { probe: true });
				if (tail) this.pushText(tail);
			}
		}
		if (this.#json && !this.#skip) this.#jsonEnd();
		else if (this.#reader && !this.#skip) {
			this.#reader.end();
			this.#checkStop();
		}
		if (!this.#skip && !this.#headerSeen) this.#refuse(this.#reader || this.#json ? 'noHeader' : 'emptyFile');
	}

	finish(): ImportOutcome {
		const b = this.#builder();
		const base = { files: this.files, rejected: b.rejected };
		const result = this.#fatal ? null : b.finish();
		if (result && result.summary.events === 0 && result.summary.lists === 0) {
			b.fileProblem('events', 'noRows', {});
		}
		let packed = result && (result.summary.events > 0 || result.summary.lists > 0) ? result.packed : null;
		if (packed) {
			const meta = this.#meta?.meta ?? null;
			if (meta) packed = { ...packed, meta };
			// events name the part of a combined dataset they came from only where the metadata lists it
			const from = packed.events.from;
			if (from) {
				const parts = new Set((meta?.parts ?? []).map((p) => p.id));
				const { text, offsets } = packed.events;
				for (let i = 0; i < packed.events.count; i++)
					if (from[i] !== 0 && !parts.has(text.slice(offsets[from[i]], offsets[from[i] + 1]))) from[i] = 0;
			}
		}
		if (packed) {
			const issues = integrity(packed);
			if (issues.length) {
				for (const issue of issues.slice(0, 200)) datasetIssue(b, 'events', issue);
				packed = null;
			}
		}
		return {
			...base,
			packed,
			summary: result?.summary ?? null,
			problems: b.problems.list,
			counts: b.problems.counts,
			errors: b.problems.errors,
			warnings: b.problems.warnings,
			fatal: this.#fatal || packed === null,
			meta: this.#meta
		};
	}
}

function datasetIssue(b: DatasetBuilder, kind: FileKind, issue: DataIssue): void {
	// worded by the page from its own catalogue (`rule`); the schema's English reason is not shown
	b.fileProblem(
		kind,
		'datasetIssue',
		{ file: issue.file, record: issue.recordId ?? '—', field: issue.field || '—', rule: issue.rule },
		null,
		issue.field || null,
		issue.recordId ?? ''
	);
}

/**
 * The dataset's integrity by the same `validateDataset` that guards the built-in data: every small
 * collection in full, and the events in full up to INTEGRITY_SAMPLE, an even sample beyond (the builder
 * has checked every row, the groups and the references already).
 */
export function integrity(packed: PackedDataset): DataIssue[] {
	const n = packed.events.count;
	let indices: number[] | undefined;
	if (n > INTEGRITY_SAMPLE) {
		indices = [];
		const step = n / INTEGRITY_SAMPLE;
		for (let k = 0; k < INTEGRITY_SAMPLE; k++) indices.push(Math.floor(k * step));
	}
	let events = unpackEvents(packed.events, indices);
	// a sample can hold one member of a group; groups were checked whole by the builder
	if (indices) events = events.map((e) => (e.groupId === null ? e : { ...e, groupId: null }));
	const result = validateDataset({ ...packed, events });
	return result.ok ? [] : result.issues;
}

export interface InputFile {
	kind: FileKind;
	name: string;
	bytes: Uint8Array;
	mapping?: Mapping;
}

/** Whole buffers → outcome (Node, tests, benchmark). Streams each buffer through in 1 MB chunks. */
export function importFiles(
	inputs: InputFile[],
	options: { id?: string; version?: string; maxProblems?: number; chunk?: number } = {}
): ImportOutcome {
	const specs: FileSpec[] = inputs.map((f) => ({
		kind: f.kind,
		name: f.name,
		size: f.bytes.length,
		...(f.mapping ? { mapping: f.mapping } : {})
	}));
	const chunk = options.chunk ?? 1 << 20;
	for (;;) {
		const job = new ImportJob(specs, {
			id: options.id ?? 'import',
			version: options.version ?? '1',
			maxProblems: options.maxProblems
		});
		try {
			inputs.forEach((f, i) => {
				job.begin(i);
				for (let at = 0; at < f.bytes.length; at += chunk) job.push(f.bytes.subarray(at, at + chunk));
				job.endFile();
			});
			return job.finish();
		} catch (e) {
			if (!reread(specs, e)) throw e;
		}
	}
}

/** Text → outcome, for tests that start from strings. */
export function importText(
	text: string,
	name = 'events.csv',
	kind: FileKind = 'events',
	mapping?: Mapping
): ImportOutcome {
	return importFiles([
		{ kind, name, bytes: new TextEncoder().encode(text), ...(mapping ? { mapping } : {}) }
	]);
}
