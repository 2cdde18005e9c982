/**
 * The period a page is filtered to, in its address (`?from=2024-03&to=2025-06`), and the words that name
 * a period or the span of a dataset. Pure; no DOM.
 *
 * `from` and `to` take a month (`2024-03`) or a whole year (`2024`: January as a start, December as an
 * end). A bare month number (`from=3`), what addresses held when the data had one year, is that month of
 * the data's first year. Anything else is dropped with a notice, like every other parameter.
 */
import { fromMonthIndex, monthIndex, type Filter } from '$lib/aggregate/filter';
import type { Dataset, Locale } from '$lib/data/types';
import { formatMonth, translator } from '$lib/i18n';
import type { Parsed, UrlNotice } from './url';
import { displayValue } from './url';
import { dataYears, yearsText } from './years';

export { dataYears, yearPrefix, yearsText } from './years';

/** Earliest and latest years an address may name (the import's own bounds). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

export interface Period {
	/** Month indices (`monthIndex`), inclusive; null for an open end. */
	from: number | null;
	to: number | null;
}

export const NO_PERIOD: Readonly<Period> = Object.freeze({ from: null, to: null });

function parseEnd(
	raw: string,
	end: 'from' | 'to',
	firstYear: number | null
): number | null | 'bad' | 'range' {
	const s = raw.trim();
	let m = /^(\d{4})-(\d{1,2})$/.exec(s);
	if (m) {
		const year = Number(m[1]);
		const month = Number(m[2]);
		if (month < 1 || month > 12 || year < MIN_YEAR || year > MAX_YEAR) return 'range';
		return monthIndex(year, month);
	}
	m = /^(\d{4})$/.exec(s);
	if (m) {
		const year = Number(m[1]);
		if (year < MIN_YEAR || year > MAX_YEAR) return 'range';
		return monthIndex(year, end === 'from' ? 1 : 12);
	}
	m = /^(\d{1,2})$/.exec(s);
	if (m && firstYear !== null) {
		const month = Number(m[1]);
		if (month < 1 || month > 12) return 'range';
		return monthIndex(firstYear, month);
	}
	return 'bad';
}

/** `from` and `to` from an address. */
export function parsePeriod(params: URLSearchParams, ds: Dataset): Parsed<Period> {
	const years = dataYears(ds);
	const notices: UrlNotice[] = [];
	const read = (param: 'from' | 'to'): number | null => {
		const raw = params.get(param);
		if (raw === null || raw === '') return null;
		const v = raw.length > 16 ? 'bad' : parseEnd(raw, param, years[0] ?? null);
		if (typeof v === 'number') return v;
		notices.push({ param, value: displayValue(raw), reason: v === 'range' ? 'outOfRange' : 'malformed' });
		return null;
	};
	// a backwards pair is kept as written (the address round-trips); the filter puts it in order
	return { value: { from: read('from'), to: read('to') }, notices };
}

/** A month index as an address value: `2024-03`. */
export function monthParam(index: number | null): string | null {
	if (index === null) return null;
	const { year, month } = fromMonthIndex(index);
	return `${year}-${String(month).padStart(2, '0')}`;
}

/** The period's entries for `toQuery`, in its fixed order. */
export function periodEntries(p: Period): [string, string | null][] {
	return [
		['from', monthParam(p.from)],
		['to', monthParam(p.to)]
	];
}

/** The filter's period, or nothing when both ends are open. */
export function periodFilter(p: Period): Pick<Filter, 'period'> {
	return p.from === null && p.to === null ? {} : { period: [p.from, p.to] };
}

/**
 * The period in view in words: the filter's ends where set, the data's years otherwise. "2023",
 * "2023–2025", "March 2024 – June 2025" / "2024年3月至2025年6月".
 */
export function periodText(locale: Locale, years: readonly number[], p: Period = NO_PERIOD): string {
	if (p.from === null && p.to === null) return yearsText(locale, years);
	// whole years (January to December) are named as years: "2024", "2024–2025"
	const start = p.from === null ? null : fromMonthIndex(p.from);
	const end = p.to === null ? null : fromMonthIndex(p.to);
	const y0 = start ? start.year : years[0];
	const y1 = end ? end.year : years[years.length - 1];
	if (
		y0 !== undefined &&
		y1 !== undefined &&
		y0 <= y1 &&
		(start?.month ?? 1) === 1 &&
		(end?.month ?? 12) === 12
	)
		return yearsText(locale, [y0, y1]);
	const tr = translator(locale);
	const month = (index: number) => {
		const { year, month } = fromMonthIndex(index);
		return formatMonth(locale, year, month);
	};
	const year = (y: number | undefined) => (y === undefined ? '' : yearsText(locale, [y]));
	const from = p.from !== null ? month(p.from) : year(years[0]);
	const to = p.to !== null ? month(p.to) : year(years[years.length - 1]);
	if (p.from !== null && p.to !== null && p.from === p.to) return from;
	return tr('period.range', { from, to });
}

/** The period a figure of a dataset under a filter covers, in words (the filter's ends, else the data's years). */
export function viewPeriod(locale: Locale, ds: Dataset, filter: Filter = {}): string {
	const [from, to] = filter.period ?? [null, null];
	return periodText(locale, dataYears(ds), { from, to });
}
