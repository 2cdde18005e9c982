/**
 * The compare view: two to four cities side by side, with one shared value axis so the columns can
 * be read against each other, and what sets each city apart (fields and future-industry tracks).
 */
import type { Dataset } from '../data/types';
import { eventsPerCity } from './counts';
import type { Filter } from './filter';
import { exclusiveTracks, sharedTracks } from './overlap';
import { eventTable } from './table';

export interface CompareColumn {
	cityId: string;
	total: number;
	/** Per category, aligned to `categoryIds`. */
	byCategory: number[];
	/** Categories this city has events in and none of the other compared cities has. */
	uniqueCategories: string[];
	/** Future-industry tracks this city has and none of the other compared cities has. */
	uniqueTracks: string[];
}

export interface Comparison {
	cityIds: string[];
	categoryIds: string[];
	columns: CompareColumn[];
	/** The largest per-category count in any column: the shared axis maximum of the bars. */
	axisMax: number;
	/** The largest total among the columns. */
	totalMax: number;
	/** Categories every compared city has events in. */
	sharedCategories: string[];
	/** Tracks every compared city has. */
	sharedTracks: string[];
}

/**
 * Compares 2–4 cities (columns in the order given) under a filter. The filter's city and cluster
 * lists are ignored: the compared cities are the selection. Throws on a wrong number of cities,
 * a repeated city or an unknown one.
 */
export function compareCities(ds: Dataset, cityIds: readonly string[], filter: Filter = {}): Comparison {
	if (cityIds.length < 2 || cityIds.length > 4) {
		throw new RangeError(`compare takes 2 to 4 cities, got ${cityIds.length}`);
	}
	if (new Set(cityIds).size !== cityIds.length) throw new Error('compare: a city is repeated');
	const t = eventTable(ds);
	for (const id of cityIds) if (!t.cityIndex.has(id)) throw new Error(`compare: unknown city ${id}`);

	const counts = eventsPerCity(ds, { ...filter, cities: [...cityIds], clusters: undefined });
	const rowOf = new Map(counts.map((r) => [r.cityId, r]));
	const rows = cityIds.map((id) => rowOf.get(id) as (typeof counts)[number]);
	const exclusive = new Map(exclusiveTracks(ds, cityIds).map((x) => [x.cityId, x.trackIds]));
	const nk = t.categoryIds.length;

	const columns: CompareColumn[] = rows.map((r) => ({
		cityId: r.cityId,
		total: r.count,
		byCategory: r.byCategory,
		uniqueCategories: t.categoryIds.filter(
			(_, k) => r.byCategory[k] > 0 && rows.every((o) => o === r || o.byCategory[k] === 0)
		),
		uniqueTracks: exclusive.get(r.cityId) ?? []
	}));
	let axisMax = 0;
	let totalMax = 0;
	for (const c of columns) {
		totalMax = Math.max(totalMax, c.total);
		for (let k = 0; k < nk; k++) axisMax = Math.max(axisMax, c.byCategory[k]);
	}
	return {
		cityIds: [...cityIds],
		categoryIds: [...t.categoryIds],
		columns,
		axisMax,
		totalMax,
		sharedCategories: t.categoryIds.filter((_, k) => rows.every((r) => r.byCategory[k] > 0)),
		sharedTracks: sharedTracks(ds, cityIds)
	};
}
