/**
 * The years a dataset covers, in words: what the header names on every page, so this module stays small
 * (no engine, no date formatting) and loads with the header.
 */
import type { Dataset, Locale } from '$lib/data/types';

const yearsCache = new WeakMap<Dataset, number[]>();

/**
 * The years a dataset's events span, first to last ([] when none has a year). One pass over the events,
 * remembered per dataset (the header names the span on every page, so this does not wait for the engine).
 */
export function dataYears(ds: Dataset): number[] {
	let years = yearsCache.get(ds);
	if (!years) {
		let lo = Infinity;
		let hi = -Infinity;
		for (const e of ds.events) {
			if (e.year === null) continue;
			if (e.year < lo) lo = e.year;
			if (e.year > hi) hi = e.year;
		}
		years = [];
		for (let y = lo; y <= hi; y++) years.push(y);
		yearsCache.set(ds, years);
	}
	return years;
}

/**
 * An event's year where the data spans several, as a prefix for "month not given": "2024 · " ('' when
 * the data has one year, which the page names already).
 */
export function yearPrefix(locale: Locale, year: number, ds: Dataset | undefined): string {
	return ds && dataYears(ds).length > 1 ? `${yearsText(locale, [year])} · ` : '';
}

/** Years as a span: "2023", "2023–2025" / "2023年", "2023–2025年" ('' for none). */
export function yearsText(locale: Locale, years: readonly number[]): string {
	if (!years.length) return '';
	const first = years[0];
	const last = years[years.length - 1];
	const span = first === last ? String(first) : `${first}–${last}`;
	return locale === 'zh' ? `${span}年` : span;
}
