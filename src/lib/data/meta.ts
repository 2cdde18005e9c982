/**
 * A dataset's metadata (name, sources, licence, notes) as every page reads it: a fallback for records
 * saved before datasets carried it, and the words a credit is made of (the built-in dataset's own is in
 * `builtin-meta.ts`, and reaches the browser with its records). Small and free of the schema library: every page loads it. The valibot schema that checks
 * metadata coming from a file is `DatasetMetaSchema` in `schema.ts`.
 */
import type { Dataset, DatasetMeta, InnovationEvent, Locale, MetaSource, MetaText } from './types';

/** A metadata text in the reader's language (a plain string is the same in both). */
export function textOf(t: MetaText | undefined | null, locale: Locale): string {
	if (t === undefined || t === null) return '';
	return typeof t === 'string' ? t : t[locale] || t.zh || t.en;
}

/**
 * The metadata of a dataset: its own (the built-in dataset's arrives with its records, see
 * `builtin-meta.ts`), or for a record saved before datasets carried it, its name only.
 */
export function metaOf(dataset: Dataset, name?: string | null): DatasetMeta {
	if (dataset.meta) return dataset.meta;
	return { name: name || dataset.id, sources: [], licence: '', notes: '' };
}

/** Every source a dataset credits, each once (a combined dataset lists its parts' sources). */
export function sourcesOf(meta: DatasetMeta): MetaSource[] {
	const all = [...meta.sources, ...(meta.parts ?? []).flatMap((p) => p.sources)];
	const seen = new Set<string>();
	return all.filter((s) => {
		const key = JSON.stringify([s.title, s.publisher, s.date]);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** 'The Paper · Pengpai Research Institute, “title” (2024-01-03)': one source as the source line names it. */
export function sourceText(s: MetaSource, locale: Locale): string {
	const title = textOf(s.title, locale);
	const publisher = textOf(s.publisher, locale);
	const head = publisher ? (locale === 'zh' ? `${publisher}，${title}` : `${publisher}, ${title}`) : title;
	if (!s.date) return head;
	return locale === 'zh' ? `${head}（${s.date}）` : `${head} (${s.date})`;
}

/** The sources of a dataset joined for one line ('；' / '; '), or null when it names none. */
export function sourcesText(meta: DatasetMeta, locale: Locale): string | null {
	const list = sourcesOf(meta);
	if (!list.length) return null;
	return list.map((s) => sourceText(s, locale)).join(locale === 'zh' ? '；' : '; ');
}

/** A source's address, or the words for "not public". */
export function addressText(s: MetaSource, locale: Locale): string {
	return s.url ?? (locale === 'zh' ? '未公开' : 'not public');
}

/** The dataset as an export's `<metadata>` names it: plain strings in the export's language. */
export interface DatasetCredit {
	name: string;
	licence: string;
	sources: { title: string; publisher: string; date: string; url: string }[];
}

export function datasetCredit(meta: DatasetMeta, locale: Locale): DatasetCredit {
	return {
		name: textOf(meta.name, locale),
		licence: textOf(meta.licence, locale),
		sources: sourcesOf(meta).map((s) => ({
			title: textOf(s.title, locale),
			publisher: textOf(s.publisher, locale),
			date: s.date,
			url: addressText(s, locale)
		}))
	};
}

/** What the footer and source lines say of a dataset, in one language. */
export interface CreditText {
	/** Its sources in one line, or null when it names none. */
	sources: string | null;
	licence: string;
	/** For a combined dataset, the names of the datasets it was made from. */
	parts: string[];
}

export function creditText(meta: DatasetMeta, locale: Locale): CreditText {
	return {
		sources: sourcesText(meta, locale),
		licence: textOf(meta.licence, locale),
		parts: (meta.parts ?? []).map((p) => textOf(p.name, locale))
	};
}

/** For a combined dataset: each event's own dataset and its sources in words; null for any other. */
export function partCredit(dataset: Dataset, locale: Locale): ((e: InnovationEvent) => string) | null {
	const parts = new Map((dataset.meta?.parts ?? []).map((p) => [p.id, p]));
	if (!parts.size) return null;
	return (e) => {
		const p = e.source.from ? parts.get(e.source.from) : undefined;
		if (!p) return '';
		const sources = sourcesText({ ...p, notes: '', parts: undefined }, locale);
		return sources ? `${textOf(p.name, locale)}: ${sources}` : textOf(p.name, locale);
	};
}
