/**
 * Record-level provenance: the event records behind any mark of any chart, so a click on a bar
 * segment, a timeline dot or a cube cell can list exactly what it counts.
 */
import type { Dataset, InnovationEvent } from '../data/types';
import { monthIndex, type Filter } from './filter';
import { compileFilter, eventTable, NATIONAL, rowInView } from './table';

export interface MarkSelector {
	/** A city id; null for the national row; omitted for every row. */
	cityId?: string | null;
	categoryId?: string;
	/**
	 * A month 1–12 selects the events a timeline mark at that month stands for, i.e. events whose
	 * first month it is (a May–June event belongs to May's mark); 'undated' selects the events of the
	 * year with no month; 'earlier' the items with no year, placed only before another event.
	 */
	month?: number | 'undated' | 'earlier';
	/**
	 * Month indices (`monthIndex`), inclusive: the events whose first month lies in them (a timeline
	 * mark of a period). Events without a month are not in any period.
	 */
	period?: [from: number, to: number];
}

/**
 * The records behind a mark, in dataset order. Every record is listed, including each city's copy of
 * an action shared by several cities (with `countGroupsOnce` such copies count once in a total, but
 * they are still the records behind it). Unknown city or category ids select nothing.
 */
export function eventsFor(ds: Dataset, filter: Filter = {}, mark: MarkSelector = {}): InnovationEvent[] {
	const t = eventTable(ds);
	const cf = compileFilter(t, filter);
	let wantCity = -1; // -1: any
	if (mark.cityId === null) wantCity = NATIONAL;
	else if (mark.cityId !== undefined) {
		const c = t.cityIndex.get(mark.cityId);
		if (c === undefined) return [];
		wantCity = c;
	}
	let wantCat = -1;
	if (mark.categoryId !== undefined) {
		const k = t.categoryIndex.get(mark.categoryId);
		if (k === undefined) return [];
		wantCat = k;
	}
	const wantMonth = mark.month === undefined ? -1 : typeof mark.month === 'string' ? 0 : mark.month;
	// the undated cell and the earlier cell share month 0; the period slot tells them apart (0: no year)
	const wantYear = mark.month === 'earlier' ? 'none' : mark.month === undefined ? 'any' : 'given';
	// a period, relative to the table's months (keyStart counts from January of its first year)
	const base = monthIndex(t.firstYear, 1);
	const from = mark.period ? mark.period[0] - base : 0;
	const to = mark.period ? mark.period[1] - base : 0;
	const out: InnovationEvent[] = [];
	// the row's code holds its city and key, the key decoders the rest
	const { code, keyCategory, keyMonth, keyPeriod, keyStart } = t;
	for (let i = 0; i < t.n; i++) {
		if (!rowInView(t, cf, i)) continue;
		const x = code[i];
		const key = x & 0xffff;
		if (wantCity >= 0 && x >>> 16 !== wantCity) continue;
		if (wantCat >= 0 && keyCategory[key] !== wantCat) continue;
		if (wantMonth >= 0 && keyMonth[key] !== wantMonth) continue;
		if (wantYear !== 'any' && (keyPeriod[key] === 0) !== (wantYear === 'none')) continue;
		if (mark.period && (keyStart[key] < 0 || keyStart[key] < from || keyStart[key] > to)) continue;
		out.push(ds.events[i]);
	}
	return out;
}
