/**
 * The events of a dataset, encoded once into columns of typed arrays so that every figure of the
 * dashboard is one pass of integer look-ups. Row i is `ds.events[i]`.
 *
 * The encoding is cached per Dataset object (WeakMap): datasets are treated as immutable, so a
 * changed dataset must be a new object (which is what loading or importing produces anyway).
 */
import type { Dataset } from '../data/types';
import { cityInView, normaliseFilter, type Filter, type NormalisedFilter } from './filter';

/** City index of a national event (no city). */
export const NATIONAL = 0xffff;
/** Bit in `flags`: national event. */
export const FLAG_NATIONAL = 1;
/** Bit in `flags`: item from the article's commentary rather than its event list. */
export const FLAG_COMMENTARY = 2;
/** Months are 1–12, 0 means undated; a key holds the span as `month * MONTH_STRIDE + monthEnd`. */
export const MONTH_STRIDE = 13;
/** Most categories the encoding can hold (so that a row's key fits in 16 bits). */
export const MAX_CATEGORIES = 193;

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
	/** Per row: city index, or NATIONAL. */
	city: Uint16Array;
	/** Per row: category index. */
	category: Uint8Array;
	/** Per row: first month 1–12, 0 if undated. */
	month: Uint8Array;
	/** Per row: last month of the span (= month when not a range), 0 if undated. */
	monthEnd: Uint8Array;
	/** Per row: FLAG_NATIONAL | FLAG_COMMENTARY. */
	flags: Uint8Array;
	/** Per row: index into `groupIds`, or -1 when the event is not one of several per-city copies. */
	group: Int32Array;
	groupIds: string[];
	/**
	 * Per row: the row in one number, so a counting pass reads one array and a filter is two look-ups:
	 * code = city << 16 | key, where key = ((commentary * categories + category) * 13 + month) * 13 + monthEnd
	 * holds everything but the city.
	 */
	code: Uint32Array;
	/** Number of possible keys (< 2^16); the decoders below are indexed by key. */
	nKeys: number;
	keyCategory: Uint8Array;
	keyMonth: Uint8Array;
	keyMonthEnd: Uint8Array;
	keyCommentary: Uint8Array;
	/** Rows that span several months, and rows that are copies of a grouped action (both rare). */
	ranged: Uint32Array;
	grouped: Uint32Array;
}

const cache = new WeakMap<Dataset, EventTable>();

function byOrderThenId<T extends { id: string; order: number }>(a: T, b: T): number {
	return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function encode(ds: Dataset): EventTable {
	const cityIds = ds.cities.map((c) => c.id);
	if (cityIds.length >= NATIONAL) throw new RangeError(`too many cities: ${cityIds.length}`);
	const clusterIds = [...ds.clusters].sort(byOrderThenId).map((c) => c.id);
	const categoryIds = [...ds.categories].sort(byOrderThenId).map((c) => c.id);
	// keys must fit in 16 bits beside the city: 2 × categories × 13 × 13 < 65,536
	if (categoryIds.length > MAX_CATEGORIES) throw new RangeError(`too many categories: ${categoryIds.length}`);
	const cityIndex = new Map(cityIds.map((id, i) => [id, i]));
	const categoryIndex = new Map(categoryIds.map((id, i) => [id, i]));
	const clusterIndex = new Map(clusterIds.map((id, i) => [id, i]));
	const cityCluster = new Uint16Array(cityIds.length);
	ds.cities.forEach((c, i) => {
		const k = clusterIndex.get(c.cluster);
		if (k === undefined) throw new Error(`city ${c.id}: unknown cluster ${c.cluster}`);
		cityCluster[i] = k;
	});

	const nk = categoryIds.length;
	const S = MONTH_STRIDE;
	const nKeys = 2 * nk * S * S;
	const keyCategory = new Uint8Array(nKeys);
	const keyMonth = new Uint8Array(nKeys);
	const keyMonthEnd = new Uint8Array(nKeys);
	const keyCommentary = new Uint8Array(nKeys);
	for (let key = 0; key < nKeys; key++) {
		keyMonthEnd[key] = key % S;
		keyMonth[key] = Math.floor(key / S) % S;
		keyCategory[key] = Math.floor(key / (S * S)) % nk;
		keyCommentary[key] = key >= nk * S * S ? 1 : 0;
	}

	const n = ds.events.length;
	const city = new Uint16Array(n);
	const category = new Uint8Array(n);
	const month = new Uint8Array(n);
	const monthEnd = new Uint8Array(n);
	const flags = new Uint8Array(n);
	const group = new Int32Array(n);
	const code = new Uint32Array(n);
	const groupIds: string[] = [];
	const groupIndex = new Map<string, number>();
	const ranged: number[] = [];
	const grouped: number[] = [];
	let lastGroupId: string | null = null;
	let lastGroup = -1;

	for (let i = 0; i < n; i++) {
		const e = ds.events[i];
		let f = 0;
		if (e.cityId === null) {
			city[i] = NATIONAL;
			f |= FLAG_NATIONAL;
		} else {
			const c = cityIndex.get(e.cityId);
			if (c === undefined) throw new Error(`event ${e.id}: unknown city ${e.cityId}`);
			city[i] = c;
		}
		const k = categoryIndex.get(e.categoryId);
		if (k === undefined) throw new Error(`event ${e.id}: unknown category ${e.categoryId}`);
		category[i] = k;
		let m = 0;
		let me = 0;
		if (e.month !== null) {
			m = e.month;
			me = e.monthEnd !== null && e.monthEnd > m ? e.monthEnd : m;
			if (me > m) ranged.push(i);
		}
		month[i] = m;
		monthEnd[i] = me;
		const commentary = e.source.section === 'commentary' ? 1 : 0;
		if (commentary) f |= FLAG_COMMENTARY;
		flags[i] = f;
		code[i] = (city[i] << 16) | (((commentary * nk + k) * S + m) * S + me);
		if (e.groupId === null) {
			group[i] = -1;
		} else {
			// the copies of one action usually sit next to each other: look up only when the id changes
			if (e.groupId !== lastGroupId) {
				let g = groupIndex.get(e.groupId);
				if (g === undefined) {
					g = groupIds.length;
					groupIds.push(e.groupId);
					groupIndex.set(e.groupId, g);
				}
				lastGroupId = e.groupId;
				lastGroup = g;
			}
			group[i] = lastGroup;
			grouped.push(i);
		}
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
		city,
		category,
		month,
		monthEnd,
		flags,
		group,
		groupIds,
		code,
		nKeys,
		keyCategory,
		keyMonth,
		keyMonthEnd,
		keyCommentary,
		ranged: Uint32Array.from(ranged),
		grouped: Uint32Array.from(grouped)
	};
}

/** The columnar encoding of a dataset's events, built on first use and cached per Dataset object. */
export function eventTable(ds: Dataset): EventTable {
	let t = cache.get(ds);
	if (!t) {
		t = encode(ds);
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
	const keyOk = new Uint8Array(t.nKeys);
	for (let key = 0; key < t.nKeys; key++) {
		const m = t.keyMonth[key];
		const me = t.keyMonthEnd[key];
		const span = m === 0 ? f.includeUndated : !f.months || (m <= f.months[1] && me >= f.months[0]);
		const ok = categoryOk[t.keyCategory[key]] && span && (f.includeCommentary || !t.keyCommentary[key]);
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
	const { code, n } = t;
	for (let i = 0; i < n; i++) {
		const x = code[i];
		grid[rowOf[x >>> 16] * width + colOf[x & 0xffff]]++;
	}
	if (groupsOnce) {
		const once = new GroupOnce(grid.length);
		for (const i of t.grouped) {
			const r = rowOf[code[i] >>> 16];
			const c = colOf[code[i] & 0xffff];
			if (r === nRows || c === nCols) continue;
			if (!once.first(t.group[i], r * width + c)) grid[r * width + c]--;
		}
	}
	const cells = new Int32Array(nRows * nCols);
	for (let r = 0; r < nRows; r++) cells.set(grid.subarray(r * width, r * width + nCols), r * nCols);
	return cells;
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
