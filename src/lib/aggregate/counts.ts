/**
 * Event counts for the ranking bars: per city, per cluster, the headline totals, and the
 * city × category × month cube the small multiples are cut from.
 */
import type { Dataset } from '../data/types';
import type { Filter } from './filter';
import {
	cellsToArray,
	colMap,
	compileFilter,
	countCells,
	eventTable,
	rowMap,
	type EventTable
} from './table';

export interface CityCountRow {
	cityId: string;
	count: number;
	/** Counts per category, aligned to the dataset's categories sorted by `order`. */
	byCategory: number[];
	/** Competition rank: 1 for the most events; equal counts share a rank (1, 2, 2, 4). */
	rank: number;
}

export interface ClusterCountRow {
	clusterId: string;
	count: number;
	byCategory: number[];
	rank: number;
	/** Cities of the cluster in view. */
	cities: number;
}

/** Sorts by count desc then `tie` asc, and writes competition ranks. */
function rankRows<T extends { count: number; rank: number }>(rows: T[], tie: (r: T) => number): T[] {
	rows.sort((a, b) => b.count - a.count || tie(a) - tie(b));
	for (let i = 0; i < rows.length; i++) {
		rows[i].rank = i > 0 && rows[i].count === rows[i - 1].count ? rows[i - 1].rank : i + 1;
	}
	return rows;
}

/** Sums a row of a row-major grid. */
function sumRow(cells: Int32Array, r: number, width: number): number {
	let s = 0;
	for (let j = r * width; j < (r + 1) * width; j++) s += cells[j];
	return s;
}

/**
 * Events per city in view, ranked: count desc, then the city's position in ds.cities (ids are
 * unique there, so the order is total). Cities with no event under the filter come last with
 * count 0. National events never count for a city.
 */
export function eventsPerCity(ds: Dataset, filter: Filter = {}): CityCountRow[] {
	const t = eventTable(ds);
	const cf = compileFilter(t, filter);
	const nk = t.categoryIds.length;
	const nc = t.cityIds.length;
	const cells = countCells(
		t,
		rowMap(cf, nc, (c) => c),
		nc,
		colMap(t, cf, nk, (key) => t.keyCategory[key]),
		nk,
		cf.f.countGroupsOnce
	);
	const rows: (CityCountRow & { order: number })[] = cf.citiesInView.map((c) => ({
		cityId: t.cityIds[c],
		count: sumRow(cells, c, nk),
		byCategory: cellsToArray(cells, c * nk, (c + 1) * nk),
		rank: 0,
		order: c
	}));
	return rankRows(rows, (r) => r.order).map(({ order: _order, ...row }) => row);
}

/**
 * Events per cluster (cities in view only; national events excluded), ranked like cities with the
 * cluster's `order` as tie-break. With `countGroupsOnce`, copies of one action in two cities of the
 * same cluster count once for that cluster.
 */
export function eventsPerCluster(ds: Dataset, filter: Filter = {}): ClusterCountRow[] {
	const t = eventTable(ds);
	const cf = compileFilter(t, filter);
	const nk = t.categoryIds.length;
	const nl = t.clusterIds.length;
	const cells = countCells(
		t,
		rowMap(cf, nl, (c) => t.cityCluster[c]),
		nl,
		colMap(t, cf, nk, (key) => t.keyCategory[key]),
		nk,
		cf.f.countGroupsOnce
	);
	const citiesPer = new Array<number>(nl).fill(0);
	for (const c of cf.citiesInView) citiesPer[t.cityCluster[c]]++;
	const rows: (ClusterCountRow & { order: number })[] = [];
	for (let l = 0; l < nl; l++) {
		if (cf.f.clusters && !cf.f.clusters.includes(t.clusterIds[l])) continue;
		rows.push({
			clusterId: t.clusterIds[l],
			count: sumRow(cells, l, nk),
			byCategory: cellsToArray(cells, l * nk, (l + 1) * nk),
			rank: 0,
			cities: citiesPer[l],
			order: l
		});
	}
	return rankRows(rows, (r) => r.order).map(({ order: _order, ...row }) => row);
}

export interface EventTotals {
	/** All events in view: city events of cities in view plus national events (if included). */
	total: number;
	/** Events of cities in view. */
	city: number;
	national: number;
	undated: number;
	/** `total` split by category (categories sorted by `order`). */
	byCategory: number[];
}

/**
 * The headline figures. With `countGroupsOnce`, the per-city copies of one action count once in
 * every field here (a group counts once per category and month, and its copies share both).
 */
export function eventTotals(ds: Dataset, filter: Filter = {}): EventTotals {
	const t = eventTable(ds);
	const cf = compileFilter(t, filter);
	const nk = t.categoryIds.length;
	// row 0: cities in view, row 1: national; columns: category × (dated, no month)
	const cells = countCells(
		t,
		rowMap(cf, 2, () => 0, 1),
		2,
		colMap(t, cf, nk * 2, (key) => t.keyCategory[key] * 2 + (t.keyMonth[key] === 0 ? 1 : 0)),
		nk * 2,
		cf.f.countGroupsOnce
	);
	const byCategory = new Array<number>(nk).fill(0);
	let national = 0;
	let undated = 0;
	for (let r = 0; r < 2; r++) {
		for (let k = 0; k < nk; k++) {
			for (let m = 0; m < 2; m++) {
				const v = cells[r * nk * 2 + k * 2 + m];
				byCategory[k] += v;
				if (r === 1) national += v;
				if (m === 1) undated += v;
			}
		}
	}
	const total = byCategory.reduce((s, v) => s + v, 0);
	return { total, city: total - national, national, undated, byCategory };
}

export interface EventCube {
	/** Cities in view, dataset order. */
	cityIds: string[];
	categoryIds: string[];
	/**
	 * The period slots: 0 for items with no year, then per year (`firstYear + y`) 13 slots, `1 + y * 13`
	 * for its events without a month and `1 + y * 13 + m` for month m (see `EventTable.keyPeriod`).
	 */
	firstYear: number;
	nPeriods: number;
	/**
	 * counts[(ci * categories + k) * nPeriods + p]: events of city `cityIds[ci]`, category k, whose
	 * first month is in period slot p. National events are not in the cube.
	 */
	counts: Int32Array;
}

/**
 * City × category × period (year and month) counts in one pass (the cube every per-city figure can be
 * cut from).
 */
export function eventCube(ds: Dataset, filter: Filter = {}): EventCube {
	const t: EventTable = eventTable(ds);
	const cf = compileFilter(t, filter);
	const nk = t.categoryIds.length;
	const S = t.nPeriods;
	const slot = new Map(cf.citiesInView.map((c, j) => [c, j]));
	const nRows = cf.citiesInView.length;
	const counts = countCells(
		t,
		rowMap(cf, nRows, (c) => slot.get(c) as number),
		nRows,
		colMap(t, cf, nk * S, (key) => t.keyCategory[key] * S + t.keyPeriod[key]),
		nk * S,
		cf.f.countGroupsOnce
	);
	return {
		firstYear: t.firstYear,
		nPeriods: S,
		cityIds: cf.citiesInView.map((c) => t.cityIds[c]),
		categoryIds: [...t.categoryIds],
		counts
	};
}

export interface YearCounts {
	/** The years of the data, first to last (the filter's period may leave some empty). */
	years: number[];
	/** Cities in view, dataset order. */
	cityIds: string[];
	categoryIds: string[];
	/**
	 * counts[(ci * categories + k) * years + y]: events of city `cityIds[ci]`, category k, in year
	 * `years[y]` (items with no year are in no year; national events in no city).
	 */
	counts: Int32Array;
}

/** City × category × year counts in one pass: what change between years is read from. */
export function yearCounts(ds: Dataset, filter: Filter = {}): YearCounts {
	const t = eventTable(ds);
	const cf = compileFilter(t, filter);
	const nk = t.categoryIds.length;
	const ny = t.nYears;
	const slot = new Map(cf.citiesInView.map((c, j) => [c, j]));
	const nRows = cf.citiesInView.length;
	const nCols = nk * ny;
	const counts = countCells(
		t,
		rowMap(cf, nRows, (c) => slot.get(c) as number),
		nRows,
		colMap(t, cf, nCols, (key) =>
			t.keyPeriod[key] === 0 ? nCols : t.keyCategory[key] * ny + (t.keyYear[key] - t.firstYear)
		),
		nCols,
		cf.f.countGroupsOnce
	);
	return {
		years: Array.from({ length: ny }, (_, i) => t.firstYear + i),
		cityIds: cf.citiesInView.map((c) => t.cityIds[c]),
		categoryIds: [...t.categoryIds],
		counts
	};
}
