/**
 * Properties of the aggregation engine on random synthetic datasets and random filters: the fast
 * columnar passes agree with a plain record-by-record count, figures add up, shares sum to 1,
 * similarities are well-formed, constraints only ever remove, and nothing is mutated.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/types';
import {
	categoryMix,
	compareCities,
	cosine,
	eventCube,
	eventPredicate,
	eventsFor,
	eventsPerCity,
	eventsPerCluster,
	eventTotals,
	exclusiveTracks,
	industryMatrix,
	jaccard,
	mostSimilar,
	orderBySimilarity,
	sharedTracks,
	timeline,
	trackSets,
	upset,
	type Filter
} from '../../src/lib/aggregate';
import { syntheticDataset } from '../../src/lib/aggregate/synthetic';

const RUNS = 60;

const datasetArb = fc
	.record({
		seed: fc.integer({ min: 1, max: 1_000_000 }),
		cities: fc.integer({ min: 1, max: 25 }),
		clusters: fc.integer({ min: 1, max: 4 }),
		categories: fc.integer({ min: 1, max: 8 }),
		events: fc.integer({ min: 0, max: 300 }),
		tracks: fc.integer({ min: 0, max: 40 }),
		listShare: fc.double({ min: 0, max: 1, noNaN: true }),
		grouped: fc.constantFrom(0, 0.1, 0.4),
		ranged: fc.constantFrom(0, 0.2),
		undated: fc.constantFrom(0, 0.1, 0.5),
		national: fc.constantFrom(0, 0.1),
		commentary: fc.constantFrom(0, 0.3)
	})
	.map((o) => syntheticDataset(o));

const monthArb = fc.integer({ min: 1, max: 12 });
/** Ids that may or may not exist in a synthetic dataset. */
const cityIdsArb = fc.uniqueArray(
	fc.integer({ min: 0, max: 30 }).map((i) => `city${String(i).padStart(3, '0')}`),
	{ maxLength: 8 }
);
const filterArb: fc.Arbitrary<Filter> = fc.record(
	{
		categories: fc.uniqueArray(
			fc.integer({ min: 0, max: 9 }).map((k) => `cat${k}`),
			{ maxLength: 6 }
		),
		months: fc.tuple(monthArb, monthArb),
		includeUndated: fc.boolean(),
		clusters: fc.uniqueArray(
			fc.integer({ min: 0, max: 4 }).map((k) => `cl${k}`),
			{ maxLength: 4 }
		),
		cities: cityIdsArb,
		includeNational: fc.boolean(),
		includeCommentary: fc.boolean(),
		countGroupsOnce: fc.boolean()
	},
	{ requiredKeys: [] }
);

/** A filter plus one more constraint: a narrower list or range, or a switch turned off. */
const tightenArb = (f: Filter): fc.Arbitrary<Filter> =>
	fc.oneof(
		fc
			.subarray(f.categories ?? ['cat0', 'cat1', 'cat2', 'cat3', 'cat4', 'cat5', 'cat6', 'cat7'])
			.map((categories) => ({ ...f, categories })),
		fc.tuple(monthArb, monthArb).map(([a, b]) => {
			const [lo, hi] = f.months ? [Math.min(...f.months), Math.max(...f.months)] : [1, 12];
			const x = Math.min(Math.max(a, lo), hi);
			const y = Math.min(Math.max(b, lo), hi);
			return { ...f, months: [x, y] as [number, number] };
		}),
		fc.subarray(f.clusters ?? ['cl0', 'cl1', 'cl2', 'cl3']).map((clusters) => ({ ...f, clusters })),
		(f.cities ? fc.subarray(f.cities) : cityIdsArb).map((cities) => ({ ...f, cities })),
		fc.constant({ ...f, includeUndated: false }),
		fc.constant({ ...f, includeNational: false }),
		fc.constant({ ...f, includeCommentary: false }),
		fc.constant({ ...f, countGroupsOnce: true })
	);

/** Reference count: filtered records, and distinct actions (a group once) among them. */
function reference(ds: Dataset, filter: Filter) {
	const kept = ds.events.filter(eventPredicate(ds, filter));
	const actions = new Set(kept.map((e) => e.groupId ?? `#${e.id}`));
	const perCity = new Map<string, number>();
	for (const e of kept) if (e.cityId !== null) perCity.set(e.cityId, (perCity.get(e.cityId) ?? 0) + 1);
	return { kept, actions: actions.size, perCity };
}

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, v) => a + v, 0);

describe('aggregate properties', () => {
	it('agrees with a record-by-record count of the filter', () => {
		fc.assert(
			fc.property(datasetArb, filterArb, (ds, filter) => {
				const ref = reference(ds, filter);
				const grouped = !!filter.countGroupsOnce;
				const totals = eventTotals(ds, filter);
				// synthetic copies of one action share category and month, so "once per cell" is "once"
				expect(totals.total).toBe(grouped ? ref.actions : ref.kept.length);
				for (const row of eventsPerCity(ds, filter)) expect(row.count).toBe(ref.perCity.get(row.cityId) ?? 0);
				expect(eventsFor(ds, filter).map((e) => e.id)).toEqual(ref.kept.map((e) => e.id));
			}),
			{ numRuns: RUNS }
		);
	});

	it('adds up: timeline, cube, cities and clusters against the totals', () => {
		fc.assert(
			fc.property(datasetArb, filterArb, (ds, filter) => {
				const f = { ...filter, countGroupsOnce: false };
				const totals = eventTotals(ds, f);
				const tl = timeline(ds, f);
				expect(sum(tl.rows.map((r) => r.total))).toBe(totals.total);
				expect(tl.totals.total).toBe(totals.total);
				for (const r of tl.rows) {
					expect(sum(r.counts) + r.undated).toBe(r.total);
					expect(sum(r.eventIds.map((ids) => ids.length))).toBe(r.total);
				}
				expect(sum(eventCube(ds, f).counts)).toBe(totals.city);
				expect(sum(eventsPerCity(ds, f).map((r) => r.count))).toBe(totals.city);
				expect(sum(eventsPerCluster(ds, f).map((r) => r.count))).toBe(totals.city);
				expect(sum(totals.byCategory)).toBe(totals.total);
				// with groups counted once the timeline's totals still equal the headline total
				const g = { ...filter, countGroupsOnce: true };
				expect(timeline(ds, g, { ids: false }).totals.total).toBe(eventTotals(ds, g).total);
			}),
			{ numRuns: RUNS }
		);
	});

	it('gives shares that sum to 1 (or are all zero), and a pooled average', () => {
		fc.assert(
			fc.property(datasetArb, filterArb, (ds, filter) => {
				const mix = categoryMix(ds, filter);
				for (const r of mix.rows) {
					expect(sum(r.counts)).toBe(r.total);
					if (r.total > 0) expect(Math.abs(sum(r.shares) - 1)).toBeLessThanOrEqual(1e-9);
					else expect(r.shares.every((s) => s === 0)).toBe(true);
					for (const s of r.shares) expect(s).toBeGreaterThanOrEqual(0);
					expect(Math.abs(sum(r.deltaFromAverage))).toBeLessThanOrEqual(r.total > 0 ? 1e-9 : 0);
				}
				const pooled = sum(mix.rows.map((r) => r.total));
				if (pooled > 0) expect(Math.abs(sum(mix.average.shares) - 1)).toBeLessThanOrEqual(1e-9);
			}),
			{ numRuns: RUNS }
		);
	});

	it('only ever removes when a constraint is added', () => {
		fc.assert(
			fc.property(
				datasetArb,
				filterArb.chain((f) => fc.tuple(fc.constant(f), tightenArb(f))),
				(ds, [loose, tight]) => {
					const a = eventTotals(ds, loose);
					const b = eventTotals(ds, tight);
					for (const k of ['total', 'city', 'national', 'undated'] as const) {
						expect(b[k]).toBeLessThanOrEqual(a[k]);
					}
					b.byCategory.forEach((v, k) => expect(v).toBeLessThanOrEqual(a.byCategory[k]));
					const before = new Map(eventsPerCity(ds, loose).map((r) => [r.cityId, r]));
					for (const r of eventsPerCity(ds, tight)) {
						const was = before.get(r.cityId);
						expect(was).toBeDefined();
						r.byCategory.forEach((v, k) => expect(v).toBeLessThanOrEqual(was!.byCategory[k]));
					}
					const clusters = new Map(eventsPerCluster(ds, loose).map((r) => [r.clusterId, r.count]));
					for (const r of eventsPerCluster(ds, tight)) {
						expect(r.count).toBeLessThanOrEqual(clusters.get(r.clusterId) ?? 0);
					}
					const rows = new Map(timeline(ds, loose, { ids: false }).rows.map((r) => [r.cityId, r]));
					for (const r of timeline(ds, tight, { ids: false }).rows) {
						const was = rows.get(r.cityId);
						expect(was).toBeDefined();
						r.counts.forEach((v, m) => expect(v).toBeLessThanOrEqual(was!.counts[m]));
						expect(r.undated).toBeLessThanOrEqual(was!.undated);
					}
				}
			),
			{ numRuns: RUNS * 2 }
		);
	});

	it('gives similarity matrices that are symmetric, in [0, 1], with 1 on the diagonal', () => {
		fc.assert(
			fc.property(datasetArb, filterArb, (ds, filter) => {
				for (const m of [
					jaccard(ds),
					cosine(ds, filter),
					jaccard(
						ds,
						ds.cities.map((c) => c.id)
					)
				]) {
					const n = m.cityIds.length;
					expect(m.values).toHaveLength(n);
					for (let i = 0; i < n; i++) {
						expect(m.values[i][i]).toBe(1);
						for (let j = 0; j < n; j++) {
							expect(m.values[i][j]).toBe(m.values[j][i]);
							expect(m.values[i][j]).toBeGreaterThanOrEqual(0);
							expect(m.values[i][j]).toBeLessThanOrEqual(1);
						}
					}
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('builds UpSet intersections that partition the union of the track sets', () => {
		fc.assert(
			fc.property(datasetArb, fc.integer({ min: 0, max: 6 }), (ds, k) => {
				const ids = ds.cities.slice(0, k).map((c) => c.id);
				const sets = new Map(trackSets(ds, ids).map((s) => [s.cityId, new Set(s.trackIds)]));
				const union = new Set([...sets.values()].flatMap((s) => [...s]));
				const u = upset(ds, ids);
				const seen = new Set<string>();
				for (const x of u.intersections) {
					expect(x.size).toBe(x.trackIds.length);
					expect(x.degree).toBe(x.cityIds.length);
					expect(x.size).toBeGreaterThan(0);
					for (const tr of x.trackIds) {
						expect(seen.has(tr)).toBe(false);
						seen.add(tr);
						// exactly these cities have the track
						for (const id of ids) expect(sets.get(id)?.has(tr)).toBe(x.cityIds.includes(id));
					}
				}
				expect([...seen].sort()).toEqual([...union].sort());
				for (let i = 1; i < u.intersections.length; i++) {
					const [p, q] = [u.intersections[i - 1], u.intersections[i]];
					expect(p.size > q.size || (p.size === q.size && p.degree <= q.degree)).toBe(true);
				}
				// shared = the degree-k intersection; exclusive = the degree-1 ones
				const all = u.intersections.find((x) => x.degree === ids.length && ids.length > 0);
				expect(sharedTracks(ds, ids)).toEqual(all?.trackIds ?? []);
				for (const e of exclusiveTracks(ds, ids)) {
					const own = u.intersections.find((x) => x.degree === 1 && x.cityIds[0] === e.cityId);
					expect(e.trackIds).toEqual(own?.trackIds ?? []);
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('counts matrix cells as the distinct (city, track) pairs of the lists', () => {
		fc.assert(
			fc.property(datasetArb, (ds) => {
				const mx = industryMatrix(ds);
				const pairs = new Set(
					ds.futureIndustries.flatMap((l) =>
						l.items.flatMap((it) => it.tracks.map((m) => `${l.cityId}|${m.trackId}`))
					)
				);
				expect(mx.cells.length).toBe(pairs.size);
				expect(sum(mx.trackCounts)).toBe(pairs.size);
				expect(sum(mx.cityCounts)).toBe(pairs.size);
				expect([...orderBySimilarity(ds)].sort()).toEqual([...mx.cityIds].sort());
			}),
			{ numRuns: RUNS }
		);
	});

	it('never mutates its input', () => {
		fc.assert(
			fc.property(datasetArb, filterArb, (ds, filter) => {
				const before = structuredClone(ds);
				const ids = ds.cities.slice(0, 3).map((c) => c.id);
				eventsPerCity(ds, filter);
				eventsPerCluster(ds, filter);
				eventTotals(ds, filter);
				eventCube(ds, filter);
				categoryMix(ds, filter);
				timeline(ds, filter);
				eventsFor(ds, filter, { cityId: ids[0] });
				industryMatrix(ds);
				jaccard(ds);
				cosine(ds, filter);
				upset(ds, ids);
				mostSimilar(ds, ids[0], { by: 'mix', filter });
				mostSimilar(ds, ids[0], { by: 'tracks' });
				if (ids.length >= 2) compareCities(ds, ids, filter);
				expect(ds).toEqual(before);
			}),
			{ numRuns: 20 }
		);
	});
});
