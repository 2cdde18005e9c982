/**
 * Runtime checks for the dashboard's dataset: valibot schemas for each record type (shape) and
 * `validateDataset`, which adds the checks that span records and files (unique ids, references that
 * resolve, month ranges, scope vs city, every future-industry item placed on a track).
 * Every problem comes back as a `DataIssue` naming the file, the record and the field, so a bad record
 * in the built-in data fails the site build with a message a person can act on.
 */
import * as v from 'valibot';
import type {
	Category,
	City,
	Cluster,
	Dataset,
	DatasetMeta,
	DatasetPart,
	EventKind,
	FutureIndustryItem,
	FutureIndustryList,
	I18nText,
	InnovationEvent,
	MetaSource,
	MetaText,
	Track,
	TrackMatch
} from './types';

export interface DataIssue {
	/** The data file the record comes from, e.g. 'events.json'; 'dataset' for the top-level fields. */
	file: string;
	/** The record's id (for future-industry lists: the city id); null when the record has none. */
	recordId: string | null;
	/** Dotted path inside the record, e.g. 'name.en' or 'items.2.tracks'; '' for the record as a whole. */
	field: string;
	reason: string;
	/**
	 * What kind of problem it is, for readers who need it in their own language (the import page words
	 * each rule from its catalogue; `reason` is the English detail for the build log).
	 */
	rule: IssueRule;
}

export type IssueRule =
	| 'notObject'
	| 'notList'
	| 'missingField'
	| 'unknownField'
	| 'wrongType'
	| 'empty'
	| 'badValue'
	| 'duplicate'
	| 'unknownReference'
	| 'inconsistent';

export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; issues: DataIssue[] };

/** Where each collection of a Dataset lives as a public file. */
export const DATA_FILES = {
	clusters: 'clusters.json',
	cities: 'cities.json',
	categories: 'categories.json',
	events: 'events.json',
	tracks: 'tracks.json',
	futureIndustries: 'future-industries.json'
} as const;
export type Collection = keyof typeof DATA_FILES;

/** A rough bounding box around China (incl. Hong Kong, Macao and Taiwan), for catching swapped or mistyped coordinates. */
export const CHINA_BBOX = { latMin: 18, latMax: 54, lonMin: 73, lonMax: 135 } as const;

export const EVENT_KINDS: readonly EventKind[] = [
	'facility',
	'computing-centre',
	'policy',
	'regulation',
	'plan',
	'fund',
	'visit',
	'donation',
	'expo',
	'agreement',
	'model-release',
	'pilot',
	'other'
];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (what: string) =>
	v.pipe(
		v.string(`${what} must be a string`),
		v.check((s) => s.trim().length > 0, `${what} must not be empty`)
	);
const id = (what: string) => text(what);
const order = v.pipe(
	v.number('order must be a number'),
	v.integer('order must be a whole number'),
	v.minValue(0, 'order must be 0 or more')
);

export const I18nTextSchema: v.GenericSchema<I18nText> = v.strictObject(
	{ zh: text('the Chinese text'), en: text('the English text') },
	'expected a text in both languages: { zh, en }'
);

export const ClusterSchema: v.GenericSchema<Cluster> = v.strictObject({
	id: id('id'),
	name: I18nTextSchema,
	order
});

const coordinate = (what: string, min: number, max: number) =>
	v.nullable(
		v.pipe(
			v.number(`${what} must be a number or null`),
			v.finite(`${what} must be a finite number`),
			v.minValue(min, `${what} must lie inside China (${min}–${max})`),
			v.maxValue(max, `${what} must lie inside China (${min}–${max})`)
		)
	);

export const CitySchema: v.GenericSchema<City> = v.strictObject({
	id: v.pipe(v.string('id must be a string'), v.regex(SLUG, 'id must be a lower-case ASCII slug')),
	name: I18nTextSchema,
	pinyin: v.pipe(
		v.string('pinyin must be a string'),
		v.regex(/^[a-z]+$/, 'pinyin must be toneless lower-case letters without spaces')
	),
	aliases: v.optional(
		v.array(
			v.pipe(
				v.string('an alias must be a string'),
				v.regex(/^[a-z]+$/, 'an alias must be lower-case letters without spaces')
			),
			'aliases must be a list'
		)
	),
	province: I18nTextSchema,
	cluster: id('cluster'),
	lat: coordinate('lat', CHINA_BBOX.latMin, CHINA_BBOX.latMax),
	lon: coordinate('lon', CHINA_BBOX.lonMin, CHINA_BBOX.lonMax)
});

export const CategorySchema: v.GenericSchema<Category> = v.strictObject({
	id: id('id'),
	name: I18nTextSchema,
	order
});

const month = (what: string) =>
	v.nullable(
		v.pipe(
			v.number(`${what} must be a number or null`),
			v.integer(`${what} must be a whole number`),
			v.minValue(1, `${what} must be 1–12`),
			v.maxValue(12, `${what} must be 1–12`)
		)
	);

export const EventSourceSchema = v.strictObject({
	section: v.picklist(['events', 'commentary'], "section must be 'events' or 'commentary'"),
	heading: text('heading'),
	bullet: v.nullable(
		v.pipe(
			v.number('bullet must be a number or null'),
			v.integer('bullet must be a whole number'),
			v.minValue(1, 'bullet must be 1 or more')
		)
	),
	from: v.optional(v.nullable(id('from')))
});

export const InnovationEventSchema: v.GenericSchema<InnovationEvent> = v.strictObject({
	id: id('id'),
	cityId: v.nullable(id('cityId')),
	scope: v.picklist(['city', 'national'], "scope must be 'city' or 'national'"),
	categoryId: id('categoryId'),
	year: v.nullable(
		v.pipe(
			v.number('year must be a number or null (no year given)'),
			v.integer('year must be a whole number'),
			v.minValue(1900, 'year must be 1900–2100'),
			v.maxValue(2100, 'year must be 1900–2100')
		)
	),
	before: v.nullable(id('before')),
	month: month('month'),
	monthEnd: month('monthEnd'),
	kind: v.picklist(EVENT_KINDS, `kind must be one of: ${EVENT_KINDS.join(', ')}`),
	actors: v.array(I18nTextSchema, 'actors must be a list'),
	document: v.nullable(
		v.pipe(
			v.string('document must be a string or null'),
			v.regex(/^《.+》$/u, 'document must be the title inside 《》')
		)
	),
	documentEn: v.nullable(
		v.pipe(
			text('documentEn'),
			v.check((s) => !/[《》]/u.test(s), 'documentEn is the English rendering, without 《》')
		)
	),
	title: I18nTextSchema,
	note: v.nullable(I18nTextSchema),
	groupId: v.nullable(id('groupId')),
	source: EventSourceSchema
});

export const TrackSchema: v.GenericSchema<Track> = v.strictObject({
	id: id('id'),
	name: I18nTextSchema,
	description: I18nTextSchema
});

export const TrackMatchSchema: v.GenericSchema<TrackMatch> = v.strictObject({
	trackId: id('trackId'),
	match: v.picklist(['exact', 'partial', 'broad'], "match must be 'exact', 'partial' or 'broad'"),
	reason: I18nTextSchema
});

export const FutureIndustryItemSchema: v.GenericSchema<FutureIndustryItem> = v.strictObject({
	name: I18nTextSchema,
	tracks: v.pipe(
		v.array(TrackMatchSchema, 'tracks must be a list'),
		v.minLength(1, 'every item needs at least one track')
	)
});

export const FutureIndustryListSchema: v.GenericSchema<FutureIndustryList> = v.strictObject({
	cityId: id('cityId'),
	items: v.pipe(
		v.array(FutureIndustryItemSchema, 'items must be a list'),
		v.minLength(1, 'a list needs at least one item')
	)
});

/**
 * Characters a metadata text must not hold: controls (other than tab and line breaks, which only notes
 * may have) and the bidirectional overrides that can make a name read as something else.
 */
// eslint-disable-next-line no-control-regex
const HOSTILE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const metaString = (what: string, max: number, { required = false, lines = false } = {}) =>
	v.pipe(
		v.string(`${what} must be a string`),
		v.check((s) => !required || s.trim().length > 0, `${what} must not be empty`),
		v.maxLength(max, `${what} must be at most ${max} characters`),
		v.check((s) => !HOSTILE.test(s), `${what} must not hold control or direction-override characters`),
		v.check((s) => lines || !/[\r\n\t]/.test(s), `${what} must be one line`)
	);
const metaText = (what: string, max: number, options: { required?: boolean; lines?: boolean } = {}) =>
	v.union(
		[
			metaString(what, max, options),
			v.strictObject({ zh: metaString(what, max, options), en: metaString(what, max, options) })
		],
		`${what} must be a text, or { zh, en }`
	) as v.GenericSchema<MetaText>;

/** 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (a real day), or '' when not known. */
function validDate(s: string): boolean {
	if (s === '') return true;
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
	if (y < 1900 || y > 2200 || mo < 1 || mo > 12) return false;
	const day = new Date(Date.UTC(y, mo - 1, d));
	return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** An http(s) address: anything else (javascript:, data:, a relative path) is not a source's address. */
function webAddress(s: string): boolean {
	try {
		const u = new URL(s);
		return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
	} catch {
		return false;
	}
}

export const META_LIMITS = {
	name: 120,
	title: 300,
	publisher: 200,
	licence: 200,
	notes: 4000,
	url: 2000,
	sources: 50
} as const;

export const MetaSourceSchema: v.GenericSchema<MetaSource> = v.strictObject({
	title: metaText('title', META_LIMITS.title, { required: true }),
	publisher: metaText('publisher', META_LIMITS.publisher),
	date: v.pipe(
		v.string('date must be a string'),
		v.check(validDate, 'date must be YYYY, YYYY-MM or YYYY-MM-DD (or empty)')
	),
	url: v.nullable(
		v.pipe(
			v.string('url must be a string or null'),
			v.maxLength(META_LIMITS.url, `url must be at most ${META_LIMITS.url} characters`),
			v.check(webAddress, 'url must be an http or https address (or null: not public)')
		)
	)
});

const sourceList = v.pipe(
	v.array(MetaSourceSchema, 'sources must be a list'),
	v.maxLength(META_LIMITS.sources, `at most ${META_LIMITS.sources} sources`)
);

export const DatasetPartSchema: v.GenericSchema<DatasetPart> = v.strictObject({
	id: id('id'),
	name: metaText('name', META_LIMITS.name, { required: true }),
	sources: sourceList,
	licence: metaText('licence', META_LIMITS.licence)
});

export const DatasetMetaSchema: v.GenericSchema<DatasetMeta> = v.strictObject({
	name: metaText('name', META_LIMITS.name, { required: true }),
	sources: sourceList,
	licence: metaText('licence', META_LIMITS.licence),
	notes: metaText('notes', META_LIMITS.notes, { lines: true }),
	parts: v.optional(
		v.pipe(
			v.array(DatasetPartSchema, 'parts must be a list'),
			v.maxLength(META_LIMITS.sources, `at most ${META_LIMITS.sources} parts`)
		)
	)
});

/** What is wrong with a metadata value, for the reader's own language (`import.meta.rule.*`). */
export type MetaRule = IssueRule | 'tooLong' | 'hostile' | 'oneLine' | 'badDate' | 'badUrl' | 'tooMany';

/** A problem with a dataset's metadata: the field (dotted path, e.g. 'sources.1.date') and the rule. */
export interface MetaIssue {
	field: string;
	rule: MetaRule;
	reason: string;
}

function metaRuleOf(issue: v.BaseIssue<unknown>): MetaRule {
	const m = issue.message;
	if (issue.type === 'max_length') return /sources|parts/.test(m) ? 'tooMany' : 'tooLong';
	if (issue.type === 'check') {
		if (/control|override/.test(m)) return 'hostile';
		if (/one line/.test(m)) return 'oneLine';
		if (/^date/.test(m)) return 'badDate';
		if (/^url/.test(m)) return 'badUrl';
	}
	return ruleOf(issue);
}

export type MetaResult = { ok: true; meta: DatasetMeta } | { ok: false; issues: MetaIssue[] };

/** Checks metadata from a file or the import form; every issue names its field. */
export function checkMeta(raw: unknown): MetaResult {
	const r = v.safeParse(DatasetMetaSchema, raw);
	if (r.success) {
		const parts = r.output.parts ?? [];
		const ids = new Set<string>();
		for (const [i, p] of parts.entries()) {
			if (ids.has(p.id))
				return {
					ok: false,
					issues: [{ field: `parts.${i}.id`, rule: 'duplicate', reason: `part '${p.id}' listed twice` }]
				};
			ids.add(p.id);
		}
		return { ok: true, meta: r.output };
	}
	return {
		ok: false,
		issues: r.issues.map((issue) => ({
			field: pathOf(issue),
			rule: metaRuleOf(issue),
			reason: reasonOf(issue)
		}))
	};
}

const SCHEMAS: { [K in Collection]: v.GenericSchema<Dataset[K][number]> } = {
	clusters: ClusterSchema,
	cities: CitySchema,
	categories: CategorySchema,
	events: InnovationEventSchema,
	tracks: TrackSchema,
	futureIndustries: FutureIndustryListSchema
};

/** The key that identifies a record of each collection in issues and uniqueness checks. */
const KEY: { [K in Collection]: 'id' | 'cityId' } = {
	clusters: 'id',
	cities: 'id',
	categories: 'id',
	events: 'id',
	tracks: 'id',
	futureIndustries: 'cityId'
};

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

function rawKey(record: unknown, key: string): string | null {
	if (!isObject(record)) return null;
	const value = record[key];
	return typeof value === 'string' && value !== '' ? value : null;
}

/** A readable reason: valibot's wording for missing and unknown keys is terse. */
function reasonOf(issue: v.BaseIssue<unknown>): string {
	const last = issue.path?.[issue.path.length - 1] as { key?: unknown } | undefined;
	if (issue.kind === 'schema' && (issue.type === 'object' || issue.type === 'strict_object') && last) {
		if (issue.expected === 'never') return `unknown field '${String(last.key)}' (not in the data contract)`;
		if (issue.input === undefined) return `required field '${String(last.key)}' is missing`;
	}
	return issue.message;
}

/** The rule a valibot issue breaks, by the kind of check that failed. */
function ruleOf(issue: v.BaseIssue<unknown>): IssueRule {
	const last = issue.path?.[issue.path.length - 1] as { key?: unknown } | undefined;
	if (issue.kind === 'schema' && (issue.type === 'object' || issue.type === 'strict_object') && last) {
		if (issue.expected === 'never') return 'unknownField';
		if (issue.input === undefined) return 'missingField';
	}
	if (issue.kind === 'schema' && issue.type !== 'picklist') return 'wrongType';
	if (issue.type === 'check') return 'empty';
	return 'badValue';
}

function pathOf(issue: v.BaseIssue<unknown>): string {
	return (issue.path ?? [])
		.map((item) => String((item as { key?: unknown }).key))
		.filter((k) => k !== 'undefined')
		.join('.');
}

/** "events.json › shanghai-musk-visit › month: month must be 1–12" */
export function formatIssue(issue: DataIssue): string {
	return `${issue.file} › ${issue.recordId ?? '(no id)'} › ${issue.field || '(record)'}: ${issue.reason}`;
}

/** Checks a whole dataset (shape of every record, then the links between them). */
export function validateDataset(raw: unknown): ValidationResult {
	const issues: DataIssue[] = [];
	const add = (file: string, recordId: string | null, field: string, reason: string, rule: IssueRule) =>
		issues.push({ file, recordId, field, reason, rule });

	if (!isObject(raw)) {
		add('dataset', null, '', 'expected an object with the dataset’s collections', 'notObject');
		return { ok: false, issues };
	}
	for (const key of ['id', 'version'] as const) {
		const value = raw[key];
		if (typeof value !== 'string' || value.trim() === '')
			add('dataset', null, key, `${key} must be a non-empty string`, 'empty');
	}

	// 1. Shape, record by record (so one bad record does not hide the others).
	const known: Partial<Record<Collection, Set<string>>> = {};
	const parsed: { [K in Collection]: Dataset[K] } = {
		clusters: [],
		cities: [],
		categories: [],
		events: [],
		tracks: [],
		futureIndustries: []
	};
	for (const collection of Object.keys(DATA_FILES) as Collection[]) {
		const file = DATA_FILES[collection];
		const records = raw[collection];
		if (!Array.isArray(records)) {
			add(file, null, '', 'expected a list of records', 'notList');
			continue;
		}
		const seen = new Set<string>();
		known[collection] = seen;
		records.forEach((record, index) => {
			const recordId = rawKey(record, KEY[collection]);
			if (recordId !== null) {
				if (seen.has(recordId))
					add(
						file,
						recordId,
						KEY[collection],
						`duplicate ${KEY[collection]} (record ${index + 1})`,
						'duplicate'
					);
				seen.add(recordId);
			}
			const result = v.safeParse(SCHEMAS[collection], record);
			if (result.success) (parsed[collection] as unknown[]).push(result.output);
			else
				for (const issue of result.issues) add(file, recordId, pathOf(issue), reasonOf(issue), ruleOf(issue));
		});
	}

	// 2. Links and rules that span fields, records and files. References resolve against every record
	// that has an id, valid or not, so one broken city does not also flag each event that names it.
	const none = new Set<string>();
	const clusterIds = known.clusters ?? none;
	const cityIds = known.cities ?? none;
	const categoryIds = known.categories ?? none;
	const trackIds = known.tracks ?? none;

	for (const city of parsed.cities) {
		const f = DATA_FILES.cities;
		if (!clusterIds.has(city.cluster))
			add(f, city.id, 'cluster', `unknown cluster '${city.cluster}'`, 'unknownReference');
		if ((city.lat === null) !== (city.lon === null))
			add(
				f,
				city.id,
				city.lat === null ? 'lat' : 'lon',
				'lat and lon must both be set or both be null',
				'inconsistent'
			);
	}

	const groups = new Map<string, InnovationEvent[]>();
	const eventIds = known.events ?? none;
	// 0. The metadata, when the record carries it (every dataset does at runtime; files may not)
	let meta: DatasetMeta | undefined;
	if (raw.meta !== undefined) {
		const m = checkMeta(raw.meta);
		if (m.ok) meta = m.meta;
		else
			for (const issue of m.issues)
				add(
					'dataset',
					null,
					`meta${issue.field ? `.${issue.field}` : ''}`,
					issue.reason,
					issue.rule === 'tooMany' ||
						issue.rule === 'tooLong' ||
						issue.rule === 'badDate' ||
						issue.rule === 'badUrl' ||
						issue.rule === 'hostile' ||
						issue.rule === 'oneLine'
						? 'badValue'
						: issue.rule
				);
	}
	const partIds = new Set((meta?.parts ?? []).map((p) => p.id));
	for (const e of parsed.events) {
		const f = DATA_FILES.events;
		if (e.cityId !== null && !cityIds.has(e.cityId))
			add(f, e.id, 'cityId', `unknown city '${e.cityId}'`, 'unknownReference');
		if (!categoryIds.has(e.categoryId))
			add(f, e.id, 'categoryId', `unknown category '${e.categoryId}'`, 'unknownReference');
		if (e.scope === 'national' && e.cityId !== null)
			add(f, e.id, 'scope', 'a national event must have cityId null', 'inconsistent');
		if (e.scope === 'city' && e.cityId === null)
			add(f, e.id, 'scope', 'a city event needs a cityId', 'inconsistent');
		if (e.monthEnd !== null && e.month === null)
			add(f, e.id, 'monthEnd', 'monthEnd needs a month', 'inconsistent');
		if (e.year === null && e.before === null)
			add(
				f,
				e.id,
				'before',
				'an event with no year needs before: the id of the event the source places it before',
				'inconsistent'
			);
		if (e.year !== null && e.before !== null)
			add(f, e.id, 'before', 'before is only for an event with no year (set year to null)', 'inconsistent');
		if (e.before !== null) {
			if (e.month !== null)
				add(f, e.id, 'month', 'an event with no year has no month (null)', 'inconsistent');
			if (e.before === e.id) add(f, e.id, 'before', 'an event cannot be before itself', 'inconsistent');
			else if (!eventIds.has(e.before))
				add(f, e.id, 'before', `unknown event '${e.before}'`, 'unknownReference');
		}
		if (e.documentEn !== null && e.document === null)
			add(f, e.id, 'documentEn', 'documentEn needs a document', 'inconsistent');
		// a monthEnd before month is the next year's: a range across a year's end (at most twelve months)
		if (e.source.section === 'events' && e.source.bullet === null)
			add(f, e.id, 'source.bullet', 'an event-list item needs its bullet position', 'inconsistent');
		if (e.source.section === 'commentary' && e.source.bullet !== null)
			add(f, e.id, 'source.bullet', 'a commentary item has no bullet (null)', 'inconsistent');
		if (e.groupId !== null) groups.set(e.groupId, [...(groups.get(e.groupId) ?? []), e]);
		const from = e.source.from ?? null;
		if (from !== null && !partIds.has(from))
			add(f, e.id, 'source.from', `unknown dataset part '${from}'`, 'unknownReference');
	}
	for (const [groupId, members] of groups) {
		const cities = new Set(members.map((e) => e.cityId));
		if (members.length < 2)
			add(
				DATA_FILES.events,
				members[0].id,
				'groupId',
				`group '${groupId}' has only one event`,
				'inconsistent'
			);
		else if (cities.size < members.length)
			add(DATA_FILES.events, members[0].id, 'groupId', `group '${groupId}' repeats a city`, 'inconsistent');
	}

	for (const list of parsed.futureIndustries) {
		const f = DATA_FILES.futureIndustries;
		if (!cityIds.has(list.cityId))
			add(f, list.cityId, 'cityId', `unknown city '${list.cityId}'`, 'unknownReference');
		list.items.forEach((item, i) => {
			const seen = new Set<string>();
			item.tracks.forEach((m, j) => {
				if (!trackIds.has(m.trackId))
					add(
						f,
						list.cityId,
						`items.${i}.tracks.${j}.trackId`,
						`unknown track '${m.trackId}'`,
						'unknownReference'
					);
				if (seen.has(m.trackId))
					add(
						f,
						list.cityId,
						`items.${i}.tracks.${j}.trackId`,
						`track '${m.trackId}' listed twice`,
						'duplicate'
					);
				seen.add(m.trackId);
			});
		});
	}

	if (issues.length > 0) return { ok: false, issues };
	return {
		ok: true,
		dataset: { id: raw.id as string, version: raw.version as string, ...parsed, ...(meta ? { meta } : {}) }
	};
}
