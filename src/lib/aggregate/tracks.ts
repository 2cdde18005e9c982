/**
 * The cities' declared future industries, encoded once per Dataset (WeakMap) as a city × track grid
 * of strongest match strengths plus a bitset of tracks per city, which the matrix, the overlap
 * figures and the similarity orderings all read.
 */
import type { Dataset, MatchStrength } from '../data/types';

/** Match strengths as numbers, so "strongest" is a max: 0 = no match. */
export const STRENGTH: Record<MatchStrength, number> = { broad: 1, partial: 2, exact: 3 };
export const STRENGTH_NAME: (MatchStrength | null)[] = [null, 'broad', 'partial', 'exact'];

export interface TrackGrid {
	trackIds: string[];
	trackIndex: Map<string, number>;
	/** City dictionary, in the order of ds.cities. */
	cityIds: string[];
	cityIndex: Map<string, number>;
	/** Does the city have a future-industry list? (A list may be empty.) */
	hasList: Uint8Array;
	/** match[c * tracks + t]: strongest match of any item of city c to track t (0 = none). */
	match: Uint8Array;
	/** Tracks of each city as a bitset of `words` 32-bit words. */
	bits: Uint32Array[];
	words: number;
}

const cache = new WeakMap<Dataset, TrackGrid>();

function build(ds: Dataset): TrackGrid {
	const trackIds = ds.tracks.map((t) => t.id);
	const trackIndex = new Map(trackIds.map((id, i) => [id, i]));
	const cityIds = ds.cities.map((c) => c.id);
	const cityIndex = new Map(cityIds.map((id, i) => [id, i]));
	const nt = trackIds.length;
	const words = Math.max(1, Math.ceil(nt / 32));
	const hasList = new Uint8Array(cityIds.length);
	const match = new Uint8Array(cityIds.length * nt);
	const bits = cityIds.map(() => new Uint32Array(words));
	for (const list of ds.futureIndustries) {
		const c = cityIndex.get(list.cityId);
		if (c === undefined) throw new Error(`future-industry list of unknown city ${list.cityId}`);
		hasList[c] = 1;
		for (const item of list.items) {
			for (const m of item.tracks) {
				const t = trackIndex.get(m.trackId);
				if (t === undefined) throw new Error(`${list.cityId}: unknown track ${m.trackId}`);
				const s = STRENGTH[m.match];
				if (s > match[c * nt + t]) match[c * nt + t] = s;
				bits[c][t >>> 5] |= 1 << (t & 31);
			}
		}
	}
	return { trackIds, trackIndex, cityIds, cityIndex, hasList, match, bits, words };
}

export function trackGrid(ds: Dataset): TrackGrid {
	let g = cache.get(ds);
	if (!g) {
		g = build(ds);
		cache.set(ds, g);
	}
	return g;
}

export function popcount(x: number): number {
	x = x - ((x >>> 1) & 0x55555555);
	x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
	return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function bitCount(a: Uint32Array): number {
	let n = 0;
	for (let w = 0; w < a.length; w++) n += popcount(a[w]);
	return n;
}

export function intersectionCount(a: Uint32Array, b: Uint32Array): number {
	let n = 0;
	for (let w = 0; w < a.length; w++) n += popcount(a[w] & b[w]);
	return n;
}

/** Track indices set in a bitset, ascending (= dataset track order). */
export function bitsToIndices(a: Uint32Array, nt: number): number[] {
	const out: number[] = [];
	for (let t = 0; t < nt; t++) if (a[t >>> 5] & (1 << (t & 31))) out.push(t);
	return out;
}

/**
 * Resolves a list of city ids to indices, keeping the caller's order and dropping unknown ids and
 * duplicates; `undefined` means every city that has a future-industry list, in dataset order.
 */
export function resolveCities(g: TrackGrid, cityIds: readonly string[] | undefined): number[] {
	if (cityIds === undefined) {
		const out: number[] = [];
		for (let c = 0; c < g.cityIds.length; c++) if (g.hasList[c]) out.push(c);
		return out;
	}
	const set = new Set<number>();
	for (const id of cityIds) {
		const c = g.cityIndex.get(id);
		if (c !== undefined) set.add(c);
	}
	return [...set];
}

/** Jaccard index of two track sets; 0 when both are empty (nothing declared, nothing in common). */
export function jaccardBits(a: Uint32Array, b: Uint32Array): number {
	let inter = 0;
	let union = 0;
	for (let w = 0; w < a.length; w++) {
		inter += popcount(a[w] & b[w]);
		union += popcount(a[w] | b[w]);
	}
	return union === 0 ? 0 : inter / union;
}
