/**
 * The future-industry matrix: cities × tracks, a cell wherever a city's declared industries map to
 * a track, coloured by the strongest match and listing the city's own words behind it. Plus the
 * orderings the matrix view offers: by cluster, by count, and by similarity.
 */
import type { Dataset, I18nText, MatchStrength } from '../data/types';
import { jaccardBits, resolveCities, STRENGTH, STRENGTH_NAME, trackGrid, bitCount } from './tracks';

export interface MatrixItem {
	name: I18nText;
	match: MatchStrength;
}

export interface MatrixCell {
	cityId: string;
	trackId: string;
	/** The strongest match among the items. */
	match: MatchStrength;
	/** The city's items mapped to this track, in list order, each with its own (strongest) match. */
	items: MatrixItem[];
}

export interface IndustryMatrix {
	cityIds: string[];
	/** Every track of the dataset, in dataset order (a track no city in view has gets count 0). */
	trackIds: string[];
	/** Non-empty cells only, city by city then track by track in the orders above. */
	cells: MatrixCell[];
	/** Cities in view per track, aligned to trackIds. */
	trackCounts: number[];
	/** Tracks per city, aligned to cityIds. */
	cityCounts: number[];
}

export interface MatrixOptions {
	/** Cities to show, in this order; default every city with a future-industry list, dataset order. */
	cities?: string[];
}

export function industryMatrix(ds: Dataset, options: MatrixOptions = {}): IndustryMatrix {
	const g = trackGrid(ds);
	const nt = g.trackIds.length;
	const cities = resolveCities(g, options.cities);
	const trackCounts = new Array<number>(nt).fill(0);
	const cityCounts = new Array<number>(cities.length).fill(0);
	const cells: MatrixCell[] = [];
	const lists = new Map<string, Dataset['futureIndustries']>();
	for (const l of ds.futureIndustries) {
		const arr = lists.get(l.cityId);
		if (arr) arr.push(l);
		else lists.set(l.cityId, [l]);
	}
	cities.forEach((c, j) => {
		const cityId = g.cityIds[c];
		// items per track, each item once with its strongest match to that track
		const byTrack = new Map<number, { name: I18nText; s: number }[]>();
		for (const list of lists.get(cityId) ?? []) {
			for (const item of list.items) {
				const best = new Map<number, number>();
				for (const m of item.tracks) {
					const t = g.trackIndex.get(m.trackId) as number;
					best.set(t, Math.max(best.get(t) ?? 0, STRENGTH[m.match]));
				}
				for (const [t, s] of best) {
					const arr = byTrack.get(t);
					if (arr) arr.push({ name: item.name, s });
					else byTrack.set(t, [{ name: item.name, s }]);
				}
			}
		}
		for (let t = 0; t < nt; t++) {
			const s = g.match[c * nt + t];
			if (s === 0) continue;
			trackCounts[t]++;
			cityCounts[j]++;
			cells.push({
				cityId,
				trackId: g.trackIds[t],
				match: STRENGTH_NAME[s] as MatchStrength,
				items: (byTrack.get(t) ?? []).map((it) => ({
					name: it.name,
					match: STRENGTH_NAME[it.s] as MatchStrength
				}))
			});
		}
	});
	return {
		cityIds: cities.map((c) => g.cityIds[c]),
		trackIds: [...g.trackIds],
		cells,
		trackCounts,
		cityCounts
	};
}

/** City ids by cluster (cluster `order`), then by position in ds.cities. Unknown ids go last. */
export function orderByCluster(ds: Dataset, cityIds: readonly string[]): string[] {
	const clusterOrder = new Map(ds.clusters.map((c) => [c.id, c.order]));
	const pos = new Map(ds.cities.map((c, i) => [c.id, i]));
	const key = (id: string): [number, number] => {
		const i = pos.get(id);
		if (i === undefined) return [Infinity, Infinity];
		return [clusterOrder.get(ds.cities[i].cluster) ?? Infinity, i];
	};
	return [...cityIds].sort((a, b) => {
		const [ca, ia] = key(a);
		const [cb, ib] = key(b);
		return ca - cb || ia - ib || (a < b ? -1 : a > b ? 1 : 0);
	});
}

/** Ids by count desc, keeping the given order among equal counts (`counts` aligned to `ids`). */
export function orderByCount(ids: readonly string[], counts: readonly number[]): string[] {
	return ids
		.map((id, i) => ({ id, i, n: counts[i] ?? 0 }))
		.sort((a, b) => b.n - a.n || a.i - b.i)
		.map((r) => r.id);
}

/**
 * Greedy nearest-neighbour seriation on a similarity matrix: start at the item with the largest
 * weight (ties: earliest), then repeatedly append the unplaced item most similar to the last one
 * placed (ties: larger weight, then earliest). Deterministic; O(n²).
 */
export function seriate(similarity: readonly (readonly number[])[], weight: readonly number[]): number[] {
	const n = similarity.length;
	if (n === 0) return [];
	const placed = new Uint8Array(n);
	let cur = 0;
	for (let i = 1; i < n; i++) if (weight[i] > weight[cur]) cur = i;
	const order = [cur];
	placed[cur] = 1;
	while (order.length < n) {
		let best = -1;
		for (let i = 0; i < n; i++) {
			if (placed[i]) continue;
			if (
				best < 0 ||
				similarity[cur][i] > similarity[cur][best] ||
				(similarity[cur][i] === similarity[cur][best] && weight[i] > weight[best])
			)
				best = i;
		}
		placed[best] = 1;
		order.push(best);
		cur = best;
	}
	return order;
}

/**
 * Cities ordered so that neighbours declare similar future industries (Jaccard on their track sets),
 * starting from the city with the most tracks. Default: every city with a list.
 */
export function orderBySimilarity(ds: Dataset, cityIds?: readonly string[]): string[] {
	const g = trackGrid(ds);
	const cities = resolveCities(g, cityIds);
	const sim = cities.map((a) => cities.map((b) => (a === b ? 1 : jaccardBits(g.bits[a], g.bits[b]))));
	const weight = cities.map((c) => bitCount(g.bits[c]));
	return seriate(sim, weight).map((j) => g.cityIds[cities[j]]);
}

/**
 * Tracks ordered so that neighbours are declared by similar sets of cities (Jaccard on the cities in
 * view that have each track), starting from the most widely declared track.
 */
export function orderTracksBySimilarity(ds: Dataset, cityIds?: readonly string[]): string[] {
	const g = trackGrid(ds);
	const cities = resolveCities(g, cityIds);
	const nt = g.trackIds.length;
	const words = Math.max(1, Math.ceil(cities.length / 32));
	const cols = g.trackIds.map(() => new Uint32Array(words));
	cities.forEach((c, j) => {
		for (let t = 0; t < nt; t++) if (g.match[c * nt + t]) cols[t][j >>> 5] |= 1 << (j & 31);
	});
	const sim = cols.map((a, i) => cols.map((b, k) => (i === k ? 1 : jaccardBits(a, b))));
	return seriate(sim, cols.map(bitCount)).map((t) => g.trackIds[t]);
}
