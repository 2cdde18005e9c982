/**
 * The month-by-month timeline: one row per city in view plus one row for national events, twelve
 * month cells and an "undated" cell, and behind every mark the ids of its events.
 *
 * Ranges ("May to June"): an event is one mark, at its first month, and the row lists it under
 * `ranges` with its last month so the chart can draw the span. Each event therefore sits in exactly
 * one cell and the cells of a row add up to the row's event count (with `countGroupsOnce`, the
 * national row counts a group once per cell; city rows hold their own copies anyway).
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
	undated: number;
	/** All the row's events: sum of counts plus undated. */
	total: number;
	/** eventIds[m - 1] for months 1–12 and eventIds[12] for the undated cell ([] when not asked for). */
	eventIds: string[][];
	/** The row's events that span several months ([] when ids are not asked for). */
	ranges: TimelineRange[];
}

export interface Timeline {
	/** Cities in view in dataset order, then the national row (when national events are included). */
	rows: TimelineRow[];
	/** Column sums over all rows (with `countGroupsOnce`, a group counts once per month here). */
	totals: { counts: number[]; undated: number; total: number };
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

	const withIds = options.ids ?? true;
	// the per-cell id lists and ranges are only built when asked for (a counts-only view skips the
	// pass over every row and the nRows × 13 arrays)
	const ids: string[][][] = withIds
		? Array.from({ length: nRows }, () => Array.from({ length: S }, () => []))
		: [];
	const ranges: TimelineRange[][] = Array.from({ length: nRows }, () => []);
	if (withIds) {
		const { code, n } = t;
		// the group numbering is made on first read: only read it when groups count once
		const group = groupsOnce ? t.group : null;
		const events = ds.events;
		// numeric key of (group, cell): groups × rows × 13 stays far below 2^53
		const seen = new Set<number>();
		const cells = (nRows + 1) * S;
		for (let i = 0; i < n; i++) {
			const r = rowOf[code[i] >>> 16];
			const m = colOf[code[i] & 0xffff];
			if (r === nRows || m === S) continue;
			if (group !== null && group[i] >= 0) {
				// the cell lists the first copy of each action only, matching its count
				const k = group[i] * cells + r * S + m;
				if (seen.has(k)) continue;
				seen.add(k);
			}
			ids[r][m].push(events[i].id);
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
			total: counts.reduce((a, v) => a + v, undated),
			eventIds: withIds ? [...ids[r].slice(1), ids[r][0]] : [],
			ranges: ranges[r]
		});
	}
	const totCounts = cellsToArray(colTotals, 1, S);
	return {
		rows,
		totals: {
			counts: totCounts,
			undated: colTotals[0],
			total: totCounts.reduce((a, v) => a + v, colTotals[0])
		}
	};
}
