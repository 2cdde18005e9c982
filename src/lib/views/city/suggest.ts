/**
 * "Did you mean …?" for an address under /cities/ that names no city: ranks the cities whose id,
 * pinyin, Chinese name or English name is closest to what was typed. Pure and total: any input (a
 * typo, pinyin, Chinese characters, an empty string, markup, a very long string) gives a list of
 * city ids and scores, never an exception and never a piece of the input.
 */

/** The parts of a city record the suggestions compare against. */
export interface SuggestableCity {
	id: string;
	pinyin: string;
	aliases?: readonly string[];
	name: { zh: string; en: string };
}

export interface CitySuggestion {
	cityId: string;
	/** Similarity in [0, 1]; 1 is an exact match of one of the city's names. */
	score: number;
}

export interface SuggestOptions {
	/** At most this many suggestions (default 3). */
	limit?: number;
	/** Suggestions scoring below this are dropped (default 0.4). */
	minScore?: number;
}

/** Longest input compared; anything longer is cut (keeps the work bounded for hostile input). */
export const MAX_QUERY_LENGTH = 64;

/**
 * The comparable form of a name or of the typed value: Unicode-normalised (full-width letters
 * become ASCII), lower case, letters and digits only, so "Hong Kong", "hong-kong" and "ＨＯＮＧＫＯＮＧ"
 * all read "hongkong", and markup such as `<script>` reads "script".
 */
export function normaliseName(value: unknown): string {
	const text = typeof value === 'string' ? value : value == null ? '' : String(value);
	const letters = text
		.slice(0, MAX_QUERY_LENGTH * 4)
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');
	return [...letters].slice(0, MAX_QUERY_LENGTH).join('');
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), by code point, so a
 * Chinese character counts as one. "shangai" → "shanghai" is 1, "shagnhai" → "shanghai" is 1.
 */
export function editDistance(a: string, b: string): number {
	const s = [...a];
	const t = [...b];
	if (s.length === 0) return t.length;
	if (t.length === 0) return s.length;
	let prev2 = new Array<number>(t.length + 1).fill(0);
	let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
	let row = new Array<number>(t.length + 1).fill(0);
	for (let i = 1; i <= s.length; i++) {
		row[0] = i;
		for (let j = 1; j <= t.length; j++) {
			const cost = s[i - 1] === t[j - 1] ? 0 : 1;
			let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
				d = Math.min(d, prev2[j - 2] + 1);
			}
			row[j] = d;
		}
		[prev2, prev, row] = [prev, row, prev2];
	}
	return prev[t.length];
}

/**
 * How alike a typed value and one name are, in [0, 1] (both already normalised):
 * equal → 1; the name starts with the value (a name typed halfway, "上" for 上海) → 0.75–1,
 * more the more of it was typed; otherwise 1 − edit distance / length of the longer, with a
 * smaller credit when one contains the other.
 */
export function nameSimilarity(query: string, name: string): number {
	if (!query || !name) return 0;
	if (query === name) return 1;
	const q = [...query].length;
	const n = [...name].length;
	if (name.startsWith(query)) return 0.75 + 0.25 * (q / n);
	const byEdits = 1 - editDistance(query, name) / Math.max(q, n);
	const contained =
		name.includes(query) || query.includes(name) ? 0.6 * (Math.min(q, n) / Math.max(q, n)) + 0.3 : 0;
	return Math.max(0, byEdits, contained);
}

/** The names a city is known by, in comparable form. */
function namesOf(city: SuggestableCity): string[] {
	return [city.id, city.pinyin, ...(city.aliases ?? []), city.name.zh, city.name.en]
		.map(normaliseName)
		.filter(Boolean);
}

/**
 * The cities closest to a typed value, best first (ties keep the order of `cities`).
 * Empty or unreadable input gives an empty list.
 */
export function suggestCities(
	value: unknown,
	cities: readonly SuggestableCity[],
	options: SuggestOptions = {}
): CitySuggestion[] {
	const limit = Math.max(0, Math.floor(options.limit ?? 3));
	const minScore = options.minScore ?? 0.4;
	const query = normaliseName(value);
	if (!query || limit === 0) return [];
	return cities
		.map((city, i) => ({
			cityId: city.id,
			score: Math.max(0, ...namesOf(city).map((name) => nameSimilarity(query, name))),
			i
		}))
		.filter((s) => s.score >= minScore)
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.slice(0, limit)
		.map(({ cityId, score }) => ({ cityId, score: Math.round(score * 1000) / 1000 }));
}

/** The city segment of a path like `/en/cities/<value>` (decoded; raw if it does not decode), or null. */
export function unknownCityFromPath(pathname: string): string | null {
	const m = /^\/(?:zh|en)\/cities\/([^/]+)\/?$/.exec(pathname);
	if (!m) return null;
	try {
		return decodeURIComponent(m[1]);
	} catch {
		return m[1];
	}
}

/** A value for display: at most `max` characters (code points), with "…" when cut. */
export function shorten(value: string, max = 40): string {
	const chars = [...value];
	return chars.length <= max ? value : chars.slice(0, max - 1).join('') + '…';
}
