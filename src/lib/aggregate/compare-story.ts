/**
 * The compare page's "differences and overlaps", as data: for 2–4 chosen cities, which fields
 * (categories) and which future-industry tracks only one of them has, which two or more share ("k of
 * n"), which all share, and which none of them has although their peers do; plus how alike each pair
 * is (tracks by Jaccard, field mix by the industries page's cosine). Statements, not sentences:
 * `compare-story-text.ts` words them in both languages.
 *
 * Rules:
 * - Fields are read from the chosen cities' events under the filter (its category, month, undated and
 *   commentary rules). The filter's city and cluster lists are ignored, as in `compareCities`: the
 *   chosen cities are the selection.
 * - Tracks are read from the future-industry lists. A chosen city without a list takes no part in the
 *   track statements (it is named in `tracks.noList`); "k of n" then counts the cities with a list.
 * - Peers are the other cities of the dataset: for fields, every city not chosen (their events under
 *   the same filter); for tracks, every city not chosen that has a list. An item is "missing" when no
 *   chosen city has it and at least `minPeers` peers do; the most widely held come first, capped.
 * - A field-mix similarity needs at least `minMixEvents` events in each city of the pair; below that
 *   it is null with the reason `tooFewEvents` (two one-event cities are not "1.00 alike"). A track
 *   similarity needs a list on both sides, else null with the reason `noList`.
 *
 * Look-ups by id use Maps only (ids come from imported data and may be "__proto__"). One pass over the
 * events and one over the lists; nothing in the dataset is mutated.
 */
import type { Dataset, I18nText, MatchStrength } from '../data/types';
import { eventPredicate, type Filter } from './filter';
import { cosine } from './overlap';
import { eventTable } from './table';
import { bitCount, intersectionCount, jaccardBits, trackGrid } from './tracks';

/** Fewest events (under the filter) each city of a pair needs before a field-mix similarity is given. */
export const MIN_MIX_EVENTS = 5;
/** Fewest peers that must have an item before "none of the chosen has it" is said. */
export const MIN_PEERS = 2;
/** Most "none of the chosen has it" items listed (the rest are counted in `more`). */
export const MISSING_CAP = 3;

export interface CompareStoryOptions {
	/** Default `MIN_MIX_EVENTS` (5). */
	minMixEvents?: number;
	/** Default `MIN_PEERS` (2). */
	minPeers?: number;
	/** Default `MISSING_CAP` (3). */
	missingCap?: number;
}

/** A city's events behind a field statement (ids in dataset order). */
export interface CityEvents {
	cityId: string;
	eventIds: string[];
}

/** One item of a city's future-industry list that maps to a track: the city's own words. */
export interface TrackWord {
	name: I18nText;
	match: MatchStrength;
}

/** A city's words behind a track statement (in list order). */
export interface CityWords {
	cityId: string;
	words: TrackWord[];
}

/** An item (a category id or a track id) with the evidence of each city that has it, in chosen order. */
export interface StoryItem<E> {
	id: string;
	cities: E[];
}

/** Items only this city has, of the cities taking part. */
export interface OnlyStatement<E> {
	cityId: string;
	items: StoryItem<E>[];
}

/** Items exactly these cities have (2 ≤ k < n), and no other city taking part. */
export interface SharedStatement<E> {
	/** In chosen order. */
	cityIds: string[];
	k: number;
	n: number;
	items: StoryItem<E>[];
}

/** An item no city taking part has, with the peers that have it. */
export interface MissingItem<E> {
	id: string;
	/** How many peers have it (≥ minPeers). */
	peerCount: number;
	/** The peers' evidence, in dataset city order. */
	peers: E[];
}

export interface MissingStatement<E> {
	/** How many peers there are in all (for fields: other cities; for tracks: other cities with a list). */
	peerTotal: number;
	minPeers: number;
	/** Most widely held first (ties: dataset order), at most `missingCap`. */
	items: MissingItem<E>[];
	/** How many more such items were left out by the cap. */
	more: number;
}

export interface StorySection<E> {
	/** The cities taking part, in chosen order. */
	cityIds: string[];
	/** = cityIds.length. */
	n: number;
	/** One per city taking part, in chosen order (items may be empty). */
	only: OnlyStatement<E>[];
	/** Exact groups of 2 ≤ k < n cities, largest k first, then by the cities' chosen positions. */
	shared: SharedStatement<E>[];
	/** Items every city taking part has (empty when fewer than two take part). */
	all: StoryItem<E>[];
	missing: MissingStatement<E>;
}

export interface FieldStory extends StorySection<CityEvents> {
	/** Chosen cities with no events under the filter (they still take part: they have no field). */
	noEvents: string[];
}

export interface TrackStory extends StorySection<CityWords> {
	/** Chosen cities without a future-industry list, in chosen order; not part of `cityIds`. */
	noList: string[];
}

export type TrackSimilarity =
	| { value: number; sharedCount: number; unionCount: number; reason: null }
	| { value: null; reason: 'noList' };

export type MixSimilarity = { value: number; reason: null } | { value: null; reason: 'tooFewEvents' };

export interface PairSimilarity {
	/** In chosen order. */
	cityIds: [string, string];
	/** Each city's events under the filter. */
	eventCounts: [number, number];
	tracks: TrackSimilarity;
	mix: MixSimilarity;
}

export interface CompareStory {
	cityIds: string[];
	fields: FieldStory;
	tracks: TrackStory;
	/** Every pair (i < j in chosen order). */
	pairs: PairSimilarity[];
	minMixEvents: number;
}

/** Groups items by the exact set of cities (a bitmask of chosen positions) that have them. */
function sectionOf<E>(
	cityIds: string[],
	itemIds: readonly string[],
	/** Evidence of city position p for item index i, or null when the city does not have it. */
	evidence: (p: number, i: number) => E | null,
	missing: MissingStatement<E>
): StorySection<E> {
	const n = cityIds.length;
	const full = (1 << n) - 1;
	const only: OnlyStatement<E>[] = cityIds.map((cityId) => ({ cityId, items: [] }));
	const groups = new Map<number, StoryItem<E>[]>();
	const all: StoryItem<E>[] = [];
	for (let i = 0; i < itemIds.length; i++) {
		let mask = 0;
		const cities: E[] = [];
		for (let p = 0; p < n; p++) {
			const e = evidence(p, i);
			if (e !== null) {
				mask |= 1 << p;
				cities.push(e);
			}
		}
		if (mask === 0) continue;
		const item = { id: itemIds[i], cities };
		if (cities.length === 1) only[Math.log2(mask)].items.push(item);
		else if (mask === full) all.push(item);
		else {
			const list = groups.get(mask);
			if (list) list.push(item);
			else groups.set(mask, [item]);
		}
	}
	const positions = (mask: number) => cityIds.map((_, p) => p).filter((p) => mask & (1 << p));
	const shared = [...groups.entries()]
		.map(([mask, items]) => ({ pos: positions(mask), items }))
		.sort((a, b) => {
			if (a.pos.length !== b.pos.length) return b.pos.length - a.pos.length;
			for (let i = 0; i < a.pos.length; i++) if (a.pos[i] !== b.pos[i]) return a.pos[i] - b.pos[i];
			return 0;
		})
		.map(({ pos, items }) => ({ cityIds: pos.map((p) => cityIds[p]), k: pos.length, n, items }));
	return { cityIds, n, only, shared, all: n >= 2 ? all : [], missing };
}

/** Picks the missing items: no chosen city has them, ≥ minPeers peers do; most widely held first. */
function pickMissing(
	peerCount: ArrayLike<number>,
	chosenHas: (i: number) => boolean,
	minPeers: number,
	cap: number
): { picked: number[]; more: number } {
	const candidates: number[] = [];
	for (let i = 0; i < peerCount.length; i++)
		if (peerCount[i] >= minPeers && !chosenHas(i)) candidates.push(i);
	candidates.sort((a, b) => peerCount[b] - peerCount[a] || a - b);
	return { picked: candidates.slice(0, cap), more: Math.max(0, candidates.length - cap) };
}

/**
 * What the chosen cities (2–4, in the order given) have apart and in common, and how alike each pair
 * is. Throws, as `compareCities` does, on a wrong number of cities, a repeated city or an unknown one.
 */
export function compareStory(
	ds: Dataset,
	cityIds: readonly string[],
	filter: Filter = {},
	options: CompareStoryOptions = {}
): CompareStory {
	if (cityIds.length < 2 || cityIds.length > 4) {
		throw new RangeError(`compare takes 2 to 4 cities, got ${cityIds.length}`);
	}
	if (new Set(cityIds).size !== cityIds.length) throw new Error('compare: a city is repeated');
	const t = eventTable(ds);
	for (const id of cityIds) if (!t.cityIndex.has(id)) throw new Error(`compare: unknown city ${id}`);
	const minMixEvents = options.minMixEvents ?? MIN_MIX_EVENTS;
	const minPeers = Math.max(1, options.minPeers ?? MIN_PEERS);
	const cap = Math.max(0, options.missingCap ?? MISSING_CAP);
	const chosen = [...cityIds];
	const n = chosen.length;
	/** City index (dataset order) → chosen position. */
	const posOfCity = new Map<number, number>(chosen.map((id, p) => [t.cityIndex.get(id) as number, p]));

	// ---- fields: one pass over the events, into cells (city index × category index) of event ids
	const nk = t.categoryIds.length;
	const passes = eventPredicate(ds, { ...filter, cities: undefined, clusters: undefined });
	const cells = new Map<number, string[]>();
	for (const e of ds.events) {
		if (e.cityId === null) continue;
		const c = t.cityIndex.get(e.cityId);
		const k = t.categoryIndex.get(e.categoryId);
		if (c === undefined || k === undefined || !passes(e)) continue;
		const key = c * nk + k;
		const ids = cells.get(key);
		if (ids) ids.push(e.id);
		else cells.set(key, [e.id]);
	}
	const chosenCells: (string[] | null)[] = new Array(n * nk).fill(null);
	const eventCounts = new Array<number>(n).fill(0);
	const fieldPeerCount = new Uint32Array(nk);
	/** Per category, the peers' cells (city index, ids), gathered only for the counts here. */
	const peerCells: { c: number; ids: string[] }[][] = Array.from({ length: nk }, () => []);
	for (const [key, ids] of cells) {
		const c = Math.floor(key / nk);
		const k = key - c * nk;
		const p = posOfCity.get(c);
		if (p !== undefined) {
			chosenCells[p * nk + k] = ids;
			eventCounts[p] += ids.length;
		} else {
			fieldPeerCount[k]++;
			peerCells[k].push({ c, ids });
		}
	}
	const fieldMissing = pickMissing(
		fieldPeerCount,
		(k) => chosen.some((_, p) => chosenCells[p * nk + k] !== null),
		minPeers,
		cap
	);
	const fieldSection = sectionOf<CityEvents>(
		chosen,
		t.categoryIds,
		(p, k) => {
			const ids = chosenCells[p * nk + k];
			return ids ? { cityId: chosen[p], eventIds: [...ids] } : null;
		},
		{
			peerTotal: t.cityIds.length - n,
			minPeers,
			items: fieldMissing.picked.map((k) => ({
				id: t.categoryIds[k],
				peerCount: fieldPeerCount[k],
				peers: peerCells[k]
					.slice()
					.sort((a, b) => a.c - b.c)
					.map(({ c, ids }) => ({ cityId: t.cityIds[c], eventIds: [...ids] }))
			})),
			more: fieldMissing.more
		}
	);
	const fields: FieldStory = { ...fieldSection, noEvents: chosen.filter((_, p) => eventCounts[p] === 0) };

	// ---- tracks: the grid of the industries page, and the cities' words from one pass over the lists
	const g = trackGrid(ds);
	const nt = g.trackIds.length;
	const gridOf = (id: string) => g.cityIndex.get(id) as number;
	const listed = chosen.filter((id) => g.hasList[gridOf(id)]);
	const noList = chosen.filter((id) => !g.hasList[gridOf(id)]);
	const has = (c: number, tr: number) => (g.bits[c][tr >>> 5] & (1 << (tr & 31))) !== 0;
	const listedGrid = listed.map(gridOf);
	const chosenGrid = new Set(chosen.map(gridOf));
	const trackPeerCount = new Uint32Array(nt);
	let trackPeerTotal = 0;
	for (let c = 0; c < g.cityIds.length; c++) {
		if (!g.hasList[c] || chosenGrid.has(c)) continue;
		trackPeerTotal++;
		for (let tr = 0; tr < nt; tr++) if (has(c, tr)) trackPeerCount[tr]++;
	}
	const trackMissing = pickMissing(trackPeerCount, (tr) => listedGrid.some((c) => has(c, tr)), minPeers, cap);
	const missingTracks = new Set(trackMissing.picked);
	/** Words per (grid city index × track index), for the chosen cities and the missing tracks' peers. */
	const words = new Map<number, TrackWord[]>();
	for (const list of ds.futureIndustries) {
		const c = g.cityIndex.get(list.cityId);
		if (c === undefined) continue;
		const isChosen = chosenGrid.has(c);
		for (const item of list.items) {
			for (const m of item.tracks) {
				const tr = g.trackIndex.get(m.trackId);
				if (tr === undefined || !(isChosen || missingTracks.has(tr))) continue;
				const key = c * nt + tr;
				const word = { name: item.name, match: m.match };
				const ws = words.get(key);
				if (ws) ws.push(word);
				else words.set(key, [word]);
			}
		}
	}
	const wordsOf = (c: number, tr: number): CityWords => ({
		cityId: g.cityIds[c],
		words: words.get(c * nt + tr) ?? []
	});
	const trackSection = sectionOf<CityWords>(
		listed,
		g.trackIds,
		(p, tr) => (has(listedGrid[p], tr) ? wordsOf(listedGrid[p], tr) : null),
		{
			peerTotal: trackPeerTotal,
			minPeers,
			items: trackMissing.picked.map((tr) => {
				const peers: CityWords[] = [];
				for (let c = 0; c < g.cityIds.length; c++)
					if (g.hasList[c] && !chosenGrid.has(c) && has(c, tr)) peers.push(wordsOf(c, tr));
				return { id: g.trackIds[tr], peerCount: trackPeerCount[tr], peers };
			}),
			more: trackMissing.more
		}
	);
	const tracks: TrackStory = { ...trackSection, noList };

	// ---- pairwise similarity: Jaccard on tracks, the industries page's cosine on the field mix
	const mix = cosine(ds, { ...filter, clusters: undefined }, chosen);
	const mixPos = new Map(mix.cityIds.map((id, i) => [id, i]));
	const pairs: PairSimilarity[] = [];
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			const a = gridOf(chosen[i]);
			const b = gridOf(chosen[j]);
			let trackSim: TrackSimilarity;
			if (g.hasList[a] && g.hasList[b]) {
				const union = new Uint32Array(g.words);
				for (let w = 0; w < g.words; w++) union[w] = g.bits[a][w] | g.bits[b][w];
				trackSim = {
					value: jaccardBits(g.bits[a], g.bits[b]),
					sharedCount: intersectionCount(g.bits[a], g.bits[b]),
					unionCount: bitCount(union),
					reason: null
				};
			} else trackSim = { value: null, reason: 'noList' };
			const mi = mixPos.get(chosen[i]);
			const mj = mixPos.get(chosen[j]);
			const mixSim: MixSimilarity =
				eventCounts[i] >= minMixEvents &&
				eventCounts[j] >= minMixEvents &&
				mi !== undefined &&
				mj !== undefined
					? { value: mix.values[mi][mj], reason: null }
					: { value: null, reason: 'tooFewEvents' };
			pairs.push({
				cityIds: [chosen[i], chosen[j]],
				eventCounts: [eventCounts[i], eventCounts[j]],
				tracks: trackSim,
				mix: mixSim
			});
		}
	}

	return { cityIds: chosen, fields, tracks, pairs, minMixEvents };
}
