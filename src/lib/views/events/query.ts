/**
 * The events explorer's view state and the list it shows: parse the state from the URL (dropping
 * anything unknown with a notice), write it back in a stable order, and filter and sort the events.
 * Pure; no DOM. The filter rules are the dashboard's (`eventPredicate`): in particular national events
 * have no city, so the city and cluster lists do not remove them; the scope switch does.
 *
 * Built to stay fast on large datasets: each event's search text is lower-cased once per dataset, and
 * each sort order is computed once per (dataset, column, direction, language) as an index array, so a
 * filter change is one linear pass over that array.
 */
import { eventPredicate, spanOf, type Filter } from '$lib/aggregate/filter';
import type { Dataset, InnovationEvent, Locale } from '$lib/data/types';
import { parseEnum, parseFlag, parseIdList, parseText, toQuery, type UrlNotice } from '$lib/state/url';
import { parsePeriod, periodEntries, periodFilter } from '$lib/state/period';
import { COLUMNS, kindText, lookups, type Column } from './cells';

export const SCOPES = ['all', 'city', 'national'] as const;
export type Scope = (typeof SCOPES)[number];
export const SORT_KEYS = COLUMNS;
export type SortKey = Column;
export const SORT_DIRS = ['asc', 'desc'] as const;
export type SortDir = (typeof SORT_DIRS)[number];

/** Longest search text kept from the URL. */
export const MAX_QUERY = 200;

export interface EventsView {
	/** City ids in the reader's order; empty = every city. */
	cities: string[];
	/** Cluster ids; empty = every cluster. */
	clusters: string[];
	/** Category ids; empty = every category. */
	categories: string[];
	/** First and last month of the period, as month indices (`monthIndex`); null = open on that side. */
	from: number | null;
	to: number | null;
	/** Keep events of the year the article gives no month for. */
	undated: boolean;
	/**
	 * Of the events without a month, also keep the items the article gives no year for, placing them
	 * only "earlier" (此前) than another event (read only when `undated` is on).
	 */
	earlier: boolean;
	scope: Scope;
	/** Keep items taken from the article's commentary rather than its event list. */
	commentary: boolean;
	/** Free text; every whitespace-separated term must occur. */
	q: string;
	sort: SortKey;
	dir: SortDir;
}

export const DEFAULT_VIEW: Readonly<EventsView> = Object.freeze({
	cities: [],
	clusters: [],
	categories: [],
	from: null,
	to: null,
	undated: true,
	earlier: true,
	scope: 'all',
	commentary: true,
	q: '',
	sort: 'date',
	dir: 'asc'
});

export function defaultView(): EventsView {
	return { ...DEFAULT_VIEW, cities: [], clusters: [], categories: [] };
}

/** The view named by a query string; unknown, malformed and out-of-range values are dropped with notices. */
export function parseEventsView(
	params: URLSearchParams,
	ds: Dataset
): { view: EventsView; notices: UrlNotice[] } {
	const notices: UrlNotice[] = [];
	const take = <T>(r: { value: T; notices: UrlNotice[] }): T => {
		notices.push(...r.notices);
		return r.value;
	};
	const cities = take(parseIdList(params, 'city', new Set(ds.cities.map((c) => c.id))));
	const clusters = take(parseIdList(params, 'cluster', new Set(ds.clusters.map((c) => c.id))));
	const categories = take(parseIdList(params, 'cat', new Set(ds.categories.map((c) => c.id))));
	const view: EventsView = {
		cities: cities ?? [],
		clusters: clusters ?? [],
		categories: categories ?? [],
		...take(parsePeriod(params, ds)),
		undated: take(parseFlag(params, 'undated', DEFAULT_VIEW.undated)),
		earlier: take(parseFlag(params, 'earlier', DEFAULT_VIEW.earlier)),
		scope: take(parseEnum(params, 'scope', SCOPES, DEFAULT_VIEW.scope)),
		commentary: take(parseFlag(params, 'commentary', DEFAULT_VIEW.commentary)),
		q: take(parseText(params, 'q', MAX_QUERY)),
		sort: take(parseEnum(params, 'sort', SORT_KEYS, DEFAULT_VIEW.sort)),
		dir: take(parseEnum(params, 'dir', SORT_DIRS, DEFAULT_VIEW.dir))
	};
	return { view, notices };
}

/** `?city=…&cat=…` in a fixed key order, defaults left out ('' for the default view). */
export function serialiseEventsView(view: EventsView): string {
	return toQuery([
		['city', view.cities],
		['cluster', view.clusters],
		['cat', view.categories],
		...periodEntries(view),
		['undated', view.undated, DEFAULT_VIEW.undated],
		['earlier', view.earlier, DEFAULT_VIEW.earlier],
		['scope', view.scope, DEFAULT_VIEW.scope],
		['commentary', view.commentary, DEFAULT_VIEW.commentary],
		['q', view.q],
		['sort', view.sort, DEFAULT_VIEW.sort],
		['dir', view.dir, DEFAULT_VIEW.dir]
	]);
}

/** Does the view narrow the list at all (sorting aside)? */
export function isFiltered(view: EventsView): boolean {
	return (
		view.cities.length > 0 ||
		view.clusters.length > 0 ||
		view.categories.length > 0 ||
		view.from != null ||
		view.to != null ||
		view.undated !== DEFAULT_VIEW.undated ||
		view.earlier !== DEFAULT_VIEW.earlier ||
		view.scope !== DEFAULT_VIEW.scope ||
		view.commentary !== DEFAULT_VIEW.commentary ||
		searchTerms(view.q).length > 0
	);
}

/** The dashboard filter the view amounts to (search text and the national-only scope aside). */
export function viewFilter(view: EventsView): Filter {
	const f: Filter = {
		includeUndated: view.undated,
		includeNational: view.scope !== 'city',
		includeCommentary: view.commentary
	};
	if (view.cities.length) f.cities = view.cities;
	if (view.clusters.length) f.clusters = view.clusters;
	if (view.categories.length) f.categories = view.categories;
	return { ...f, ...periodFilter(view) };
}

/** Text as it is compared: compatibility forms folded (full-width letters), lower case. */
export function foldText(s: string): string {
	return s.normalize('NFKC').toLowerCase();
}

/** The search text's terms; all must occur (in any of the searched fields). */
export function searchTerms(q: string): string[] {
	return foldText(q)
		.split(/\s+/)
		.filter((t) => t.length > 0);
}

const haystackCache = new WeakMap<Dataset, string[]>();

/**
 * Each event's searchable text, folded once per dataset: both titles, the document title, the actors
 * in both languages, and the city's names and pinyin.
 */
export function haystacks(ds: Dataset): string[] {
	let hay = haystackCache.get(ds);
	if (!hay) {
		const { city } = lookups(ds);
		hay = ds.events.map((e) => {
			const c = e.cityId == null ? undefined : city.get(e.cityId);
			const parts = [e.title.zh, e.title.en, e.document ?? ''];
			for (const a of e.actors) parts.push(a.zh, a.en);
			if (c) parts.push(c.name.zh, c.name.en, c.pinyin, ...(c.aliases ?? []));
			// a separator no search term can contain, so a term never matches across two fields
			return foldText(parts.join('\n'));
		});
		haystackCache.set(ds, hay);
	}
	return hay;
}

type SortValue = number | string | null;

function sortValues(ds: Dataset, key: SortKey, locale: Locale): SortValue[] {
	const { city, cluster, category } = lookups(ds);
	switch (key) {
		case 'date':
			// by first month (with its year), then by how long the range runs
			return ds.events.map((e) =>
				e.month == null || e.year == null ? null : (e.year * 12 + e.month) * 100 + spanOf(e.month, e.monthEnd)
			);
		case 'source':
			return ds.events.map((e) => (e.source.section === 'events' ? 0 : 1) * 1000 + (e.source.bullet ?? 999));
		case 'category':
			return ds.events.map((e) => category.get(e.categoryId)?.order ?? null);
		case 'cluster':
			return ds.events.map((e) => {
				const c = e.cityId == null ? undefined : city.get(e.cityId);
				return (c && cluster.get(c.cluster)?.order) ?? null;
			});
		case 'city':
			// national events sort after every city, in both directions
			return ds.events.map((e) => (e.cityId == null ? null : (city.get(e.cityId)?.name[locale] ?? e.cityId)));
		case 'document':
			return ds.events.map((e) => e.document);
		case 'title':
			return ds.events.map((e) => e.title[locale]);
		case 'kind':
			return ds.events.map((e) => kindText(e, locale));
	}
}

/** Replaces strings by their rank under the language's collation, so sorting compares numbers. */
function rankStrings(values: SortValue[], locale: Locale): (number | null)[] {
	const distinct = [...new Set(values.filter((v): v is string => typeof v === 'string'))];
	if (distinct.length === 0) return values as (number | null)[];
	const collator = new Intl.Collator(locale === 'zh' ? 'zh-CN' : 'en', { numeric: true });
	distinct.sort(collator.compare);
	const rank = new Map(distinct.map((s, i) => [s, i]));
	return values.map((v) => (typeof v === 'string' ? (rank.get(v) ?? null) : v));
}

const orderCache = new WeakMap<Dataset, Map<string, Uint32Array>>();

/**
 * Event indices in display order for one column and direction. Empty values (undated, national,
 * no document) come last either way, and by date the items with no year after the undated; ties keep
 * the dataset's order. Cached per dataset.
 */
export function sortOrder(ds: Dataset, key: SortKey, dir: SortDir, locale: Locale): Uint32Array {
	let byKey = orderCache.get(ds);
	if (!byKey) orderCache.set(ds, (byKey = new Map()));
	const cacheKey = `${key}:${dir}:${locale}`;
	let order = byKey.get(cacheKey);
	if (!order) {
		const values = rankStrings(sortValues(ds, key, locale), locale);
		// by date, the items with no year ("earlier") come after the undated of the year, as a group apart
		const noYear = key === 'date' ? ds.events.map((e) => (e.year == null ? 1 : 0)) : null;
		const sign = dir === 'asc' ? 1 : -1;
		order = Uint32Array.from(ds.events, (_, i) => i).sort((a, b) => {
			const va = values[a];
			const vb = values[b];
			if (va == null || vb == null) {
				if (va == null && vb == null) return (noYear ? noYear[a] - noYear[b] : 0) || a - b;
				return va == null ? 1 : -1;
			}
			return va === vb ? a - b : sign * (va - vb);
		});
		byKey.set(cacheKey, order);
	}
	return order;
}

/** The events the view shows, in its order. Never mutates the dataset. */
export function visibleEvents(ds: Dataset, view: EventsView, locale: Locale): InnovationEvent[] {
	const order = sortOrder(ds, view.sort, view.dir, locale);
	// undated and earlier items are told apart here (the filter's month test sees both as undated)
	const passes = eventPredicate(ds, { ...viewFilter(view), includeUndated: true });
	const nationalOnly = view.scope === 'national';
	const terms = searchTerms(view.q);
	const hay = terms.length ? haystacks(ds) : null;
	const out: InnovationEvent[] = [];
	for (let k = 0; k < order.length; k++) {
		const i = order[k];
		const e = ds.events[i];
		if (nationalOnly && e.cityId != null) continue;
		// no month: kept only with `undated`; no year at all ("earlier"): also only with `earlier`
		if (e.month == null && (!view.undated || (e.year == null && !view.earlier))) continue;
		if (!passes(e)) continue;
		if (hay && !terms.every((t) => hay[i].includes(t))) continue;
		out.push(e);
	}
	return out;
}
