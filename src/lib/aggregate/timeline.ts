/**
 * The month-by-month timeline: one row per city in view plus one row for national events, twelve
 * month cells and an "undated" cell, and behind every mark the ids of its events.
 *
 * Ranges ("May to June"): an event is one mark, at its first month, and the row lists it under
 * `ranges` with its last month so the chart can draw the span. Each event therefore sits in exactly
 * one cell and the cells of a row add up to the row's event count (with `countGroupsOnce`, the
 * national row counts a group once per cell; city rows hold their own copies anyway).
 *
 * Items the source gives no year for, only placing them before another event ("此前"; `year` null,
 * `before` set), are kept apart from the dated ones and from the 2023 items without a month: they sit
 * in an `earlier` cell of their own, never in a month and never in the undated cell. They pass the
 * month part of the filter as the undated do (`includeUndated`).
 */
import type { Dataset } from '../data/types';
import type { Filter } from './filter';
import { cellsToArray, colMap, compileFilter, countCells, eventTable, MONTH_STRIDE, rowMap } from './table';

export interface TimelineRange {
	eventId: string;
	month: number;
	monthEnd: number;
}

export interface TimelineRow {
	/** null for the national row. */
	cityId: string | null;
	/** counts[m - 1]: events whose (first) month is m. */
	counts: number[];
	/** Events of the year with no month. */
	undated: number;
	/** Items with no year, placed only "earlier" than another event: not in any month or year. */
	earlier: number;
	/** All the row's events: sum of counts plus undated plus earlier. */
	total: number;
	/**
	 * eventIds[m - 1] for months 1–12, eventIds[12] for the undated cell and eventIds[13] for the
	 * earlier cell ([] when not asked for).
	 */
	eventIds: string[][];
	/** The row's events that span several months ([] when ids are not asked for). */
	ranges: TimelineRange[];
}

export interface Timeline {
	/** Cities in view in dataset order, then the national row (when national events are included). */
	rows: TimelineRow[];
	/** Column sums over all rows (with `countGroupsOnce`, a group counts once per month here). */
	totals: { counts: number[]; undated: number; earlier: number; total: number };
}

/** Positions of the year-less ("earlier") events, found once per dataset (few or none). */
const earlierCache = new WeakMap<Dataset, number[]>();
export function earlierIndices(ds: Dataset): number[] {
	let found = earlierCache.get(ds);
	if (!found) {
		found = [];
		const events = ds.events;
		for (let i = 0; i < events.length; i++) if (events[i].year === null) found.push(i);
		earlierCache.set(ds, found);
	}
	return found;
}

export interface TimelineOptions {
	/**
	 * Collect the event ids behind each cell and the spans of ranged events (default true; off for
	 * counts-only views, where it saves a pass that allocates per event).
	 */
	ids?: boolean;
}

/** Sums of the columns of a row-major grid `width` wide. */
function columnSums(cells: Int32Array, width: number): Int32Array {
	const sums = new Int32Array(width);
	for (let j = 0; j < cells.length; j++) sums[j % width] += cells[j];
	return sums;
}

export function timeline(ds: Dataset, filter: Filter = {}, options: TimelineOptions = {}): Timeline {
	const t = eventTable(ds);
	const cf = compileFilter(t, filter);
	const S = MONTH_STRIDE;
	const nCityRows = cf.citiesInView.length;
	const nRows = nCityRows + (cf.f.includeNational ? 1 : 0);
	const slot = new Map(cf.citiesInView.map((c, j) => [c, j]));
	const rowOf = rowMap(cf, nRows, (c) => slot.get(c) as number, nCityRows);
	// column m = first month 1–12, column 0 = undated
	const colOf = colMap(t, cf, S, (key) => t.keyMonth[key]);
	const groupsOnce = cf.f.countGroupsOnce;
	const cells = countCells(t, rowOf, nRows, colOf, S, groupsOnce);
	// the year-less items were counted in the undated cell (month 0): move them to their own cell
	const earlierIdx = earlierIndices(ds);
	const earlier = new Int32Array(nRows);
	let earlierTotal = 0;
	const earlierSet = new Set<number>();
	if (earlierIdx.length) {
		const group = groupsOnce ? t.group : null;
		const seenRow = new Set<string>();
		const seenTotal = new Set<number>();
		for (const i of earlierIdx) {
			const r = rowOf[t.code[i] >>> 16];
			if (r === nRows || colOf[t.code[i] & 0xffff] === S) continue;
			earlierSet.add(i);
			const g = group !== null ? group[i] : -1;
			if (g < 0 || !seenRow.has(`${g}|${r}`)) {
				if (g >= 0) seenRow.add(`${g}|${r}`);
				cells[r * S] -= 1;
				earlier[r] += 1;
			}
			if (g < 0 || !seenTotal.has(g)) {
				if (g >= 0) seenTotal.add(g);
				earlierTotal += 1;
			}
		}
	}
	// column totals: with groups counted once a shared action adds 1 per month, not 1 per city
	const colTotals = groupsOnce
		? countCells(
				t,
				rowMap(cf, 1, () => 0, 0),
				1,
				colOf,
				S,
				true
			)
		: columnSums(cells, S);
	// with groups counted once the totals were counted afresh, earlier items still in the undated cell
	if (groupsOnce) colTotals[0] -= earlierTotal;

	const withIds = options.ids ?? true;
	// the per-cell id lists and ranges are only built when asked for (a counts-only view skips the
	// pass over every row and the nRows × 13 arrays)
	const ids: string[][][] = withIds
		? Array.from({ length: nRows }, () => Array.from({ length: S + 1 }, () => []))
		: [];
	const ranges: TimelineRange[][] = Array.from({ length: nRows }, () => []);
	if (withIds) {
		const { code, n } = t;
		// the group numbering is made on first read: only read it when groups count once
		const group = groupsOnce ? t.group : null;
		const events = ds.events;
		// numeric key of (group, cell): groups × rows × 13 stays far below 2^53
		const seen = new Set<number>();
		const cells = (nRows + 1) * (S + 1);
		for (let i = 0; i < n; i++) {
			const r = rowOf[code[i] >>> 16];
			const m = colOf[code[i] & 0xffff];
			if (r === nRows || m === S) continue;
			// the earlier cell sits after the months and the undated cell
			const cell = earlierSet.has(i) ? S : m;
			if (group !== null && group[i] >= 0) {
				// the cell lists the first copy of each action only, matching its count
				const k = group[i] * cells + r * (S + 1) + cell;
				if (seen.has(k)) continue;
				seen.add(k);
			}
			ids[r][cell].push(events[i].id);
		}
		for (const i of t.ranged) {
			const r = rowOf[code[i] >>> 16];
			const key = code[i] & 0xffff;
			if (r === nRows || colOf[key] === S) continue;
			ranges[r].push({ eventId: events[i].id, month: t.keyMonth[key], monthEnd: t.keyMonthEnd[key] });
		}
	}

	const rows: TimelineRow[] = [];
	for (let r = 0; r < nRows; r++) {
		const counts = cellsToArray(cells, r * S + 1, (r + 1) * S);
		const undated = cells[r * S];
		rows.push({
			cityId: r < nCityRows ? t.cityIds[cf.citiesInView[r]] : null,
			counts,
			undated,
			earlier: earlier[r],
			total: counts.reduce((a, v) => a + v, undated + earlier[r]),
			eventIds: withIds ? [...ids[r].slice(1, S), ids[r][0], ids[r][S]] : [],
			ranges: ranges[r]
		});
	}
	const totCounts = cellsToArray(colTotals, 1, S);
	return {
		rows,
		totals: {
			counts: totCounts,
			undated: colTotals[0],
			earlier: earlierTotal,
			total: totCounts.reduce((a, v) => a + v, colTotals[0] + earlierTotal)
		}
	};
}
