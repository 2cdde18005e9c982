/**
 * "Cite this chart": a sentence to paste, CSL-JSON (Zotero, Mendeley, pandoc) and BibTeX, naming the
 * chart, the dashboard, the dataset and its version, the view's address and the day it was read. The data
 * is credited to where it comes from: the built-in article, or the reader's own imported dataset, never
 * one for the other. Pure; no DOM.
 */
import type { Locale } from '$lib/data/types';
import { t } from '$lib/i18n';
import { sourceParts } from '$lib/site';

export interface CiteInput {
	locale: Locale;
	/** The chart's title as shown (it states the finding). */
	title: string;
	/** The view's canonical address. */
	url: string;
	datasetVersion: string;
	/** Null for the built-in dataset; the reader's name for an imported one. */
	importedName: string | null;
	/** An imported dataset's own sources in words (`sourcesText`); null or absent when it names none. */
	sources?: string | null;
	/** The day the chart was read, YYYY-MM-DD. */
	accessed: string;
}

export interface Citation {
	sentence: string;
	csl: Record<string, unknown>;
	bibtex: string;
}

const BIBTEX_ESCAPES: ReadonlyMap<string, string> = new Map([
	['\\', '\\textbackslash{}'],
	['^', '\\textasciicircum{}'],
	['~', '\\textasciitilde{}'],
	...[...'{}%&$#_'].map((ch): [string, string] => [ch, `\\${ch}`])
]);

/** Characters BibTeX reads as markup, escaped; control characters dropped. */
export function bibtexEscape(value: string): string {
	return (
		value
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
			// one pass, so what one rule writes is not escaped again by another
			.replace(/[\\{}%&$#_^~]/g, (ch) => BIBTEX_ESCAPES.get(ch) ?? ch)
	);
}

const dateParts = (iso: string) => [iso.split('-').slice(0, 3).map(Number)];

export function citeChart(input: CiteInput): Citation {
	const { locale, title, url, datasetVersion, importedName, accessed, sources } = input;
	const site = t(locale, 'site.title');
	const data = importedName
		? sources
			? t(locale, 'cite.dataSources', { name: importedName, version: datasetVersion, sources })
			: t(locale, 'cite.dataImported', { name: importedName, version: datasetVersion })
		: t(locale, 'cite.dataBuiltin', { ...sourceParts(locale), version: datasetVersion });
	const sentence = t(locale, 'cite.sentence', { title, site, data, url, accessed });
	const csl = {
		id: `city-innovation-${accessed}`,
		type: 'figure',
		title,
		'container-title': site,
		version: datasetVersion,
		URL: url,
		accessed: { 'date-parts': dateParts(accessed) },
		note: data,
		language: locale === 'zh' ? 'zh-CN' : 'en'
	};
	const key = `cityinnovation${accessed.replace(/-/g, '')}`;
	const bibtex = [
		`@misc{${key},`,
		`  title = {${bibtexEscape(title)}},`,
		`  howpublished = {${bibtexEscape(site)}, \\url{${url.replace(/[{}\\%]/g, encodeURIComponent)}}},`,
		`  note = {${bibtexEscape(data)}. ${bibtexEscape(t(locale, 'cite.accessed', { accessed }))}},`,
		`  year = {${accessed.slice(0, 4)}},`,
		`  urldate = {${accessed}}`,
		'}',
		''
	].join('\n');
	return { sentence, csl, bibtex };
}
