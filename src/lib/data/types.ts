/**
 * The dataset's record types: the public contract shared by the data files in `build/data/`,
 * the aggregation engine, the charts and the import of user data.
 * Plain types only; the runtime schema that checks them lives in `schema.ts`.
 */

export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];

/** A text in both languages. Both are required and non-empty. */
export interface I18nText {
	zh: string;
	en: string;
}

export type ClusterId = string; // built-in: 'yrd' | 'jjj' | 'gba' | 'cy'

export interface Cluster {
	id: ClusterId;
	name: I18nText;
	/** Position in the dashboard's fixed cluster order (0-based). */
	order: number;
}

export interface City {
	/** Lower-case ASCII slug, e.g. 'shanghai'. Used in URLs. */
	id: string;
	name: I18nText;
	/** Toneless pinyin, lower case, no spaces, e.g. 'shanghai', for search. */
	pinyin: string;
	/**
	 * Other names a search should find the city by, lower-case ASCII letters, e.g. 'hongkong' for 香港
	 * (pinyin 'xianggang'). Optional; absent means none.
	 */
	aliases?: string[];
	province: I18nText;
	cluster: ClusterId;
	/** City-centre coordinates (WGS84). Optional for user-imported cities (left off the map). */
	lat: number | null;
	lon: number | null;
}

export interface Category {
	id: string;
	name: I18nText;
	/** Position in the article's order of sections (0-based). */
	order: number;
}

export type EventScope = 'city' | 'national';
export type SourceSection = 'events' | 'commentary';

export type EventKind =
	| 'facility'
	| 'computing-centre'
	| 'policy'
	| 'regulation'
	| 'plan'
	| 'fund'
	| 'visit'
	| 'donation'
	| 'expo'
	| 'agreement'
	| 'model-release'
	| 'pilot'
	| 'other';

export interface EventSource {
	section: SourceSection;
	/** The article's sub-heading the item sits under (zh, verbatim: it is a heading, a name). */
	heading: string;
	/** Position 1–29 of the bullet in the article's event list; null for commentary items. */
	bullet: number | null;
	/**
	 * In a combined dataset: the id of the part (`DatasetMeta.parts`) the event came from, so each event
	 * keeps its own source through combining, export and import. Absent or null: the dataset's own
	 * sources (a dataset that was never combined).
	 */
	from?: string | null;
}

export interface InnovationEvent {
	id: string;
	/** null for national events. */
	cityId: string | null;
	scope: EventScope;
	categoryId: string;
	/**
	 * The year, or null where the source gives none: an item the article only places "earlier" (此前)
	 * than another event. Such an item names that event in `before` and has no month; every time view
	 * keeps it apart from the dated events, never in a month of any year.
	 */
	year: number | null;
	/**
	 * For an item the source gives no year for and places only before another ("此前"): that event's
	 * id. Null otherwise. Set exactly when `year` is null.
	 */
	before: string | null;
	/** 1–12, or null where the source gives no month. */
	month: number | null;
	/** Last month of a range ("5月到6月" → month 5, monthEnd 6); null otherwise. */
	monthEnd: number | null;
	kind: EventKind;
	/** Companies, agencies and people named, verbatim (zh) with an English form. */
	actors: I18nText[];
	/** Document title verbatim including 《》, when the event is a document; else null. */
	document: string | null;
	/**
	 * An English rendering of the document title (our translation, without 《》), shown beside the
	 * Chinese title on English pages; null when there is no document or no rendering (user data).
	 */
	documentEn: string | null;
	/** Our own short title, in both languages (never the article's sentence). */
	title: I18nText;
	/** Optional note, e.g. why an item is undated ("此前" / "earlier"). */
	note: I18nText | null;
	/** Same value on the per-city copies of one action that names several cities; else null. */
	groupId: string | null;
	source: EventSource;
}

export type MatchStrength = 'exact' | 'partial' | 'broad';

export interface Track {
	id: string;
	name: I18nText;
	/** One line on what the track covers. */
	description: I18nText;
}

export interface TrackMatch {
	trackId: string;
	match: MatchStrength;
	/** One-line editorial reason for the mapping. */
	reason: I18nText;
}

export interface FutureIndustryItem {
	/** The city's own words, verbatim zh, with an English rendering. */
	name: I18nText;
	tracks: TrackMatch[];
}

export interface FutureIndustryList {
	cityId: string;
	items: FutureIndustryItem[];
}

/**
 * A text of a dataset's metadata: one string as the reader typed it (in whatever language), or the same
 * text in both languages (the built-in dataset's).
 */
export type MetaText = string | I18nText;

/** One source a dataset credits. */
export interface MetaSource {
	/** The source's title (an article, a report, a database). Required, non-empty. */
	title: MetaText;
	/** Who published it ('' when not known). */
	publisher: MetaText;
	/** When it was published: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; '' when not known. */
	date: string;
	/** Its address (http/https); null when it is not public or not known. */
	url: string | null;
}

/** A dataset that went into a combined one: its name and sources, which its events point to (`from`). */
export interface DatasetPart {
	/** Unique within the combined dataset (events refer to it in `source.from`). */
	id: string;
	name: MetaText;
	sources: MetaSource[];
	licence: MetaText;
}

/** What a dataset says about itself: every dataset carries one, and every credit is read from it. */
export interface DatasetMeta {
	/** The dataset's name (for an import: the name the reader gave it). */
	name: MetaText;
	/** At least one for the built-in data; a reader's dataset may list none yet ('' title not allowed). */
	sources: MetaSource[];
	/** The licence, free text ('CC-BY-4.0', 'internal use only'); '' when not stated. */
	licence: MetaText;
	notes: MetaText;
	/** For a combined dataset, the datasets it was made from (their sources are also in `sources`). */
	parts?: DatasetPart[];
}

/** Everything a view needs, as loaded and validated. */
export interface Dataset {
	/** Identifies the dataset ('builtin' or a user dataset's id). */
	id: string;
	version: string;
	cities: City[];
	clusters: Cluster[];
	categories: Category[];
	events: InnovationEvent[];
	tracks: Track[];
	futureIndustries: FutureIndustryList[];
	/**
	 * What the dataset says about itself. Optional in type terms only, for records saved before it
	 * existed: every dataset has one at runtime (`metaOf` supplies it for an old saved record).
	 */
	meta?: DatasetMeta;
}
