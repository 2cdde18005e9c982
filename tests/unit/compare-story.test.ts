/**
 * The compare page's differences and overlaps (`compareStory`) and their sentences (`compareStoryText`).
 *
 * Built-in data: every expected value below was worked out by hand from `src/lib/data/builtin/*.json`,
 * not produced by the module. The compare page counts without the commentary ({ includeCommentary: false }).
 *
 * events.json, event list only (commentary marked *):
 *   shanghai (10): big-science   ssrf-beamlines, hard-xray-fel, big-science-policy
 *                  computing     computing-dispatch-guidance, new-infrastructure-plan
 *                  specialised-firms  innovative-hq-measures, corporate-rd-opinions
 *                  venture-funds investment-promotion-measures · exchange musk-visit · digital data-element-plan
 *                  (* future-industries: shanghai-future-industry-plan-earlier)
 *   shenzhen (5):  computing full-stack-ai-centre · venture-funds finance-for-innovation ·
 *                  digital public-data-rules · ai-models ai-industry-policy · future-industries future-industries
 *   hefei (1):     big-science advanced-light-source   (* big-science: fusion-open-innovation-pilot)
 * So: Shanghai ∩ Shenzhen = computing, venture-funds, digital; Shanghai ∩ Hefei = big-science;
 * Shenzhen ∩ Hefei = nothing; all three = nothing. Only Shanghai: specialised-firms, exchange; only
 * Shenzhen: ai-models, future-industries; only Hefei: nothing. The three cover all 8 categories, so no
 * field is missing. ("Urban computing power", "Venture capital and state-backed funds" and "Digital
 * industry and digital governance" are all categories; none of them is a future-industry track.)
 *
 * future-industries.json: lists for suzhou, nanjing, beijing and shenzhen only. Shanghai and Hefei have
 * none (the article mentions Shanghai's future-industry plan but lists no industries). Shenzhen's 8 items
 * map to 10 tracks, in tracks.json order: ai (脑科学与类脑智能, partial), brain, cell-gene,
 * synthetic-biology, quantum, networks-comms (可见光通信与光计算, partial), photonics (same item, partial),
 * blockchain, aerospace, deep-earth-sea. Tracks the 3 other list cities name and Shenzhen does not:
 * hydrogen (suzhou, nanjing, beijing: 3), advanced-materials (3), semiconductors (suzhou, nanjing: 2),
 * metaverse (2), energy-storage (nanjing, beijing: 2), digital-finance (suzhou: 1), advanced-manufacturing
 * (beijing: 1) → the ≥ 2 ones by count then track order: hydrogen, advanced-materials, semiconductors,
 * then 2 more (metaverse, energy-storage) past the cap of 3. Peers are listed in cities.json order
 * (shanghai suzhou wuxi nanjing hangzhou ningbo jiaxing wenzhou hefei wuhu beijing shenzhen guangzhou
 * hongkong chengdu).
 *
 * Field mix (category order big-science, computing, specialised, venture, exchange, digital, ai, future):
 *   shanghai [3,2,2,1,1,1,0,0], shenzhen [0,1,0,1,0,1,1,1]: dot 2+1+1 = 4, |a|² = 9+4+4+1+1+1 = 20,
 *   |b|² = 5 → cosine 4/√100 = 0.4. Hefei has 1 event (< 5): no mix similarity with anyone.
 *   With the commentary: shanghai gains future-industries → dot 5, |a|² 21 → 5/√105 ≈ 0.48795.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDataset as ds } from '../../src/lib/data/builtin';
import type { Dataset } from '../../src/lib/data/types';
import { compareStory, MIN_MIX_EVENTS, type CompareStory } from '../../src/lib/aggregate/compare-story';
import { compareStoryText } from '../../src/lib/aggregate/compare-story-text';
import { cosine, eventPredicate, eventsPerCity, type Filter } from '../../src/lib/aggregate';
import { syntheticDataset } from '../../src/lib/aggregate/synthetic';

const PAGE: Filter = { includeCommentary: false };
const SSH = ['shanghai', 'shenzhen', 'hefei'];

/** Statements without their evidence: item ids per statement. */
const ids = (items: { id: string }[]) => items.map((x) => x.id);

describe('compareStory on the built-in data: Shanghai, Shenzhen, Hefei', () => {
	const s = compareStory(ds, SSH, PAGE);

	it('says which fields only one city has, with the events behind them', () => {
		expect(s.fields.cityIds).toEqual(SSH);
		expect(s.fields.n).toBe(3);
		expect(s.fields.only.map((o) => [o.cityId, ids(o.items)])).toEqual([
			['shanghai', ['specialised-firms', 'exchange']],
			['shenzhen', ['ai-models', 'future-industries']],
			['hefei', []]
		]);
		expect(s.fields.only[0].items).toEqual([
			{
				id: 'specialised-firms',
				cities: [
					{
						cityId: 'shanghai',
						eventIds: ['shanghai-innovative-hq-measures', 'shanghai-corporate-rd-opinions']
					}
				]
			},
			{ id: 'exchange', cities: [{ cityId: 'shanghai', eventIds: ['shanghai-musk-visit'] }] }
		]);
		expect(s.fields.noEvents).toEqual([]);
	});

	it('says which fields two of the three share, pair by pair, and that all three share none', () => {
		expect(s.fields.shared.map((g) => [g.cityIds, g.k, g.n, ids(g.items)])).toEqual([
			[['shanghai', 'shenzhen'], 2, 3, ['computing', 'venture-funds', 'digital']],
			[['shanghai', 'hefei'], 2, 3, ['big-science']]
		]);
		expect(s.fields.all).toEqual([]);
		expect(s.fields.shared[0].items[0]).toEqual({
			id: 'computing',
			cities: [
				{
					cityId: 'shanghai',
					eventIds: ['shanghai-computing-dispatch-guidance', 'shanghai-new-infrastructure-plan']
				},
				{ cityId: 'shenzhen', eventIds: ['shenzhen-full-stack-ai-centre'] }
			]
		});
		expect(s.fields.shared[1].items[0].cities).toEqual([
			{
				cityId: 'shanghai',
				eventIds: ['shanghai-ssrf-beamlines', 'shanghai-hard-xray-fel', 'shanghai-big-science-policy']
			},
			{ cityId: 'hefei', eventIds: ['hefei-advanced-light-source'] }
		]);
	});

	it('finds no missing field: the three cover all eight', () => {
		expect(s.fields.missing).toEqual({ peerTotal: 12, minPeers: 2, items: [], more: 0 });
	});

	it('flags the cities without a list instead of saying they share nothing', () => {
		expect(s.tracks.noList).toEqual(['shanghai', 'hefei']);
		expect(s.tracks.cityIds).toEqual(['shenzhen']);
		expect(s.tracks.n).toBe(1);
		expect(s.tracks.shared).toEqual([]);
		expect(s.tracks.all).toEqual([]);
	});

	it('names the tracks Shenzhen alone names, with its own words', () => {
		expect(ids(s.tracks.only[0].items)).toEqual([
			'ai',
			'brain',
			'cell-gene',
			'synthetic-biology',
			'quantum',
			'networks-comms',
			'photonics',
			'blockchain',
			'aerospace',
			'deep-earth-sea'
		]);
		const ai = s.tracks.only[0].items[0];
		expect(ai.cities).toEqual([
			{
				cityId: 'shenzhen',
				words: [
					{
						name: { zh: '脑科学与类脑智能', en: 'Brain science and brain-inspired intelligence' },
						match: 'partial'
					}
				]
			}
		]);
		const photonics = s.tracks.only[0].items[6];
		expect(photonics.cities[0].words.map((w) => [w.name.zh, w.match])).toEqual([
			['可见光通信与光计算', 'partial']
		]);
	});

	it('names the tracks the other list cities name and Shenzhen does not, with the peers', () => {
		const m = s.tracks.missing;
		expect(m.peerTotal).toBe(3);
		expect(m.items.map((x) => [x.id, x.peerCount, x.peers.map((p) => p.cityId)])).toEqual([
			['hydrogen', 3, ['suzhou', 'nanjing', 'beijing']],
			['advanced-materials', 3, ['suzhou', 'nanjing', 'beijing']],
			['semiconductors', 2, ['suzhou', 'nanjing']]
		]);
		expect(m.more).toBe(2);
		expect(m.items[2].peers[0].words.map((w) => [w.name.zh, w.match])).toEqual([
			['光子芯片与光器件', 'partial']
		]);
	});

	it('gives a mix similarity only where both cities have at least 5 events', () => {
		expect(s.pairs.map((p) => [p.cityIds, p.eventCounts, p.tracks, p.mix.reason])).toEqual([
			[['shanghai', 'shenzhen'], [10, 5], { value: null, reason: 'noList' }, null],
			[['shanghai', 'hefei'], [10, 1], { value: null, reason: 'noList' }, 'tooFewEvents'],
			[['shenzhen', 'hefei'], [5, 1], { value: null, reason: 'noList' }, 'tooFewEvents']
		]);
		expect(s.pairs[0].mix.value).toBeCloseTo(0.4, 12);
		expect(s.pairs[1].mix.value).toBeNull();
	});

	it('with the commentary, Shanghai and Shenzhen also share future-industry planning', () => {
		const c = compareStory(ds, SSH, {});
		expect(c.fields.shared.map((g) => [g.cityIds, ids(g.items)])).toEqual([
			[
				['shanghai', 'shenzhen'],
				['computing', 'venture-funds', 'digital', 'future-industries']
			],
			[['shanghai', 'hefei'], ['big-science']]
		]);
		expect(c.fields.only.map((o) => ids(o.items))).toEqual([
			['specialised-firms', 'exchange'],
			['ai-models'],
			[]
		]);
		expect(c.fields.shared[1].items[0].cities[1].eventIds).toEqual([
			'hefei-advanced-light-source',
			'hefei-fusion-open-innovation-pilot'
		]);
		expect(c.pairs.map((p) => p.eventCounts)).toEqual([
			[11, 5],
			[11, 2],
			[5, 2]
		]);
		expect(c.pairs[0].mix.value).toBeCloseTo(5 / Math.sqrt(105), 12);
	});

	it('the mix threshold is an option', () => {
		const low = compareStory(ds, SSH, PAGE, { minMixEvents: 1 });
		// hefei [1,0,…]: with shanghai 3/√20 ≈ 0.6708; with shenzhen 0
		expect(low.pairs[1].mix.value).toBeCloseTo(3 / Math.sqrt(20), 12);
		expect(low.pairs[2].mix).toEqual({ value: 0, reason: null });
	});
});

describe('compareStory on the built-in data: other selections', () => {
	it('Hangzhou and Beijing: neither has urban computing power, which 6 other cities have', () => {
		// computing: shanghai, wuxi, ningbo, jiaxing, wuhu, shenzhen (in cities.json order); every other
		// field is covered by one of the two
		const s = compareStory(ds, ['hangzhou', 'beijing'], PAGE);
		expect(s.fields.all.map((x) => x.id)).toEqual(['digital']);
		expect(s.fields.shared).toEqual([]);
		expect(s.fields.missing.items.map((x) => [x.id, x.peerCount, x.peers.map((p) => p.cityId)])).toEqual([
			['computing', 6, ['shanghai', 'wuxi', 'ningbo', 'jiaxing', 'wuhu', 'shenzhen']]
		]);
		expect(s.fields.missing.items[0].peers[0].eventIds).toEqual([
			'shanghai-computing-dispatch-guidance',
			'shanghai-new-infrastructure-plan'
		]);
		expect(s.tracks.noList).toEqual(['hangzhou']);
	});

	it('Wuxi and Ningbo: missing fields are capped at three, most widely held first', () => {
		// both have computing only. Others (event list): digital 6; big-science 4 (suzhou, hefei,
		// shanghai, hangzhou), venture-funds 4, exchange 4, future-industries 4; specialised-firms 3,
		// ai-models 3 → digital, big-science, venture-funds, then 4 more
		const s = compareStory(ds, ['wuxi', 'ningbo'], PAGE);
		expect(s.fields.all.map((x) => x.id)).toEqual(['computing']);
		expect(s.fields.missing.items.map((x) => [x.id, x.peerCount])).toEqual([
			['digital', 6],
			['big-science', 4],
			['venture-funds', 4]
		]);
		expect(s.fields.missing.more).toBe(4);
		expect(s.tracks.n).toBe(0);
		expect(s.tracks.noList).toEqual(['wuxi', 'ningbo']);
		expect(s.pairs[0].mix).toEqual({ value: null, reason: 'tooFewEvents' });
	});

	it('Beijing and Shenzhen: track overlap 7 of 14', () => {
		// beijing 11 tracks: ai brain cell-gene synthetic-biology quantum networks-comms hydrogen
		// energy-storage aerospace advanced-materials advanced-manufacturing; shenzhen's 10 above.
		// Common: ai brain cell-gene synthetic-biology quantum networks-comms aerospace = 7; union 11+10-7 = 14
		const s = compareStory(ds, ['beijing', 'shenzhen'], PAGE);
		expect(s.pairs[0].tracks).toEqual({ value: 0.5, sharedCount: 7, unionCount: 14, reason: null });
		expect(s.tracks.all.map((x) => x.id)).toEqual([
			'ai',
			'brain',
			'cell-gene',
			'synthetic-biology',
			'quantum',
			'networks-comms',
			'aerospace'
		]);
	});

	it('rejects what compareCities rejects', () => {
		expect(() => compareStory(ds, ['shanghai'])).toThrow(RangeError);
		expect(() => compareStory(ds, ['shanghai', 'shanghai'])).toThrow(/repeated/);
		expect(() => compareStory(ds, ['shanghai', 'atlantis'])).toThrow(/unknown/);
		expect(() => compareStory(ds, ['shanghai', '__proto__'])).toThrow(/unknown/);
	});

	it('does not mutate the dataset', () => {
		const before = structuredClone(ds);
		compareStory(ds, SSH, PAGE);
		expect(ds).toEqual(before);
	});
});

describe('compareStoryText', () => {
	const s = compareStory(ds, SSH, PAGE);
	const texts = (locale: 'en' | 'zh') => {
		const x = compareStoryText(s, ds, locale);
		return {
			fields: x.fields.map((y) => y.text),
			tracks: x.tracks.map((y) => y.text),
			sim: x.similarity.map((y) => y.text)
		};
	};

	it('English, Shanghai / Shenzhen / Hefei', () => {
		const x = texts('en');
		expect(x.fields).toEqual([
			'Fields only Shanghai has events in: “Specialised SMEs and technology firms” and “International exchange”.',
			'Fields only Shenzhen has events in: “Large language models and AI governance” and “Future-industry planning”.',
			'Fields shared by 2 of 3 (Shanghai and Shenzhen): “Urban computing power”, “Venture capital and state-backed funds”, and “Digital industry and digital governance”.',
			'Fields shared by 2 of 3 (Shanghai and Hefei): “Big-science facilities”.'
		]);
		expect(x.tracks).toEqual([
			'Shanghai and Hefei have no future-industry list in the source.',
			'Shenzhen is the only one with a list and names 10 tracks: “Artificial intelligence”, “Brain science and brain-inspired intelligence”, “Cell and gene technologies”, “Synthetic biology”, “Quantum technology”, “Future networks and communications”, “Photonics and optical computing”, “Blockchain”, “Aerospace”, and “Deep earth and deep sea”.',
			'Shenzhen does not name “Hydrogen energy”, which 3 other cities name.',
			'Shenzhen does not name “Advanced materials”, which 3 other cities name.',
			'Shenzhen does not name “Advanced semiconductors”, which 2 other cities name.',
			'2 more such tracks are not listed.'
		]);
		expect(x.sim).toEqual([
			'Shanghai and Shenzhen: field-mix similarity 0.40 (cosine; 1 = the same mix).',
			'Shanghai and Hefei: too few events to compare their mix of fields (Hefei has 1 event; at least 5 each are needed).',
			'Shenzhen and Hefei: too few events to compare their mix of fields (Hefei has 1 event; at least 5 each are needed).'
		]);
	});

	it('Chinese, Shanghai / Shenzhen / Hefei: 、 lists, no spaces', () => {
		const x = texts('zh');
		expect(x.fields).toEqual([
			'只有上海有事件的领域：“专精特新”与科技型企业和中外交流。',
			'只有深圳有事件的领域：语言大模型与AI治理和布局未来产业。',
			'上海和深圳（3座中的2座）都有事件的领域：城市算力、创业投资与国资基金和数字产业与数字治理。',
			'上海和合肥（3座中的2座）都有事件的领域：大科学装置。'
		]);
		expect(x.tracks).toEqual([
			'上海和合肥在资料中没有未来产业清单。',
			'其中只有深圳有清单，涉及10个赛道：人工智能、脑科学与类脑智能、细胞与基因、合成生物、量子科技、未来网络与通信、光子与光计算、区块链、空天和深地深海。',
			'深圳没有提出氢能，另外3座城市提出了。',
			'深圳没有提出前沿材料，另外3座城市提出了。',
			'深圳没有提出新型半导体，另外2座城市提出了。',
			'另有2个这样的赛道未列出。'
		]);
		expect(x.sim).toEqual([
			'上海和深圳的领域构成相似度为0.40（余弦，1表示构成相同）。',
			'上海和合肥的事件太少，不比较领域构成（事件数：合肥1件；每座城市至少需要5件）。',
			'深圳和合肥的事件太少，不比较领域构成（事件数：合肥1件；每座城市至少需要5件）。'
		]);
	});

	it('each sentence carries what it speaks of, for links', () => {
		const x = compareStoryText(s, ds, 'en');
		const shared = x.fields.find((y) => y.kind === 'fields.shared');
		expect(shared).toMatchObject({
			cityIds: ['shanghai', 'shenzhen'],
			categoryIds: ['computing', 'venture-funds', 'digital'],
			eventIds: [
				'shanghai-computing-dispatch-guidance',
				'shanghai-new-infrastructure-plan',
				'shenzhen-full-stack-ai-centre',
				'shanghai-investment-promotion-measures',
				'shenzhen-finance-for-innovation',
				'shanghai-data-element-plan',
				'shenzhen-public-data-rules'
			]
		});
		const missing = x.tracks.find((y) => y.kind === 'tracks.missing');
		expect(missing).toMatchObject({ cityIds: ['shenzhen'], trackIds: ['hydrogen'] });
	});

	it('two cities: missing field and track overlap, both languages', () => {
		const hb = compareStory(ds, ['hangzhou', 'beijing'], PAGE);
		expect(compareStoryText(hb, ds, 'en').fields.map((y) => y.text)).toEqual([
			'Fields only Hangzhou has events in: “Big-science facilities” and “Venture capital and state-backed funds”.',
			'Fields only Beijing has events in: “Specialised SMEs and technology firms”, “International exchange”, “Large language models and AI governance”, and “Future-industry planning”.',
			'Fields both have events in: “Digital industry and digital governance”.',
			'Neither has events in “Urban computing power”, which 6 other cities have.'
		]);
		expect(compareStoryText(hb, ds, 'zh').fields.slice(2)).toMatchObject([
			{ text: '两座城市都有事件的领域：数字产业与数字治理。' },
			{ text: '两座城市都没有城市算力领域的事件，另外6座城市有。' }
		]);
		const bs = compareStory(ds, ['beijing', 'shenzhen'], PAGE);
		expect(compareStoryText(bs, ds, 'en').similarity.map((y) => y.text)).toEqual([
			'Beijing and Shenzhen have 7 of the 14 tracks either names in common (Jaccard 0.50).',
			'Beijing and Shenzhen: field-mix similarity 0.54 (cosine; 1 = the same mix).'
		]);
		expect(compareStoryText(bs, ds, 'zh').similarity[0].text).toBe(
			'北京和深圳提出的14个赛道中有7个相同（杰卡德相似度0.50）。'
		);
	});
});

// ---------------------------------------------------------------------------------------------
// Properties on synthetic datasets, checked against a plain record-by-record reference

const RUNS = 60;
const WEIRD = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** Renames the first cities, the first category and the first track to ids an object would trip on. */
function weirdIds(d: Dataset): Dataset {
	const city = new Map(d.cities.slice(0, WEIRD.length).map((c, i) => [c.id, WEIRD[i]]));
	const cat = new Map(d.categories.slice(0, 1).map((c) => [c.id, '__proto__']));
	const track = new Map(d.tracks.slice(0, 1).map((x) => [x.id, 'constructor']));
	const rc = (id: string) => city.get(id) ?? id;
	return {
		...d,
		cities: d.cities.map((c) => ({ ...c, id: rc(c.id) })),
		categories: d.categories.map((c) => ({ ...c, id: cat.get(c.id) ?? c.id })),
		tracks: d.tracks.map((x) => ({ ...x, id: track.get(x.id) ?? x.id })),
		events: d.events.map((e) => ({
			...e,
			cityId: e.cityId === null ? null : rc(e.cityId),
			categoryId: cat.get(e.categoryId) ?? e.categoryId
		})),
		futureIndustries: d.futureIndustries.map((l) => ({
			cityId: rc(l.cityId),
			items: l.items.map((it) => ({
				...it,
				tracks: it.tracks.map((m) => ({ ...m, trackId: track.get(m.trackId) ?? m.trackId }))
			}))
		}))
	};
}

const caseArb = fc
	.record({
		seed: fc.integer({ min: 1, max: 1_000_000 }),
		cities: fc.integer({ min: 2, max: 20 }),
		categories: fc.integer({ min: 1, max: 8 }),
		events: fc.integer({ min: 0, max: 200 }),
		tracks: fc.integer({ min: 0, max: 30 }),
		listShare: fc.double({ min: 0, max: 1, noNaN: true }),
		commentary: fc.constantFrom(0, 0.3),
		undated: fc.constantFrom(0, 0.2),
		weird: fc.boolean()
	})
	.chain((o) => {
		const base = syntheticDataset(o);
		const d = o.weird ? weirdIds(base) : base;
		const n = d.cities.length;
		return fc.record({
			d: fc.constant(d),
			pick: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: Math.min(4, n) }),
			filter: fc.record(
				{
					categories: fc.subarray(d.categories.map((c) => c.id)),
					months: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })),
					includeUndated: fc.boolean(),
					includeCommentary: fc.boolean(),
					countGroupsOnce: fc.boolean(),
					// ignored by design: the chosen cities are the selection
					cities: fc.constant(['nowhere'])
				},
				{ requiredKeys: [] }
			) as fc.Arbitrary<Filter>,
			options: fc.record(
				{
					minMixEvents: fc.integer({ min: 0, max: 8 }),
					minPeers: fc.integer({ min: 1, max: 4 }),
					missingCap: fc.integer({ min: 0, max: 5 })
				},
				{ requiredKeys: [] }
			)
		});
	})
	.map(({ d, pick, filter, options }) => ({ d, cityIds: pick.map((i) => d.cities[i].id), filter, options }));

/** Reference: per city, per category, the ids of its events under the filter (plain records). */
function fieldSets(d: Dataset, filter: Filter): Map<string, Map<string, string[]>> {
	const passes = eventPredicate(d, { ...filter, cities: undefined, clusters: undefined });
	const out = new Map<string, Map<string, string[]>>(d.cities.map((c) => [c.id, new Map()]));
	for (const e of d.events) {
		if (e.cityId === null || !passes(e)) continue;
		const m = out.get(e.cityId)!;
		m.set(e.categoryId, [...(m.get(e.categoryId) ?? []), e.id]);
	}
	return out;
}

/** Reference: per city with a list, its set of track ids. */
function trackSetsRef(d: Dataset): Map<string, Set<string>> {
	const out = new Map<string, Set<string>>();
	for (const l of d.futureIndustries) {
		const s = out.get(l.cityId) ?? new Set<string>();
		for (const it of l.items) for (const m of it.tracks) s.add(m.trackId);
		out.set(l.cityId, s);
	}
	return out;
}

/** Every item of a section, with the exact cities the statement says have it. */
function claims(section: CompareStory['fields'] | CompareStory['tracks']): Map<string, string[]> {
	const out = new Map<string, string[]>();
	const add = (id: string, cities: string[]) => {
		expect(out.has(id), `${id} is in two statements`).toBe(false);
		out.set(id, cities);
	};
	for (const o of section.only) for (const x of o.items) add(x.id, [o.cityId]);
	for (const g of section.shared) for (const x of g.items) add(x.id, g.cityIds);
	for (const x of section.all) add(x.id, section.cityIds);
	return out;
}

describe('compareStory properties (synthetic data)', () => {
	it('field statements match a plain count: only / k of n / all, events behind each, missing', () => {
		fc.assert(
			fc.property(caseArb, ({ d, cityIds, filter, options }) => {
				const s = compareStory(d, cityIds, filter, options);
				const ref = fieldSets(d, filter);
				const n = cityIds.length;
				const holders = (cat: string) => cityIds.filter((c) => ref.get(c)!.has(cat));
				const claimed = claims(s.fields);
				for (const cat of d.categories.map((c) => c.id)) {
					const h = holders(cat);
					if (h.length === 0) expect(claimed.has(cat)).toBe(false);
					else expect(claimed.get(cat)).toEqual(h);
				}
				for (const g of s.fields.shared) {
					expect(g.k).toBe(g.cityIds.length);
					expect(g.n).toBe(n);
					expect(g.k).toBeGreaterThanOrEqual(2);
					expect(g.k).toBeLessThan(n);
				}
				const items = [
					...s.fields.only.flatMap((o) => o.items),
					...s.fields.shared.flatMap((g) => g.items),
					...s.fields.all
				];
				for (const x of items) {
					for (const c of x.cities) expect(c.eventIds).toEqual(ref.get(c.cityId)!.get(x.id));
				}
				expect(s.fields.noEvents).toEqual(cityIds.filter((c) => ref.get(c)!.size === 0));
				// missing: no chosen city has it, peerCount other cities do, and the cap keeps the most held
				const minPeers = options.minPeers ?? 2;
				const cap = options.missingCap ?? 3;
				const chosen = new Set(cityIds);
				const others = d.cities.map((c) => c.id).filter((c) => !chosen.has(c));
				const candidates = d.categories
					.map((c) => c.id)
					.filter((cat) => holders(cat).length === 0)
					.map((cat) => ({ cat, peers: others.filter((c) => ref.get(c)!.has(cat)) }))
					.filter((x) => x.peers.length >= minPeers);
				expect(s.fields.missing.items.length + s.fields.missing.more).toBe(candidates.length);
				expect(s.fields.missing.items.length).toBe(Math.min(cap, candidates.length));
				expect(s.fields.missing.peerTotal).toBe(others.length);
				const counts = candidates.map((x) => x.peers.length).sort((a, b) => b - a);
				expect(s.fields.missing.items.map((x) => x.peerCount)).toEqual(counts.slice(0, cap));
				for (const x of s.fields.missing.items) {
					const want = candidates.find((y) => y.cat === x.id)!;
					expect(x.peers.map((p) => p.cityId)).toEqual(want.peers);
					for (const p of x.peers) expect(p.eventIds).toEqual(ref.get(p.cityId)!.get(x.id));
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('track statements: cities without a list are flagged, words belong to the track', () => {
		fc.assert(
			fc.property(caseArb, ({ d, cityIds, filter, options }) => {
				const s = compareStory(d, cityIds, filter, options);
				const ref = trackSetsRef(d);
				const listed = cityIds.filter((c) => ref.has(c));
				expect(s.tracks.cityIds).toEqual(listed);
				expect(s.tracks.noList).toEqual(cityIds.filter((c) => !ref.has(c)));
				expect(s.tracks.n).toBe(listed.length);
				const claimed = claims(s.tracks);
				for (const tr of d.tracks.map((x) => x.id)) {
					const h = listed.filter((c) => ref.get(c)!.has(tr));
					if (h.length === 0) expect(claimed.has(tr)).toBe(false);
					else expect(claimed.get(tr)).toEqual(h);
				}
				const lists = new Map(d.futureIndustries.map((l) => [l.cityId, l.items]));
				const checkWords = (
					tr: string,
					cw: { cityId: string; words: { name: unknown; match: string }[] }
				) => {
					const want = lists
						.get(cw.cityId)!
						.flatMap((it) =>
							it.tracks.filter((m) => m.trackId === tr).map((m) => ({ name: it.name, match: m.match }))
						);
					expect(cw.words).toEqual(want);
					expect(cw.words.length).toBeGreaterThan(0);
				};
				for (const x of [
					...s.tracks.only.flatMap((o) => o.items),
					...s.tracks.shared.flatMap((g) => g.items),
					...s.tracks.all
				])
					for (const c of x.cities) checkWords(x.id, c);
				const chosen = new Set(cityIds);
				for (const x of s.tracks.missing.items) {
					expect(listed.some((c) => ref.get(c)!.has(x.id))).toBe(false);
					const peers = [...ref.keys()].filter((c) => !chosen.has(c) && ref.get(c)!.has(x.id));
					expect(x.peers.map((p) => p.cityId).sort()).toEqual(peers.sort());
					expect(x.peerCount).toBe(peers.length);
					expect(x.peerCount).toBeGreaterThanOrEqual(options.minPeers ?? 2);
					for (const p of x.peers) checkWords(x.id, p);
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('similarity: Jaccard only between list cities, cosine only at or above the event minimum', () => {
		fc.assert(
			fc.property(caseArb, ({ d, cityIds, filter, options }) => {
				const s = compareStory(d, cityIds, filter, options);
				const ref = trackSetsRef(d);
				const min = options.minMixEvents ?? MIN_MIX_EVENTS;
				const counts = new Map(
					eventsPerCity(d, { ...filter, cities: cityIds, clusters: undefined }).map((r) => [
						r.cityId,
						r.count
					])
				);
				const cos = cosine(d, { ...filter, clusters: undefined }, cityIds);
				expect(s.pairs.length).toBe((cityIds.length * (cityIds.length - 1)) / 2);
				for (const p of s.pairs) {
					const [a, b] = p.cityIds;
					expect(cityIds.indexOf(a)).toBeLessThan(cityIds.indexOf(b));
					expect(p.eventCounts).toEqual([counts.get(a), counts.get(b)]);
					if (p.eventCounts[0] < min || p.eventCounts[1] < min) {
						expect(p.mix).toEqual({ value: null, reason: 'tooFewEvents' });
					} else {
						const i = cos.cityIds.indexOf(a);
						const j = cos.cityIds.indexOf(b);
						expect(p.mix).toEqual({ value: cos.values[i][j], reason: null });
					}
					const A = ref.get(a);
					const B = ref.get(b);
					if (!A || !B) expect(p.tracks).toEqual({ value: null, reason: 'noList' });
					else {
						const inter = [...A].filter((x) => B.has(x)).length;
						const union = new Set([...A, ...B]).size;
						expect(p.tracks).toEqual({
							value: union === 0 ? 0 : inter / union,
							sharedCount: inter,
							unionCount: union,
							reason: null
						});
					}
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('a single-event city is never given a mix similarity at the default minimum', () => {
		// two cities with one event each in the same field: cosine would say 1.00
		const base = syntheticDataset({ seed: 3, cities: 4, events: 1, tracks: 0 });
		const one = (id: string, cityId: string) => ({
			...structuredClone(base.events[0]),
			id,
			cityId,
			scope: 'city' as const,
			categoryId: base.categories[0].id,
			source: { section: 'events' as const, heading: 'h', bullet: 1 },
			month: 3,
			monthEnd: null,
			year: 2023,
			before: null,
			groupId: null
		});
		const d: Dataset = { ...base, events: [one('a', base.cities[0].id), one('b', base.cities[1].id)] };
		const s = compareStory(d, [base.cities[0].id, base.cities[1].id]);
		expect(s.pairs[0].mix).toEqual({ value: null, reason: 'tooFewEvents' });
		expect(
			compareStory(d, [base.cities[0].id, base.cities[1].id], {}, { minMixEvents: 1 }).pairs[0].mix
		).toEqual({
			value: 1,
			reason: null
		});
	});

	it('sentences fill every placeholder in both languages, and nothing is mutated', () => {
		fc.assert(
			fc.property(caseArb, ({ d, cityIds, filter, options }) => {
				const before = structuredClone(d);
				const s = compareStory(d, cityIds, filter, options);
				for (const locale of ['en', 'zh'] as const) {
					const x = compareStoryText(s, d, locale);
					for (const y of [...x.fields, ...x.tracks, ...x.similarity]) {
						expect(y.text).not.toMatch(/\{\w+\}/);
						expect(y.text.length).toBeGreaterThan(0);
						if (locale === 'zh')
							expect(y.text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff\d]|\d [\u4e00-\u9fff]/);
					}
					// the fields always say something about sharing: a group, all, or that nothing is shared
					expect(
						x.fields.some((y) => ['fields.shared', 'fields.all', 'fields.noneShared'].includes(y.kind))
					).toBe(true);
				}
				expect(d).toEqual(before);
			}),
			{ numRuns: RUNS / 2 }
		);
	});
});
