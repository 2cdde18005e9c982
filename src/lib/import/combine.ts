/**
 * Combining datasets: the built-in data with an import, or saved datasets with each other. The cities
 * and fields (categories) of each added dataset are matched to the ones already there by id, Chinese
 * name, English name or pinyin, with the import's own matcher (`suggest` and `lookupKey` in
 * `decisions.ts`); the reader confirms each match or keeps the record separate. Every event keeps its
 * source: it names the part (the dataset it came from) in `source.from`, and the combined metadata lists
 * the parts with their sources. Nothing is overwritten silently: every clash (the same event id twice,
 * one city id with different names or cluster, a field id clash, two lists for one city) is listed with
 * how it was resolved. Pure; no DOM; inputs are never changed.
 */
import { metaOf, textOf } from '../data/meta';
import type {
	Category,
	City,
	Cluster,
	Dataset,
	DatasetMeta,
	DatasetPart,
	FutureIndustryList,
	InnovationEvent,
	Track
} from '../data/types';
import { keyIndex, lookupKey, suggest, type UnknownKind } from './decisions';

/** One dataset going into a combination, with the name it is known by. */
export interface CombineInput {
	dataset: Dataset;
	name: string;
}

/** How a record was matched: by its id, Chinese name, English name or pinyin (an alias counts as pinyin). */
export type MatchBy = 'id' | 'zh' | 'en' | 'pinyin';

/** A city or field of the added dataset and the record it matches in what is already there. */
export interface Match {
	kind: UnknownKind;
	/** The added record's id. */
	id: string;
	/** The added record's names, as the table shows them. */
	name: { zh: string; en: string };
	/** The matched record's id, or null when nothing matched. */
	target: string | null;
	by: MatchBy | null;
}

/** The reader's answer for each added record: the id to merge it into, or null to keep it separate. */
export type Choices = Record<string, string | null>;

export type ConflictKind =
	/** The same event id in both datasets, with the same content: one is kept. */
	| 'duplicateEvent'
	/** The same event id in both, with different content: the added one takes a new id. */
	| 'eventIdClash'
	/** A city merged into one with other names or another cluster: the first dataset's record is kept. */
	| 'cityDiffers'
	/** A city kept separate whose id is taken: it takes a new id. */
	| 'cityIdClash'
	/** A field merged into one with other names: the first dataset's is kept. */
	| 'categoryDiffers'
	/** A field kept separate whose id is taken: it takes a new id. */
	| 'categoryIdClash'
	/** A cluster (or a track) id in both with other names: the first dataset's is kept. */
	| 'clusterDiffers'
	| 'trackDiffers'
	/** Both have a future-industry list for one city: the first dataset's list is kept. */
	| 'listClash'
	/** An event group id used in both: the added group takes a new id. */
	| 'groupIdClash';

export interface Conflict {
	kind: ConflictKind;
	/** The id in question (as the added dataset has it). */
	id: string;
	/** The new id the added record took, when it took one. */
	renamed?: string;
	/** The part (dataset) the added record came from. */
	part: string;
}

export interface Combined {
	dataset: Dataset;
	conflicts: Conflict[];
	/** Events of the added datasets left out as duplicates of ones already there. */
	duplicates: number;
}

const sameText = (a: { zh: string; en: string }, b: { zh: string; en: string }) =>
	lookupKey(a.zh) === lookupKey(b.zh) && lookupKey(a.en) === lookupKey(b.en);

/**
 * Which of the record's names found the target: its id (the same id), its Chinese name, its English
 * name, or its pinyin (a city's pinyin or alias) — each against the target's name of the same kind
 * first, then against any of the target's names.
 */
function matchedBy(kind: UnknownKind, r: City | Category, t: City | Category): MatchBy | null {
	const k = lookupKey;
	if (r.id === t.id) return 'id';
	const theirs: [MatchBy, string][] = [
		['zh', r.name.zh],
		['en', r.name.en]
	];
	if (kind === 'city') theirs.push(['pinyin', (r as City).pinyin]);
	const targets: Record<MatchBy, string[]> = {
		id: [t.id],
		zh: [t.name.zh],
		en: [t.name.en],
		pinyin: kind === 'city' ? [(t as City).pinyin, ...((t as City).aliases ?? [])] : []
	};
	for (const [by, name] of theirs) if (k(name) && targets[by].some((n) => k(n) === k(name))) return by;
	const all = new Set(Object.values(targets).flat().map(k));
	for (const [by, name] of theirs) if (k(name) && all.has(k(name))) return by;
	return all.has(k(r.id)) ? 'id' : null;
}

/** Proposed matches of the added dataset's cities and fields to the base's (what the reader confirms). */
export function proposeMatches(base: Dataset, added: Dataset): Match[] {
	const out: Match[] = [];
	for (const kind of ['city', 'category'] as const) {
		const known: readonly (City | Category)[] = kind === 'city' ? base.cities : base.categories;
		const byId = new Map(known.map((r) => [r.id, r]));
		const index = keyIndex(kind, known);
		const records: readonly (City | Category)[] = kind === 'city' ? added.cities : added.categories;
		for (const r of records) {
			let target: string | null = byId.has(r.id) ? r.id : suggest(kind, r.id, r.name, known, index);
			if (target === null && kind === 'city')
				target = suggest(kind, (r as City).pinyin, r.name, known, index);
			const t = target === null ? undefined : byId.get(target);
			out.push({
				kind,
				id: r.id,
				name: { zh: r.name.zh, en: r.name.en },
				target: t ? t.id : null,
				by: t ? matchedBy(kind, r, t) : null
			});
		}
	}
	return out;
}

/** The choices the table starts with: every proposed match taken. */
export function defaultChoices(matches: readonly Match[]): { cities: Choices; categories: Choices } {
	const cities: Choices = {};
	const categories: Choices = {};
	for (const m of matches) (m.kind === 'city' ? cities : categories)[m.id] = m.target;
	return { cities, categories };
}

const slug = (s: string) =>
	s
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40);

/** An id not in `taken`: `id`, else `id-2`, `id-3`… (and added to `taken`). */
function freeId(id: string, taken: Set<string>): string {
	let out = id;
	for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
	taken.add(out);
	return out;
}

/** The parts a dataset brings: its own parts if it is a combination, else itself as one part. */
function partsOf(
	input: CombineInput,
	taken: Set<string>
): { parts: DatasetPart[]; rename: Map<string, string>; own: string } {
	const meta = metaOf(input.dataset, input.name);
	const rename = new Map<string, string>();
	if (meta.parts?.length) {
		const parts = meta.parts.map((p) => {
			const id = freeId(p.id, taken);
			rename.set(p.id, id);
			return { ...p, id };
		});
		return { parts, rename, own: parts[0].id };
	}
	const id = freeId(input.dataset.id === 'builtin' ? 'builtin' : slug(input.name) || 'dataset', taken);
	return {
		parts: [{ id, name: meta.name, sources: meta.sources, licence: meta.licence }],
		rename,
		own: id
	};
}

/** The same event, once its city and field are mapped: same year, months, city, field, kind and title. */
function sameEvent(a: InnovationEvent, b: InnovationEvent): boolean {
	return (
		a.cityId === b.cityId &&
		a.categoryId === b.categoryId &&
		a.year === b.year &&
		a.month === b.month &&
		a.monthEnd === b.monthEnd &&
		a.scope === b.scope &&
		a.title.zh === b.title.zh &&
		a.title.en === b.title.en
	);
}

/**
 * `added` put beside `base`: cities and fields merged as `choices` say (a missing choice takes the
 * proposed match), every clash listed and resolved, each event naming its part. `meta` gives the new
 * dataset's name (and may add notes); its sources are the parts'.
 */
export function combine(
	base: CombineInput,
	added: CombineInput,
	choices: { cities: Choices; categories: Choices },
	options: { id: string; version: string; name: string; notes?: string }
): Combined {
	const conflicts: Conflict[] = [];
	const takenParts = new Set<string>();
	const A = partsOf(base, takenParts);
	const B = partsOf(added, takenParts);
	const a = base.dataset;
	const b = added.dataset;
	const partB = B.own;
	const proposed = defaultChoices(proposeMatches(a, b));
	const choose = (kind: 'cities' | 'categories', id: string): string | null =>
		Object.hasOwn(choices[kind], id) ? choices[kind][id] : proposed[kind][id];

	// clusters and tracks: by id, the first dataset's record kept when the names differ
	const clusters: Cluster[] = [...a.clusters];
	const clusterById = new Map(a.clusters.map((c) => [c.id, c]));
	for (const c of b.clusters) {
		const mine = clusterById.get(c.id);
		if (!mine) {
			clusters.push(c);
			clusterById.set(c.id, c);
		} else if (!sameText(mine.name, c.name))
			conflicts.push({ kind: 'clusterDiffers', id: c.id, part: partB });
	}
	const tracks: Track[] = [...a.tracks];
	const trackById = new Map(a.tracks.map((t) => [t.id, t]));
	for (const t of b.tracks) {
		const mine = trackById.get(t.id);
		if (!mine) tracks.push(t);
		else if (!sameText(mine.name, t.name)) conflicts.push({ kind: 'trackDiffers', id: t.id, part: partB });
	}

	// cities and fields: merged where the reader confirmed a match, else kept under a free id
	const mapRecords = <R extends City | Category>(
		kind: 'cities' | 'categories',
		mine: readonly R[],
		theirs: readonly R[],
		differs: (x: R, y: R) => boolean
	): { list: R[]; map: Map<string, string> } => {
		const list = [...mine];
		const byId = new Map(mine.map((r) => [r.id, r]));
		const taken = new Set(mine.map((r) => r.id));
		const map = new Map<string, string>();
		for (const r of theirs) {
			const target = choose(kind, r.id);
			const into = target === null ? undefined : byId.get(target);
			if (into) {
				map.set(r.id, into.id);
				if (differs(into, r))
					conflicts.push({
						kind: kind === 'cities' ? 'cityDiffers' : 'categoryDiffers',
						id: r.id,
						part: partB
					});
				continue;
			}
			const id = freeId(r.id, taken);
			if (id !== r.id)
				conflicts.push({
					kind: kind === 'cities' ? 'cityIdClash' : 'categoryIdClash',
					id: r.id,
					renamed: id,
					part: partB
				});
			map.set(r.id, id);
			const copy = { ...r, id } as R;
			if (kind === 'categories') (copy as Category).order = list.length;
			list.push(copy);
			byId.set(id, copy);
		}
		return { list, map };
	};
	const cityMap = mapRecords(
		'cities',
		a.cities,
		b.cities,
		(x, y) => !sameText(x.name, y.name) || x.cluster !== y.cluster
	);
	const categoryMap = mapRecords(
		'categories',
		a.categories,
		b.categories,
		(x, y) => !sameText(x.name, y.name)
	);

	// events: the base's keep (or take) their part; the added ones are mapped, renamed where their id is taken
	const fromA = (e: InnovationEvent) => {
		const from = e.source.from ? (A.rename.get(e.source.from) ?? e.source.from) : A.own;
		return { ...e, source: { ...e.source, from } };
	};
	const events: InnovationEvent[] = a.events.map(fromA);
	const byId = new Map(events.map((e) => [e.id, e]));
	const eventIds = new Set(byId.keys());
	const groups = new Set(a.events.map((e) => e.groupId).filter((g): g is string => g !== null));
	const groupRename = new Map<string, string>();
	const idRename = new Map<string, string>();
	let duplicates = 0;
	const kept: InnovationEvent[] = [];
	for (const e of b.events) {
		const cityId = e.cityId === null ? null : (cityMap.map.get(e.cityId) ?? e.cityId);
		const categoryId = categoryMap.map.get(e.categoryId) ?? e.categoryId;
		const from = e.source.from ? (B.rename.get(e.source.from) ?? e.source.from) : partB;
		let groupId = e.groupId;
		if (groupId !== null && groups.has(groupId)) {
			let g = groupRename.get(groupId);
			if (!g) {
				g = freeId(`${groupId}-${partB}`, groups);
				groupRename.set(groupId, g);
				conflicts.push({ kind: 'groupIdClash', id: groupId, renamed: g, part: partB });
			}
			groupId = g;
		}
		const mapped: InnovationEvent = { ...e, cityId, categoryId, groupId, source: { ...e.source, from } };
		const same = byId.get(e.id);
		if (same && sameEvent(same, mapped) && e.groupId === null && same.groupId === null) {
			duplicates++;
			conflicts.push({ kind: 'duplicateEvent', id: e.id, part: partB });
			continue;
		}
		if (eventIds.has(e.id)) {
			const id = freeId(`${e.id}-${partB}`, eventIds);
			idRename.set(e.id, id);
			conflicts.push({ kind: 'eventIdClash', id: e.id, renamed: id, part: partB });
			kept.push({ ...mapped, id });
		} else {
			eventIds.add(e.id);
			kept.push(mapped);
		}
	}
	// an added event placed "before" another added event follows that event's new id
	for (const e of kept) if (e.before !== null && idRename.has(e.before)) e.before = idRename.get(e.before)!;
	events.push(...kept);

	// future-industry lists: one per city, the first dataset's kept when both have one
	const lists: FutureIndustryList[] = [...a.futureIndustries];
	const listed = new Set(lists.map((l) => l.cityId));
	for (const l of b.futureIndustries) {
		const cityId = cityMap.map.get(l.cityId) ?? l.cityId;
		if (listed.has(cityId)) {
			conflicts.push({ kind: 'listClash', id: l.cityId, part: partB });
			continue;
		}
		listed.add(cityId);
		lists.push({ ...l, cityId });
	}

	const parts = [...A.parts, ...B.parts];
	// one licence for all parts: that one; else each part's, named
	const licensed = parts.filter((p) => textOf(p.licence, 'en'));
	const distinct = new Set(licensed.map((p) => JSON.stringify(p.licence)));
	const meta: DatasetMeta = {
		name: options.name,
		sources: [],
		licence:
			distinct.size === 1 && licensed.length === parts.length
				? licensed[0].licence
				: licensed
						.map((p) => `${textOf(p.name, 'en')}: ${textOf(p.licence, 'en')}`)
						.join('; ')
						.slice(0, 200),
		notes: options.notes ?? '',
		parts
	};
	return {
		dataset: {
			id: options.id,
			version: options.version,
			clusters,
			cities: cityMap.list,
			categories: categoryMap.list,
			events,
			tracks,
			futureIndustries: lists,
			meta
		},
		conflicts,
		duplicates
	};
}

/** Several datasets combined in order (each added to what came before), with the reader's choices per step. */
export function combineAll(
	inputs: readonly CombineInput[],
	choices: readonly { cities: Choices; categories: Choices }[],
	options: { id: string; version: string; name: string; notes?: string }
): Combined {
	if (inputs.length < 2) throw new Error('combineAll: two or more datasets are needed');
	let acc: CombineInput = inputs[0];
	const conflicts: Conflict[] = [];
	let duplicates = 0;
	let dataset = inputs[0].dataset;
	inputs.slice(1).forEach((added, k) => {
		const r = combine(acc, added, choices[k] ?? { cities: {}, categories: {} }, options);
		conflicts.push(...r.conflicts);
		duplicates += r.duplicates;
		dataset = r.dataset;
		acc = { dataset, name: options.name };
	});
	return { dataset, conflicts, duplicates };
}
