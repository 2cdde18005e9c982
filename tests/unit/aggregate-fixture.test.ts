/**
 * The aggregation engine on a tiny hand-made dataset whose every figure is worked out by hand below.
 *
 * Cities: x, y (cluster a), z, w (cluster b; w has no events and no list).
 * Categories (deliberately listed out of order): fac (order 0), fund (1), ai (2).
 * Events:
 *   e1 x fac Feb · e2 x fac Jul · e3 x fund undated · e10 x ai May–Jun (group g1)
 *   e4 y ai May–Jun (g1) · e7 y fund Dec (commentary)
 *   e5 z ai May–Jun (g1) · e8 z fac Mar
 *   e6 national fac Oct · e9 national ai undated (commentary)
 * Future industries: x: A → t1 exact, t2 broad; B → t2 partial · y: C → t1 partial; D → t3 exact ·
 *   z: E → t1 broad, t4 exact. Track t5 nobody declares.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset, InnovationEvent, MatchStrength } from '../../src/lib/data/types';
import {
	categoryMix,
	compareCities,
	cosine,
	eventCube,
	eventPredicate,
	eventsFor,
	eventsPerCity,
	eventsPerCluster,
	eventTable,
	eventTotals,
	exclusiveTracks,
	industryMatrix,
	jaccard,
	mostSimilar,
	normaliseFilter,
	orderByCluster,
	orderByCount,
	orderBySimilarity,
	orderTracksBySimilarity,
	sharedTracks,
	timeline,
	trackSets,
	upset
} from '../../src/lib/aggregate';

const t = (en: string) => ({ zh: en, en });

function ev(
	id: string,
	cityId: string | null,
	categoryId: string,
	month: number | null,
	extra: Partial<InnovationEvent> = {}
): InnovationEvent {
	return {
		id,
		cityId,
		scope: cityId === null ? 'national' : 'city',
		categoryId,
		year: 2023,
		before: null,
		month,
		monthEnd: null,
		kind: 'other',
		actors: [],
		document: null,
		documentEn: null,
		title: t(id),
		note: null,
		groupId: null,
		source: { section: 'events', heading: 'h', bullet: 1 },
		...extra
	};
}
const commentary = { source: { section: 'commentary' as const, heading: 'c', bullet: null } };
const m = (trackId: string, match: MatchStrength) => ({ trackId, match, reason: t('r') });

function fixture(): Dataset {
	return {
		id: 'fixture',
		version: '1',
		clusters: [
			{ id: 'b', name: t('B'), order: 1 },
			{ id: 'a', name: t('A'), order: 0 }
		],
		cities: [
			{ id: 'x', name: t('X'), pinyin: 'x', province: t('P'), cluster: 'a', lat: 30, lon: 120 },
			{ id: 'y', name: t('Y'), pinyin: 'y', province: t('P'), cluster: 'a', lat: 31, lon: 121 },
			{ id: 'z', name: t('Z'), pinyin: 'z', province: t('P'), cluster: 'b', lat: 22, lon: 114 },
			{ id: 'w', name: t('W'), pinyin: 'w', province: t('P'), cluster: 'b', lat: null, lon: null }
		],
		categories: [
			{ id: 'ai', name: t('AI'), order: 2 },
			{ id: 'fac', name: t('Facilities'), order: 0 },
			{ id: 'fund', name: t('Funds'), order: 1 }
		],
		events: [
			ev('e1', 'x', 'fac', 2),
			ev('e2', 'x', 'fac', 7),
			ev('e3', 'x', 'fund', null),
			ev('e4', 'y', 'ai', 5, { monthEnd: 6, groupId: 'g1' }),
			ev('e5', 'z', 'ai', 5, { monthEnd: 6, groupId: 'g1' }),
			ev('e6', null, 'fac', 10),
			ev('e7', 'y', 'fund', 12, commentary),
			ev('e8', 'z', 'fac', 3),
			ev('e9', null, 'ai', null, commentary),
			ev('e10', 'x', 'ai', 5, { monthEnd: 6, groupId: 'g1' })
		],
		tracks: ['t1', 't2', 't3', 't4', 't5'].map((id) => ({ id, name: t(id), description: t(id) })),
		futureIndustries: [
			{
				cityId: 'x',
				items: [
					{ name: t('A'), tracks: [m('t1', 'exact'), m('t2', 'broad')] },
					{ name: t('B'), tracks: [m('t2', 'partial')] }
				]
			},
			{
				cityId: 'y',
				items: [
					{ name: t('C'), tracks: [m('t1', 'partial')] },
					{ name: t('D'), tracks: [m('t3', 'exact')] }
				]
			},
			{ cityId: 'z', items: [{ name: t('E'), tracks: [m('t1', 'broad'), m('t4', 'exact')] }] }
		]
	};
}

const ds = fixture();
const counts = (rows: { cityId: string; count: number }[]) => rows.map((r) => [r.cityId, r.count]);

describe('filter', () => {
	it('fills defaults, sorts lists and orders the month range', () => {
		expect(normaliseFilter({ months: [9, 3], cities: ['y', 'x', 'y'] })).toEqual({
			categories: null,
			period: null,
			months: [3, 9],
			includeUndated: true,
			clusters: null,
			cities: ['x', 'y'],
			includeNational: true,
			includeCommentary: true,
			countGroupsOnce: false
		});
	});
	it('is idempotent', () => {
		const f = normaliseFilter({ months: [2, 4], categories: ['ai'], includeNational: false });
		expect(normaliseFilter(f)).toEqual(f);
	});
	it('keeps a ranged event when the range overlaps either end', () => {
		const keep = eventPredicate(ds, { months: [6, 6], includeUndated: false });
		expect(ds.events.filter(keep).map((e) => e.id)).toEqual(['e4', 'e5', 'e10']);
	});
	it('keeps undated events iff includeUndated, whatever the months', () => {
		const ids = (f: object) => ds.events.filter(eventPredicate(ds, f)).map((e) => e.id);
		expect(ids({ months: [1, 1] })).toEqual(['e3', 'e9']);
		expect(ids({ months: [1, 1], includeUndated: false })).toEqual([]);
	});
	it('treats an empty list as "nothing" and an absent one as "everything"', () => {
		expect(eventsPerCity(ds, { categories: [] }).every((r) => r.count === 0)).toBe(true);
		expect(eventTotals(ds, { categories: [] }).total).toBe(0);
		expect(eventTotals(ds).total).toBe(10);
	});
	it('does not apply the city list to national events', () => {
		expect(eventTotals(ds, { cities: ['z'] })).toMatchObject({ total: 4, city: 2, national: 2 });
		expect(eventTotals(ds, { cities: ['z'], includeNational: false }).total).toBe(2);
	});
});

describe('table', () => {
	it('encodes once per dataset object', () => {
		expect(eventTable(ds)).toBe(eventTable(ds));
		expect(eventTable(structuredClone(ds))).not.toBe(eventTable(ds));
	});
	it('orders the dictionaries by `order` and encodes national, undated and ranged rows', () => {
		const tb = eventTable(ds);
		expect(tb.categoryIds).toEqual(['fac', 'fund', 'ai']);
		expect(tb.clusterIds).toEqual(['a', 'b']);
		expect(tb.cityIds).toEqual(['x', 'y', 'z', 'w']);
		expect(Array.from(tb.city)).toEqual([0, 0, 0, 1, 2, 0xffff, 1, 2, 0xffff, 0]);
		expect(Array.from(tb.category)).toEqual([0, 0, 1, 2, 2, 0, 1, 0, 2, 2]);
		expect(Array.from(tb.month)).toEqual([2, 7, 0, 5, 5, 10, 12, 3, 0, 5]);
		expect(Array.from(tb.monthEnd)).toEqual([2, 7, 0, 6, 6, 10, 12, 3, 0, 6]);
		expect(Array.from(tb.flags)).toEqual([0, 0, 0, 0, 0, 1, 2, 0, 3, 0]);
		expect(Array.from(tb.group)).toEqual([-1, -1, -1, 0, 0, -1, -1, -1, -1, 0]);
		expect(Array.from(tb.ranged)).toEqual([3, 4, 9]);
	});
});

describe('eventsPerCity', () => {
	it('ranks by count, then dataset order, with shared competition ranks and empty cities last', () => {
		const rows = eventsPerCity(ds);
		expect(rows.map((r) => [r.cityId, r.count, r.rank])).toEqual([
			['x', 4, 1],
			['y', 2, 2],
			['z', 2, 2],
			['w', 0, 4]
		]);
		expect(rows.map((r) => r.byCategory)).toEqual([
			[2, 1, 1],
			[0, 1, 1],
			[1, 0, 1],
			[0, 0, 0]
		]);
	});
	it('follows the month, commentary, city and cluster constraints', () => {
		expect(counts(eventsPerCity(ds, { months: [6, 6] }))).toEqual([
			['x', 2],
			['y', 1],
			['z', 1],
			['w', 0]
		]);
		expect(counts(eventsPerCity(ds, { months: [6, 6], includeUndated: false }))).toEqual([
			['x', 1],
			['y', 1],
			['z', 1],
			['w', 0]
		]);
		expect(counts(eventsPerCity(ds, { includeCommentary: false }))).toEqual([
			['x', 4],
			['z', 2],
			['y', 1],
			['w', 0]
		]);
		expect(counts(eventsPerCity(ds, { clusters: ['b'] }))).toEqual([
			['z', 2],
			['w', 0]
		]);
		expect(counts(eventsPerCity(ds, { cities: ['y', 'nowhere'] }))).toEqual([['y', 2]]);
	});
	it('keeps each city its own copy of a grouped action under countGroupsOnce', () => {
		expect(counts(eventsPerCity(ds, { countGroupsOnce: true }))).toEqual(counts(eventsPerCity(ds)));
	});
});

describe('clusters and totals', () => {
	it('counts per cluster, a grouped action once per cluster under countGroupsOnce', () => {
		expect(eventsPerCluster(ds).map((r) => [r.clusterId, r.count, r.cities, r.rank])).toEqual([
			['a', 6, 2, 1],
			['b', 2, 2, 2]
		]);
		// g1 has copies in x and y (cluster a) and z (cluster b)
		expect(eventsPerCluster(ds, { countGroupsOnce: true }).map((r) => [r.clusterId, r.count])).toEqual([
			['a', 5],
			['b', 2]
		]);
	});
	it('gives the headline totals, with g1 once under countGroupsOnce', () => {
		expect(eventTotals(ds)).toEqual({ total: 10, city: 8, national: 2, undated: 2, byCategory: [4, 2, 4] });
		expect(eventTotals(ds, { countGroupsOnce: true })).toEqual({
			total: 8,
			city: 6,
			national: 2,
			undated: 2,
			byCategory: [4, 2, 2]
		});
	});
	it('builds the city × category × period cube', () => {
		const cube = eventCube(ds, { cities: ['x', 'z'] });
		expect(cube.cityIds).toEqual(['x', 'z']);
		// one year (2023): slot 0 holds items with no year, slot 1 the year's events without a month,
		// slot 1 + m month m
		expect([cube.firstYear, cube.nPeriods]).toEqual([2023, 14]);
		const at = (ci: number, k: number, mo: number) => cube.counts[(ci * 3 + k) * 14 + 1 + mo];
		expect(at(0, 0, 2)).toBe(1);
		expect(at(0, 0, 7)).toBe(1);
		expect(at(0, 1, 0)).toBe(1);
		expect(at(0, 2, 5)).toBe(1);
		expect(at(1, 0, 3)).toBe(1);
		expect(at(1, 2, 5)).toBe(1);
		expect(cube.counts.reduce((a, v) => a + v, 0)).toBe(6);
	});
});

describe('categoryMix', () => {
	it('gives shares per city and the pooled all-city average', () => {
		const mix = categoryMix(ds);
		expect(mix.categoryIds).toEqual(['fac', 'fund', 'ai']);
		expect(mix.rows.map((r) => r.cityId)).toEqual(['x', 'y', 'z', 'w']);
		expect(mix.rows[0]).toMatchObject({ total: 4, counts: [2, 1, 1], shares: [0.5, 0.25, 0.25] });
		expect(mix.rows[1].shares).toEqual([0, 0.5, 0.5]);
		expect(mix.rows[3]).toMatchObject({ total: 0, shares: [0, 0, 0], deltaFromAverage: [0, 0, 0] });
		// pooled: (2+0+1+0, 1+1+0+0, 1+1+1+0) / 8 events
		expect(mix.average.shares).toEqual([0.375, 0.25, 0.375]);
		expect(mix.average.counts).toEqual([0.75, 0.5, 0.75]);
		expect(mix.rows[0].deltaFromAverage).toEqual([0.125, 0, -0.125]);
	});
});

describe('timeline', () => {
	it('puts each event at its first month, national in its own row', () => {
		const tl = timeline(ds);
		expect(tl.rows.map((r) => r.cityId)).toEqual(['x', 'y', 'z', 'w', null]);
		const x = tl.rows[0];
		expect(x.counts).toEqual([0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0]);
		expect(x.undated).toBe(1);
		expect(x.total).toBe(4);
		expect(x.eventIds[4]).toEqual(['e10']);
		expect(x.eventIds[12]).toEqual(['e3']);
		expect(x.ranges).toEqual([{ eventId: 'e10', month: 5, monthEnd: 6 }]);
		const nat = tl.rows[4];
		expect(nat.counts[9]).toBe(1);
		expect(nat.undated).toBe(1);
		expect(nat.eventIds[12]).toEqual(['e9']);
		expect(tl.totals.total).toBe(10);
		expect(tl.totals.counts[4]).toBe(3);
	});
	it('counts g1 once in the May total under countGroupsOnce, and drops the national row on request', () => {
		const tl = timeline(ds, { countGroupsOnce: true });
		expect(tl.totals.counts[4]).toBe(1);
		expect(tl.totals.total).toBe(8);
		expect(tl.rows[1].counts[4]).toBe(1);
		expect(timeline(ds, { includeNational: false }).rows.map((r) => r.cityId)).toEqual(['x', 'y', 'z', 'w']);
	});
	it('can leave out the ids', () => {
		const tl = timeline(ds, {}, { ids: false });
		expect(tl.rows[0].eventIds).toEqual([]);
		expect(tl.rows[0].ranges).toEqual([]);
		expect(tl.rows[0].total).toBe(4);
	});
});

describe('eventsFor', () => {
	const ids = (evs: InnovationEvent[]) => evs.map((e) => e.id);
	it('returns the records behind a mark', () => {
		expect(ids(eventsFor(ds, {}, { cityId: 'x', month: 5 }))).toEqual(['e10']);
		expect(ids(eventsFor(ds, {}, { cityId: null }))).toEqual(['e6', 'e9']);
		expect(ids(eventsFor(ds, {}, { month: 'undated' }))).toEqual(['e3', 'e9']);
		expect(ids(eventsFor(ds, {}, { categoryId: 'ai' }))).toEqual(['e4', 'e5', 'e9', 'e10']);
		expect(ids(eventsFor(ds, { includeCommentary: false }, { categoryId: 'ai' }))).toEqual([
			'e4',
			'e5',
			'e10'
		]);
		expect(ids(eventsFor(ds, {}, { cityId: 'nowhere' }))).toEqual([]);
	});
});

describe('industry matrix', () => {
	it('lists non-empty cells with the strongest match and the items behind them', () => {
		const mx = industryMatrix(ds);
		expect(mx.cityIds).toEqual(['x', 'y', 'z']);
		expect(mx.trackIds).toEqual(['t1', 't2', 't3', 't4', 't5']);
		expect(mx.cells.map((c) => [c.cityId, c.trackId, c.match])).toEqual([
			['x', 't1', 'exact'],
			['x', 't2', 'partial'],
			['y', 't1', 'partial'],
			['y', 't3', 'exact'],
			['z', 't1', 'broad'],
			['z', 't4', 'exact']
		]);
		expect(mx.cells[1].items).toEqual([
			{ name: t('A'), match: 'broad' },
			{ name: t('B'), match: 'partial' }
		]);
		expect(mx.trackCounts).toEqual([3, 1, 1, 1, 0]);
		expect(mx.cityCounts).toEqual([2, 2, 2]);
		expect(industryMatrix(ds, { cities: ['z', 'w'] }).cityCounts).toEqual([2, 0]);
	});
	it('orders cities by cluster, by count and by similarity', () => {
		expect(orderByCluster(ds, ['z', 'w', 'y', 'x'])).toEqual(['x', 'y', 'z', 'w']);
		expect(orderByCount(['a', 'b', 'c'], [1, 3, 1])).toEqual(['b', 'a', 'c']);
		// all share t1 only: equal similarity, so dataset order from the first
		expect(orderBySimilarity(ds)).toEqual(['x', 'y', 'z']);
		expect(orderTracksBySimilarity(ds)[0]).toBe('t1');
	});
});

describe('overlap', () => {
	it('finds shared and exclusive tracks', () => {
		expect(trackSets(ds)).toEqual([
			{ cityId: 'x', trackIds: ['t1', 't2'] },
			{ cityId: 'y', trackIds: ['t1', 't3'] },
			{ cityId: 'z', trackIds: ['t1', 't4'] }
		]);
		expect(sharedTracks(ds, ['x', 'y', 'z'])).toEqual(['t1']);
		expect(sharedTracks(ds, ['x', 'w'])).toEqual([]);
		expect(sharedTracks(ds, [])).toEqual([]);
		expect(exclusiveTracks(ds, ['x', 'y'])).toEqual([
			{ cityId: 'x', trackIds: ['t2'] },
			{ cityId: 'y', trackIds: ['t3'] }
		]);
	});
	it('computes Jaccard with 1 on the diagonal and 0 against an empty set', () => {
		const j = jaccard(ds, ['x', 'y', 'w']);
		expect(j.cityIds).toEqual(['x', 'y', 'w']);
		expect(j.values).toEqual([
			[1, 1 / 3, 0],
			[1 / 3, 1, 0],
			[0, 0, 1]
		]);
	});
	it('computes cosine on category-mix counts', () => {
		const c = cosine(ds, {}, ['x', 'y', 'w']);
		// x (2,1,1) · y (0,1,1) = 2; |x| = √6, |y| = √2
		expect(c.values[0][1]).toBeCloseTo(2 / Math.sqrt(12), 12);
		expect(c.values[0][2]).toBe(0);
		expect(c.values[2][2]).toBe(1);
	});
	it('builds the UpSet intersections', () => {
		const u = upset(ds, ['x', 'y', 'z']);
		expect(u.sets).toEqual([
			{ cityId: 'x', size: 2 },
			{ cityId: 'y', size: 2 },
			{ cityId: 'z', size: 2 }
		]);
		expect(u.intersections).toEqual([
			{ cityIds: ['x'], trackIds: ['t2'], size: 1, degree: 1 },
			{ cityIds: ['y'], trackIds: ['t3'], size: 1, degree: 1 },
			{ cityIds: ['z'], trackIds: ['t4'], size: 1, degree: 1 },
			{ cityIds: ['x', 'y', 'z'], trackIds: ['t1'], size: 1, degree: 3 }
		]);
	});
	it('names the most similar cities', () => {
		expect(mostSimilar(ds, 'x', { by: 'tracks', n: 5 })).toEqual([
			{ cityId: 'y', score: 1 / 3 },
			{ cityId: 'z', score: 1 / 3 }
		]);
		const byMix = mostSimilar(ds, 'y', { by: 'mix', n: 2 });
		// y (0,1,1): x (2,1,1) → 2/√12 ≈ 0.577, z (1,0,1) → 1/2
		expect(byMix.map((r) => r.cityId)).toEqual(['x', 'z']);
		expect(byMix[1].score).toBeCloseTo(0.5, 12);
		expect(() => mostSimilar(ds, 'nowhere', { by: 'tracks' })).toThrow();
	});
});

describe('compareCities', () => {
	it('puts 2–4 cities side by side on one axis', () => {
		const c = compareCities(ds, ['y', 'x']);
		expect(c.cityIds).toEqual(['y', 'x']);
		expect(c.columns.map((col) => [col.cityId, col.total, col.byCategory])).toEqual([
			['y', 2, [0, 1, 1]],
			['x', 4, [2, 1, 1]]
		]);
		expect(c.axisMax).toBe(2);
		expect(c.totalMax).toBe(4);
		expect(c.columns[1].uniqueCategories).toEqual(['fac']);
		expect(c.columns[0].uniqueCategories).toEqual([]);
		expect(c.sharedCategories).toEqual(['fund', 'ai']);
		expect(c.columns.map((col) => col.uniqueTracks)).toEqual([['t3'], ['t2']]);
		expect(c.sharedTracks).toEqual(['t1']);
	});
	it('ignores the filter’s city list and rejects bad selections', () => {
		expect(compareCities(ds, ['x', 'y'], { cities: ['z'] }).columns[0].total).toBe(4);
		expect(() => compareCities(ds, ['x'])).toThrow(RangeError);
		expect(() => compareCities(ds, ['x', 'y', 'z', 'w', 'x'])).toThrow(RangeError);
		expect(() => compareCities(ds, ['x', 'x'])).toThrow();
		expect(() => compareCities(ds, ['x', 'nowhere'])).toThrow();
	});
});

describe('purity', () => {
	it('never mutates the dataset', () => {
		const fresh = fixture();
		const before = structuredClone(fresh);
		const f = { months: [5, 6] as [number, number], countGroupsOnce: true };
		eventsPerCity(fresh, f);
		eventsPerCluster(fresh, f);
		eventTotals(fresh, f);
		eventCube(fresh, f);
		categoryMix(fresh, f);
		timeline(fresh, f);
		eventsFor(fresh, f, { cityId: 'x' });
		industryMatrix(fresh);
		orderBySimilarity(fresh);
		orderTracksBySimilarity(fresh);
		trackSets(fresh);
		sharedTracks(fresh, ['x', 'y']);
		exclusiveTracks(fresh, ['x', 'y']);
		jaccard(fresh);
		cosine(fresh, f);
		upset(fresh);
		mostSimilar(fresh, 'x', { by: 'mix' });
		compareCities(fresh, ['x', 'y', 'z'], f);
		expect(fresh).toEqual(before);
	});
});
