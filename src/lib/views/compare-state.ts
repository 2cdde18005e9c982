/**
 * The compare view's state as it lives in the URL (`?cities=shanghai,shenzhen`), and the city search
 * behind its picker. Pure.
 */
import { eventsPerCity } from '$lib/aggregate/counts';
import type { City, Dataset } from '$lib/data/types';
import { parseIdList, toQuery, type UrlNotice } from '$lib/state/url';

export const MIN_CITIES = 2;
export const MAX_CITIES = 4;

export interface CompareState {
	cities: string[];
	notices: UrlNotice[];
	/** True when the URL named no usable selection and the default is shown. */
	isDefault: boolean;
}

/** The default comparison: the three cities with the most events in the event list. */
export function defaultCities(ds: Dataset): string[] {
	return eventsPerCity(ds, { includeCommentary: false })
		.filter((r) => r.count > 0)
		.slice(0, 3)
		.map((r) => r.cityId);
}

export function parseCompareState(params: URLSearchParams, ds: Dataset): CompareState {
	const known = new Set(ds.cities.map((c) => c.id));
	const parsed = parseIdList(params, 'cities', known, { max: MAX_CITIES, min: MIN_CITIES });
	const chosen = parsed.value ?? [];
	if (chosen.length >= MIN_CITIES) return { cities: chosen, notices: parsed.notices, isDefault: false };
	return { cities: defaultCities(ds), notices: parsed.notices, isDefault: true };
}

/** The charts whose marks the compare page keeps in its address when chosen (`?open=<chart>:<key>`). */
export const OPENABLE = ['compare', 'timeline', 'compare-story'] as const;
export type Openable = (typeof OPENABLE)[number];
/** Longest `open` value read: a mark's key is a few ids long; anything longer is not one. */
export const MAX_OPEN = 200;

/** The mark the address says is chosen, or null (absent, too long, or not a chart's mark). Text only. */
export function parseOpen(params: URLSearchParams): { chart: Openable; key: string } | null {
	const raw = params.get('open');
	if (!raw || raw.length > MAX_OPEN) return null;
	const at = raw.indexOf(':');
	const chart = raw.slice(0, at);
	const key = raw.slice(at + 1);
	if (at < 1 || !key) return null;
	return (OPENABLE as readonly string[]).includes(chart) ? { chart: chart as Openable, key } : null;
}

export function compareQuery(
	cities: readonly string[],
	open?: { chart: string; key: string } | null
): string {
	return toQuery([
		['cities', cities],
		['open', open ? `${open.chart}:${open.key}` : null]
	]);
}

/** Lower-cases and strips spaces, hyphens and tone marks, so "Hong Kong", "hongkong" and "hóng" meet. */
export function searchKey(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[\s\-'’·]/g, '');
}

/** Longest text the city finder reads: no city name is near it, and a pasted page costs nothing. */
export const MAX_FINDER_QUERY = 64;

/**
 * Cities matching a query by Chinese name, English name or pinyin; prefix matches first, then
 * substring matches, each in dataset order. Only the first `MAX_FINDER_QUERY` characters are read.
 */
export function findCities(ds: Dataset, query: string, exclude: readonly string[] = [], limit = 8): City[] {
	const q = searchKey(query.slice(0, MAX_FINDER_QUERY));
	if (!q) return [];
	const scored: { city: City; score: number; i: number }[] = [];
	ds.cities.forEach((city, i) => {
		if (exclude.includes(city.id)) return;
		const keys = [city.name.zh, searchKey(city.name.en), city.pinyin, ...(city.aliases ?? []), city.id].map(
			searchKey
		);
		const score = keys.some((k) => k.startsWith(q)) ? 0 : keys.some((k) => k.includes(q)) ? 1 : -1;
		if (score >= 0) scored.push({ city, score, i });
	});
	return scored
		.sort((a, b) => a.score - b.score || a.i - b.i)
		.slice(0, limit)
		.map((s) => s.city);
}

/** Moves the city at `index` by `delta` places (−1 left, +1 right), within bounds. */
export function moveCity(cities: readonly string[], index: number, delta: number): string[] {
	const to = index + delta;
	if (index < 0 || index >= cities.length || to < 0 || to >= cities.length) return [...cities];
	const next = [...cities];
	[next[index], next[to]] = [next[to], next[index]];
	return next;
}
