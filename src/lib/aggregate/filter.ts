/**
 * The dashboard's filter panel as data: which categories, months, clusters and cities are in view,
 * and whether undated, national and commentary items count.
 *
 * Rules (shared by every figure the engine computes):
 * - A list left `undefined` is no constraint. A list that is present is the allowed set, so an empty
 *   list lets nothing through (the panel decides what "nothing ticked" means before calling us).
 *   Unknown ids in a list match nothing.
 * - `months: [from, to]` (1–12, inclusive; swapped if given backwards) keeps a dated event whose
 *   [month, monthEnd] range overlaps it: an event of "May to June" is kept by a filter on June alone.
 *   Undated events are kept iff `includeUndated` (default true), whatever the month range.
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

export interface Filter {
	categories?: string[];
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
	return {
		categories: normaliseList(filter.categories),
		months,
		includeUndated: filter.includeUndated ?? true,
		clusters: normaliseList(filter.clusters),
		cities: normaliseList(filter.cities),
		includeNational: filter.includeNational ?? true,
		includeCommentary: filter.includeCommentary ?? true,
		countGroupsOnce: filter.countGroupsOnce ?? false
	};
}

/** Does a dated or undated span pass the month part of the filter? `month` null means undated. */
export function spanPasses(month: number | null, monthEnd: number | null, f: NormalisedFilter): boolean {
	if (month == null) return f.includeUndated;
	if (!f.months) return true;
	const end = Math.max(month, monthEnd ?? month);
	return month <= f.months[1] && end >= f.months[0];
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
	return spanPasses(e.month, e.monthEnd, f);
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
