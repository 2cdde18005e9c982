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
	'future-industry-tracks.csv',
	'cities.csv',
	'clusters.csv',
	'categories.csv',
	'tracks.csv',
	'events-nobom.csv',
	'future-industries-nobom.csv',
	'future-industry-tracks-nobom.csv',
	'cities-nobom.csv',
	'clusters-nobom.csv',
	'categories-nobom.csv',
	'tracks-nobom.csv',
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

export const FUTURE_INDUSTRY_TRACK_COLUMNS = [
	'cityId',
	'position',
	'trackId',
	'match',
	'reason_zh',
	'reason_en'
] as const;
export const CITY_COLUMNS = [
	'id',
	'name_zh',
	'name_en',
	'pinyin',
	'aliases',
	'province_zh',
	'province_en',
	'cluster',
	'lat',
	'lon'
] as const;
export const CLUSTER_COLUMNS = ['id', 'name_zh', 'name_en', 'order'] as const;
export const CATEGORY_COLUMNS = ['id', 'name_zh', 'name_en', 'order'] as const;
export const TRACK_COLUMNS = ['id', 'name_zh', 'name_en', 'description_zh', 'description_en'] as const;

/** The crosswalk, one row per (list item, track): what `trackIds` and `matches` hold as lists, with reasons. */
export function futureIndustryTracksCsv(dataset: Dataset, { bom = true }: { bom?: boolean } = {}): string {
	const rows = dataset.futureIndustries.flatMap((list) =>
		list.items.flatMap((item, i) =>
			item.tracks.map((t) => [list.cityId, i + 1, t.trackId, t.match, t.reason.zh, t.reason.en].map(cell))
		)
	);
	return toCsv([[...FUTURE_INDUSTRY_TRACK_COLUMNS], ...rows], { bom });
}

export function citiesCsv(dataset: Dataset, { bom = true }: { bom?: boolean } = {}): string {
	const rows = dataset.cities.map((c) =>
		[
			c.id,
			c.name.zh,
			c.name.en,
			c.pinyin,
			(c.aliases ?? []).join(LIST_SEPARATOR),
			c.province.zh,
			c.province.en,
			c.cluster,
			c.lat,
			c.lon
		].map(cell)
	);
	return toCsv([[...CITY_COLUMNS], ...rows], { bom });
}

export function clustersCsv(dataset: Dataset, { bom = true }: { bom?: boolean } = {}): string {
	const rows = dataset.clusters.map((c) => [c.id, c.name.zh, c.name.en, c.order].map(cell));
	return toCsv([[...CLUSTER_COLUMNS], ...rows], { bom });
}

export function categoriesCsv(dataset: Dataset, { bom = true }: { bom?: boolean } = {}): string {
	const rows = dataset.categories.map((c) => [c.id, c.name.zh, c.name.en, c.order].map(cell));
	return toCsv([[...CATEGORY_COLUMNS], ...rows], { bom });
}

export function tracksCsv(dataset: Dataset, { bom = true }: { bom?: boolean } = {}): string {
	const rows = dataset.tracks.map((t) =>
		[t.id, t.name.zh, t.name.en, t.description.zh, t.description.en].map(cell)
	);
	return toCsv([[...TRACK_COLUMNS], ...rows], { bom });
}

type Field = {
	name: string;
	type: 'string' | 'integer' | 'number';
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

const num = (name: string, description: string, constraints?: Record<string, unknown>): Field => ({
	name,
	type: 'number',
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

const FUTURE_INDUSTRY_TRACK_FIELDS: Field[] = [
	str('cityId', 'City id (cities.json)', { required: true }),
	int('position', 'The item’s position in the city’s list (future-industries-nobom.csv)', {
		required: true,
		minimum: 1
	}),
	str('trackId', 'Canonical track (tracks.json)', { required: true }),
	str('match', 'How closely the item matches the track', {
		required: true,
		enum: ['exact', 'partial', 'broad']
	}),
	str('reason_zh', 'One-line reason for the mapping (Chinese)', { required: true }),
	str('reason_en', 'One-line reason for the mapping (English)', { required: true })
];

const CITY_FIELDS: Field[] = [
	str('id', 'City id, a lower-case ASCII slug used in URLs', { required: true, unique: true }),
	str('name_zh', 'Name (Chinese)', { required: true }),
	str('name_en', 'Name (English)', { required: true }),
	str('pinyin', 'Toneless pinyin, lower case, no spaces', { required: true }),
	str('aliases', `Other names a search finds the city by, separated by '${LIST_SEPARATOR}'`),
	str('province_zh', 'Province (Chinese)', { required: true }),
	str('province_en', 'Province (English)', { required: true }),
	str('cluster', 'City cluster (clusters.json)', { required: true }),
	num('lat', 'Latitude of the city centre (WGS84); empty when not given', { minimum: -90, maximum: 90 }),
	num('lon', 'Longitude of the city centre (WGS84); empty when not given', {
		minimum: -180,
		maximum: 180
	})
];

const CLUSTER_FIELDS: Field[] = [
	str('id', 'Cluster id', { required: true, unique: true }),
	str('name_zh', 'Name (Chinese)', { required: true }),
	str('name_en', 'Name (English)', { required: true }),
	int('order', 'Position in the dashboard’s cluster order (0-based)', { required: true, minimum: 0 })
];

const CATEGORY_FIELDS: Field[] = [
	str('id', 'Field (category) id', { required: true, unique: true }),
	str('name_zh', 'Name (Chinese)', { required: true }),
	str('name_en', 'Name (English)', { required: true }),
	int('order', "Position in the article's order of sections (0-based); also picks the field's colour", {
		required: true,
		minimum: 0
	})
];

const TRACK_FIELDS: Field[] = [
	str('id', 'Track id', { required: true, unique: true }),
	str('name_zh', 'Name (Chinese)', { required: true }),
	str('name_en', 'Name (English)', { required: true }),
	str('description_zh', 'What the track covers (Chinese)', { required: true }),
	str('description_en', 'What the track covers (English)', { required: true })
];

/** A foreign key: `fields` of this table hold a key of `resource` (empty: this table itself). */
const fk = (fields: string | string[], resource: string, reference: string | string[]) => ({
	fields,
	reference: { resource, fields: reference }
});

const CSV_DIALECT = {
	delimiter: ',',
	lineTerminator: '\r\n',
	quoteChar: '"',
	doubleQuote: true,
	header: true
};

interface Table {
	name: string;
	path: DataFileName;
	description: string;
	schema: Record<string, unknown>;
}

/**
 * The package's tables: each a CSV without a byte-order mark (the spreadsheet copies beside them have
 * one), with its keys and the foreign keys that tie it to the others, so a client can check that every
 * event's city, field and "before" event, every list's city and every crosswalk row's item and track exist.
 */
const TABLES: Table[] = [
	{
		name: 'clusters-csv',
		path: 'clusters-nobom.csv',
		description: 'The city clusters, in the dashboard’s order (clusters.json as a table)',
		schema: { fields: CLUSTER_FIELDS, primaryKey: ['id'] }
	},
	{
		name: 'cities-csv',
		path: 'cities-nobom.csv',
		description:
			'Cities: names, pinyin, province, cluster and centre coordinates, WGS84 (cities.json as a table)',
		schema: { fields: CITY_FIELDS, primaryKey: ['id'], foreignKeys: [fk('cluster', 'clusters-csv', 'id')] }
	},
	{
		name: 'categories-csv',
		path: 'categories-nobom.csv',
		description:
			"The fields: the article's sections of the event list, in its order (categories.json as a table)",
		schema: { fields: CATEGORY_FIELDS, primaryKey: ['id'] }
	},
	{
		name: 'tracks-csv',
		path: 'tracks-nobom.csv',
		description: 'Canonical future-industry tracks used by the crosswalk (tracks.json as a table)',
		schema: { fields: TRACK_FIELDS, primaryKey: ['id'] }
	},
	{
		name: 'events-csv',
		path: 'events-nobom.csv',
		description:
			'events.json flattened to one row per event (UTF-8, CRLF line ends); events.csv is the same with a byte-order mark, for spreadsheets',
		schema: {
			fields: EVENT_FIELDS,
			primaryKey: ['id'],
			foreignKeys: [
				fk('cityId', 'cities-csv', 'id'),
				fk('categoryId', 'categories-csv', 'id'),
				fk('before', '', 'id')
			]
		}
	},
	{
		name: 'future-industries-csv',
		path: 'future-industries-nobom.csv',
		description:
			'future-industries.json flattened to one row per list item (UTF-8, CRLF line ends); future-industries.csv is the same with a byte-order mark, for spreadsheets. The track lists are spelt out, one row per track, in future-industry-tracks-nobom.csv',
		schema: {
			fields: FUTURE_INDUSTRY_FIELDS,
			primaryKey: ['cityId', 'position'],
			foreignKeys: [fk('cityId', 'cities-csv', 'id')]
		}
	},
	{
		name: 'future-industry-tracks-csv',
		path: 'future-industry-tracks-nobom.csv',
		description:
			'The crosswalk from each list item to its canonical tracks, one row per item and track, with the match strength and reason',
		schema: {
			fields: FUTURE_INDUSTRY_TRACK_FIELDS,
			primaryKey: ['cityId', 'position', 'trackId'],
			foreignKeys: [
				fk(['cityId', 'position'], 'future-industries-csv', ['cityId', 'position']),
				fk('trackId', 'tracks-csv', 'id')
			]
		}
	}
];

/** A Frictionless Data Package (v1 profile) describing the tables; the JSON files hold the same records nested. */
export function dataPackage(dataset: Dataset, source: SourceCredit = SOURCE): Record<string, unknown> {
	const credit = `${source.outlet.zh}${source.title.zh}(${source.date}) / ${source.outlet.en}, “${source.title.en}” (${source.date})`;
	const resources = TABLES.map((t) => ({
		name: t.name,
		path: t.path,
		profile: 'tabular-data-resource',
		format: 'csv',
		mediatype: 'text/csv',
		encoding: 'utf-8',
		description: t.description,
		dialect: CSV_DIALECT,
		schema: { ...t.schema, missingValues: [''] }
	}));
	return {
		profile: 'data-package',
		name:
			dataset.id === 'builtin'
				? 'china-city-innovation-2023'
				: dataset.id.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'),
		title: '2023年城市科创大事件 / Chinese cities’ science-and-technology innovation in 2023',
		description:
			'Events, fields, timing and future-industry choices of Chinese cities in 2023, compiled by this project from the article credited under sources. Titles and notes are our own wording; document, facility, company and people names are verbatim. The resources are the tables, as CSV without a byte-order mark; the .json files beside them hold the same records nested, and the plain .csv files are the tables with a byte-order mark for spreadsheets.',
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
		'future-industry-tracks.csv': futureIndustryTracksCsv(dataset),
		'cities.csv': citiesCsv(dataset),
		'clusters.csv': clustersCsv(dataset),
		'categories.csv': categoriesCsv(dataset),
		'tracks.csv': tracksCsv(dataset),
		'events-nobom.csv': eventsCsv(dataset, { bom: false }),
		'future-industries-nobom.csv': futureIndustriesCsv(dataset, { bom: false }),
		'future-industry-tracks-nobom.csv': futureIndustryTracksCsv(dataset, { bom: false }),
		'cities-nobom.csv': citiesCsv(dataset, { bom: false }),
		'clusters-nobom.csv': clustersCsv(dataset, { bom: false }),
		'categories-nobom.csv': categoriesCsv(dataset, { bom: false }),
		'tracks-nobom.csv': tracksCsv(dataset, { bom: false }),
		'datapackage.json': json(dataPackage(dataset, source))
	};
}
