/**
 * The timeline: one row per city in view plus one row for national events, one cell per period of
 * the data's span (months, quarters or years: the step follows the span), then a cell for the events
 * with a year but no month and one for the items with no year; behind every mark the ids of its events.
 *
 * Periods are of the calendar: a cell is a month (or quarter, or year) of one year, so events of the
 * same month in different years never share a cell. The axis spans the years of the data, or of the
 * filter's period where one is set; with one year of data (the built-in 2023) it is that year's twelve
 * months, as before.
 *
 * Ranges ("May to June", "November 2023 to February 2024"): an event is one mark, in the period of its
 * first month (or the axis' first period, when it began before the period filtered to), and the row
 * lists it under `ranges` with the last period it reaches so the chart can draw the span. Each event
 * therefore sits in exactly one cell and the cells of a row add up to the row's event count (with
 * `countGroupsOnce`, the national row counts a group once per cell; city rows hold their own copies
 * anyway).
 *
 * Events with a year but no month sit in the `undated` cell when the step is finer than a year, and
 * in their year's cell when the step is a year. Items the source gives no year for, only placing them
 * before another event ("此前"; `year` null, `before` set), are kept apart from both: they sit in an
 * `earlier` cell of their own, never in a period. They pass the filter as the undated do
 * (`includeUndated`).
 */
import type { Dataset } from '../data/types';
import { fromMonthIndex, monthIndex, normaliseFilter, type Filter } from './filter';
import {
	cellsToArray,
	colMap,
	compileFilter,
	countCells,
	eventTable,
	rowMap,
	type EventTable
} from './table';

export type TimeStep = 'month' | 'quarter' | 'year';

/** Months in a period of each step. */
export const STEP_MONTHS: Record<TimeStep, number> = { month: 1, quarter: 3, year: 12 };

export interface TimelinePeriod {
	/** '2023-05', '2024-Q2' or '2025': stable in addresses and mark keys. */
	key: string;
	year: number;
	/** The month (1–12) or quarter (1–4) within the year; null when the step is a year. */
	part: number | null;
	/** First and last month of the period as month indices (`monthIndex`). */
	from: number;
	to: number;
}

export interface TimelineRange {
	eventId: string;
	/** Position (1-based) of the period the event starts in (for a year of months, its month). */
	month: number;
	/** Position (1-based) of the last period it reaches. */
	monthEnd: number;
}

export interface TimelineRow {
	/** null for the national row. */
	cityId: string | null;
	/** counts[j]: events whose (first) month lies in `periods[j]`. */
	counts: number[];
	/** Events with a year and no month, when the step is finer than a year (else 0: they are in `counts`). */
	undated: number;
	/** Items with no year, placed only "earlier" than another event: not in any period. */
	earlier: number;
	/** All the row's events: sum of counts plus undated plus earlier. */
	total: number;
	/**
	 * eventIds[j] for the periods, then one list for the undated cell and one for the earlier cell
	 * ([] when not asked for).
	 */
	eventIds: string[][];
	/** The row's events that span several periods ([] when ids are not asked for). */
	ranges: TimelineRange[];
}

export interface Timeline {
	step: TimeStep;
	/** The axis: every period from the first to the last year shown, in order. */
	periods: TimelinePeriod[];
	/** The years the axis spans, in order ([] when no event in view has a year). */
	years: number[];
	/** Cities in view in dataset order, then the national row (when national events are included). */
	rows: TimelineRow[];
	/** Column sums over all rows (with `countGroupsOnce`, a group counts once per period here). */
	totals: { counts: number[]; undated: number; earlier: number; total: number };
}

export interface TimelineOptions {
	/**
	 * Collect the event ids behind each cell and the spans of ranged events (default true; off for
	 * counts-only views, where it saves a pass that allocates per event).
	 */
	ids?: boolean;
	/** The step of the axis; 'auto' (default) picks it from the span: `stepFor`. */
	step?: TimeStep | 'auto';
}

/** Months for up to two years, quarters for up to six, then years. */
export function stepFor(years: number): TimeStep {
	return years <= 2 ? 'month' : years <= 6 ? 'quarter' : 'year';
}

/** The years of a table's data, cut to a filter's period (open ends take the data's). */
export function axisYears(t: EventTable, period: [number | null, number | null] | null): number[] {
	if (t.nYears === 0 && !(period && period[0] !== null && period[1] !== null)) return [];
	let first = t.firstYear;
	let last = t.firstYear + t.nYears - 1;
	if (period) {
		if (period[0] !== null) first = fromMonthIndex(period[0]).year;
		if (period[1] !== null) last = fromMonthIndex(period[1]).year;
		if (t.nYears === 0 && (period[0] === null || period[1] === null)) return [];
	}
	const years: number[] = [];
	for (let y = first; y <= last; y++) years.push(y);
	return years;
}

/** The periods of a span of years at a step. */
export function periodsOf(years: readonly number[], step: TimeStep): TimelinePeriod[] {
	const size = STEP_MONTHS[step];
	const out: TimelinePeriod[] = [];
	for (const year of years) {
		for (let part = 1; part <= 12 / size; part++) {
			const from = monthIndex(year, (part - 1) * size + 1);
			const key =
				step === 'month'
					? `${year}-${String(part).padStart(2, '0')}`
					: step === 'quarter'
						? `${year}-Q${part}`
						: String(year);
			out.push({ key, year, part: step === 'year' ? null : part, from, to: from + size - 1 });
		}
	}
	return out;
}

/** Sums of the columns of a row-major grid `width` wide. */
function columnSums(cells: Int32Array, width: number): Int32Array {
	const sums = new Int32Array(width);
	for (let j = 0; j < cells.length; j++) sums[j % width] += cells[j];
	return sums;
}

export function timeline(ds: Dataset, filter: Filter = {}, options: TimelineOptions = {}): Timeline {
	const t = eventTable(ds);
	const f = normaliseFilter(filter);
	const cf = compileFilter(t, f);
	const years = axisYears(t, f.period);
	const step = !options.step || options.step === 'auto' ? stepFor(years.length) : options.step;
	const size = STEP_MONTHS[step];
	const periods = periodsOf(years, step);
	const nP = periods.length;
	const axisFrom = periods.length ? periods[0].from : 0;
	// columns: the periods, the undated cell, the earlier cell
	const UNDATED = nP;
	const EARLIER = nP + 1;
	const C = nP + 2;
	const periodOfMonth = (index: number) =>
		Math.min(nP - 1, Math.max(0, Math.floor((index - axisFrom) / size)));
	const base = monthIndex(t.firstYear, 1);
	const colOfKey = (key: number): number => {
		if (t.keyPeriod[key] === 0) return EARLIER;
		if (nP === 0) return C; // no axis: nothing dated is in view
		if (t.keyMonth[key] === 0)
			return step === 'year' ? periodOfMonth(monthIndex(t.keyYear[key], 1)) : UNDATED;
		return periodOfMonth(base + t.keyStart[key]);
	};

	const nCityRows = cf.citiesInView.length;
	const nRows = nCityRows + (cf.f.includeNational ? 1 : 0);
	const slot = new Map(cf.citiesInView.map((c, j) => [c, j]));
	const rowOf = rowMap(cf, nRows, (c) => slot.get(c) as number, nCityRows);
	const colOf = colMap(t, cf, C, colOfKey);
	const groupsOnce = cf.f.countGroupsOnce;
	const cells = countCells(t, rowOf, nRows, colOf, C, groupsOnce);
	// column totals: with groups counted once a shared action adds 1 per period, not 1 per city
	const colTotals = groupsOnce
		? countCells(
				t,
				rowMap(cf, 1, () => 0, 0),
				1,
				colOf,
				C,
				true
			)
		: columnSums(cells, C);

	const withIds = options.ids ?? true;
	// the per-cell id lists and ranges are only built when asked for (a counts-only view skips the
	// pass over every row and the nRows × C arrays)
	const ids: string[][][] = withIds
		? Array.from({ length: nRows }, () => Array.from({ length: C }, () => []))
		: [];
	const ranges: TimelineRange[][] = Array.from({ length: nRows }, () => []);
	if (withIds) {
		const { code, n } = t;
		// the group numbering is made on first read: only read it when groups count once
		const group = groupsOnce ? t.group : null;
		const events = ds.events;
		// numeric key of (group, cell): groups × rows × columns stays far below 2^53
		const seen = new Set<number>();
		const cellCount = (nRows + 1) * (C + 1);
		for (let i = 0; i < n; i++) {
			const r = rowOf[code[i] >>> 16];
			const cell = colOf[code[i] & 0xffff];
			if (r === nRows || cell === C) continue;
			if (group !== null && group[i] >= 0) {
				// the cell lists the first copy of each action only, matching its count
				const k = group[i] * cellCount + r * (C + 1) + cell;
				if (seen.has(k)) continue;
				seen.add(k);
			}
			ids[r][cell].push(events[i].id);
		}
		for (const i of t.ranged) {
			const r = rowOf[code[i] >>> 16];
			const key = code[i] & 0xffff;
			const start = colOf[key];
			if (r === nRows || start === C) continue;
			const end = periodOfMonth(base + t.keyEnd[key]);
			if (end > start) ranges[r].push({ eventId: events[i].id, month: start + 1, monthEnd: end + 1 });
		}
	}

	const rows: TimelineRow[] = [];
	for (let r = 0; r < nRows; r++) {
		const counts = cellsToArray(cells, r * C, r * C + nP);
		const undated = cells[r * C + UNDATED];
		const earlier = cells[r * C + EARLIER];
		rows.push({
			cityId: r < nCityRows ? t.cityIds[cf.citiesInView[r]] : null,
			counts,
			undated,
			earlier,
			total: counts.reduce((a, v) => a + v, undated + earlier),
			eventIds: withIds ? ids[r] : [],
			ranges: ranges[r]
		});
	}
	const totCounts = cellsToArray(colTotals, 0, nP);
	return {
		step,
		periods,
		years,
		rows,
		totals: {
			counts: totCounts,
			undated: colTotals[UNDATED],
			earlier: colTotals[EARLIER],
			total: totCounts.reduce((a, v) => a + v, colTotals[UNDATED] + colTotals[EARLIER])
		}
	};
}
