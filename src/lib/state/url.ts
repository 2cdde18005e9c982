/**
 * View state in the URL: parsers that turn query parameters into typed values, dropping anything unknown
 * or malformed with a notice the page shows politely (as text — values are never rendered as HTML), and a
 * serialiser that writes the state back in a stable order so equal views have equal URLs.
 * Pure; no DOM. Pages derive their state from `page.url` and navigate to change it, so reload, back and
 * forward, and a shared link all reproduce the view.
 */

export type NoticeReason =
	| 'unknown'
	| 'malformed'
	| 'duplicate'
	| 'tooMany'
	| 'tooFew'
	| 'outOfRange'
	/** Stands for `count` further problems in `param` that are not listed one by one. */
	| 'more';

export interface UrlNotice {
	param: string;
	/** The offending value, cleaned of control characters and shortened for display. */
	value: string;
	reason: NoticeReason;
	/** For `more`: how many problems it stands for. */
	count?: number;
}

/**
 * At most this many notices are listed for one parameter; the rest are counted in one `more` notice, so a
 * crafted address of thousands of bad items costs no more to show than a short one.
 */
export const MAX_NOTICES_PER_PARAM = 5;

export interface Parsed<T> {
	value: T;
	notices: UrlNotice[];
}

const MAX_SHOWN = 40;

// C0 and C1 controls, DEL, zero-width characters and marks, bidi embeddings, overrides and isolates, BOM
// eslint-disable-next-line no-control-regex
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** A raw value made safe to show: control, zero-width and bidi characters removed, length capped. */
export function displayValue(raw: string, max = MAX_SHOWN): string {
	// only the head can be shown: clean a bounded slice, so a megabyte value costs no more than a short one
	const head = raw.slice(0, max * 8);
	const chars = Array.from(head.replace(UNSHOWABLE, ''));
	const cut = chars.length > max || head.length < raw.length;
	return cut ? chars.slice(0, max).join('') + '…' : chars.join('');
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
	const notices = new NoticeList(param);
	const value: string[] = [];
	const taken = new Set<string>();
	let emptyNoted = false;
	// one pass over the items, each looked up in sets: linear in the length of the address, and an empty
	// item (most of a crafted address) costs no string at all
	const joined = all.join(',');
	const doubleComma = joined.includes(',,');
	for (let start = 0; start <= joined.length;) {
		let end = joined.indexOf(',', start);
		if (end === -1) end = joined.length;
		const part = end === start ? '' : joined.slice(start, end);
		start = end + 1;
		const id = part && part.trim().toLowerCase();
		if (!id) {
			// one notice for all empty items; a leading or trailing comma alone is no mistake
			if (!emptyNoted && (part.length || doubleComma)) {
				notices.add(part, 'malformed');
				emptyNoted = true;
			}
			continue;
		}
		if (!known.has(id)) notices.add(part, 'unknown');
		else if (taken.has(id)) notices.add(part, 'duplicate');
		else if (value.length >= max) notices.add(part, 'tooMany');
		else {
			value.push(id);
			taken.add(id);
		}
	}
	if (value.length < min && value.length > 0) notices.add(value.join(','), 'tooFew');
	return { value, notices: notices.list() };
}

/** Notices for one parameter: the first few listed, the rest counted in one `more` notice. */
class NoticeList {
	#param: string;
	#shown: UrlNotice[] = [];
	#more = 0;
	constructor(param: string) {
		this.#param = param;
	}
	add(value: string, reason: NoticeReason) {
		if (this.#shown.length < MAX_NOTICES_PER_PARAM) this.#shown.push(notice(this.#param, value, reason));
		else this.#more++;
	}
	list(): UrlNotice[] {
		return this.#more
			? [...this.#shown, { param: this.#param, value: '', reason: 'more', count: this.#more }]
			: this.#shown;
	}
}

/**
 * Notices from several parameters for display: at most `max` listed, the rest folded into one `more` notice
 * that counts every problem it stands for (its own `more` notices included).
 */
export function capNotices(notices: readonly UrlNotice[], max = 8): UrlNotice[] {
	const count = (n: UrlNotice) => (n.reason === 'more' ? (n.count ?? 0) : 1);
	const listed = notices.filter((n) => n.reason !== 'more');
	if (listed.length <= max && listed.length === notices.length) return [...notices];
	const shown = listed.slice(0, max);
	const rest = notices.reduce((sum, n) => sum + count(n), 0) - shown.length;
	return rest > 0 ? [...shown, { param: '', value: '', reason: 'more', count: rest }] : shown;
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
	// past a bounded head nothing is kept, so nothing past it is read
	const head = raw.slice(0, maxLength * 8);
	const clean = head.replace(UNSHOWABLE, '');
	if (clean.length > maxLength || head.length < raw.length) {
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
