/**
 * Rows → a Dataset, one row at a time, so a file of a million rows is checked as it streams in and only
 * the accepted events are kept (packed into typed columns, see `pack.ts`). Each row is read cell by cell
 * (`values.ts`), every problem is logged with its row, column and value (`problems.ts`), and only a row
 * with no error is added — its city and category are resolved or created only then (`registry.ts`).
 * Checks that span rows (duplicate ids and rows, groups, list positions) run as rows arrive or at the end.
 * Pure; no DOM.
 */
import { builtinDataset } from '../data/builtin';
import type {
	Category,
	City,
	Cluster,
	Dataset,
	EventKind,
	FutureIndustryItem,
	FutureIndustryList,
	I18nText,
	MatchStrength,
	SourceSection
} from '../data/types';
import { EVENT_FIELDS, type EventField, type FileKind, type Mapping } from './columns';
import { EventPacker, type EventFields, type PackedDataset, PACK_FORMAT } from './pack';
import { ProblemLog, severityOf, type ProblemCode } from './problems';
import { IMPORTED_REASON, insideChina, Registry, type CityInfo } from './registry';
import { GrowingF64, GrowingU32, HashIndex, StringIndex, StringMap } from './tables';
import {
	BAD,
	halfWidth,
	hasCjk,
	isNationalName,
	readKind,
	readMatch,
	readNumber,
	readPositive,
	readScope,
	readSection,
	readWhen,
	readYear,
	remembering,
	rowHash,
	splitList,
	type When
} from './values';

/** Rows kept for the rejected-rows report (beyond this they are only counted). */
const MAX_REJECTED = 20_000;

export interface RejectedRow {
	file: FileKind;
	row: number;
	cells: string[];
}

export interface BuildOptions {
	/** Records names resolve against (default: the built-in dataset). */
	base?: Dataset;
	/** Put every base record in the result (a whole dataset given as JSON), not only those used. */
	includeAll?: boolean;
	id?: string;
	version?: string;
	/** Most problems kept in full (the rest are counted). */
	maxProblems?: number;
}

export interface BuildSummary {
	events: number;
	lists: number;
	rows: Record<FileKind, number>;
	accepted: Record<FileKind, number>;
	rejected: Record<FileKind, number>;
	duplicates: Record<FileKind, number>;
	blank: Record<FileKind, number>;
	/** Cities no known city matched, created from what the file gives (the reader decides on each). */
	newCities: (NewRecord & { mapped: boolean })[];
	/** Fields (categories) no known field matched, created likewise. */
	newCategories: NewRecord[];
	years: number[];
	/** The records the file's values were matched against: what an unknown value may be mapped to. */
	known: { cities: City[]; categories: Category[]; clusters: Cluster[] };
}

/** A record the import created for a value it did not know, and the rows that use it. */
export interface NewRecord {
	id: string;
	name: I18nText;
	/** The value as the file gives it (an id or a name). */
	value: string;
	/** Accepted rows that use it, per file. */
	rows: Record<FileKind, number>;
	/** The first few of those rows (file row numbers, as problems give them). */
	sample: { file: FileKind; row: number }[];
}

/** Rows named per new record in `NewRecord.sample`. */
const SAMPLE_ROWS = 5;

interface Usage {
	rows: Record<FileKind, number>;
	sample: { file: FileKind; row: number }[];
}

export interface BuildResult {
	packed: PackedDataset;
	summary: BuildSummary;
}

/** A formula-neutralising quote put in by a CSV export (`'=…`) is taken off again on import. */
const NEUTRALISED = /^'[=+\-@\t\r]/;

type Getter = (field: string) => string;

const ok = (w: When | null | typeof BAD): When | null => (w === BAD ? null : w);

/** The cell readers for columns that repeat a few values down a file, remembering their answers. */
function cellReaders() {
	return {
		year: remembering(readYear),
		when: remembering(readWhen),
		kind: remembering(readKind),
		scope: remembering(readScope),
		section: remembering(readSection)
	};
}

/** Column index of each event field in the current file (-1: not in the file). */
type EventColumns = Record<EventField, number>;

function eventColumns(mapping: Mapping): EventColumns {
	const columns = {} as EventColumns;
	for (const f of EVENT_FIELDS) columns[f] = mapping[f] ?? -1;
	return columns;
}

const NO_ACTORS: readonly string[] = [];

/**
 * What an earlier row's city or category cell led to, keyed by the cell: the names given beside it in
 * that row, whether it names the whole country, and the record it resolved to (once a row was accepted).
 * A row that gives the same cell and names then costs one look-up; anything else takes the full path.
 */
interface Remembered {
	zh: string;
	en: string;
	national: boolean;
	id: string | undefined;
}
/** Distinct city or category cells remembered (beyond this, rows take the full path). */
const REMEMBER = 100_000;

/** Both languages of a text from its _zh, _en and one-language columns; '' where none is given. */
function bilingual(zh: string, en: string, either: string): I18nText {
	let z = zh.trim();
	let e = en.trim();
	const x = either.trim();
	if (x && !z && hasCjk(x)) z = x;
	if (x && !e && !hasCjk(x)) e = x;
	if (x && !z && !e) z = e = x;
	return { zh: z || e || x, en: e || z || x };
}

export class DatasetBuilder {
	readonly registry: Registry;
	readonly problems: ProblemLog;
	readonly rejected: RejectedRow[] = [];
	readonly packer = new EventPacker(4096);
	readonly summary: BuildSummary = {
		events: 0,
		lists: 0,
		rows: { events: 0, futures: 0 },
		accepted: { events: 0, futures: 0 },
		rejected: { events: 0, futures: 0 },
		duplicates: { events: 0, futures: 0 },
		blank: { events: 0, futures: 0 },
		newCities: [],
		newCategories: [],
		years: [],
		known: { cities: [], categories: [], clusters: [] }
	};
	readonly options: Required<Omit<BuildOptions, 'base'>> & { base: Dataset };

	/** Per accepted event: its row in the file and a hash of its cells. */
	#rowOf = new GrowingU32(4096);
	#hashOf = new GrowingF64(4096);
	/** Accepted events by their given id, and (those without an id) by their row hash. */
	#idIndex = new StringIndex((event) => this.packer.idOf(event));
	#hashIndex = new HashIndex(this.#hashOf);
	#read = cellReaders();
	#cityByCell = new StringMap<Remembered>();
	#categoryByCell = new StringMap<Remembered>();
	/** The accepted event being written (one record, refilled row after row). */
	#fields: EventFields = {
		id: '',
		cityId: null,
		national: false,
		categoryId: '',
		year: 0,
		before: null,
		month: null,
		monthEnd: null,
		kind: 'other',
		actorsZh: NO_ACTORS,
		actorsEn: NO_ACTORS,
		document: null,
		documentEn: null,
		titleZh: '',
		titleEn: '',
		noteZh: null,
		noteEn: null,
		groupId: null,
		commentary: false,
		heading: '',
		bullet: null,
		from: null
	};
	/** Cells of grouped rows, in case the group check at the end rejects them. */
	#groupCells = new Map<number, string[]>();
	#groups = new Map<string, number[]>();
	#years = new Set<number>();

	#lists = new Map<string, { position: number; row: number; item: FutureIndustryItem }[]>();
	#futureHashes = new Set<number>();
	/** Rows using each created city and category (keyed by the created id). */
	#cityUse = new Map<string, Usage>();
	#categoryUse = new Map<string, Usage>();

	/** Notes that `row` uses `id`, when `id` is a record the import created. */
	#use(uses: Map<string, Usage>, given: Map<string, string>, id: string, row: number): void {
		if (!given.has(id)) return;
		let u = uses.get(id);
		if (!u) uses.set(id, (u = { rows: { events: 0, futures: 0 }, sample: [] }));
		u.rows[this.#kind]++;
		if (u.sample.length < SAMPLE_ROWS) u.sample.push({ file: this.#kind, row });
	}

	// current file
	#kind: FileKind = 'events';
	#mapping: Mapping = {};
	#columns: EventColumns = eventColumns({});
	#header: string[] = [];
	#fileName = '';
	#unquote = true;
	#rowErrors = 0;
	/** Errors the reader found in the current row's cells before it was read (bad bytes, a value too long). */
	#noteErrors = 0;
	#cells: string[] = [];
	/** The current row's cell for a field ('' when unmapped or absent); one function for all rows. */
	#get: Getter = (field) => {
		const i = this.#mapping[field] ?? -1;
		const cells = this.#cells;
		if (i < 0 || i >= cells.length) return '';
		const v = cells[i];
		return this.#unquote && v.charCodeAt(0) === 39 && NEUTRALISED.test(v) ? v.slice(1) : v;
	};

	constructor(options: BuildOptions = {}) {
		const base = options.base ?? builtinDataset;
		this.options = {
			base,
			includeAll: options.includeAll ?? false,
			id: options.id ?? 'import',
			version: options.version ?? '1',
			maxProblems: options.maxProblems ?? 2_000
		};
		this.registry = new Registry(base, this.options.includeAll);
		this.problems = new ProblemLog(this.options.maxProblems);
	}

	/** Starts a file: its kind, header (for column names in problems) and column mapping. */
	startFile(kind: FileKind, header: string[], mapping: Mapping, fileName: string, fromCsv = true): void {
		this.#kind = kind;
		this.#header = header;
		this.#mapping = mapping;
		this.#columns = eventColumns(mapping);
		this.#fileName = fileName;
		this.#unquote = fromCsv;
	}

	#column(field: string): string {
		const i = this.#mapping[field] ?? -1;
		return i >= 0 ? (this.#header[i] ?? field) : field;
	}

	#problem(
		row: number,
		field: string,
		value: string,
		code: ProblemCode,
		params?: Record<string, string | number>
	) {
		this.problems.add(this.#kind, row, field ? this.#column(field) : null, value, code, params);
		if (severityOf(code) === 'error') this.#rowErrors++;
	}

	#reject(row: number, cells: string[]): void {
		this.summary.rejected[this.#kind]++;
		if (this.rejected.length < MAX_REJECTED) this.rejected.push({ file: this.#kind, row, cells });
	}

	/**
	 * One data row (not the header). A blank row (`[]` or all cells blank) is counted and skipped.
	 * `notes`: what the reader found in its cells by column (logged here; an error leaves the row out).
	 */
	addRow(
		cells: string[],
		row: number,
		notes: readonly {
			column: number;
			code: ProblemCode;
			value: string;
			params?: Record<string, string | number>;
		}[] = []
	): void {
		this.summary.rows[this.#kind]++;
		this.#noteErrors = 0;
		for (const n of notes) {
			this.problems.add(
				this.#kind,
				row,
				this.#header[n.column] || `#${n.column + 1}`,
				n.value,
				n.code,
				n.params
			);
			if (severityOf(n.code) === 'error') this.#noteErrors++;
		}
		if (cells.length === 0 || cells.every((c) => c.trim() === '')) {
			this.summary.blank[this.#kind]++;
			return;
		}
		if (this.#kind === 'events') this.#eventRow(cells, row);
		else this.#futureRow(cells, row);
	}

	#cityInfo(get: Getter, row: number): CityInfo {
		const [lat, lon] = this.#coordinates(get, row);
		return this.#cityRest(get('cityId').trim(), get('city_zh').trim(), get('city_en').trim(), lat, lon);
	}

	/** The current row's cell in column `i` ('' when the file has no such column or the row is short). */
	#at(i: number): string {
		const cells = this.#cells;
		if (i < 0 || i >= cells.length) return '';
		const v = cells[i];
		return this.#unquote && v.charCodeAt(0) === 39 && NEUTRALISED.test(v) ? v.slice(1) : v;
	}

	/**
	 * One event row, checked cell by cell in a fixed order (so problems are listed as before), by column
	 * index rather than by field name, with the readers that remember repeated cells. An accepted row is
	 * written straight into the packed columns.
	 */
	#eventRow(cells: string[], row: number): void {
		this.#cells = cells;
		const c = this.#columns;
		const read = this.#read;
		const get = this.#get;
		this.#rowErrors = this.#noteErrors;
		const hash = rowHash(cells);
		const idCell = this.#at(c.id);
		const givenId = idCell === '' ? '' : halfWidth(idCell);

		// duplicates: the same id (or, without ids, the same cells) seen in an accepted row
		const seen = givenId ? this.#idIndex.get(givenId) : this.#hashIndex.get(hash);
		if (seen >= 0) {
			if (this.#hashOf.data[seen] === hash) {
				this.summary.duplicates.events++;
				this.#problem(row, givenId ? 'id' : '', givenId, 'duplicateRow', { first: this.#rowOf.data[seen] });
				return;
			}
			this.#problem(row, 'id', givenId, 'duplicateId', { first: this.#rowOf.data[seen] });
		}

		// coordinates (only when the file has them), then the city as the row names it
		let lat: number | null = null;
		let lon: number | null = null;
		if (c.lat >= 0 || c.lon >= 0) [lat, lon] = this.#coordinates(get, row);
		const ref = this.#at(c.cityId).trim();
		const cityZh = this.#at(c.city_zh).trim();
		const cityEn = this.#at(c.city_en).trim();
		const cityNamed = ref || cityZh || cityEn;
		let cityMemo = ref ? this.#cityByCell.get(ref) : undefined;
		if (ref && !cityMemo && this.#cityByCell.size < REMEMBER) {
			cityMemo = { zh: cityZh, en: cityEn, national: isNationalName(ref), id: undefined };
			this.#cityByCell.set(ref, cityMemo);
		}
		const scopeCell = this.#at(c.scope);
		const scope = read.scope(scopeCell);
		if (scope === BAD) this.#problem(row, 'scope', scopeCell, 'badScope');
		const namesNation = cityMemo ? cityMemo.national : cityNamed !== '' && isNationalName(cityNamed);
		const national = scope === 'national' || (scope === null && namesNation);
		if (scope === 'national' && cityNamed && !namesNation)
			this.#problem(row, 'cityId', cityNamed, 'nationalWithCity');
		if (scope === 'city' && namesNation)
			this.#problem(row, 'cityId', cityNamed, 'required', { field: 'city' });
		if (!national && !cityNamed) this.#problem(row, 'cityId', '', 'required', { field: 'city' });

		const catRef = this.#at(c.categoryId).trim();
		const catZh = this.#at(c.category_zh).trim();
		const catEn = this.#at(c.category_en).trim();
		if (!catRef && !catZh && !catEn) this.#problem(row, 'categoryId', '', 'required', { field: 'category' });

		const title = bilingual(this.#at(c.title_zh), this.#at(c.title_en), this.#at(c.title));
		if (!title.zh) this.#problem(row, 'title_zh', '', 'required', { field: 'title' });

		// when: year, month, monthEnd and date columns, each of which may carry a year or a range
		const yearRaw = this.#at(c.year);
		const monthRaw = this.#at(c.month);
		const endRaw = this.#at(c.monthEnd);
		const yearCell = read.year(yearRaw);
		if (yearCell === BAD) this.#problem(row, 'year', yearRaw, 'badYear');
		const monthCell = read.when(monthRaw);
		if (monthCell === BAD) this.#problem(row, 'month', monthRaw, 'badMonth');
		const endCell = read.when(endRaw);
		if (endCell === BAD || (endCell && endCell.monthEnd !== null))
			this.#problem(row, 'monthEnd', endRaw, 'badMonthEnd');
		const dateRaw = this.#at(c.date);
		const dateCell = read.when(dateRaw);
		if (dateCell === BAD) this.#problem(row, 'date', dateRaw, 'badMonth');
		const y = ok(yearCell);
		const mo = ok(monthCell);
		const d = ok(dateCell);
		const year = y?.year ?? mo?.year ?? d?.year ?? null;
		if (y?.year != null && mo?.year != null && y.year !== mo.year)
			this.#problem(row, 'month', monthRaw, 'yearConflict', { year: y.year });
		// an item with no year is kept only when it names the event it came before ("此前")
		const before = this.#at(c.before).trim() || null;
		if (year === null) {
			if (yearCell !== BAD && before === null) this.#problem(row, 'year', '', 'required', { field: 'year' });
		} else if (year < 1900 || year > 2100) this.#problem(row, 'year', yearRaw, 'badYear');
		const month = mo?.month ?? d?.month ?? y?.month ?? null;
		const e = ok(endCell);
		const monthEnd = (e && e.monthEnd === null ? e.month : null) ?? mo?.monthEnd ?? d?.monthEnd ?? null;
		if (monthEnd !== null && month === null) this.#problem(row, 'monthEnd', endRaw, 'monthEndAlone');
		// an end month before the start is the next year's (a range across a year's end); an end that
		// names its year must be the start's year (ending after it starts) or the next (ending before)
		const endYear = e && e.monthEnd === null ? e.year : null;
		if (monthEnd !== null && month !== null && year !== null && endYear !== null) {
			if (endYear < year || (endYear === year && monthEnd < month))
				this.#problem(row, 'monthEnd', endRaw, 'monthEndBefore', { month });
			else if (endYear > year + 1 || (endYear === year + 1 && monthEnd >= month))
				this.#problem(row, 'monthEnd', endRaw, 'rangeTooLong');
		}

		let kind: EventKind = 'other';
		const kindRaw = this.#at(c.kind);
		const kindCell = read.kind(kindRaw);
		if (kindCell === BAD) this.#problem(row, 'kind', kindRaw, 'unknownKind');
		else if (kindCell) kind = kindCell;

		const documentEn = this.#at(c.document_en).trim() || null;
		let document: string | null = this.#at(c.document).trim() || null;
		if (document !== null && !/^《.+》$/u.test(document)) {
			const inner = document.replace(/^《+|》+$/gu, '').trim();
			if (inner) document = `《${inner}》`;
			else this.#problem(row, 'document', document, 'badDocument');
		}

		const actorsZhRaw = this.#at(c.actors_zh);
		const actorsEnRaw = this.#at(c.actors_en);
		const aZh = actorsZhRaw === '' ? NO_ACTORS : splitList(actorsZhRaw);
		const aEn = actorsEnRaw === '' ? NO_ACTORS : splitList(actorsEnRaw);
		if (aZh.length && aEn.length && aZh.length !== aEn.length)
			this.#problem(row, 'actors_en', actorsEnRaw, 'actorsMismatch', { zh: aZh.length, en: aEn.length });

		const sectionRaw = this.#at(c.source_section);
		const sectionCell = read.section(sectionRaw);
		if (sectionCell === BAD) this.#problem(row, 'source_section', sectionRaw, 'badSection');
		const section: SourceSection = sectionCell === BAD || sectionCell === null ? 'events' : sectionCell;
		const bulletRaw = this.#at(c.source_bullet);
		const bulletCell = bulletRaw === '' ? null : readPositive(bulletRaw);
		if (bulletCell === BAD) this.#problem(row, 'source_bullet', bulletRaw, 'badBullet');
		let bullet = bulletCell === BAD ? null : bulletCell;
		if (section === 'commentary' && bullet !== null) {
			this.#problem(row, 'source_bullet', bulletRaw, 'commentaryBullet');
			bullet = null;
		}
		// the row's place in the file stands in for the article's bullet position
		if (section === 'events' && bullet === null) bullet = row;
		const heading = this.#at(c.source_heading).trim() || this.#fileName || 'import';
		// which part of a combined dataset the row came from (kept only where the metadata names the part)
		const from = this.#at(c.source_from).trim() || null;

		const noteZhRaw = this.#at(c.note_zh);
		const noteEnRaw = this.#at(c.note_en);
		const noteRaw = this.#at(c.note);
		const note = noteZhRaw || noteEnRaw || noteRaw ? bilingual(noteZhRaw, noteEnRaw, noteRaw) : null;
		const groupId = this.#at(c.groupId).trim() || null;

		if (this.#rowErrors > 0) return this.#reject(row, cells);

		const reg = this.registry;
		let cityId: string | null = null;
		if (!national) {
			const same = cityMemo !== undefined && cityMemo.zh === cityZh && cityMemo.en === cityEn;
			cityId =
				(same ? cityMemo!.id : undefined) ??
				reg.knownCity(ref, cityZh, cityEn) ??
				reg.city(this.#cityRest(ref, cityZh, cityEn, lat, lon));
			if (same) cityMemo!.id = cityId;
		}
		let categoryMemo = catRef ? this.#categoryByCell.get(catRef) : undefined;
		if (catRef && !categoryMemo && this.#categoryByCell.size < REMEMBER) {
			categoryMemo = { zh: catZh, en: catEn, national: false, id: undefined };
			this.#categoryByCell.set(catRef, categoryMemo);
		}
		const sameCategory = categoryMemo !== undefined && categoryMemo.zh === catZh && categoryMemo.en === catEn;
		const categoryId = (sameCategory ? categoryMemo!.id : undefined) ?? reg.category(catRef, catZh, catEn);
		if (sameCategory) categoryMemo!.id = categoryId;
		if (cityId !== null) this.#use(this.#cityUse, reg.cities.given, cityId, row);
		this.#use(this.#categoryUse, reg.categories.given, categoryId, row);
		const index = this.packer.count;
		const f = this.#fields;
		f.id = givenId || `row-${row}`;
		f.cityId = cityId;
		f.national = national;
		f.categoryId = categoryId;
		f.year = year;
		f.before = year === null ? before : null;
		f.month = month;
		f.monthEnd = monthEnd;
		f.kind = kind;
		// actors pair up by position; a missing side takes the other's name
		if (aZh.length === 0 && aEn.length === 0) f.actorsZh = f.actorsEn = NO_ACTORS;
		else {
			const n = aZh.length || aEn.length;
			const zh: string[] = [];
			const en: string[] = [];
			for (let i = 0; i < n; i++) {
				zh.push(aZh[i] ?? aEn[i]);
				en.push(aEn[i] ?? aZh[i]);
			}
			f.actorsZh = zh;
			f.actorsEn = en;
		}
		f.document = document;
		f.documentEn = document === null ? null : documentEn;
		f.titleZh = title.zh;
		f.titleEn = title.en;
		f.noteZh = note && note.zh ? note.zh : null;
		f.noteEn = note && note.zh ? note.en : null;
		f.groupId = groupId;
		f.commentary = section === 'commentary';
		f.heading = heading;
		f.bullet = bullet;
		f.from = from;
		this.packer.push(f);
		this.#rowOf.push(row);
		this.#hashOf.push(hash);
		if (year !== null) this.#years.add(year);
		if (givenId) this.#idIndex.set(givenId, index);
		else this.#hashIndex.set(hash, index);
		if (groupId !== null) {
			let members = this.#groups.get(groupId);
			if (!members) this.#groups.set(groupId, (members = []));
			members.push(index);
			this.#groupCells.set(index, cells);
		}
		this.summary.accepted.events++;
	}

	/** The row's coordinates, both or neither, with a problem for each unusable cell. */
	#coordinates(get: Getter, row: number): [number | null, number | null] {
		let lat = readNumber(get('lat'));
		let lon = readNumber(get('lon'));
		if (lat === BAD) this.#problem(row, 'lat', get('lat'), 'badCoordinate');
		if (lon === BAD) this.#problem(row, 'lon', get('lon'), 'badCoordinate');
		if (lat === BAD || lon === BAD) lat = lon = null;
		if ((lat === null) !== (lon === null)) {
			this.#problem(row, lat === null ? 'lat' : 'lon', '', 'halfCoordinate');
			lat = lon = null;
		}
		if (lat !== null && lon !== null && !insideChina(lat, lon)) {
			this.#problem(row, 'lat', `${lat}, ${lon}`, 'coordinateOutside');
			lat = lon = null;
		}
		return [lat, lon];
	}

	/** The rest of the current row's city description, read only when its city is new to the registry. */
	#cityRest(ref: string, zh: string, en: string, lat: number | null, lon: number | null): CityInfo {
		const get = this.#get;
		return {
			ref,
			zh,
			en,
			pinyin: get('city_pinyin').trim(),
			provinceZh: get('province_zh').trim(),
			provinceEn: get('province_en').trim(),
			cluster: get('cluster').trim(),
			clusterZh: get('cluster_zh').trim(),
			clusterEn: get('cluster_en').trim(),
			lat,
			lon
		};
	}

	#futureRow(cells: string[], row: number): void {
		this.#cells = cells;
		const get = this.#get;
		this.#rowErrors = this.#noteErrors;
		const hash = rowHash(cells);
		if (this.#futureHashes.has(hash)) {
			this.summary.duplicates.futures++;
			this.#problem(row, '', '', 'duplicateRow', {});
			return;
		}
		const city = this.#cityInfo(get, row);
		if (!city.ref && !city.zh && !city.en) this.#problem(row, 'cityId', '', 'required', { field: 'city' });
		const item = bilingual(get('item_zh'), get('item_en'), '');
		if (!item.zh) this.#problem(row, 'item_zh', '', 'required', { field: 'item' });
		const position = readPositive(get('position'));
		if (position === BAD) this.#problem(row, 'position', get('position'), 'badPosition');

		const ids = splitList(get('trackIds'));
		const namesZh = splitList(get('track_names_zh'));
		const namesEn = splitList(get('track_names_en'));
		const n = Math.max(ids.length, namesZh.length, namesEn.length);
		if (n === 0) this.#problem(row, 'trackIds', '', 'required', { field: 'tracks' });
		const matchCells = splitList(get('matches'));
		if (matchCells.length > 1 && matchCells.length !== n)
			this.#problem(row, 'matches', get('matches'), 'matchesMismatch', {
				tracks: n,
				given: matchCells.length
			});
		const matches: MatchStrength[] = [];
		for (let j = 0; j < n; j++) {
			const m = readMatch(matchCells.length === 1 ? matchCells[0] : (matchCells[j] ?? ''));
			if (m === BAD) {
				this.#problem(row, 'matches', matchCells[j] ?? '', 'badMatch');
				break;
			}
			matches.push(m ?? 'exact');
		}
		const rZh = splitList(get('reasons_zh'));
		const rEn = splitList(get('reasons_en'));
		for (const [list, field] of [
			[rZh, 'reasons_zh'],
			[rEn, 'reasons_en']
		] as const)
			if (list.length > 1 && list.length !== n)
				this.#problem(row, field, get(field), 'matchesMismatch', { tracks: n, given: list.length });

		const cityId = this.#rowErrors === 0 ? this.registry.findCity(city) : null;
		if (this.#rowErrors === 0 && position !== null && position !== BAD && cityId !== null) {
			const clash = this.#lists.get(cityId)?.find((x) => x.position === position);
			if (clash) this.#problem(row, 'position', String(position), 'duplicatePosition', { first: clash.row });
		}
		if (this.#rowErrors > 0) return this.#reject(row, cells);

		const tracks: FutureIndustryItem['tracks'] = [];
		const seen = new Set<string>();
		for (let j = 0; j < n; j++) {
			const { id, created } = this.registry.track(ids[j] ?? '', namesZh[j] ?? '', namesEn[j] ?? '');
			if (created)
				this.#problem(row, 'trackIds', ids[j] ?? namesZh[j] ?? namesEn[j] ?? '', 'newTrack', { id });
			if (seen.has(id)) continue;
			seen.add(id);
			const one = (l: string[]) => (l.length === 1 ? l[0] : l[j]);
			const reasonZh = one(rZh) ?? one(rEn);
			const reasonEn = one(rEn) ?? one(rZh);
			tracks.push({
				trackId: id,
				match: matches[j],
				reason: reasonZh ? { zh: reasonZh, en: reasonEn ?? reasonZh } : IMPORTED_REASON
			});
		}
		const id = this.registry.city(city);
		this.#use(this.#cityUse, this.registry.cities.given, id, row);
		let list = this.#lists.get(id);
		if (!list) this.#lists.set(id, (list = []));
		const pos = position === null || position === BAD ? (list.at(-1)?.position ?? 0) + 1 : position;
		list.push({ position: pos, row, item: { name: item, tracks } });
		this.#futureHashes.add(hash);
		this.summary.accepted.futures++;
	}

	/** File-level problem (missing columns, a stopped reader, bad JSON…). */
	fileProblem(
		kind: FileKind,
		code: ProblemCode,
		params?: Record<string, string | number>,
		row: number | null = null,
		column: string | null = null,
		value = ''
	): void {
		this.problems.add(kind, row, column, value, code, params);
	}

	/** Cross-row checks, then the packed dataset and a summary. */
	finish(lists?: FutureIndustryList[]): BuildResult {
		const drop = new Uint8Array(this.packer.count);
		this.#kind = 'events';
		for (const [groupId, members] of this.#groups) {
			const cities = new Set<string | null>();
			const kept: number[] = [];
			for (const i of members) {
				const city = this.packer.cityOf(i);
				if (cities.has(city)) {
					drop[i] = 1;
					this.problems.add(
						'events',
						this.#rowOf.data[i],
						this.#column('groupId'),
						groupId,
						'groupRepeatsCity',
						{
							city: city ?? '—'
						}
					);
					this.summary.accepted.events--;
					this.summary.rejected.events++;
					if (this.rejected.length < MAX_REJECTED)
						this.rejected.push({
							file: 'events',
							row: this.#rowOf.data[i],
							cells: this.#groupCells.get(i) ?? []
						});
				} else {
					cities.add(city);
					kept.push(i);
				}
			}
			if (kept.length === 1) {
				this.packer.setGroup(kept[0], null);
				this.problems.add(
					'events',
					this.#rowOf.data[kept[0]],
					this.#column('groupId'),
					groupId,
					'groupSingle'
				);
			}
		}
		this.rejected.sort((a, b) => (a.file === b.file ? a.row - b.row : a.file === 'events' ? -1 : 1));

		const events = this.packer.finish(drop);
		const futureIndustries: FutureIndustryList[] = [
			...(lists ?? (this.options.includeAll ? this.options.base.futureIndustries : [])).filter(
				(l) => !this.#lists.has(l.cityId)
			),
			...[...this.#lists].map(([cityId, items]) => ({
				cityId,
				items: items.sort((a, b) => a.position - b.position).map((x) => x.item)
			}))
		];
		for (const l of futureIndustries) this.registry.cities.used.add(l.cityId);
		const collections = this.registry.collections();
		const reg = this.registry;
		this.summary.events = events.count;
		this.summary.lists = futureIndustries.length;
		const usage = (uses: Map<string, Usage>, id: string): Usage =>
			uses.get(id) ?? { rows: { events: 0, futures: 0 }, sample: [] };
		this.summary.newCities = reg.cities.created
			.filter((id) => reg.cities.used.has(id))
			.map((id) => {
				const c = reg.cities.records.get(id)!;
				const value = reg.cities.given.get(id) ?? id;
				return { id, name: c.name, value, mapped: c.lat !== null, ...usage(this.#cityUse, id) };
			});
		this.summary.newCategories = reg.categories.created.map((id) => ({
			id,
			name: reg.categories.records.get(id)!.name,
			value: reg.categories.given.get(id) ?? id,
			...usage(this.#categoryUse, id)
		}));
		const base = this.options.base;
		this.summary.known = { cities: base.cities, categories: base.categories, clusters: base.clusters };
		this.summary.years = [...this.#years].sort((a, b) => a - b);
		return {
			packed: {
				format: PACK_FORMAT,
				id: this.options.id,
				version: this.options.version,
				...collections,
				events,
				futureIndustries
			},
			summary: this.summary
		};
	}
}
