/**
 * The aggregation engine on the built-in dataset. Every expected figure was counted by hand from the
 * article's 2023 event list (and its commentary) and from the data files, not produced by the engine.
 *
 * Tally per city, event list + commentary:
 *   shanghai 10 + 1 (3 big-science, 2 computing, 2 specialised firms, 1 fund, 1 visit, 1 digital;
 *            commentary: an earlier future-industry plan)
 *   beijing 7 · hangzhou 5 · shenzhen 5 · guangzhou 2 + 1 · suzhou 2 · jiaxing 2 · hefei 1 + 1 ·
 *   chengdu 2 · wuxi, nanjing, ningbo, wenzhou, wuhu, hongkong 1 each  → 45 city events
 *   national: 2 in the list (computing plan, the wave of large models) + 3 in the commentary → 50
 * Groups: the Cook visit (chengdu, jiaxing), the public-data rules (guangzhou, shenzhen), the May–June
 * AI policies (beijing, shenzhen, chengdu): 7 records for 3 actions.
 * Future-industry tracks: suzhou 9, nanjing 8, beijing 11 (all broad), shenzhen 10.
 */
import { describe, expect, it } from 'vitest';
import { builtinDataset as ds } from '../../src/lib/data/builtin';
import {
	categoryMix,
	compareCities,
	eventsFor,
	eventsPerCity,
	eventsPerCluster,
	eventTotals,
	exclusiveTracks,
	industryMatrix,
	jaccard,
	mostSimilar,
	sharedTracks,
	timeline,
	upset
} from '../../src/lib/aggregate';

describe('built-in dataset: counts', () => {
	it('ranks the cities as the article tallies them', () => {
		const rows = eventsPerCity(ds);
		expect(rows.map((r) => [r.cityId, r.count, r.rank])).toEqual([
			['shanghai', 11, 1],
			['beijing', 7, 2],
			// a tie: hangzhou comes before shenzhen in the dataset's city order
			['hangzhou', 5, 3],
			['shenzhen', 5, 3],
			['guangzhou', 3, 5],
			['suzhou', 2, 6],
			['jiaxing', 2, 6],
			['hefei', 2, 6],
			['chengdu', 2, 6],
			['wuxi', 1, 10],
			['nanjing', 1, 10],
			['ningbo', 1, 10],
			['wenzhou', 1, 10],
			['wuhu', 1, 10],
			['hongkong', 1, 10]
		]);
	});
	it('drops the commentary items on request', () => {
		const rows = eventsPerCity(ds, { includeCommentary: false });
		expect(rows.slice(0, 8).map((r) => [r.cityId, r.count, r.rank])).toEqual([
			['shanghai', 10, 1],
			['beijing', 7, 2],
			['hangzhou', 5, 3],
			['shenzhen', 5, 3],
			// guangzhou drops to 2 and takes its place among the 2s in the city order; hefei drops to 1
			['suzhou', 2, 5],
			['jiaxing', 2, 5],
			['guangzhou', 2, 5],
			['chengdu', 2, 5]
		]);
		expect(rows.find((r) => r.cityId === 'hefei')?.count).toBe(1);
	});
	it('gives the totals, and the three shared actions once each under countGroupsOnce', () => {
		expect(eventTotals(ds)).toMatchObject({ total: 50, city: 45, national: 5 });
		expect(eventTotals(ds, { countGroupsOnce: true })).toMatchObject({ total: 46, city: 41, national: 5 });
		expect(eventTotals(ds, { includeCommentary: false })).toMatchObject({ total: 44, city: 42, national: 2 });
	});
	it('keeps the June events (and the May–June AI policies) under a June filter', () => {
		const rows = eventsPerCity(ds, { months: [6, 6], includeUndated: false }).filter((r) => r.count > 0);
		expect(rows.map((r) => [r.cityId, r.count])).toEqual([
			['beijing', 2],
			['shanghai', 1],
			['hefei', 1],
			['shenzhen', 1],
			['chengdu', 1]
		]);
	});
	it('sums clusters', () => {
		// yrd: shanghai 11, suzhou 2, wuxi 1, nanjing 1, hangzhou 5, ningbo 1, jiaxing 2, wenzhou 1, hefei 2, wuhu 1
		// gba: shenzhen 5, guangzhou 3, hongkong 1
		expect(eventsPerCluster(ds).map((r) => [r.clusterId, r.count])).toEqual([
			['yrd', 27],
			['gba', 9],
			['jjj', 7],
			['cy', 2]
		]);
		// public-data rules: guangzhou and shenzhen copies are one action in gba
		const once = eventsPerCluster(ds, { countGroupsOnce: true });
		expect(once.find((r) => r.clusterId === 'gba')?.count).toBe(8);
	});
});

describe('built-in dataset: mix, timeline, provenance', () => {
	it("gives Shanghai's category mix", () => {
		const mix = categoryMix(ds);
		expect(mix.categoryIds).toEqual([
			'big-science',
			'computing',
			'specialised-firms',
			'venture-funds',
			'exchange',
			'digital',
			'ai-models',
			'future-industries'
		]);
		const sh = mix.rows.find((r) => r.cityId === 'shanghai');
		expect(sh?.counts).toEqual([3, 2, 2, 1, 1, 1, 0, 1]);
		expect(sh?.shares.map((s) => s * 11)).toEqual(
			[3, 2, 2, 1, 1, 1, 0, 1].map((v) => expect.closeTo(v, 9) as unknown as number)
		);
		// pooled over the 45 city events: 7 big-science (suzhou, hefei ×2, shanghai ×3, hangzhou)
		expect(mix.average.shares[0]).toBeCloseTo(7 / 45, 12);
	});
	it('puts the national items in their own timeline row', () => {
		const tl = timeline(ds);
		const nat = tl.rows.at(-1);
		expect(nat?.cityId).toBeNull();
		expect(nat?.counts[7]).toBe(1); // August: generative-AI measures (commentary)
		expect(nat?.counts[9]).toBe(1); // October: computing infrastructure plan
		expect(nat?.undated).toBe(3);
		expect(tl.totals.total).toBe(50);
		const bj = tl.rows.find((r) => r.cityId === 'beijing');
		expect(bj?.ranges).toEqual([{ eventId: 'beijing-ai-industry-policy', month: 5, monthEnd: 6 }]);
		expect(bj?.eventIds[8]).toEqual(['beijing-unicorn-measures', 'beijing-premier-sme-visit']);
	});
	it("keeps the items with no year ('earlier', 此前) out of every month and out of the undated cell", () => {
		const tl = timeline(ds);
		const row = (c: string) => tl.rows.find((r) => r.cityId === c)!;
		expect(row('guangzhou')).toMatchObject({ earlier: 1, undated: 1 });
		expect(row('guangzhou').eventIds[13]).toEqual(['guangzhou-public-data-rules']);
		expect(row('guangzhou').eventIds[12]).toEqual(['guangzhou-future-industry-strategy']);
		expect(row('shenzhen').eventIds[13]).toEqual(['shenzhen-public-data-rules']);
		expect(row('shanghai').eventIds[13]).toEqual(['shanghai-future-industry-plan-earlier']);
		expect(tl.totals.earlier).toBe(3);
		for (const r of tl.rows) {
			const inMonths = r.eventIds.slice(0, 13).flat();
			expect(inMonths.some((id) => ds.events.find((e) => e.id === id)?.year === null)).toBe(false);
			expect(r.counts.reduce((a, v) => a + v, 0) + r.undated + r.earlier).toBe(r.total);
		}
		expect(tl.totals.counts.reduce((a, v) => a + v, 0) + tl.totals.undated + tl.totals.earlier).toBe(50);
		// counts only (no ids) agree
		const counts = timeline(ds, {}, { ids: false });
		expect(counts.totals).toEqual(tl.totals);
		// a month filter: the earlier items stay in their own cell, as the undated do, never in a month
		const may = timeline(ds, { months: [5, 5] });
		expect(may.totals.earlier).toBe(3);
		expect(timeline(ds, { months: [5, 5], includeUndated: false }).totals.earlier).toBe(0);
		// the records behind the cells
		expect(eventsFor(ds, {}, { month: 'earlier' }).map((e) => e.id)).toEqual([
			'guangzhou-public-data-rules',
			'shenzhen-public-data-rules',
			'shanghai-future-industry-plan-earlier'
		]);
		expect(eventsFor(ds, {}, { month: 'undated' }).some((e) => e.year === null)).toBe(false);
		expect(eventsFor(ds, {}, { month: 'undated' }).length + 3).toBe(
			ds.events.filter((e) => e.month === null).length
		);
	});
	it('lists the records behind a mark', () => {
		expect(eventsFor(ds, {}, { cityId: 'shanghai', categoryId: 'big-science' }).map((e) => e.id)).toEqual([
			'shanghai-ssrf-beamlines',
			'shanghai-hard-xray-fel',
			'shanghai-big-science-policy'
		]);
	});
});

describe('built-in dataset: future industries', () => {
	it('finds the one track suzhou, nanjing and shenzhen share: cell and gene', () => {
		expect(sharedTracks(ds, ['suzhou', 'nanjing', 'shenzhen'])).toEqual(['cell-gene']);
		expect(sharedTracks(ds, ['suzhou', 'nanjing', 'beijing', 'shenzhen'])).toEqual(['cell-gene']);
		expect(sharedTracks(ds, ['suzhou', 'nanjing'])).toEqual([
			'cell-gene',
			'semiconductors',
			'metaverse',
			'hydrogen',
			'advanced-materials'
		]);
	});
	it('finds what each of the four alone declares', () => {
		expect(exclusiveTracks(ds, ['suzhou', 'nanjing', 'beijing', 'shenzhen'])).toEqual([
			{ cityId: 'suzhou', trackIds: ['digital-finance'] },
			{ cityId: 'nanjing', trackIds: [] },
			{ cityId: 'beijing', trackIds: ['advanced-manufacturing'] },
			{ cityId: 'shenzhen', trackIds: ['blockchain', 'deep-earth-sea'] }
		]);
	});
	it('builds the matrix with match strengths', () => {
		const mx = industryMatrix(ds);
		expect(mx.cityIds).toEqual(['suzhou', 'nanjing', 'beijing', 'shenzhen']);
		expect(mx.cityCounts).toEqual([9, 8, 11, 10]);
		expect(mx.cells).toHaveLength(38);
		const cell = (c: string, tr: string) => mx.cells.find((x) => x.cityId === c && x.trackId === tr);
		expect(cell('beijing', 'cell-gene')?.match).toBe('broad');
		expect(cell('shenzhen', 'ai')?.match).toBe('partial');
		expect(cell('suzhou', 'semiconductors')?.match).toBe('partial');
		expect(cell('nanjing', 'semiconductors')?.match).toBe('partial');
		expect(cell('suzhou', 'photonics')?.match).toBe('partial');
		expect(cell('suzhou', 'ai')).toBeUndefined();
		expect(mx.trackCounts[mx.trackIds.indexOf('cell-gene')]).toBe(4);
		expect(mx.trackCounts[mx.trackIds.indexOf('ai')]).toBe(3);
	});
	it('measures track similarity', () => {
		const j = jaccard(ds, ['suzhou', 'nanjing', 'shenzhen']);
		// suzhou∩nanjing 5 of 12; suzhou∩shenzhen 4 of 15; nanjing∩shenzhen 3 of 15
		expect(j.values[0][1]).toBeCloseTo(5 / 12, 12);
		expect(j.values[0][2]).toBeCloseTo(4 / 15, 12);
		expect(j.values[1][2]).toBeCloseTo(3 / 15, 12);
		// beijing: shenzhen 7/14, nanjing 6/13, suzhou 5/15
		expect(mostSimilar(ds, 'beijing', { by: 'tracks' }).map((r) => r.cityId)).toEqual([
			'shenzhen',
			'nanjing',
			'suzhou'
		]);
	});
	it('partitions the 17 tracks of the four lists into UpSet intersections', () => {
		const u = upset(ds, ['suzhou', 'nanjing', 'beijing', 'shenzhen']);
		expect(u.sets.map((s) => s.size)).toEqual([9, 8, 11, 10]);
		expect(u.intersections.reduce((a, x) => a + x.size, 0)).toBe(17);
		const all4 = u.intersections.find((x) => x.degree === 4);
		expect(all4?.trackIds).toEqual(['cell-gene']);
	});
	it('compares cities side by side', () => {
		const c = compareCities(ds, ['suzhou', 'nanjing', 'shenzhen']);
		expect(c.sharedTracks).toEqual(['cell-gene']);
		expect(c.columns.map((x) => x.total)).toEqual([2, 1, 5]);
		expect(c.columns[2].uniqueCategories).toEqual(['computing', 'venture-funds', 'digital', 'ai-models']);
		expect(c.axisMax).toBe(1);
	});
});
