/**
 * Where cities' future-industry bets overlap and where they differ: shared and exclusive tracks,
 * the intersections an UpSet plot draws, and the two similarity matrices (tracks by Jaccard,
 * category mix by cosine).
 *
 * Similarity of empty sets: a city always has similarity 1 with itself (the diagonal), and two
 * different cities of which either has nothing (no tracks; no events under the filter) have
 * similarity 0 — there is nothing to be alike in, so nothing to suggest.
 */
import type { Dataset } from '../data/types';
import type { Filter } from './filter';
import { categoryMix } from './mix';
import { bitCount, bitsToIndices, jaccardBits, resolveCities, trackGrid } from './tracks';

export interface CityTracks {
	cityId: string;
	/** In dataset track order. */
	trackIds: string[];
}

export interface SimilarityMatrix {
	cityIds: string[];
	/** values[i][j] in [0, 1], symmetric, 1 on the diagonal. */
	values: number[][];
}

/** Each city's tracks. Default: every city with a future-industry list, dataset order. */
export function trackSets(ds: Dataset, cityIds?: readonly string[]): CityTracks[] {
	const g = trackGrid(ds);
	return resolveCities(g, cityIds).map((c) => ({
		cityId: g.cityIds[c],
		trackIds: bitsToIndices(g.bits[c], g.trackIds.length).map((t) => g.trackIds[t])
	}));
}

/** Tracks every one of the given cities has (none for an empty list). */
export function sharedTracks(ds: Dataset, cityIds: readonly string[]): string[] {
	const g = trackGrid(ds);
	const cities = resolveCities(g, cityIds);
	if (cities.length === 0 || cities.length < new Set(cityIds).size) return [];
	const acc = Uint32Array.from(g.bits[cities[0]]);
	for (const c of cities) for (let w = 0; w < g.words; w++) acc[w] &= g.bits[c][w];
	return bitsToIndices(acc, g.trackIds.length).map((t) => g.trackIds[t]);
}

/** Per city, the tracks no other city of the given set has. */
export function exclusiveTracks(ds: Dataset, cityIds: readonly string[]): CityTracks[] {
	const g = trackGrid(ds);
	const cities = resolveCities(g, cityIds);
	return cities.map((c) => {
		const own = Uint32Array.from(g.bits[c]);
		for (const o of cities) if (o !== c) for (let w = 0; w < g.words; w++) own[w] &= ~g.bits[o][w];
		return {
			cityId: g.cityIds[c],
			trackIds: bitsToIndices(own, g.trackIds.length).map((t) => g.trackIds[t])
		};
	});
}

/** Jaccard index of the cities' track sets (default: every city with a list). */
export function jaccard(ds: Dataset, cityIds?: readonly string[]): SimilarityMatrix {
	const g = trackGrid(ds);
	const cities = resolveCities(g, cityIds);
	const n = cities.length;
	const values = cities.map(() => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		values[i][i] = 1;
		for (let j = i + 1; j < n; j++) {
			const v = jaccardBits(g.bits[cities[i]], g.bits[cities[j]]);
			values[i][j] = v;
			values[j][i] = v;
		}
	}
	return { cityIds: cities.map((c) => g.cityIds[c]), values };
}

/**
 * Cosine similarity of the cities' category-mix counts under the filter (default: the cities in
 * view, dataset order). Counts are non-negative, so values fall in [0, 1].
 */
export function cosine(ds: Dataset, filter: Filter = {}, cityIds?: readonly string[]): SimilarityMatrix {
	const mix = categoryMix(ds, cityIds ? { ...filter, cities: [...cityIds] } : filter);
	const rowOf = new Map(mix.rows.map((r) => [r.cityId, r.counts]));
	// the caller's order when given (unknown or filtered-out cities dropped), else dataset order
	const ids = cityIds ? [...new Set(cityIds)].filter((id) => rowOf.has(id)) : mix.rows.map((r) => r.cityId);
	const vecs = ids.map((id) => rowOf.get(id) as number[]);
	const norms = vecs.map((v) => Math.sqrt(v.reduce((s, x) => s + x * x, 0)));
	const n = ids.length;
	const values = ids.map(() => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		values[i][i] = 1;
		for (let j = i + 1; j < n; j++) {
			let dot = 0;
			for (let k = 0; k < vecs[i].length; k++) dot += vecs[i][k] * vecs[j][k];
			const d = norms[i] * norms[j];
			const v = d === 0 ? 0 : Math.min(1, Math.max(0, dot / d));
			values[i][j] = v;
			values[j][i] = v;
		}
	}
	return { cityIds: ids, values };
}

export interface UpsetIntersection {
	/** Exactly these cities (in the order given) have the tracks, and no other city of the set. */
	cityIds: string[];
	trackIds: string[];
	size: number;
	degree: number;
}

export interface Upset {
	sets: { cityId: string; size: number }[];
	/**
	 * Non-empty exclusive intersections, by size desc, then degree asc, then the cities' positions
	 * in the given list (lexicographic). Together their tracks partition the union of the sets.
	 */
	intersections: UpsetIntersection[];
}

/** What an UpSet plot of the given cities' track sets needs (default: every city with a list). */
export function upset(ds: Dataset, cityIds?: readonly string[]): Upset {
	const g = trackGrid(ds);
	const cities = resolveCities(g, cityIds);
	const nt = g.trackIds.length;
	const combos = new Map<string, { members: number[]; tracks: number[] }>();
	for (let t = 0; t < nt; t++) {
		const w = t >>> 5;
		const bit = 1 << (t & 31);
		const members: number[] = [];
		for (let j = 0; j < cities.length; j++) if (g.bits[cities[j]][w] & bit) members.push(j);
		if (members.length === 0) continue;
		const key = members.join(',');
		const combo = combos.get(key);
		if (combo) combo.tracks.push(t);
		else combos.set(key, { members, tracks: [t] });
	}
	const list = [...combos.values()].sort((a, b) => {
		const d = b.tracks.length - a.tracks.length || a.members.length - b.members.length;
		if (d) return d;
		for (let i = 0; i < a.members.length; i++)
			if (a.members[i] !== b.members[i]) return a.members[i] - b.members[i];
		return 0;
	});
	return {
		sets: cities.map((c) => ({ cityId: g.cityIds[c], size: bitCount(g.bits[c]) })),
		intersections: list.map((x) => ({
			cityIds: x.members.map((j) => g.cityIds[cities[j]]),
			trackIds: x.tracks.map((t) => g.trackIds[t]),
			size: x.tracks.length,
			degree: x.members.length
		}))
	};
}

export interface SimilarCity {
	cityId: string;
	score: number;
}

export interface MostSimilarOptions {
	/** 'tracks': Jaccard on future-industry tracks; 'mix': cosine on category-mix counts. */
	by: 'tracks' | 'mix';
	/** How many to return (default 3). */
	n?: number;
	/** For 'mix': the filter the counts are taken under (its city and cluster lists pick the candidates). */
	filter?: Filter;
}

/**
 * The cities most like `cityId`, best first (ties: dataset order), the city itself excluded.
 * Candidates: for 'tracks' the cities with a future-industry list, for 'mix' the cities in view.
 */
export function mostSimilar(ds: Dataset, cityId: string, options: MostSimilarOptions): SimilarCity[] {
	const n = options.n ?? 3;
	let m: SimilarityMatrix;
	if (options.by === 'tracks') {
		const g = trackGrid(ds);
		if (!g.cityIndex.has(cityId)) throw new Error(`unknown city ${cityId}`);
		const others = resolveCities(g, undefined)
			.map((c) => g.cityIds[c])
			.filter((id) => id !== cityId);
		m = jaccard(ds, [cityId, ...others]);
	} else {
		if (!ds.cities.some((c) => c.id === cityId)) throw new Error(`unknown city ${cityId}`);
		const filter = options.filter ?? {};
		const others = categoryMix(ds, filter)
			.rows.map((r) => r.cityId)
			.filter((id) => id !== cityId);
		m = cosine(ds, { ...filter, clusters: undefined }, [cityId, ...others]);
	}
	const ids = m.cityIds.slice(1);
	const row = m.values[0].slice(1);
	return ids
		.map((id, i) => ({ cityId: id, score: row[i], i }))
		.sort((a, b) => b.score - a.score || a.i - b.i)
		.slice(0, Math.max(0, n))
		.map(({ cityId: id, score }) => ({ cityId: id, score }));
}
