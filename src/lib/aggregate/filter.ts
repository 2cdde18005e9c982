/**
 * The dashboard's filter panel as data: which categories, months, clusters and cities are in view,
 * and whether undated, national and commentary items count.
 *
 * Rules (shared by every figure the engine computes):
 * - A list left `undefined` is no constraint. A list that is present is the allowed set, so an empty
 *   list lets nothing through (the panel decides what "nothing ticked" means before calling us).
 *   Unknown ids in a list match nothing.
 * - `period: [from, to]` (month indices, `monthIndex(year, month)`, inclusive; either end may be null
 *   for an open end; swapped if given backwards) keeps a dated event whose span overlaps it: an event
 *   of "May to June 2024" is kept by a period of June 2024 alone, one of "November 2023 to February
 *   2024" by January 2024. An event with a year but no month is kept when its year overlaps the
 *   period (and `includeUndated`); an item with no year only by `includeUndated`.
 * - `months: [from, to]` (1–12, inclusive; swapped if given backwards) keeps a dated event whose
 *   months of the year overlap it, in any year: an event of "May to June" is kept by a filter on June
 *   alone. Undated events are kept iff `includeUndated` (default true), whatever the month range.
 * - Events without a month (with or without a year) are kept iff `includeUndated` (default true).
 * - National events (cityId null) are kept iff `includeNational` (default true). The city and
 *   cluster lists do not apply to them: they never appear in city counts, but the timeline shows
 *   them in their own row.
 * - Commentary items (source.section 'commentary') are kept iff `includeCommentary` (default true).
 * - `countGroupsOnce` (default false): the per-city copies of one action that names several cities
 *   share a groupId. When set, every count is a count of distinct actions *in its own cell*: the
 *   copies of one group add 1 to a total, a category total, a cluster or a month, however many cities
 *   they name; a city still counts its own copy (its cell holds one member of the group). Adding up
 *   per-city figures therefore gives more than the total when groups span cities; that is the point.
 */
import type { Dataset, InnovationEvent } from '../data/types';

/** A month as one number counted from January of year 0: `year * 12 + month - 1`. */
export function monthIndex(year: number, month: number): number {
	return year * 12 + month - 1;
}

/** The year and month (1–12) of a month index. */
export function fromMonthIndex(index: number): { year: number; month: number } {
	return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

export interface Filter {
	categories?: string[];
	/** Month indices (`monthIndex`), inclusive; null for an open end. */
	period?: [from: number | null, to: number | null] | null;
	months?: [from: number, to: number];
	includeUndated?: boolean;
	clusters?: string[];
	cities?: string[];
	includeNational?: boolean;
	includeCommentary?: boolean;
	countGroupsOnce?: boolean;
}

/** A filter with every default filled in; list constraints stay `null` when absent. */
export interface NormalisedFilter {
	categories: string[] | null;
	/** Null when both ends are open. */
	period: [from: number | null, to: number | null] | null;
	months: [from: number, to: number] | null;
	includeUndated: boolean;
	clusters: string[] | null;
	cities: string[] | null;
	includeNational: boolean;
	includeCommentary: boolean;
	countGroupsOnce: boolean;
}

function normaliseList(list: string[] | undefined | null): string[] | null {
	if (list == null) return null;
	return [...new Set(list)].sort();
}

function clampMonth(m: number): number {
	if (!Number.isFinite(m)) throw new RangeError(`month must be a number 1–12, got ${m}`);
	return Math.min(12, Math.max(1, Math.round(m)));
}

/**
 * Fills in defaults, de-duplicates and sorts lists, orders and clamps the month range. Pure and
 * idempotent (a normalised filter normalises to an equal one).
 */
export function normaliseFilter(filter: Filter | NormalisedFilter = {}): NormalisedFilter {
	let months: [number, number] | null = null;
	if (filter.months) {
		const a = clampMonth(filter.months[0]);
		const b = clampMonth(filter.months[1]);
		months = a <= b ? [a, b] : [b, a];
	}
	let period: [number | null, number | null] | null = null;
	if (filter.period) {
		const end = (v: number | null) => {
			if (v === null || v === undefined) return null;
			if (!Number.isFinite(v)) throw new RangeError(`period ends must be month indices, got ${v}`);
			return Math.round(v);
		};
		let a = end(filter.period[0]);
		let b = end(filter.period[1]);
		if (a !== null && b !== null && a > b) [a, b] = [b, a];
		if (a !== null || b !== null) period = [a, b];
	}
	return {
		categories: normaliseList(filter.categories),
		period,
		months,
		includeUndated: filter.includeUndated ?? true,
		clusters: normaliseList(filter.clusters),
		cities: normaliseList(filter.cities),
		includeNational: filter.includeNational ?? true,
		includeCommentary: filter.includeCommentary ?? true,
		countGroupsOnce: filter.countGroupsOnce ?? false
	};
}

/**
 * Months a range runs past its first month: 0 for a single month, `monthEnd - month` within a year,
 * and across a year's end when the last month is before the first ("November to February" is
 * month 11, monthEnd 2: three months on, in the next year).
 */
export function spanOf(month: number, monthEnd: number | null): number {
	if (monthEnd === null || monthEnd === month) return 0;
	return monthEnd > month ? monthEnd - month : monthEnd + 12 - month;
}

/** Does a span of `span` months from month `month` (of any year) touch the months [from, to] of a year? */
function monthsOverlap(month: number, span: number, from: number, to: number): boolean {
	if (span >= 11) return true;
	for (let k = 0; k <= span; k++) {
		const m = ((month - 1 + k) % 12) + 1;
		if (m >= from && m <= to) return true;
	}
	return false;
}

/**
 * Does an event's time pass the time part of the filter? `year` null: an item with no year;
 * `month` null: no month. The one rule the columnar filter compiles, key by key.
 */
export function timePasses(
	year: number | null,
	month: number | null,
	monthEnd: number | null,
	f: NormalisedFilter
): boolean {
	if (month === null || year === null) {
		if (!f.includeUndated) return false;
		if (year === null || !f.period) return true;
		// a year without a month: kept when the year overlaps the period
		const [from, to] = f.period;
		return (to === null || monthIndex(year, 1) <= to) && (from === null || monthIndex(year, 12) >= from);
	}
	const span = spanOf(month, monthEnd);
	if (f.months && !monthsOverlap(month, span, f.months[0], f.months[1])) return false;
	if (f.period) {
		const start = monthIndex(year, month);
		const [from, to] = f.period;
		if (to !== null && start > to) return false;
		if (from !== null && start + span < from) return false;
	}
	return true;
}

/** Does a dated or undated span pass the month part of the filter? `month` null means undated. */
export function spanPasses(month: number | null, monthEnd: number | null, f: NormalisedFilter): boolean {
	if (month == null) return f.includeUndated;
	if (!f.months) return true;
	return monthsOverlap(month, spanOf(month, monthEnd), f.months[0], f.months[1]);
}

/**
 * The filter as a plain predicate on event records (the reference the fast columnar passes are
 * tested against, and what a list view can use directly). `clusterOf` maps a city id to its
 * cluster id; cities missing from it pass no cluster constraint.
 */
export function matchesFilter(
	e: InnovationEvent,
	f: NormalisedFilter,
	clusterOf: ReadonlyMap<string, string>
): boolean {
	if (e.cityId == null) {
		if (!f.includeNational) return false;
	} else {
		if (f.cities && !f.cities.includes(e.cityId)) return false;
		if (f.clusters) {
			const cl = clusterOf.get(e.cityId);
			if (cl === undefined || !f.clusters.includes(cl)) return false;
		}
	}
	if (f.categories && !f.categories.includes(e.categoryId)) return false;
	if (!f.includeCommentary && e.source.section === 'commentary') return false;
	return timePasses(e.year, e.month, e.monthEnd, f);
}

/** Builds `(event) => boolean` for a dataset and a filter. */
export function eventPredicate(ds: Dataset, filter: Filter = {}): (e: InnovationEvent) => boolean {
	const f = normaliseFilter(filter);
	const clusterOf = new Map(ds.cities.map((c) => [c.id, c.cluster]));
	return (e) => matchesFilter(e, f, clusterOf);
}

/** Is a city (by id and cluster) in view under the city and cluster lists? */
export function cityInView(cityId: string, clusterId: string, f: NormalisedFilter): boolean {
	if (f.cities && !f.cities.includes(cityId)) return false;
	if (f.clusters && !f.clusters.includes(clusterId)) return false;
	return true;
}
