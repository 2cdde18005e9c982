/**
 * Checks a saved dataset's records as read back from the reader's browser before any view sees them. A
 * record can be damaged (storage cleared halfway, edited by hand, a browser bug) or written by another
 * version of the dashboard; such a record is refused here, with the reason, rather than unpacked into
 * events whose names or cities are missing and that would break a view. Checks the shape, every index
 * into the string table, and that events, cities and lists refer only to records the dataset holds.
 * Linear in the number of events, with no allocation per event. Loaded with the data it checks, when a
 * saved dataset is opened (the meta records' small check is in `store.ts`). Pure; no DOM.
 */
import { PACK_FORMAT, type PackedDataset } from './pack';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown) => isObj(v) && isStr(v.zh) && isStr(v.en);
const isCoord = (v: unknown) => v === null || isNum(v);

type Column = Uint8Array | Uint16Array | Uint32Array;
const isColumn = (v: unknown): v is Column =>
	v instanceof Uint8Array || v instanceof Uint16Array || v instanceof Uint32Array;

const isMetaText = (v: unknown) => isStr(v) || isText(v);
const isSource = (v: unknown) =>
	isObj(v) &&
	isMetaText(v.title) &&
	isMetaText(v.publisher) &&
	isStr(v.date) &&
	(v.url === null || isStr(v.url));
/** The metadata's shape as the views read it (the full rules were checked when it was imported). */
function isMeta(v: unknown): boolean {
	if (!isObj(v) || !isMetaText(v.name) || !isMetaText(v.licence) || !isMetaText(v.notes)) return false;
	if (!Array.isArray(v.sources) || !v.sources.every(isSource)) return false;
	if (v.parts === undefined) return true;
	return (
		Array.isArray(v.parts) &&
		v.parts.every(
			(p: unknown) =>
				isObj(p) &&
				isStr(p.id) &&
				isMetaText(p.name) &&
				isMetaText(p.licence) &&
				Array.isArray(p.sources) &&
				p.sources.every(isSource)
		)
	);
}

/**
 * Why a collection is unusable, or null; `ok` checks one record. `key` must be unique (views key their
 * lists by it, and a repeated key stops a view).
 */
function checkList(value: unknown, what: string, ok: (r: Obj) => boolean, key = 'id'): string | null {
	if (!Array.isArray(value)) return `${what}: not a list`;
	const seen = new Set<unknown>();
	for (let i = 0; i < value.length; i++) {
		const r: unknown = value[i];
		if (!isObj(r) || !ok(r)) return `${what}[${i}]: malformed`;
		if (seen.has(r[key])) return `${what}[${i}]: repeated ${key}`;
		seen.add(r[key]);
	}
	return null;
}

/** Why `value` is not a readable packed dataset, or null when it is. */
export function packedProblem(value: unknown): string | null {
	if (!isObj(value)) return 'not a record';
	if (value.format !== PACK_FORMAT) return `format ${String(value.format).slice(0, 40)}`;
	if (!isStr(value.id) || !isStr(value.version)) return 'id or version';
	// metadata: absent in records saved before datasets carried it; when present, what views read
	if (value.meta !== undefined && !isMeta(value.meta)) return 'meta: malformed';

	const ids = (list: unknown) => new Set((list as Obj[]).map((r) => r.id as string));
	const problem =
		checkList(value.clusters, 'clusters', (r) => isStr(r.id) && isText(r.name) && isNum(r.order)) ??
		checkList(value.categories, 'categories', (r) => isStr(r.id) && isText(r.name) && isNum(r.order)) ??
		checkList(value.tracks, 'tracks', (r) => isStr(r.id) && isText(r.name) && isText(r.description));
	if (problem) return problem;
	const clusters = ids(value.clusters);
	const tracks = ids(value.tracks);
	const cityProblem = checkList(
		value.cities,
		'cities',
		(r) =>
			isStr(r.id) &&
			isText(r.name) &&
			isStr(r.pinyin) &&
			isText(r.province) &&
			isStr(r.cluster) &&
			clusters.has(r.cluster) &&
			isCoord(r.lat) &&
			isCoord(r.lon)
	);
	if (cityProblem) return cityProblem;
	const cities = ids(value.cities);
	const listProblem = checkList(
		value.futureIndustries,
		'futureIndustries',
		(r) =>
			isStr(r.cityId) &&
			cities.has(r.cityId) &&
			Array.isArray(r.items) &&
			r.items.every(
				(item: unknown) =>
					isObj(item) &&
					isText(item.name) &&
					Array.isArray(item.tracks) &&
					item.tracks.every(
						(m: unknown) =>
							isObj(m) && isStr(m.trackId) && tracks.has(m.trackId) && isStr(m.match) && isText(m.reason)
					)
			),
		'cityId'
	);
	if (listProblem) return listProblem;

	return eventsProblem(value.events, cities, ids(value.categories));
}

function eventsProblem(e: unknown, cities: Set<string>, categories: Set<string>): string | null {
	if (!isObj(e)) return 'events: not a record';
	const count = e.count;
	if (!isNum(count) || !Number.isInteger(count) || count < 0) return 'events: count';
	const { text, offsets } = e;
	if (!isStr(text) || !(offsets instanceof Uint32Array) || offsets.length < 1) return 'events: string table';
	const strings = offsets.length - 1;
	if (offsets[0] !== 0 || offsets[strings] !== text.length) return 'events: string table length';
	for (let k = 0; k < strings; k++) if (offsets[k] > offsets[k + 1]) return 'events: string table order';
	const string = (k: number) => text.slice(offsets[k], offsets[k + 1]);

	// Per-event columns: long enough, and every index inside the string table.
	const indexed = [
		'id',
		'cityId',
		'categoryId',
		'titleZh',
		'titleEn',
		'document',
		'noteZh',
		'noteEn',
		'groupId',
		'heading'
	];
	for (const name of [...indexed, 'bullet', 'year', 'month', 'monthEnd', 'kind', 'flags']) {
		const col = e[name];
		if (!isColumn(col) || col.length < count) return `events.${name}: missing or short`;
	}
	// Columns added later: optional (older saves lack them), checked when present.
	for (const name of ['documentEn', 'before', 'from']) {
		if (e[name] === undefined) continue;
		const col = e[name];
		if (!isColumn(col) || col.length < count) return `events.${name}: missing or short`;
		indexed.push(name);
	}
	for (const name of indexed) {
		const col = e[name] as Column;
		for (let i = 0; i < count; i++) if (col[i] > strings) return `events.${name}: index out of range`;
	}
	for (const name of ['month', 'monthEnd']) {
		const col = e[name] as Column;
		for (let i = 0; i < count; i++) if (col[i] > 12) return `events.${name}: not a month`;
	}
	const { actorStart, actorZh, actorEn } = e;
	if (!(actorStart instanceof Uint32Array) || actorStart.length < count + 1) return 'events.actorStart';
	if (!(actorZh instanceof Uint32Array) || !(actorEn instanceof Uint32Array)) return 'events.actors';
	if (actorZh.length !== actorEn.length || actorStart[0] !== 0) return 'events.actors';
	for (let i = 0; i < count; i++) if (actorStart[i] > actorStart[i + 1]) return 'events.actorStart order';
	if (actorStart[count] > actorZh.length) return 'events.actorStart range';
	for (let k = 0; k < actorZh.length; k++) {
		if (actorZh[k] > strings || actorEn[k] > strings) return 'events.actors: index out of range';
	}

	// Events refer only to the dataset's own cities and categories (distinct indices are few).
	const refs = (col: Column, known: Set<string>, nullable: boolean): boolean => {
		const seen = new Set<number>();
		for (let i = 0; i < count; i++) seen.add(col[i]);
		for (const k of seen) if (k === 0 ? !nullable : !known.has(string(k))) return false;
		return true;
	};
	if (!refs(e.cityId as Column, cities, true)) return 'events.cityId: unknown city';
	if (!refs(e.categoryId as Column, categories, false)) return 'events.categoryId: unknown category';
	return null;
}

/** `value` as a packed dataset, or null when it cannot be read safely. */
export function checkPacked(value: unknown): PackedDataset | null {
	return packedProblem(value) === null ? (value as PackedDataset) : null;
}
