/**
 * New fields and cities are the reader's decisions. An import that meets a city or field (category) value
 * no known record matches has created a record for it (`NewRecord` in the build summary); this module
 * lists those values with the rows that use them, suggests a known record they probably mean (same id,
 * Chinese name, English name or pinyin, ignoring case, spaces, punctuation, tone marks and a 市/city
 * suffix), checks the reader's decisions (map to a known record, or create one named in both languages),
 * and applies them to the packed rows: mapped rows point at the known record, created records take the
 * names given, and every field gets a colour position of its own. Pure; no DOM. Look-ups by values
 * from the file go through Maps, so a value such as `__proto__` or `constructor` is only text.
 */
import type { Category, City, Cluster, FutureIndustryList, I18nText } from '../data/types';
import type { BuildSummary, NewRecord } from './build';
import type { PackedDataset, PackedEvents } from './pack';

export type UnknownKind = 'city' | 'category';

export interface UnknownValue extends NewRecord {
	kind: UnknownKind;
	/** Id of the known record the value probably means, or null. */
	suggestion: string | null;
}

export type Decision =
	| { action: 'map'; /** id of a known record ('' while none is chosen) */ target: string }
	| { action: 'create'; zh: string; en: string };

export type Known = BuildSummary['known'];

/** Longest name a created record may be given. */
export const MAX_NAME = 120;

/**
 * A key that is the same for the ways one name is written: NFKC (full-width letters), no tone marks,
 * lower case, no spaces or punctuation, and no 市 / "city" / "shi" at the end. 上海市, Shanghai, shang hai,
 * Shànghǎi and SHANGHAI CITY all give 'shanghai' or '上海'.
 */
export function lookupKey(s: string): string {
	let k = s
		.normalize('NFKC')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.normalize('NFC')
		.toLowerCase()
		.replace(/[\s\p{P}\p{S}]+/gu, '');
	for (const suffix of ['市', 'city', 'shi'])
		if (k.length > suffix.length + 1 && k.endsWith(suffix)) {
			k = k.slice(0, -suffix.length);
			break;
		}
	return k;
}

/** The names a known record is found by. */
function namesOf(kind: UnknownKind, r: City | Category): string[] {
	if (kind === 'category') return [r.id, r.name.zh, r.name.en];
	const c = r as City;
	return [c.id, c.name.zh, c.name.en, c.pinyin, ...(c.aliases ?? [])];
}

/** Key → id of the first known record with a name giving that key. */
export function keyIndex(kind: UnknownKind, records: readonly (City | Category)[]): Map<string, string> {
	const index = new Map<string, string>();
	for (const r of records)
		for (const name of namesOf(kind, r)) {
			const k = lookupKey(name);
			if (k && !index.has(k)) index.set(k, r.id);
		}
	return index;
}

/** The known record a value (with the names the file gave beside it) most likely means, or null. */
export function suggest(
	kind: UnknownKind,
	value: string,
	names: I18nText,
	known: readonly (City | Category)[],
	index: Map<string, string> = keyIndex(kind, known)
): string | null {
	for (const name of [value, names.zh, names.en]) {
		const k = lookupKey(name);
		const id = k ? index.get(k) : undefined;
		if (id !== undefined) return id;
	}
	return null;
}

/** Every value the import did not know, cities first, each with its rows and a suggested match. */
export function unknownValues(
	summary: Pick<BuildSummary, 'newCities' | 'newCategories' | 'known'>
): UnknownValue[] {
	const cityIndex = keyIndex('city', summary.known.cities);
	const categoryIndex = keyIndex('category', summary.known.categories);
	const strip = (r: NewRecord): NewRecord => ({
		id: r.id,
		name: r.name,
		value: r.value,
		rows: r.rows,
		sample: r.sample
	});
	return [
		...summary.newCities.map((c) => ({
			...strip(c),
			kind: 'city' as const,
			suggestion: suggest('city', c.value, c.name, summary.known.cities, cityIndex)
		})),
		...summary.newCategories.map((c) => ({
			...strip(c),
			kind: 'category' as const,
			suggestion: suggest('category', c.value, c.name, summary.known.categories, categoryIndex)
		}))
	];
}

/** Preselected: the suggested match if there is one, else a new record named as the file names it. */
export function defaultDecision(u: UnknownValue): Decision {
	return u.suggestion !== null
		? { action: 'map', target: u.suggestion }
		: { action: 'create', zh: u.name.zh, en: u.name.en };
}

/** What a decision form holds: the choice, and both the target and the names (kept when switching). */
export interface Draft {
	action: 'map' | 'create';
	target: string;
	zh: string;
	en: string;
}

/** The form for an unknown value, filled with its default decision. */
export function draftOf(u: UnknownValue): Draft {
	return {
		action: u.suggestion !== null ? 'map' : 'create',
		target: u.suggestion ?? '',
		zh: u.name.zh,
		en: u.name.en
	};
}

export function decisionOf(d: Draft): Decision {
	return d.action === 'map' ? { action: 'map', target: d.target } : { action: 'create', zh: d.zh, en: d.en };
}

export type DecisionIssueCode = 'noTarget' | 'noName' | 'nameTooLong' | 'undecided';

export interface DecisionIssue {
	/** Position in the unknown values. */
	index: number;
	code: DecisionIssueCode;
	/** For a name: which language. */
	locale?: 'zh' | 'en';
}

/** What stops the decisions from being applied; empty when every unknown value has a usable decision. */
export function decisionIssues(
	unknowns: readonly UnknownValue[],
	decisions: readonly (Decision | null | undefined)[],
	known: Known
): DecisionIssue[] {
	const cityIds = new Set(known.cities.map((c) => c.id));
	const categoryIds = new Set(known.categories.map((c) => c.id));
	const issues: DecisionIssue[] = [];
	unknowns.forEach((u, index) => {
		const d = decisions[index];
		if (!d) issues.push({ index, code: 'undecided' });
		else if (d.action === 'map') {
			if (!(u.kind === 'city' ? cityIds : categoryIds).has(d.target))
				issues.push({ index, code: 'noTarget' });
		} else
			for (const locale of ['zh', 'en'] as const) {
				const name = d[locale].trim();
				if (!name) issues.push({ index, code: 'noName', locale });
				else if (name.length > MAX_NAME) issues.push({ index, code: 'nameTooLong', locale });
			}
	});
	return issues;
}

/** Two events of one group (an action naming several cities) now in the same city. */
export interface GroupConflict {
	groupId: string;
	cityId: string;
	events: [string, string];
}

export interface Applied {
	packed: PackedDataset;
	/** Ids of the cities the import creates (after the decisions). */
	newCities: string[];
	/** Non-empty: the decisions cannot be applied as they are (nothing is returned in `packed` then). */
	conflicts: GroupConflict[];
}

/** Index of string `s` in the packed string table, or -1. One pass over the offsets. */
function stringIndex(events: PackedEvents, s: string): number {
	const { text, offsets } = events;
	for (let k = 0; k + 1 < offsets.length; k++)
		if (offsets[k + 1] - offsets[k] === s.length && text.startsWith(s, offsets[k])) return k;
	return -1;
}

/** The string table with `extra` strings appended (those not already in it), and every string's index. */
function withStrings(
	events: PackedEvents,
	extra: readonly string[]
): { events: PackedEvents; index: Map<string, number> } {
	const index = new Map<string, number>();
	const add: string[] = [];
	let next = events.offsets.length - 1;
	for (const s of extra) {
		if (index.has(s)) continue;
		const k = stringIndex(events, s);
		if (k >= 0) index.set(s, k);
		else {
			index.set(s, next++);
			add.push(s);
		}
	}
	if (add.length === 0) return { events, index };
	const n = events.offsets.length;
	const offsets = new Uint32Array(n + add.length);
	offsets.set(events.offsets);
	let at = events.offsets[n - 1];
	add.forEach((s, i) => (offsets[n + i] = at += s.length));
	return { events: { ...events, text: events.text + add.join(''), offsets }, index };
}

/**
 * The packed rows with the decisions applied. Mapped values: their rows (events and list items) point
 * at the known record, which joins the dataset with its cluster if it was not in it; the created record
 * goes. Created values: the record keeps its id and takes the names given. Fields are then numbered
 * 0, 1, 2… in their order, so each has a colour position of its own (`categoryColour(order)`). Lists of
 * two cities mapped onto one are joined. `keepAll`: the import is a whole dataset (every known record
 * stays); otherwise clusters no city uses are left out, as the import does. The input is not changed.
 */
export function applyDecisions(
	packed: PackedDataset,
	unknowns: readonly UnknownValue[],
	decisions: readonly Decision[],
	known: Known,
	{ keepAll = false }: { keepAll?: boolean } = {}
): Applied {
	const cityTo = new Map<string, string>();
	const categoryTo = new Map<string, string>();
	const cityNames = new Map<string, I18nText>();
	const categoryNames = new Map<string, I18nText>();
	unknowns.forEach((u, i) => {
		const d = decisions[i];
		if (!d) throw new Error(`no decision for ${u.kind} ${u.id}`);
		if (d.action === 'map') (u.kind === 'city' ? cityTo : categoryTo).set(u.id, d.target);
		else (u.kind === 'city' ? cityNames : categoryNames).set(u.id, { zh: d.zh.trim(), en: d.en.trim() });
	});

	// the rows: remap city and category string indices
	const { events: table, index } = withStrings(packed.events, [...cityTo.values(), ...categoryTo.values()]);
	const remap = (to: Map<string, string>): Map<number, number> => {
		const m = new Map<number, number>();
		for (const [from, target] of to) {
			const k = stringIndex(packed.events, from);
			if (k >= 0) m.set(k, index.get(target)!);
		}
		return m;
	};
	const cityIdx = remap(cityTo);
	const categoryIdx = remap(categoryTo);
	const column = (source: Uint32Array, m: Map<number, number>): Uint32Array => {
		if (m.size === 0) return source;
		const out = source.slice();
		for (let i = 0; i < out.length; i++) {
			const to = m.get(out[i]);
			if (to !== undefined) out[i] = to;
		}
		return out;
	};
	const events: PackedEvents = {
		...table,
		cityId: column(table.cityId, cityIdx),
		categoryId: column(table.categoryId, categoryIdx)
	};

	// a group may not have two events in one city
	const conflicts: GroupConflict[] = [];
	if (cityIdx.size > 0) {
		const str = (k: number) => events.text.slice(events.offsets[k], events.offsets[k + 1]);
		const seen = new Map<number, Map<number, number>>();
		for (let i = 0; i < events.count; i++) {
			const g = events.groupId[i];
			if (g === 0 || events.cityId[i] === 0) continue;
			let cities = seen.get(g);
			if (!cities) seen.set(g, (cities = new Map()));
			const first = cities.get(events.cityId[i]);
			if (first === undefined) cities.set(events.cityId[i], i);
			else
				conflicts.push({
					groupId: str(g),
					cityId: str(events.cityId[i]),
					events: [str(events.id[first]), str(events.id[i])]
				});
		}
	}

	// cities: mapped ones go, their targets come in (with their clusters); created ones take their names
	const knownCity = new Map(known.cities.map((c) => [c.id, c]));
	const cities: City[] = [];
	const have = new Set<string>();
	for (const c of packed.cities) {
		if (cityTo.has(c.id)) continue;
		const name = cityNames.get(c.id);
		cities.push(name ? { ...c, name } : c);
		have.add(c.id);
	}
	for (const target of cityTo.values())
		if (!have.has(target)) {
			have.add(target);
			cities.push(knownCity.get(target)!);
		}
	const clusterById = new Map<string, Cluster>(known.clusters.map((c) => [c.id, c]));
	for (const c of packed.clusters) clusterById.set(c.id, c);
	const usedClusters = new Set(cities.map((c) => c.cluster));
	const clusterIds = new Set(packed.clusters.map((c) => c.id));
	let clusters = packed.clusters.slice();
	for (const id of usedClusters)
		if (!clusterIds.has(id) && clusterById.has(id)) {
			clusterIds.add(id);
			clusters.push(clusterById.get(id)!);
		}
	if (!keepAll)
		clusters = clusters
			.filter((c) => usedClusters.has(c.id))
			.sort((a, b) => a.order - b.order)
			.map((c, i) => (c.order === i ? c : { ...c, order: i }));

	// fields: the same, then numbered in order so no two share a colour
	const knownCategory = new Map(known.categories.map((c) => [c.id, c]));
	const categoryIds = new Set<string>();
	const categories: Category[] = [];
	for (const c of packed.categories) {
		if (categoryTo.has(c.id)) continue;
		const name = categoryNames.get(c.id);
		categories.push(name ? { ...c, name } : c);
		categoryIds.add(c.id);
	}
	for (const target of categoryTo.values())
		if (!categoryIds.has(target)) {
			categoryIds.add(target);
			categories.push(knownCategory.get(target)!);
		}
	const numbered = categories
		.map((c, at) => ({ c, at }))
		.sort((a, b) => a.c.order - b.c.order || a.at - b.at)
		.map(({ c }, i) => (c.order === i ? c : { ...c, order: i }));

	// future-industry lists: point at the mapped city; two lists now for one city become one
	const lists = new Map<string, FutureIndustryList>();
	for (const l of packed.futureIndustries) {
		const cityId = cityTo.get(l.cityId) ?? l.cityId;
		const before = lists.get(cityId);
		lists.set(cityId, before ? { cityId, items: [...before.items, ...l.items] } : { ...l, cityId });
	}

	const newCities = unknowns
		.filter((u, i) => u.kind === 'city' && decisions[i].action === 'create')
		.map((u) => u.id);
	return {
		packed: {
			...packed,
			events,
			cities,
			clusters,
			categories: numbered,
			futureIndustries: [...lists.values()]
		},
		newCities,
		conflicts
	};
}
