/**
 * The dataset's public files (served under /data/ and offered for download): JSON arrays of the
 * records, flat CSVs for spreadsheets, and a Frictionless Data Package that describes them, names the
 * licence and credits the article the data comes from. Pure: a Dataset in, file name → text out.
 */
import { toCsv } from '../export/csv';
import { SOURCE } from './builtin';
import type { Dataset, I18nText } from './types';

export const DATA_FILE_NAMES = [
	'cities.json',
	'clusters.json',
	'categories.json',
	'events.json',
	'tracks.json',
	'future-industries.json',
	'events.csv',
	'future-industries.csv',
	'events-nobom.csv',
	'future-industries-nobom.csv',
	'datapackage.json'
] as const;
export type DataFileName = (typeof DATA_FILE_NAMES)[number];

/** Separator inside a CSV cell that holds a list (actors, track ids, match strengths). */
export const LIST_SEPARATOR = '; ';

export interface SourceCredit {
	outlet: I18nText;
	title: I18nText;
	date: string;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const cell = (value: string | number | null) => (value === null ? '' : String(value));

export const EVENT_COLUMNS = [
	'id',
	'cityId',
	'scope',
	'categoryId',
	'year',
	'before',
	'month',
	'monthEnd',
	'kind',
	'title_zh',
	'title_en',
	'document',
	'document_en',
	'actors_zh',
	'actors_en',
	'groupId',
	'source_section',
	'source_heading',
	'source_bullet',
	'note_zh',
	'note_en'
] as const;

export const FUTURE_INDUSTRY_COLUMNS = [
	'cityId',
	'position',
	'item_zh',
	'item_en',
	'trackIds',
	'matches'
] as const;

/** One event as the cells of `EVENT_COLUMNS`, in that order (null for an empty cell). */
export function eventRow(e: Dataset['events'][number]): (string | number | null)[] {
	return [
		e.id,
		e.cityId,
		e.scope,
		e.categoryId,
		e.year,
		e.before,
		e.month,
		e.monthEnd,
		e.kind,
		e.title.zh,
		e.title.en,
		e.document,
		e.documentEn,
		e.actors.map((a) => a.zh).join(LIST_SEPARATOR),
		e.actors.map((a) => a.en).join(LIST_SEPARATOR),
		e.groupId,
		e.source.section,
		e.source.heading,
		e.source.bullet,
		e.note?.zh ?? null,
		e.note?.en ?? null
	];
}

/**
 * The events as CSV. With a byte-order mark (the default) Excel reads it as UTF-8; the data package's
 * resource has none, since Frictionless clients read the mark as part of the first column's name.
 */
export function eventsCsv(dataset: Dataset, { bom = true }: { bom?: boolean } = {}): string {
	const rows = dataset.events.map((e) => eventRow(e).map(cell));
	return toCsv([[...EVENT_COLUMNS], ...rows], { bom });
}

/** The future-industry lists as CSV, one row per item; `bom` as for `eventsCsv`. */
export function futureIndustriesCsv(dataset: Dataset, { bom = true }: { bom?: boolean } = {}): string {
	const rows = dataset.futureIndustries.flatMap((list) =>
		list.items.map((item, i) =>
			[
				list.cityId,
				i + 1,
				item.name.zh,
				item.name.en,
				item.tracks.map((t) => t.trackId).join(LIST_SEPARATOR),
				item.tracks.map((t) => t.match).join(LIST_SEPARATOR)
			].map(cell)
		)
	);
	return toCsv([[...FUTURE_INDUSTRY_COLUMNS], ...rows], { bom });
}

type Field = {
	name: string;
	type: 'string' | 'integer';
	description: string;
	constraints?: Record<string, unknown>;
};

const str = (name: string, description: string, constraints?: Record<string, unknown>): Field => ({
	name,
	type: 'string',
	description,
	...(constraints ? { constraints } : {})
});
const int = (name: string, description: string, constraints?: Record<string, unknown>): Field => ({
	name,
	type: 'integer',
	description,
	...(constraints ? { constraints } : {})
});

const EVENT_FIELDS: Field[] = [
	str('id', 'Event id', { required: true, unique: true }),
	str('cityId', 'City id (cities.json); empty for national events'),
	str('scope', "'city' or 'national'", { required: true, enum: ['city', 'national'] }),
	str('categoryId', "The article's section (categories.json)", { required: true }),
	int('year', 'Year; empty where the article gives none (an item it places only “earlier”, 此前)'),
	str(
		'before',
		'For an item with no year: id of the event the article places it before (“此前”); empty otherwise. Such items belong to no month and no year.'
	),
	int('month', 'Month 1–12; empty where the article gives none', { minimum: 1, maximum: 12 }),
	int('monthEnd', 'Last month of a range; empty otherwise', { minimum: 1, maximum: 12 }),
	str('kind', 'Kind of action', { required: true }),
	str('title_zh', 'Short title (Chinese), written for this dataset', { required: true }),
	str('title_en', 'Short title (English), written for this dataset', { required: true }),
	str('document', 'Document title verbatim, in 《》; empty when none'),
	str('document_en', 'English rendering of the document title (our translation); empty when none'),
	str('actors_zh', `Companies, agencies and people named (Chinese), separated by '${LIST_SEPARATOR}'`),
	str('actors_en', `The same actors in English, in the same order, separated by '${LIST_SEPARATOR}'`),
	str('groupId', 'Shared by the per-city copies of one action naming several cities'),
	str('source_section', "'events' (the article's event list) or 'commentary' (review and interview)", {
		required: true,
		enum: ['events', 'commentary']
	}),
	str('source_heading', "The article's sub-heading (Chinese, verbatim)", { required: true }),
	int('source_bullet', 'Position 1–29 in the event list; empty for commentary', { minimum: 1 }),
	str('note_zh', 'Note (Chinese)'),
	str('note_en', 'Note (English)')
];

const FUTURE_INDUSTRY_FIELDS: Field[] = [
	str('cityId', 'City id (cities.json)', { required: true }),
	int('position', "1-based position in the city's list as the article gives it", {
		required: true,
		minimum: 1
	}),
	str('item_zh', "The city's own wording (Chinese, verbatim)", { required: true }),
	str('item_en', 'English rendering', { required: true }),
	str('trackIds', `Canonical tracks (tracks.json), separated by '${LIST_SEPARATOR}'`, { required: true }),
	str(
		'matches',
		`exact / partial / broad for each track, in the same order, separated by '${LIST_SEPARATOR}'`,
		{
			required: true
		}
	)
];

const CSV_DIALECT = {
	delimiter: ',',
	lineTerminator: '\r\n',
	quoteChar: '"',
	doubleQuote: true,
	header: true
};

const JSON_RESOURCES: { path: DataFileName; description: string }[] = [
	{
		path: 'cities.json',
		description: 'Cities: names, pinyin, province, cluster and centre coordinates (WGS84)'
	},
	{ path: 'clusters.json', description: 'The four city clusters, in the dashboard’s order' },
	{ path: 'categories.json', description: "The article's eight sections of the event list, in its order" },
	{ path: 'events.json', description: 'Events: one record per action per city' },
	{ path: 'tracks.json', description: 'Canonical future-industry tracks used by the crosswalk' },
	{
		path: 'future-industries.json',
		description: "Each city's future-industry list as the article gives it, with its track crosswalk"
	}
];

/** A Frictionless Data Package (v1 profile) describing the other files. */
export function dataPackage(dataset: Dataset, source: SourceCredit = SOURCE): Record<string, unknown> {
	const credit = `${source.outlet.zh}${source.title.zh}(${source.date}) / ${source.outlet.en}, “${source.title.en}” (${source.date})`;
	const resources = [
		...JSON_RESOURCES.map((r) => ({
			name: r.path.replace('.json', '-json'),
			path: r.path,
			profile: 'data-resource',
			format: 'json',
			mediatype: 'application/json',
			encoding: 'utf-8',
			description: r.description
		})),
		{
			name: 'events-csv',
			path: 'events-nobom.csv',
			profile: 'tabular-data-resource',
			format: 'csv',
			mediatype: 'text/csv',
			encoding: 'utf-8',
			description:
				'events.json flattened to one row per event (UTF-8, CRLF line ends); events.csv is the same with a byte-order mark, for spreadsheets',
			dialect: CSV_DIALECT,
			schema: { fields: EVENT_FIELDS, primaryKey: ['id'], missingValues: [''] }
		},
		{
			name: 'future-industries-csv',
			path: 'future-industries-nobom.csv',
			profile: 'tabular-data-resource',
			format: 'csv',
			mediatype: 'text/csv',
			encoding: 'utf-8',
			description:
				'future-industries.json flattened to one row per list item (UTF-8, CRLF line ends); future-industries.csv is the same with a byte-order mark, for spreadsheets',
			dialect: CSV_DIALECT,
			schema: { fields: FUTURE_INDUSTRY_FIELDS, primaryKey: ['cityId', 'position'], missingValues: [''] }
		}
	];
	return {
		profile: 'data-package',
		name:
			dataset.id === 'builtin'
				? 'china-city-innovation-2023'
				: dataset.id.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'),
		title: '2023年城市科创大事件 / Chinese cities’ science-and-technology innovation in 2023',
		description:
			'Events, fields, timing and future-industry choices of Chinese cities in 2023, compiled by this project from the article credited under sources. Titles and notes are our own wording; document, facility, company and people names are verbatim.',
		version: dataset.version,
		licenses: [
			{
				name: 'CC-BY-4.0',
				title: 'Creative Commons Attribution 4.0 International',
				path: 'https://creativecommons.org/licenses/by/4.0/'
			}
		],
		sources: [{ title: credit }],
		keywords: ['China', 'cities', 'innovation', 'future industries', '科技创新', '未来产业'],
		resources
	};
}

/** Every public data file for a dataset, keyed by file name. */
export function dataFiles(dataset: Dataset, source: SourceCredit = SOURCE): Record<DataFileName, string> {
	return {
		'cities.json': json(dataset.cities),
		'clusters.json': json(dataset.clusters),
		'categories.json': json(dataset.categories),
		'events.json': json(dataset.events),
		'tracks.json': json(dataset.tracks),
		'future-industries.json': json(dataset.futureIndustries),
		'events.csv': eventsCsv(dataset),
		'future-industries.csv': futureIndustriesCsv(dataset),
		'events-nobom.csv': eventsCsv(dataset, { bom: false }),
		'future-industries-nobom.csv': futureIndustriesCsv(dataset, { bom: false }),
		'datapackage.json': json(dataPackage(dataset, source))
	};
}
