/**
 * The columnar encoding behind every figure: ids resolved against the dataset's own tables, group
 * numbering, and the tally (distinct row codes with their counts) that counting figures read. The
 * tally can be built from a pre-counted cube or one entry per row; both must give the same figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, InnovationEvent } from '../../src/lib/data/types';
import {
	categoryMix,
	eventCube,
	eventsFor,
	eventsPerCity,
	eventsPerCluster,
	eventTable,
	eventTotals,
	NATIONAL,
	timeline,
	type Filter
} from '../../src/lib/aggregate';
import { syntheticDataset } from '../../src/lib/aggregate/synthetic';
import { encodeEvents, numberGroups } from '../../src/lib/aggregate/table';

const t = (en: string) => ({ zh: en, en });

function ev(id: string, cityId: string | null, categoryId: string, extra: Partial<InnovationEvent> = {}) {
	const e: InnovationEvent = {
		id,
		cityId,
		scope: cityId === null ? 'national' : 'city',
		categoryId,
		year: 2023,
		before: null,
		month: 3,
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
	return e;
}

function small(events: InnovationEvent[]): Dataset {
	return {
		id: 'small',
		version: '1',
		clusters: [{ id: 'a', name: t('A'), order: 0 }],
		cities: ['x', 'y'].map((id) => ({
			id,
			name: t(id),
			pinyin: id,
			province: t('P'),
			cluster: 'a',
			lat: null,
			lon: null
		})),
		categories: [
			{ id: 'fac', name: t('Facilities'), order: 0 },
			{ id: 'ai', name: t('AI'), order: 1 }
		],
		events,
		tracks: [],
		futureIndustries: []
	};
}

/** The multiset of row codes, as code → rows. */
function histogram(codes: ArrayLike<number>, counts?: ArrayLike<number>): Map<number, number> {
	const out = new Map<number, number>();
	for (let j = 0; j < codes.length; j++)
		out.set(codes[j], (out.get(codes[j]) ?? 0) + (counts ? counts[j] : 1));
	return out;
}

const datasetArb = fc
	.record({
		seed: fc.integer({ min: 1, max: 1_000_000 }),
		cities: fc.integer({ min: 1, max: 12 }),
		clusters: fc.integer({ min: 1, max: 3 }),
		categories: fc.integer({ min: 1, max: 5 }),
		events: fc.integer({ min: 0, max: 400 }),
		grouped: fc.constantFrom(0, 0.2),
		ranged: fc.constantFrom(0, 0.3),
		undated: fc.constantFrom(0, 0.2),
		national: fc.constantFrom(0, 0.2),
		commentary: fc.constantFrom(0, 0.3)
	})
	.map((o) => syntheticDataset({ ...o, tracks: 0 }));

const filterArb: fc.Arbitrary<Filter> = fc.record(
	{
		categories: fc.uniqueArray(
			fc.integer({ min: 0, max: 5 }).map((k) => `cat${k}`),
			{ maxLength: 4 }
		),
		months: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 })),
		includeUndated: fc.boolean(),
		clusters: fc.uniqueArray(
			fc.integer({ min: 0, max: 3 }).map((k) => `cl${k}`),
			{ maxLength: 3 }
		),
		includeNational: fc.boolean(),
		includeCommentary: fc.boolean(),
		countGroupsOnce: fc.boolean()
	},
	{ requiredKeys: [] }
);

/** Every counting figure, in plain data, for comparing two encodings of the same events. */
function figures(ds: Dataset, filter: Filter) {
	return {
		perCity: eventsPerCity(ds, filter),
		perCluster: eventsPerCluster(ds, filter),
		totals: eventTotals(ds, filter),
		cube: eventCube(ds, filter),
		mix: categoryMix(ds, filter),
		timeline: timeline(ds, filter)
	};
}

describe('tally', () => {
	it('holds every row once: the same multiset of codes as the rows, in both ways of building it', () => {
		fc.assert(
			fc.property(datasetArb, (ds) => {
				for (const mode of ['cube', 'rows'] as const) {
					const tb = encodeEvents(ds, mode);
					expect(tb.tallyMode).toBe(mode);
					expect(histogram(tb.tallyCode, tb.tallyCount)).toEqual(histogram(tb.code));
					expect(Array.from(tb.tallyCount).every((v) => v > 0)).toBe(true);
				}
			}),
			{ numRuns: 60 }
		);
	});

	it('gives the same figures built from the cube as one entry per row, under any filter', () => {
		fc.assert(
			fc.property(datasetArb, filterArb, (ds, filter) => {
				const viaCube = { ...ds };
				const viaRows = { ...ds };
				expect(eventTable(viaCube, 'cube').tallyMode).toBe('cube');
				expect(eventTable(viaRows, 'rows').tallyMode).toBe('rows');
				expect(figures(viaCube, filter)).toEqual(figures(viaRows, filter));
			}),
			{ numRuns: 80 }
		);
	});

	it('is far shorter than the rows on a large dataset, and keeps national rows under NATIONAL', () => {
		const ds = syntheticDataset({ seed: 7, cities: 40, categories: 8, tracks: 0, events: 50_000 });
		const tb = eventTable(ds);
		expect(tb.tallyMode).toBe('cube');
		// 41 city slots × 2 × 8 × 13 = 8,528 cells at most, plus the ranged rows one by one
		expect(tb.tallyCode.length).toBeLessThanOrEqual(8_528 + tb.ranged.length);
		expect(tb.tallyCode.length).toBeLessThan(ds.events.length / 3);
		const national = ds.events.filter((e) => e.cityId === null).length;
		let tallied = 0;
		tb.tallyCode.forEach((x, j) => {
			if (x >>> 16 === NATIONAL) tallied += tb.tallyCount[j];
		});
		expect(tallied).toBe(national);
	});

	it('uses one entry per row where a cube would be mostly empty (few events)', () => {
		const ds = small([ev('e1', 'x', 'fac'), ev('e2', 'y', 'ai')]);
		const tb = eventTable(ds);
		expect(tb.tallyMode).toBe('rows');
		expect(Array.from(tb.tallyCount)).toEqual([1, 1]);
	});

	it('re-encodes only when asked for the other way of building the tally', () => {
		const ds = syntheticDataset({ seed: 3, cities: 3, categories: 2, tracks: 0, events: 500 });
		const auto = eventTable(ds);
		expect(eventTable(ds)).toBe(auto);
		expect(eventTable(ds, auto.tallyMode)).toBe(auto);
		const other = auto.tallyMode === 'cube' ? 'rows' : 'cube';
		const forced = eventTable(ds, other);
		expect(forced).not.toBe(auto);
		expect(forced.tallyMode).toBe(other);
		expect(eventTable(ds)).toBe(forced);
		expect(Array.from(forced.code)).toEqual(Array.from(auto.code));
	});
});

describe('ids', () => {
	it('rejects an event whose city or category the dataset does not list, naming the event', () => {
		expect(() => encodeEvents(small([ev('e1', 'x', 'fac'), ev('e2', 'nowhere', 'fac')]))).toThrow(
			'event e2: unknown city nowhere'
		);
		expect(() => encodeEvents(small([ev('e1', 'x', 'robots')]))).toThrow('event e1: unknown category robots');
		// ids that are names of built-in object properties are ids like any other
		expect(() => encodeEvents(small([ev('e1', 'constructor', 'fac')]))).toThrow(
			'event e1: unknown city constructor'
		);
		expect(() => encodeEvents(small([ev('e1', 'x', 'toString')]))).toThrow(
			'event e1: unknown category toString'
		);
		const ds = small([]);
		ds.cities[0] = { ...ds.cities[0], cluster: 'zz' };
		expect(() => encodeEvents(ds)).toThrow('city x: unknown cluster zz');
	});

	it('encodes any id string, including names of built-in object properties and numbers', () => {
		const ds = small([
			ev('e1', '__proto__', '0'),
			ev('e2', 'constructor', 'hasOwnProperty'),
			ev('e3', '17', '0'),
			ev('e4', null, 'hasOwnProperty')
		]);
		ds.cities = ['__proto__', 'constructor', '17'].map((id) => ({ ...ds.cities[0], id }));
		ds.categories = [
			{ id: '0', name: t('zero'), order: 0 },
			{ id: 'hasOwnProperty', name: t('own'), order: 1 }
		];
		const tb = encodeEvents(ds);
		expect(Array.from(tb.city)).toEqual([0, 1, 2, NATIONAL]);
		expect(Array.from(tb.category)).toEqual([0, 1, 0, 1]);
		expect(eventsPerCity(ds).map((r) => [r.cityId, r.byCategory])).toEqual([
			['__proto__', [1, 0]],
			['constructor', [0, 1]],
			['17', [1, 0]]
		]);
	});

	it('knows a city and a category added later, in the new Dataset object, and leaves the old one as it was', () => {
		const ds = small([ev('e1', 'x', 'fac'), ev('e2', 'y', 'ai')]);
		const before = eventTable(ds);
		const added: Dataset = {
			...ds,
			cities: [...ds.cities, { ...ds.cities[0], id: 'new', name: t('New'), pinyin: 'new' }],
			categories: [...ds.categories, { id: 'funds', name: t('Funds'), order: 2 }],
			events: [...ds.events, ev('e3', 'new', 'funds'), ev('e4', 'new', 'fac')]
		};
		const after = eventTable(added);
		expect(after).not.toBe(before);
		expect(after.cityIds).toEqual(['x', 'y', 'new']);
		expect(after.categoryIds).toEqual(['fac', 'ai', 'funds']);
		expect(Array.from(after.city)).toEqual([0, 1, 2, 2]);
		expect(Array.from(after.category)).toEqual([0, 1, 2, 0]);
		expect(eventsPerCity(added).find((r) => r.cityId === 'new')).toMatchObject({
			count: 2,
			byCategory: [1, 0, 1]
		});
		expect(eventsFor(added, {}, { cityId: 'new', categoryId: 'funds' }).map((e) => e.id)).toEqual(['e3']);
		// the original dataset's encoding and figures are untouched
		expect(eventTable(ds)).toBe(before);
		expect(before.cityIds).toEqual(['x', 'y']);
		expect(eventsPerCity(ds).map((r) => r.cityId)).toEqual(['x', 'y']);
		expect(eventsFor(ds, {}, { cityId: 'new' })).toEqual([]);
	});

	it('numbers groups by first appearance, also when the copies of an action are not next to each other', () => {
		const ds = small([
			ev('e1', 'x', 'fac', { groupId: 'b' }),
			ev('e2', 'y', 'fac', { groupId: 'b' }),
			ev('e3', 'x', 'ai'),
			ev('e4', 'x', 'ai', { groupId: 'a' }),
			ev('e5', 'y', 'fac', { groupId: 'b' }),
			ev('e6', 'y', 'ai', { groupId: 'a' })
		]);
		const tb = encodeEvents(ds);
		expect(tb.groupIds).toEqual(['b', 'a']);
		expect(Array.from(tb.group)).toEqual([0, 0, -1, 1, 0, 1]);
		expect(Array.from(tb.grouped)).toEqual([0, 1, 3, 4, 5]);
		// e5 is y's second copy of b: counted once for y's facilities with groups counted once
		expect(eventsPerCity(ds, { countGroupsOnce: true }).find((r) => r.cityId === 'y')?.byCategory).toEqual([
			1, 1
		]);
		expect(eventTotals(ds, { countGroupsOnce: true }).byCategory).toEqual([1, 2]);
	});

	it('numbers any sequence of group ids like a Map by first appearance would', () => {
		const reference = (ids: string[]) => {
			const seen = new Map<string, number>();
			for (const id of ids) if (!seen.has(id)) seen.set(id, seen.size);
			return { ids: [...seen.keys()], numbers: ids.map((id) => seen.get(id)) };
		};
		fc.assert(
			fc.property(
				fc.array(
					fc.oneof(
						fc.string({ maxLength: 3 }),
						fc.integer({ min: 0, max: 40 }).map((i) => `g${i}`)
					),
					{
						maxLength: 300
					}
				),
				(ids) => {
					const got = numberGroups(ids);
					expect({ ids: got.ids, numbers: Array.from(got.numbers) }).toEqual(reference(ids));
				}
			),
			{ numRuns: 200 }
		);
		// many groups, every copy far from the others: the table fills to half and probes past collisions
		const many = Array.from({ length: 30_000 }, (_, j) => `action-${(j * 7919) % 10_000}`);
		const got = numberGroups(many);
		const want = reference(many);
		expect(got.ids).toEqual(want.ids);
		expect(Array.from(got.numbers)).toEqual(want.numbers);
	});

	it('does not change the dataset it encodes', () => {
		const ds = syntheticDataset({ seed: 11, cities: 6, categories: 3, tracks: 0, events: 2_000 });
		const before = structuredClone(ds);
		encodeEvents(ds, 'cube');
		encodeEvents(ds, 'rows');
		eventTable(ds);
		expect(ds).toEqual(before);
	});
});
