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
import { StreamDecoder, type Encoding } from './decode';
import { DsvReader, sniffDelimiter, type Delimiter } from './dsv';
import { type PackedDataset, unpackEvents } from './pack';
import type { Problem, ProblemCode } from './problems';

/** Files above this size are refused before reading (a browser tab would run out of memory). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Longest cell accepted. */
export const MAX_CELL = 100_000;
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
}

export interface FileSpec {
	kind: FileKind;
	name: string;
	size: number;
	/** A mapping the reader chose; otherwise the header is matched. */
	mapping?: Mapping;
	/** Forced encoding (after a failed UTF-8 guess). */
	encoding?: Encoding;
}

export function formatOf(name: string, firstText: string): Format {
	if (/\.json$/i.test(name)) return 'json';
	if (/\.(tsv|tab)$/i.test(name)) return 'tsv';
	if (/\.(csv|txt)$/i.test(name)) return 'csv';
	const t = firstText.replace(/^\uFEFF/, '').trimStart();
	return t.startsWith('[') || t.startsWith('{') ? 'json' : 'csv';
}

/** Thrown (and caught by the driver) when a file turns out not to be UTF-8: start again as GBK. */
export class NotUtf8 extends Error {
	constructor(readonly fileIndex: number) {
		super('not UTF-8');
	}
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

const cellOf = (v: unknown): string =>
	v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** A JSON record → flat cells: { title: { zh, en } } → title_zh, title_en; actors → actors_zh/_en. */
export function flattenRecord(record: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (!isObject(record)) return out;
	for (const [key, value] of Object.entries(record)) {
		if (isObject(value) && 'zh' in value && 'en' in value && Object.keys(value).length === 2) {
			out[`${key}_zh`] = cellOf(value.zh);
			out[`${key}_en`] = cellOf(value.en);
		} else if (key === 'source' && isObject(value)) {
			for (const [k, v] of Object.entries(value)) out[`source_${k}`] = cellOf(v);
		} else if (Array.isArray(value) && value.every((a) => isObject(a) && 'zh' in a && 'en' in a)) {
			out[`${key}_zh`] = value.map((a) => cellOf((a as { zh: unknown }).zh)).join('; ');
			out[`${key}_en`] = value.map((a) => cellOf((a as { en: unknown }).en)).join('; ');
		} else if (key === 'name' && isObject(value)) {
			out.name_zh = cellOf(value.zh);
			out.name_en = cellOf(value.en);
		} else out[key] = cellOf(value);
	}
	return out;
}

/** future-industries.json lists → one flat record per item. */
function flattenLists(lists: unknown[]): Record<string, string>[] {
	const rows: Record<string, string>[] = [];
	for (const list of lists) {
		if (!isObject(list) || !Array.isArray(list.items)) {
			rows.push(flattenRecord(list));
			continue;
		}
		list.items.forEach((item, i) => {
			const it = isObject(item) ? item : {};
			const name = isObject(it.name) ? it.name : {};
			const tracks = Array.isArray(it.tracks) ? it.tracks.filter(isObject) : [];
			const reason = (t: Record<string, unknown>, l: 'zh' | 'en') =>
				isObject(t.reason) ? cellOf(t.reason[l]) : '';
			rows.push({
				cityId: cellOf(list.cityId),
				position: String(i + 1),
				item_zh: cellOf(name.zh),
				item_en: cellOf(name.en),
				trackIds: tracks.map((t) => cellOf(t.trackId)).join('; '),
				matches: tracks.map((t) => cellOf(t.match)).join('; '),
				reasons_zh: tracks.map((t) => reason(t, 'zh')).join('; '),
				reasons_en: tracks.map((t) => reason(t, 'en')).join('; ')
			});
		});
	}
	return rows;
}

/**
 * An import in progress: call `begin(i)` for each file, `push` its bytes in order, `endFile()`, then
 * `finish()`. Throws `NotUtf8` from `push`/`endFile` when a file must be read again as GBK.
 */
export class ImportJob {
	readonly files: FileReport[] = [];
	builder: DatasetBuilder | null = null;
	#spec: FileSpec | null = null;
	#index = -1;
	#decoder: StreamDecoder | null = null;
	#reader: DsvReader | null = null;
	#json: string[] | null = null;
	#report: FileReport | null = null;
	#headerSeen = false;
	#skip = false;
	#fatal = false;

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

	begin(index: number): void {
		const spec = this.specs[index];
		this.#spec = spec;
		this.#index = index;
		this.#decoder = new StreamDecoder(spec.encoding ?? null);
		this.#reader = null;
		this.#json = null;
		this.#headerSeen = false;
		this.#skip = false;
		this.#report = {
			kind: spec.kind,
			name: spec.name,
			size: spec.size,
			format: 'csv',
			encoding: spec.encoding ?? null,
			header: [],
			mapping: {},
			missing: [],
			preview: [],
			rowLabel: 'row',
			wholeDataset: false
		};
		this.files.push(this.#report);
		if (spec.size > MAX_FILE_BYTES) {
			this.#skip = true;
			this.#fatal = true;
			this.#builder().fileProblem(spec.kind, 'fileTooLarge', {
				size: Math.round(spec.size / 1048576),
				max: Math.round(MAX_FILE_BYTES / 1048576)
			});
		}
	}

	/** Bytes of the current file, in order. */
	push(bytes: Uint8Array, last = false): void {
		if (this.#skip) return;
		const text = this.#decoder!.push(bytes, last);
		if (text === null) throw new NotUtf8(this.#index);
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
				this.#reader = new DsvReader({ delimiter, maxCell: MAX_CELL }, (cells, row) => this.#row(cells, row));
			}
		}
		if (this.#json) this.#json.push(text);
		else {
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
			b.fileProblem(kind, 'tooManyColumns', { columns: stop.columns }, stop.row);
		else b.fileProblem(kind, 'unclosedQuote', {}, stop.row);
	}

	#header(header: string[], row: number): void {
		const spec = this.#spec!;
		const report = this.#report!;
		this.#headerSeen = true;
		report.header = header.map((h) => h.trim());
		const matched = matchHeader(report.header, spec.kind);
		const mapping: Mapping = {};
		for (const f of fieldsOf(spec.kind)) {
			const given = spec.mapping?.[f];
			mapping[f] = given !== undefined && given < header.length ? given : matched[f];
		}
		report.mapping = mapping;
		report.missing = missingRequired(mapping, spec.kind);
		const b = this.#builder();
		if (report.missing.length) {
			this.#skip = true;
			this.#fatal = true;
			b.fileProblem(spec.kind, 'missingColumns', { fields: report.missing.join(', ') }, row);
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
		const report = this.#report!;
		if (report.preview.length < PREVIEW_ROWS && cells.length > 0) report.preview.push(cells);
		this.builder!.addRow(cells, row);
	}

	#jsonEnd(): void {
		const spec = this.#spec!;
		const report = this.#report!;
		const text = this.#json!.join('');
		this.#json = null;
		let value: unknown;
		try {
			value = JSON.parse(text.replace(/^\uFEFF/, ''));
		} catch (e) {
			this.#fatal = true;
			this.#builder().fileProblem(spec.kind, 'badJson', { message: (e as Error).message.slice(0, 200) });
			return;
		}
		let records: Record<string, string>[] | null = null;
		if (
			spec.kind === 'events' &&
			isObject(value) &&
			Array.isArray(value.events) &&
			Array.isArray(value.cities)
		) {
			// a whole dataset (our JSON export): its collections as they are, its events checked row by row
			const check = validateDataset({
				id: 'import',
				version: '1',
				clusters: value.clusters,
				cities: value.cities,
				categories: value.categories,
				tracks: value.tracks ?? [],
				futureIndustries: value.futureIndustries ?? [],
				events: []
			});
			if (!check.ok) {
				this.#fatal = true;
				const b = this.#builder();
				for (const issue of check.issues.slice(0, 200)) datasetIssue(b, spec.kind, issue);
				return;
			}
			if (this.builder && !this.builder.options.includeAll) {
				this.#fatal = true;
				this.builder.fileProblem(spec.kind, 'jsonShape', {});
				return;
			}
			this.#builder(check.dataset);
			report.wholeDataset = true;
			records = value.events.map(flattenRecord);
		} else if (isObject(value) && Array.isArray(value.events) && spec.kind === 'events') {
			records = value.events.map(flattenRecord);
		} else if (Array.isArray(value)) {
			records = spec.kind === 'futures' ? flattenLists(value) : value.map(flattenRecord);
		} else if (isObject(value) && Array.isArray(value.futureIndustries) && spec.kind === 'futures') {
			records = flattenLists(value.futureIndustries);
		}
		if (!records) {
			this.#fatal = true;
			this.#builder().fileProblem(spec.kind, 'jsonShape', {});
			return;
		}
		const header: string[] = [];
		const seen = new Set<string>();
		for (const r of records)
			for (const k of Object.keys(r))
				if (!seen.has(k)) {
					seen.add(k);
					header.push(k);
				}
		this.#header(header, 0);
		if (this.#skip) return;
		records.forEach((r, i) => {
			const cells = header.map((h) => r[h] ?? '');
			if (report.preview.length < PREVIEW_ROWS) report.preview.push(cells);
			this.builder!.addRow(cells, i + 1);
		});
	}

	endFile(): void {
		if (!this.#skip) {
			const tail = this.#decoder!.push(new Uint8Array(0), true);
			if (tail === null) throw new NotUtf8(this.#index);
			if (tail) this.pushText(tail);
		}
		if (this.#json && !this.#skip) this.#jsonEnd();
		else if (this.#reader && !this.#skip) {
			this.#reader.end();
			this.#checkStop();
		}
		if (!this.#skip && !this.#headerSeen) {
			this.#fatal = true;
			this.#builder().fileProblem(
				this.#spec!.kind,
				this.#reader || this.#json ? 'noHeader' : 'emptyFile',
				{}
			);
		}
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
			fatal: this.#fatal || packed === null
		};
	}
}

function datasetIssue(b: DatasetBuilder, kind: FileKind, issue: DataIssue): void {
	b.fileProblem(
		kind,
		'datasetIssue',
		{ file: issue.file, record: issue.recordId ?? '—', field: issue.field || '—', reason: issue.reason },
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
			if (!(e instanceof NotUtf8) || specs[e.fileIndex].encoding === 'gbk') throw e;
			specs[e.fileIndex] = { ...specs[e.fileIndex], encoding: 'gbk' };
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
