/**
 * A dataset's metadata (name, sources, licence, notes) as every page reads it: the built-in dataset's
 * (the article), a fallback for records saved before datasets carried it, and the words a credit is
 * made of. Small and free of the schema library: every page loads it. The valibot schema that checks
 * metadata coming from a file is `DatasetMetaSchema` in `schema.ts`.
 */
import { SOURCE } from './source';
import type { Dataset, DatasetMeta, Locale, MetaSource, MetaText } from './types';

/** The article the built-in records come from (its address is not known: see shared/source/README). */
export const BUILTIN_SOURCE: MetaSource = {
	title: { zh: SOURCE.title.zh, en: SOURCE.title.en },
	publisher: { zh: SOURCE.outlet.zh, en: SOURCE.outlet.en },
	date: SOURCE.date,
	url: SOURCE.url
};

/** The built-in dataset's metadata; the licence is the one its datapackage.json declares. */
export const BUILTIN_META: DatasetMeta = {
	name: {
		zh: '2023年城市科创大事件（内置数据）',
		en: 'Chinese cities’ S&T innovation events, 2023 (built-in data)'
	},
	sources: [BUILTIN_SOURCE],
	licence: {
		zh: 'CC-BY-4.0（知识共享 署名 4.0 国际）',
		en: 'CC-BY-4.0 (Creative Commons Attribution 4.0 International)'
	},
	notes: {
		zh: '本项目据该文整理，事件标题与说明为本项目自拟；文件、设施、企业与人名照录。',
		en: 'Compiled by this project from the article; titles and notes are our own words, names of documents, facilities, companies and people verbatim.'
	}
};

/** A metadata text in the reader's language (a plain string is the same in both). */
export function textOf(t: MetaText | undefined | null, locale: Locale): string {
	if (t === undefined || t === null) return '';
	return typeof t === 'string' ? t : t[locale] || t.zh || t.en;
}

/** The metadata of a dataset: its own, or (a record saved before datasets carried it) its name only. */
export function metaOf(dataset: Dataset, name?: string | null): DatasetMeta {
	if (dataset.meta) return dataset.meta;
	if (dataset.id === 'builtin') return BUILTIN_META;
	return { name: name || dataset.id, sources: [], licence: '', notes: '' };
}

/** True when a source is the article the built-in data comes from. */
export function isBuiltinSource(s: MetaSource): boolean {
	return textOf(s.title, 'zh') === SOURCE.title.zh && s.date === SOURCE.date;
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
