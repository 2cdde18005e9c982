/**
 * The events table's cells as text, in the reader's language. The table and its CSV download both use
 * these functions, so the file holds exactly what the page shows. Pure; no DOM.
 */
import { yearPrefix } from '$lib/state/period';
import type { Dataset, InnovationEvent, Locale } from '$lib/data/types';
import { formatMonth, translator, type MessageKey } from '$lib/i18n';

export const COLUMNS = [
	'date',
	'city',
	'cluster',
	'category',
	'title',
	'kind',
	'document',
	'source'
] as const;
export type Column = (typeof COLUMNS)[number];

/** Columns whose text is Chinese whatever the reader's language (verbatim names from the article). */
export const VERBATIM_ZH: ReadonlySet<Column> = new Set<Column>(['document']);

/** Look-ups from ids to records, built once per dataset. */
export interface Lookups {
	city: Map<string, Dataset['cities'][number]>;
	cluster: Map<string, Dataset['clusters'][number]>;
	category: Map<string, Dataset['categories'][number]>;
}

const lookupCache = new WeakMap<Dataset, Lookups>();
const eventCache = new WeakMap<Dataset, Map<string, InnovationEvent>>();

/** Events by id, built on first use (only an item placed "earlier" than another needs it). */
function eventById(ds: Dataset): Map<string, InnovationEvent> {
	let m = eventCache.get(ds);
	if (!m) {
		m = new Map(ds.events.map((e) => [e.id, e]));
		eventCache.set(ds, m);
	}
	return m;
}

export function lookups(ds: Dataset): Lookups {
	let l = lookupCache.get(ds);
	if (!l) {
		l = {
			city: new Map(ds.cities.map((c) => [c.id, c])),
			cluster: new Map(ds.clusters.map((c) => [c.id, c])),
			category: new Map(ds.categories.map((c) => [c.id, c]))
		};
		lookupCache.set(ds, l);
	}
	return l;
}

const monthLabels = new Map<string, string>();

/** `formatMonth`, remembered: a formatter is costly to build and a table asks for the same months often. */
function monthLabel(locale: Locale, year: number, month: number): string {
	const key = `${locale}:${year}:${month}`;
	let label = monthLabels.get(key);
	if (label === undefined) {
		label = formatMonth(locale, year, month);
		monthLabels.set(key, label);
	}
	return label;
}

/**
 * An item with no year, placed only "earlier" (此前) than another event: "Earlier, year not given
 * (before Dec 2023)", naming the date of the event it precedes when the dataset is given.
 */
export function earlierText(e: InnovationEvent, locale: Locale, ds?: Dataset): string {
	const tr = translator(locale);
	const next = ds && e.before != null ? eventById(ds).get(e.before) : undefined;
	if (!next || next.year == null) return tr('events.earlier');
	const when =
		next.month == null
			? tr('events.earlierYear', { year: next.year })
			: monthLabel(locale, next.year, next.month);
	return tr('events.earlierBefore', { when });
}

/**
 * 2023年5月 / May 2023; a range as "May 2023–June 2023"; undated as "No month"; an item with no year
 * as "Earlier, year not given" (see `earlierText`).
 */
export function dateText(e: InnovationEvent, locale: Locale, ds?: Dataset): string {
	if (e.year == null) return earlierText(e, locale, ds);
	if (e.month == null) return yearPrefix(locale, e.year, ds) + translator(locale)('events.noMonth');
	const start = monthLabel(locale, e.year, e.month);
	if (e.monthEnd == null || e.monthEnd === e.month) return start;
	// an end month before the first is the next year's
	return `${start}–${monthLabel(locale, e.monthEnd < e.month ? e.year + 1 : e.year, e.monthEnd)}`;
}

export function kindText(e: InnovationEvent, locale: Locale): string {
	return translator(locale)(`events.kind.${e.kind}` as MessageKey);
}

/** Where the item sits in the article: "Event list · 大科学装置 · bullet 3" / "评论 · …". */
export interface SourceParts {
	section: string;
	/** The article's sub-heading, verbatim Chinese in both languages. */
	heading: string;
	/** "bullet 3" / "第3条", or null for commentary items. */
	bullet: string | null;
}

export function sourceParts(e: InnovationEvent, locale: Locale): SourceParts {
	const tr = translator(locale);
	return {
		section: tr(e.source.section === 'events' ? 'events.source.events' : 'events.source.commentary'),
		heading: e.source.heading,
		bullet: e.source.bullet == null ? null : tr('events.source.bullet', { n: e.source.bullet })
	};
}

export function sourceText(e: InnovationEvent, locale: Locale): string {
	const p = sourceParts(e, locale);
	return [p.section, p.heading, p.bullet].filter((s): s is string => s !== null).join(' · ');
}

/**
 * The document title as a file gives it: the Chinese 《…》 title, and on English pages its English
 * rendering after it ("《…》 (Action Plan for …)"); '' when the event is not a document.
 */
export function documentText(e: InnovationEvent, locale: Locale): string {
	if (!e.document) return '';
	return locale === 'en' && e.documentEn ? `${e.document} (${e.documentEn})` : e.document;
}

/**
 * One event's cells as plain text. `document` is the Chinese title, '' when the event is not a
 * document (the page shows `documentEn` beside it on English pages; the CSV uses `documentText`).
 */
export function eventCells(e: InnovationEvent, ds: Dataset, locale: Locale): Record<Column, string> {
	const tr = translator(locale);
	const l = lookups(ds);
	const city = e.cityId == null ? undefined : l.city.get(e.cityId);
	const cluster = city ? l.cluster.get(city.cluster) : undefined;
	return {
		date: dateText(e, locale, ds),
		city: e.cityId == null ? tr('events.national') : (city?.name[locale] ?? e.cityId),
		cluster: cluster?.name[locale] ?? '',
		category: l.category.get(e.categoryId)?.name[locale] ?? e.categoryId,
		title: e.title[locale],
		kind: kindText(e, locale),
		document: e.document ?? '',
		source: sourceText(e, locale)
	};
}

export function columnLabel(column: Column, locale: Locale): string {
	return translator(locale)(`events.col.${column}` as MessageKey);
}

/** The CSV download: a header row and one row per event, in the order given. */
export function csvRows(
	events: readonly InnovationEvent[],
	ds: Dataset,
	locale: Locale,
	/** For a combined dataset, each event's own dataset and sources (`partCredit` in `data/meta.ts`). */
	partOf?: (e: InnovationEvent) => string
): string[][] {
	const header = COLUMNS.map((c) => columnLabel(c, locale));
	const rows: string[][] = [partOf ? [...header, translator(locale)('chart.sourceColumn')] : header];
	for (const e of events) {
		const cells = eventCells(e, ds, locale);
		cells.document = documentText(e, locale);
		const row = COLUMNS.map((c) => cells[c]);
		rows.push(partOf ? [...row, partOf(e)] : row);
	}
	return rows;
}

/** `events_<cities or all>_<lang>.csv`. */
export function csvFileName(cityIds: readonly string[], locale: Locale): string {
	const part = cityIds.length ? cityIds.join('-') : 'all';
	return `events_${part}_${locale}.csv`;
}
