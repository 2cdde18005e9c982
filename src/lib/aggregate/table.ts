/**
 * The events of a dataset, encoded once into columns of typed arrays so that every figure of the
 * dashboard is one pass of integer look-ups. Row i is `ds.events[i]`.
 *
 * The encoding is cached per Dataset object (WeakMap): datasets are treated as immutable, so a
 * changed dataset must be a new object (which is what loading or importing produces anyway).
 * It is one pass over the records that writes each row's code (city, category, month span and
 * commentary in one number); the other per-row columns (decoded from the code) and the group
 * numbering are made on first read, since no counting figure needs them.
 *
 * Besides the codes (which the lists of records behind a mark read), the encoding keeps
 * a tally: each distinct row code with how many rows carry it. Counting figures read the tally
 * instead of the rows. For counting, rows only differ in city, category, month span and
 * commentary, so the 1,000,000 synthetic events of the benchmark collapse to about 100,000 tally
 * entries (half of them the ranged rows, kept one by one), and a figure costs a pass over those
 * rather than over every event. A pass over every event scatters a million increments, which on
 * the busy shared 2-core machine took 10–25 ms; over the tally it is about 1 ms.
 */
import type { Dataset, InnovationEvent } from '../data/types';
import {
	cityInView,
	normaliseFilter,
	spanOf,
	timePasses,
	type Filter,
	type NormalisedFilter
} from './filter';

/** City index of a national event (no city). */
export const NATIONAL = 0xffff;
/** Bit in `flags`: national event. */
export const FLAG_NATIONAL = 1;
/** Bit in `flags`: item from the article's commentary rather than its event list. */
export const FLAG_COMMENTARY = 2;
/**
 * Each year of the data takes MONTH_STRIDE period slots: slot 0 for its events without a month, then
 * its months 1–12. Slot 0 of the whole axis (before the first year) holds the items with no year.
 */
export const MONTH_STRIDE = 13;
/** Most distinct keys (commentary × category × period × span) a row's 16 bits beside the city hold. */
export const MAX_KEYS = 1 << 16;
/** Most categories the encoding can hold (a category index is one byte). */
export const MAX_CATEGORIES = 256;
/**
 * Largest cube (city × commentary × category × first month) the encoding pre-counts into, in
 * cells: 4 Mi cells is 16 MB for the time of the encoding. Beyond it (tens of thousands of cities
 * with many categories) the tally is simply one entry per row.
 */
export const MAX_CUBE_CELLS = 1 << 22;

export interface EventTable {
	/** Number of events (rows). */
	n: number;
	/** City dictionary, in the order of ds.cities. */
	cityIds: string[];
	/** For each city index, the index of its cluster in `clusterIds`. */
	cityCluster: Uint16Array;
	/** Cluster dictionary, by cluster `order` then id. */
	clusterIds: string[];
	/** Category dictionary, by category `order` then id: the order of every `byCategory` array. */
	categoryIds: string[];
	cityIndex: Map<string, number>;
	categoryIndex: Map<string, number>;
	clusterIndex: Map<string, number>;
	/*
	 * The per-row columns below are `code` decoded, made on first read: the engine itself reads
	 * `code` and the key decoders, so no figure waits for them.
	 */
	/** Per row: city index, or NATIONAL. */
	readonly city: Uint16Array;
	/** Per row: category index. */
	readonly category: Uint8Array;
	/** Per row: first month 1–12 (of its year), 0 if it has no month. */
	readonly month: Uint8Array;
	/** Per row: last month of the span (= month when not a range; of the next year when below month), 0 if undated. */
	readonly monthEnd: Uint8Array;
	/** Per row: its period slot (see `keyPeriod`). */
	readonly period: Uint16Array;
	/** Per row: FLAG_NATIONAL | FLAG_COMMENTARY. */
	readonly flags: Uint8Array;
	/**
	 * Per row: index into `groupIds`, or -1 when the event is not one of several per-city copies.
	 * Both are numbered on first read (only figures that count such copies once need them).
	 */
	readonly group: Int32Array;
	readonly groupIds: string[];
	/**
	 * Per row: the row in one number, so a counting pass reads one array and a filter is two look-ups:
	 * code = city << 16 | key, where key = ((commentary * categories + category) * nPeriods + period)
	 * * spanStride + span holds everything but the city.
	 */
	code: Uint32Array;
	/** The first year of the data (0 when no event has a year); period slots count from it. */
	firstYear: number;
	/** Years from the first to the last year of the data (0 when no event has a year). */
	nYears: number;
	/**
	 * Period slots: 0 for items with no year, then per year (firstYear + y) MONTH_STRIDE slots,
	 * `1 + y * 13` for its events without a month and `1 + y * 13 + m` for month m.
	 */
	nPeriods: number;
	/** One more than the longest range in months (1 when no event spans several months). */
	spanStride: number;
	/** Number of possible keys (≤ 2^16); the decoders below are indexed by key. */
	nKeys: number;
	keyCategory: Uint8Array;
	/** The key's period slot. */
	keyPeriod: Uint16Array;
	/** The year of the key's period (0 for items with no year). */
	keyYear: Uint16Array;
	/** The month of year 1–12 the key starts in; 0 when it has no month. */
	keyMonth: Uint8Array;
	/** The month of year the key's span ends in (= keyMonth when it is no range; 0 with no month). */
	keyMonthEnd: Uint8Array;
	/**
	 * The first and last month of the key's span counted from January of `firstYear` (0-based), or -1
	 * when it has no month: what period filters and time steps compare.
	 */
	keyStart: Int32Array;
	keyEnd: Int32Array;
	keyCommentary: Uint8Array;
	/** Rows that span several months, and rows that are copies of a grouped action (both rare). */
	ranged: Uint32Array;
	grouped: Uint32Array;
	/**
	 * The rows as a multiset of codes: `tallyCount[j]` rows have code `tallyCode[j]`. Counting
	 * figures read these (`countCells`) rather than `code`; the result is the same, since a count
	 * only depends on a row's code. Built from the cube of single-month and undated rows (distinct
	 * codes, city by city) followed by the ranged rows one by one, or one entry per row when the
	 * cube would not pay (see `encodeEvents`).
	 */
	tallyCode: Uint32Array;
	tallyCount: Int32Array;
	/** How the tally was built: from the cube, or one entry per row. */
	tallyMode: 'cube' | 'rows';
}

const cache = new WeakMap<Dataset, EventTable>();

function byOrderThenId<T extends { id: string; order: number }>(a: T, b: T): number {
	return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** How `encodeEvents` builds the tally: from the cube when it pays ('auto'), always, or never. */
export type TallyMode = 'auto' | 'cube' | 'rows';

/**
 * id → index as an object without a prototype (so no id can hit an inherited property such as
 * "constructor"), for the two look-ups per event of the encoding: V8's keyed property look-up
 * measured about 40% faster than Map.get on a million ids, whether the event records share the
 * id strings of the city table (as the synthetic data does) or carry their own (as a parsed
 * file does). Like a Map built from the same list, a repeated id maps to its last index.
 */
function indexObject(ids: readonly string[]): Record<string, number | undefined> {
	const index: Record<string, number | undefined> = Object.create(null);
	for (let i = 0; i < ids.length; i++) index[ids[i]] = i;
	return index;
}

/**
 * Numbers group ids by first appearance: `numbers[j]` is the number of `groupIds[j]`, and `ids` the
 * distinct ids in that order. The copies of one action usually sit next to each other, so an id is
 * only looked up when it differs from the one before. The look-up is an open-addressing table
 * sized once for all the ids and hashed on their characters (FNV-1a): with tens of thousands of
 * groups, Map.get and Map.set (hashing each new id, growing and rehashing the Map) were a fifth of
 * the encoding's profile, and this table took about half as long.
 */
export function numberGroups(groupIds: readonly string[]): { ids: string[]; numbers: Int32Array } {
	const ids: string[] = [];
	const numbers = new Int32Array(groupIds.length);
	let size = 16;
	while (size < 2 * groupIds.length) size *= 2;
	const mask = size - 1;
	const slots = new Int32Array(size).fill(-1); // slot → group number, -1 when free
	let lastId: string | null = null;
	let last = -1;
	for (let j = 0; j < groupIds.length; j++) {
		const id = groupIds[j];
		if (id !== lastId) {
			let h = 0x811c9dc5;
			for (let c = 0; c < id.length; c++) h = Math.imul(h ^ id.charCodeAt(c), 0x01000193);
			for (let s = h & mask; ; s = (s + 1) & mask) {
				const g = slots[s];
				if (g < 0) {
					last = slots[s] = ids.length;
					ids.push(id);
					break;
				}
				if (ids[g] === id) {
					last = g;
					break;
				}
			}
			lastId = id;
		}
		numbers[j] = last;
	}
	return { ids, numbers };
}

function unknownId(e: InnovationEvent, what: string, id: string): Error {
	return new Error(`event ${e.id}: unknown ${what} ${id}`);
}

/** The rare rows `encodeRows` meets on its way, listed in row order. */
interface RareRows {
	/** Rows that span several months. */
	ranged: number[];
	/** Rows that are copies of a grouped action, and their group ids. */
	groupedRows: number[];
	groupedIds: string[];
}

/**
 * The one pass over the records: each record's fields are read once into locals, its two ids
 * looked up, its code written and, unless it is a range, its cell of the cube counted. The records
 * are scattered in memory, so touching each one once, plus the two id look-ups, is most of the
 * encoding's cost. One column is written, not six: the code holds the city, category, month span
 * and commentary, and the other columns are decoded from it when first read (`decodeColumns`);
 * writing all six here cost 7–15 ms at 1,000,000 events on the 2-core machine. The rare ranged
 * and grouped rows are listed as they come, so no second pass over the rows has to look for them;
 * the group ids are only collected, not read (see `lazyGroups`).
 *
 * A function of its own so that V8 optimises this loop on its own, with few live values, rather
 * than as part of everything else `encodeEvents` does.
 */
function encodeRows(
	events: readonly InnovationEvent[],
	cityOf: Record<string, number | undefined>,
	categoryOf: Record<string, number | undefined>,
	nCities: number,
	nCategories: number,
	time: TimeExtent,
	cube: Int32Array | null,
	code: Uint32Array
): RareRows {
	const P = time.nPeriods;
	const L = time.spanStride;
	const y0 = time.firstYear;
	const nk = nCategories;
	const perSlot = 2 * nk * P;
	const ranged: number[] = [];
	const groupedRows: number[] = [];
	const groupedIds: string[] = [];
	const n = events.length;
	for (let i = 0; i < n; i++) {
		const e = events[i];
		const cityId = e.cityId;
		let c = NATIONAL;
		let slot = nCities; // the cube's slot for national events follows the cities'
		if (cityId !== null) {
			const x = cityOf[cityId];
			if (x === undefined) throw unknownId(e, 'city', cityId);
			c = slot = x;
		}
		const k = categoryOf[e.categoryId];
		if (k === undefined) throw unknownId(e, 'category', e.categoryId);
		let p = 0;
		let span = 0;
		const year = e.year;
		if (year !== null) {
			const em = e.month;
			p = 1 + (year - y0) * MONTH_STRIDE;
			if (em !== null) {
				p += em;
				span = spanOf(em, e.monthEnd);
			}
		}
		const commentary = e.source.section === 'commentary' ? 1 : 0;
		// key without the span: the cube's cell within the city's slot
		const ck = (commentary * nk + k) * P + p;
		code[i] = (c << 16) | (ck * L + span);
		if (span > 0) ranged.push(i);
		else if (cube !== null) cube[slot * perSlot + ck]++;
		const groupId = e.groupId;
		if (groupId !== null) {
			groupedRows.push(i);
			groupedIds.push(groupId);
		}
	}
	return { ranged, groupedRows, groupedIds };
}

/** The years the events span and their longest range: what sizes the period slots and the keys. */
export interface TimeExtent {
	firstYear: number;
	nYears: number;
	nPeriods: number;
	spanStride: number;
}

/**
 * A first, light pass over the events (three numbers each) for the extent of their years and their
 * longest range, so that the keys can be sized before the encoding pass.
 */
export function timeExtent(events: readonly InnovationEvent[]): TimeExtent {
	let lo = Infinity;
	let hi = -Infinity;
	let longest = 0;
	for (let i = 0; i < events.length; i++) {
		const e = events[i];
		const y = e.year;
		if (y === null) continue;
		if (y < lo) lo = y;
		if (y > hi) hi = y;
		const m = e.month;
		if (m !== null && e.monthEnd !== null && e.monthEnd !== m) {
			const span = spanOf(m, e.monthEnd);
			if (span > longest) longest = span;
		}
	}
	const nYears = lo <= hi ? hi - lo + 1 : 0;
	return {
		firstYear: nYears ? lo : 0,
		nYears,
		nPeriods: 1 + nYears * MONTH_STRIDE,
		spanStride: longest + 1
	};
}

/** The per-row columns decoded from `code`, which holds them all. */
function decodeColumns(
	code: Uint32Array,
	keys: Pick<EventTable, 'keyCategory' | 'keyMonth' | 'keyMonthEnd' | 'keyPeriod' | 'keyCommentary'>
) {
	const { keyCategory, keyMonth, keyMonthEnd, keyPeriod, keyCommentary } = keys;
	const n = code.length;
	const city = new Uint16Array(n);
	const category = new Uint8Array(n);
	const month = new Uint8Array(n);
	const monthEnd = new Uint8Array(n);
	const period = new Uint16Array(n);
	const flags = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const x = code[i];
		const c = x >>> 16;
		const key = x & 0xffff;
		city[i] = c;
		category[i] = keyCategory[key];
		month[i] = keyMonth[key];
		monthEnd[i] = keyMonthEnd[key];
		period[i] = keyPeriod[key];
		flags[i] = (c === NATIONAL ? FLAG_NATIONAL : 0) | (keyCommentary[key] ? FLAG_COMMENTARY : 0);
	}
	return { city, category, month, monthEnd, period, flags };
}

/** `make()`, called on first use and remembered. */
function once<T>(make: () => T): () => T {
	let value: { v: T } | null = null;
	return () => (value ??= { v: make() }).v;
}

/**
 * The group numbering of a table, made on first use: `group` (per row) and `groupIds`. Only
 * figures that count the copies of an action once (`countGroupsOnce`), and the lists of records
 * behind their marks, need it. Numbering reads every group id string, and those strings are
 * scattered through the heap with the records: on the 1,000,000 synthetic events (about 90,000
 * grouped rows, 37,000 groups) it took 12–30 ms on the 2-core machine, a tenth to a fifth of the
 * whole encoding, which no figure without `countGroupsOnce` needs.
 */
function lazyGroups(
	n: number,
	grouped: Uint32Array,
	groupedIds: readonly string[]
): () => { group: Int32Array; groupIds: string[] } {
	return once(() => {
		const { ids, numbers } = numberGroups(groupedIds);
		const group = new Int32Array(n).fill(-1);
		for (let p = 0; p < grouped.length; p++) group[grouped[p]] = numbers[p];
		return { group, groupIds: ids };
	});
}

/**
 * The tally from the cube: its non-empty cells city by city (national last), then the ranged rows
 * one by one (see `EventTable.tallyCode`).
 */
function tallyFromCube(
	cube: Int32Array,
	nCities: number,
	perSlot: number,
	spanStride: number,
	code: Uint32Array,
	ranged: Uint32Array
): { tallyCode: Uint32Array; tallyCount: Int32Array } {
	let distinct = ranged.length;
	for (let j = 0; j < cube.length; j++) if (cube[j] !== 0) distinct++;
	const tallyCode = new Uint32Array(distinct);
	const tallyCount = new Int32Array(distinct);
	let p = 0;
	for (let s = 0; s <= nCities; s++) {
		const cityBits = (s === nCities ? NATIONAL : s) << 16;
		for (let ck = 0; ck < perSlot; ck++) {
			const v = cube[s * perSlot + ck];
			if (v === 0) continue;
			tallyCode[p] = cityBits | (ck * spanStride); // span 0: not a range
			tallyCount[p++] = v;
		}
	}
	for (let j = 0; j < ranged.length; j++) {
		tallyCode[p] = code[ranged[j]];
		tallyCount[p++] = 1;
	}
	return { tallyCode, tallyCount };
}

/**
 * Encodes the events of a dataset (what `eventTable` caches). Throws on an event whose city or
 * category is not in the dataset's tables; ids are matched against the dataset's own tables,
 * so a city or category added to a dataset is known to the encoding of that (new) Dataset object.
 * `tally` is for tests and the benchmark: every mode gives the same figures.
 */
export function encodeEvents(ds: Dataset, tally: TallyMode = 'auto'): EventTable {
	const cityIds = ds.cities.map((c) => c.id);
	if (cityIds.length >= NATIONAL) throw new RangeError(`too many cities: ${cityIds.length}`);
	const clusterIds = [...ds.clusters].sort(byOrderThenId).map((c) => c.id);
	const categoryIds = [...ds.categories].sort(byOrderThenId).map((c) => c.id);
	const cityIndex = new Map(cityIds.map((id, i) => [id, i]));
	const categoryIndex = new Map(categoryIds.map((id, i) => [id, i]));
	const clusterIndex = new Map(clusterIds.map((id, i) => [id, i]));
	const cityCluster = new Uint16Array(cityIds.length);
	ds.cities.forEach((c, i) => {
		const k = clusterIndex.get(c.cluster);
		if (k === undefined) throw new Error(`city ${c.id}: unknown cluster ${c.cluster}`);
		cityCluster[i] = k;
	});

	const time = timeExtent(ds.events);
	const nk = categoryIds.length;
	const P = time.nPeriods;
	const L = time.spanStride;
	// keys must fit in 16 bits beside the city: 2 × categories × periods × spans ≤ 65,536
	const nKeys = 2 * nk * P * L;
	if (nk > MAX_CATEGORIES) throw new RangeError(`too many categories: ${nk}`);
	if (nKeys > MAX_KEYS)
		throw new RangeError(
			`too many fields × years × range lengths to encode: ${nk} fields, ${time.nYears} years, ranges up to ${L - 1} months`
		);
	const keyCategory = new Uint8Array(nKeys);
	const keyPeriod = new Uint16Array(nKeys);
	const keyYear = new Uint16Array(nKeys);
	const keyMonth = new Uint8Array(nKeys);
	const keyMonthEnd = new Uint8Array(nKeys);
	const keyStart = new Int32Array(nKeys);
	const keyEnd = new Int32Array(nKeys);
	const keyCommentary = new Uint8Array(nKeys);
	for (let key = 0; key < nKeys; key++) {
		const span = key % L;
		const p = Math.floor(key / L) % P;
		keyPeriod[key] = p;
		keyCategory[key] = Math.floor(key / (L * P)) % nk;
		keyCommentary[key] = key >= nk * P * L ? 1 : 0;
		const y = p === 0 ? -1 : Math.floor((p - 1) / MONTH_STRIDE);
		const m = p === 0 ? 0 : (p - 1) % MONTH_STRIDE;
		keyYear[key] = y < 0 ? 0 : time.firstYear + y;
		keyMonth[key] = m;
		keyMonthEnd[key] = m === 0 ? 0 : ((m - 1 + span) % 12) + 1;
		keyStart[key] = m === 0 ? -1 : y * 12 + m - 1;
		keyEnd[key] = m === 0 ? -1 : y * 12 + m - 1 + span;
	}

	const n = ds.events.length;
	const nc = cityIds.length;
	// The cube pre-counts the rows that are not ranges (for them the span is 0, so the key without
	// the span identifies the code): one slot per city plus one for national events, then
	// commentary × category × period. It pays when it is not much larger than the events; for a
	// small dataset, scanning a cube of mostly empty cells would cost more than it saves.
	const perSlot = 2 * nk * P;
	const cubeCells = (nc + 1) * perSlot;
	const useCube = tally === 'cube' || (tally === 'auto' && cubeCells <= MAX_CUBE_CELLS && cubeCells <= 4 * n);
	const cube = useCube ? new Int32Array(cubeCells) : null;

	const code = new Uint32Array(n);
	// the same id → index tables as Maps above, as plain objects for the look-ups in the pass
	const rare = encodeRows(
		ds.events,
		indexObject(cityIds),
		indexObject(categoryIds),
		nc,
		nk,
		time,
		cube,
		code
	);
	const keys = { keyCategory, keyMonth, keyMonthEnd, keyPeriod, keyCommentary };
	const columns = once(() => decodeColumns(code, keys));
	const ranged = Uint32Array.from(rare.ranged);
	const grouped = Uint32Array.from(rare.groupedRows);
	const groups = lazyGroups(n, grouped, rare.groupedIds);

	let tallyCode: Uint32Array;
	let tallyCount: Int32Array;
	if (cube !== null) {
		({ tallyCode, tallyCount } = tallyFromCube(cube, nc, perSlot, L, code, ranged));
	} else {
		// one entry per row; `code` is never written after this point, so it can be shared
		tallyCode = code;
		tallyCount = new Int32Array(n).fill(1);
	}

	return {
		n,
		cityIds,
		cityCluster,
		clusterIds,
		categoryIds,
		cityIndex,
		categoryIndex,
		clusterIndex,
		get city() {
			return columns().city;
		},
		get category() {
			return columns().category;
		},
		get month() {
			return columns().month;
		},
		get monthEnd() {
			return columns().monthEnd;
		},
		get period() {
			return columns().period;
		},
		get flags() {
			return columns().flags;
		},
		get group() {
			return groups().group;
		},
		get groupIds() {
			return groups().groupIds;
		},
		code,
		firstYear: time.firstYear,
		nYears: time.nYears,
		nPeriods: P,
		spanStride: L,
		nKeys,
		keyCategory,
		keyPeriod,
		keyYear,
		keyMonth,
		keyMonthEnd,
		keyStart,
		keyEnd,
		keyCommentary,
		ranged,
		grouped,
		tallyCode,
		tallyCount,
		tallyMode: useCube ? 'cube' : 'rows'
	};
}

/**
 * The columnar encoding of a dataset's events, built on first use and cached per Dataset object.
 * `tally` forces how the tally is built (for tests and the benchmark, which compare the two; the
 * figures are the same either way): a cached table built the other way is replaced.
 */
export function eventTable(ds: Dataset, tally: TallyMode = 'auto'): EventTable {
	let t = cache.get(ds);
	if (!t || (tally !== 'auto' && t.tallyMode !== tally)) {
		t = encodeEvents(ds, tally);
		cache.set(ds, t);
	}
	return t;
}

/**
 * A filter compiled against one table: row i is in view iff
 * `cityOk[code[i] >>> 16] & keyOk[code[i] & 0xffff]`.
 */
export interface CompiledFilter {
	f: NormalisedFilter;
	/** Indexed by city index; the NATIONAL slot says whether national events are kept. */
	cityOk: Uint8Array;
	/** Indexed by key: category, month span and commentary pass. */
	keyOk: Uint8Array;
	/** City indices in view, in dataset order (national not included). */
	citiesInView: number[];
}

export function compileFilter(t: EventTable, filter: Filter | NormalisedFilter = {}): CompiledFilter {
	const f = normaliseFilter(filter);
	const cityOk = new Uint8Array(NATIONAL + 1);
	const citiesInView: number[] = [];
	for (let c = 0; c < t.cityIds.length; c++) {
		if (cityInView(t.cityIds[c], t.clusterIds[t.cityCluster[c]], f)) {
			cityOk[c] = 1;
			citiesInView.push(c);
		}
	}
	cityOk[NATIONAL] = f.includeNational ? 1 : 0;

	const categoryOk = t.categoryIds.map((id) => !f.categories || f.categories.includes(id));
	// the time part depends on the period and span only: decided once per (period, span), not per key
	const P = t.nPeriods;
	const L = t.spanStride;
	const timeOk = new Uint8Array(P * L);
	for (let p = 0; p < P; p++) {
		for (let span = 0; span < L; span++) {
			const key = p * L + span; // category 0, not commentary: the same period and span
			const m = t.keyMonth[key];
			const year = p === 0 ? null : t.keyYear[key];
			const end = m === 0 ? null : t.keyMonthEnd[key];
			timeOk[key] = timePasses(year, m === 0 ? null : m, end, f) ? 1 : 0;
		}
	}
	const keyOk = new Uint8Array(t.nKeys);
	for (let key = 0; key < t.nKeys; key++) {
		const ok =
			categoryOk[t.keyCategory[key]] &&
			timeOk[key % (P * L)] &&
			(f.includeCommentary || !t.keyCommentary[key]);
		keyOk[key] = ok ? 1 : 0;
	}
	return { f, cityOk, keyOk, citiesInView };
}

/** Row i passes the compiled filter. */
export function rowInView(t: EventTable, cf: CompiledFilter, i: number): boolean {
	const x = t.code[i];
	return (cf.cityOk[x >>> 16] & cf.keyOk[x & 0xffff]) === 1;
}

/**
 * The one counting pass every figure is made of. Each row in view lands in the cell
 * (rowOf[city], colOf[key]) of an nRows × nCols grid; a row or column index equal to nRows / nCols
 * means "not counted here" (filtered out, or not part of this figure), so the pass has no branches.
 * It reads the tally (distinct codes with their counts), not the rows: same cells, fewer steps.
 *
 * With `groupsOnce`, a second pass over the few grouped rows takes back every copy of an action
 * after the first in each cell: each cell then counts distinct actions.
 */
export function countCells(
	t: EventTable,
	rowOf: Int32Array,
	nRows: number,
	colOf: Int32Array,
	nCols: number,
	groupsOnce: boolean
): Int32Array {
	const width = nCols + 1;
	const grid = new Int32Array((nRows + 1) * width);
	const { tallyCode, tallyCount } = t;
	const d = tallyCode.length;
	for (let j = 0; j < d; j++) {
		const x = tallyCode[j];
		grid[rowOf[x >>> 16] * width + colOf[x & 0xffff]] += tallyCount[j];
	}
	if (groupsOnce) {
		const { code, group, grouped } = t;
		const once = new GroupOnce(grid.length);
		for (let j = 0; j < grouped.length; j++) {
			const i = grouped[j];
			const r = rowOf[code[i] >>> 16];
			const c = colOf[code[i] & 0xffff];
			if (r === nRows || c === nCols) continue;
			if (!once.first(group[i], r * width + c)) grid[r * width + c]--;
		}
	}
	const cells = new Int32Array(nRows * nCols);
	for (let r = 0; r < nRows; r++) cells.set(grid.subarray(r * width, r * width + nCols), r * nCols);
	return cells;
}

/**
 * cells[from..to) as a plain array (figures return plain arrays). A loop, because
 * `Array.from(typedArray.subarray(...))` goes through the iterator protocol: once per city row it
 * was a fifth of the timeline's time after the counting pass got short.
 */
export function cellsToArray(cells: Int32Array, from: number, to: number): number[] {
	const out = new Array<number>(to - from);
	for (let j = from; j < to; j++) out[j - from] = cells[j];
	return out;
}

/**
 * rowOf for `countCells`: maps each city index in view (and NATIONAL if `national` is given and
 * national events are kept) to a row, everything else to `nRows`.
 */
export function rowMap(
	cf: CompiledFilter,
	nRows: number,
	rowOfCity: (c: number) => number,
	national?: number
): Int32Array {
	const rowOf = new Int32Array(NATIONAL + 1).fill(nRows);
	for (const c of cf.citiesInView) rowOf[c] = rowOfCity(c);
	if (national !== undefined && cf.cityOk[NATIONAL]) rowOf[NATIONAL] = national;
	return rowOf;
}

/** colOf for `countCells`: maps each key in view to `colOfKey(key)`, every other key to `nCols`. */
export function colMap(
	t: EventTable,
	cf: CompiledFilter,
	nCols: number,
	colOfKey: (key: number) => number
): Int32Array {
	const colOf = new Int32Array(t.nKeys).fill(nCols);
	for (let key = 0; key < t.nKeys; key++) if (cf.keyOk[key]) colOf[key] = colOfKey(key);
	return colOf;
}

/**
 * For `countGroupsOnce`: remembers which (group, cell) pairs a pass has already counted, so the
 * copies of one action add 1 per cell. Only grouped rows ever reach it.
 */
export class GroupOnce {
	private seen = new Set<number>();
	constructor(private readonly cells: number) {}
	/** True the first time this group is seen in this cell. */
	first(group: number, cell: number): boolean {
		const key = group * this.cells + cell;
		if (this.seen.has(key)) return false;
		this.seen.add(key);
		return true;
	}
}
