/**
 * View state in the URL: parsers that turn query parameters into typed values, dropping anything unknown
 * or malformed with a notice the page shows politely (as text — values are never rendered as HTML), and a
 * serialiser that writes the state back in a stable order so equal views have equal URLs.
 * Pure; no DOM. Pages derive their state from `page.url` and navigate to change it, so reload, back and
 * forward, and a shared link all reproduce the view.
 */

export type NoticeReason = 'unknown' | 'malformed' | 'duplicate' | 'tooMany' | 'tooFew' | 'outOfRange';

export interface UrlNotice {
	param: string;
	/** The offending value, cleaned of control characters and shortened for display. */
	value: string;
	reason: NoticeReason;
}

export interface Parsed<T> {
	value: T;
	notices: UrlNotice[];
}

const MAX_SHOWN = 40;

/** A raw value made safe to show: control and bidi-override characters removed, length capped. */
export function displayValue(raw: string): string {
	// eslint-disable-next-line no-control-regex
	const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
	return clean.length > MAX_SHOWN ? clean.slice(0, MAX_SHOWN) + '…' : clean;
}

const notice = (param: string, value: string, reason: NoticeReason): UrlNotice => ({
	param,
	value: displayValue(value),
	reason
});

/**
 * A comma-separated list of ids from a known set (e.g. `?cities=shanghai,shenzhen`). Unknown, empty and
 * repeated ids are dropped; past `max` the rest are dropped. Order is kept (it is the reader's order).
 */
export function parseIdList(
	params: URLSearchParams,
	param: string,
	known: ReadonlySet<string>,
	{ max = Infinity, min = 0 }: { max?: number; min?: number } = {}
): Parsed<string[] | null> {
	const all = params.getAll(param);
	if (all.length === 0) return { value: null, notices: [] };
	const notices: UrlNotice[] = [];
	const value: string[] = [];
	for (const part of all.join(',').split(',')) {
		const id = part.trim().toLowerCase();
		if (!id) {
			if (part.length || all.join(',').includes(',,')) notices.push(notice(param, part, 'malformed'));
			continue;
		}
		if (!known.has(id)) notices.push(notice(param, part, 'unknown'));
		else if (value.includes(id)) notices.push(notice(param, part, 'duplicate'));
		else if (value.length >= max) notices.push(notice(param, part, 'tooMany'));
		else value.push(id);
	}
	// one notice for a run of empty items is enough
	const deduped = notices.filter(
		(n, i) => n.reason !== 'malformed' || notices.findIndex((m) => m.reason === 'malformed') === i
	);
	if (value.length < min && value.length > 0) deduped.push(notice(param, value.join(','), 'tooFew'));
	return { value, notices: deduped };
}

/** One value from a fixed set; anything else falls back with a notice. */
export function parseEnum<T extends string>(
	params: URLSearchParams,
	param: string,
	allowed: readonly T[],
	fallback: T
): Parsed<T> {
	const raw = params.get(param);
	if (raw === null) return { value: fallback, notices: [] };
	if ((allowed as readonly string[]).includes(raw)) return { value: raw as T, notices: [] };
	return { value: fallback, notices: [notice(param, raw, 'unknown')] };
}

/** An integer within [min, max] (e.g. a month 1–12). */
export function parseInteger(
	params: URLSearchParams,
	param: string,
	min: number,
	max: number
): Parsed<number | null> {
	const raw = params.get(param);
	if (raw === null || raw === '') return { value: null, notices: [] };
	if (!/^-?\d{1,6}$/.test(raw.trim())) return { value: null, notices: [notice(param, raw, 'malformed')] };
	const n = Number(raw.trim());
	if (n < min || n > max) return { value: null, notices: [notice(param, raw, 'outOfRange')] };
	return { value: n, notices: [] };
}

/** A flag written as `1`/`0` (also true/false, yes/no). */
export function parseFlag(params: URLSearchParams, param: string, fallback: boolean): Parsed<boolean> {
	const raw = params.get(param);
	if (raw === null) return { value: fallback, notices: [] };
	if (['1', 'true', 'yes', 'on'].includes(raw)) return { value: true, notices: [] };
	if (['0', 'false', 'no', 'off'].includes(raw)) return { value: false, notices: [] };
	return { value: fallback, notices: [notice(param, raw, 'malformed')] };
}

/** Free text (a search box): control characters removed, capped at `maxLength`. */
export function parseText(params: URLSearchParams, param: string, maxLength = 200): Parsed<string> {
	const raw = params.get(param);
	if (raw === null) return { value: '', notices: [] };
	// eslint-disable-next-line no-control-regex
	const clean = raw.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '');
	if (clean.length > maxLength) {
		return { value: clean.slice(0, maxLength), notices: [notice(param, raw, 'outOfRange')] };
	}
	return { value: clean, notices: [] };
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

/**
 * Writes state as a query string in the given key order, leaving out values equal to their default
 * (so the default view has a clean URL). Lists are comma-joined; booleans are 1/0.
 */
export function toQuery(entries: [key: string, value: QueryValue, fallback?: QueryValue][]): string {
	const params = new URLSearchParams();
	for (const [key, value, fallback] of entries) {
		if (value === null || value === undefined) continue;
		if (Array.isArray(value)) {
			if (value.length === 0) continue;
			if (Array.isArray(fallback) && fallback.join(',') === value.join(',')) continue;
			params.set(key, value.join(','));
		} else if (typeof value === 'boolean') {
			if (value === fallback) continue;
			params.set(key, value ? '1' : '0');
		} else {
			if (value === fallback || value === '') continue;
			params.set(key, String(value));
		}
	}
	const s = params.toString().replace(/%2C/g, ',');
	return s ? `?${s}` : '';
}
