/**
 * Time as a dimension: years kept apart in every figure, a period filter that only removes, ranges
 * across a year's end, the timeline's step from the span, and a multi-year file imported and exported
 * without losing its years.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, InnovationEvent } from '../../src/lib/data/types';
import {
	categoryMix,
	eventCube,
	eventPredicate,
	eventsFor,
	eventsPerCity,
	eventTotals,
	timeline,
	yearCounts,
	type Filter
} from '../../src/lib/aggregate';
import { monthIndex } from '../../src/lib/aggregate/filter';
import { syntheticDataset } from '../../src/lib/aggregate/synthetic';
import { stepFor } from '../../src/lib/aggregate/timeline';
import { datasetJson, eventsCsvFull } from '../../src/lib/import/export';
import { unpack } from '../../src/lib/import/pack';
import { importFiles } from '../../src/lib/import/pipeline';

const t = (en: string) => ({ zh: en, en });

function ev(
	id: string,
	cityId: string | null,
	year: number | null,
	month: number | null,
	extra: Partial<InnovationEvent> = {}
): InnovationEvent {
	return {
		id,
		cityId,
		scope: cityId === null ? 'national' : 'city',
		categoryId: 'ai',
		year,
		before: year === null ? 'a23' : null,
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

function fixture(events: InnovationEvent[]): Dataset {
	return {
		id: 'time',
		version: '1',
		clusters: [{ id: 'c', name: t('C'), order: 0 }],
		cities: ['x', 'y'].map((id) => ({
			id,
			name: t(id.toUpperCase()),
			pinyin: id,
			province: t('P'),
			cluster: 'c',
			lat: null,
			lon: null
		})),
		categories: [
			{ id: 'ai', name: t('AI'), order: 0 },
			{ id: 'bio', name: t('Bio'), order: 1 }
		],
		events,
		tracks: [],
		futureIndustries: []
	};
}

// x: February of 2023, 2024 and 2025; a range from November 2023 to February 2024; a 2024 event
// without a month; y: an item with no year
const ds = fixture([
	ev('a23', 'x', 2023, 2),
	ev('a24', 'x', 2024, 2),
	ev('a25', 'x', 2025, 2, { categoryId: 'bio' }),
	ev('r', 'x', 2023, 11, { monthEnd: 2 }),
	ev('u24', 'x', 2024, null),
	ev('old', 'y', null, null)
]);

const ids = (events: InnovationEvent[]) => events.map((e) => e.id).sort();

describe('years kept apart', () => {
	it('puts the same month of different years in different cells', () => {
		// three years: quarters
		const q = timeline(ds);
		expect(q.step).toBe('quarter');
		expect(q.years).toEqual([2023, 2024, 2025]);
		expect(q.periods.map((p) => p.key).slice(0, 5)).toEqual([
			'2023-Q1',
			'2023-Q2',
			'2023-Q3',
			'2023-Q4',
			'2024-Q1'
		]);
		const x = q.rows.find((r) => r.cityId === 'x')!;
		const cellOf = (id: string) => x.eventIds.findIndex((cell) => cell.includes(id));
		expect(new Set([cellOf('a23'), cellOf('a24'), cellOf('a25')]).size).toBe(3);
		expect(q.periods[cellOf('a24')].key).toBe('2024-Q1');
		// months, forced: still three cells, never one "February"
		const m = timeline(ds, {}, { step: 'month' });
		expect(m.periods).toHaveLength(36);
		const xm = m.rows.find((r) => r.cityId === 'x')!;
		expect([1, 13, 25].map((j) => xm.eventIds[j])).toEqual([['a23'], ['a24'], ['a25']]);
		expect(xm.counts.filter((c) => c > 0)).toEqual([1, 1, 1, 1]);
	});

	it('keeps "year known, month not" apart from "no year"', () => {
		const q = timeline(ds);
		const x = q.rows.find((r) => r.cityId === 'x')!;
		const y = q.rows.find((r) => r.cityId === 'y')!;
		expect([x.undated, x.earlier, y.undated, y.earlier]).toEqual([1, 0, 0, 1]);
		expect(x.eventIds[q.periods.length]).toEqual(['u24']);
		expect(y.eventIds[q.periods.length + 1]).toEqual(['old']);
		// with a step of a year, the month-less 2024 event is in 2024's cell; the item with no year stays apart
		const yr = timeline(ds, {}, { step: 'year' });
		const xy = yr.rows.find((r) => r.cityId === 'x')!;
		expect(yr.periods.map((p) => p.key)).toEqual(['2023', '2024', '2025']);
		expect(xy.eventIds[1].sort()).toEqual(['a24', 'u24']);
		expect(xy.undated).toBe(0);
		expect(yr.rows.find((r) => r.cityId === 'y')!.earlier).toBe(1);
	});

	it('gives every year its own cells in the cube', () => {
		const cube = eventCube(ds);
		expect([cube.firstYear, cube.nPeriods]).toEqual([2023, 1 + 3 * 13]);
		const at = (city: number, k: number, slot: number) => cube.counts[(city * 2 + k) * cube.nPeriods + slot];
		const slot = (year: number, month: number) => 1 + (year - 2023) * 13 + month;
		expect([at(0, 0, slot(2023, 2)), at(0, 0, slot(2024, 2)), at(0, 1, slot(2025, 2))]).toEqual([1, 1, 1]);
		expect(at(0, 0, slot(2024, 0))).toBe(1); // 2024, no month
		expect(at(1, 0, 0)).toBe(1); // no year
	});

	it('counts each city and field per year, items with no year in none', () => {
		const yc = yearCounts(ds);
		expect(yc.years).toEqual([2023, 2024, 2025]);
		expect(yc.cityIds).toEqual(['x', 'y']);
		const at = (c: number, k: number, y: number) => yc.counts[(c * 2 + k) * 3 + y];
		// x: ai 2023 (a23, the range r), 2024 (a24, u24); bio 2025 (a25); y: only an item with no year
		expect([at(0, 0, 0), at(0, 0, 1), at(0, 0, 2), at(0, 1, 2)]).toEqual([2, 2, 0, 1]);
		expect(yc.counts.reduce((a, v) => a + v, 0)).toBe(5);
		expect(
			Array.from(yearCounts(ds, { period: [monthIndex(2024, 1), monthIndex(2024, 12)] }).counts)
		).toEqual(
			// the range reaches into 2024, but it counts in the year it starts
			[1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
		);
	});

	it('picks the step from the span: months up to two years, quarters up to six, then years', () => {
		expect([1, 2, 3, 6, 7, 10].map(stepFor)).toEqual([
			'month',
			'month',
			'quarter',
			'quarter',
			'year',
			'year'
		]);
		const ten = syntheticDataset({ seed: 3, events: 2000, cities: 20, years: 10 });
		const tl = timeline(ten);
		expect(tl.step).toBe('year');
		expect(tl.years).toEqual(Array.from({ length: 10 }, (_, i) => 2023 + i));
		expect(tl.totals.total).toBe(ten.events.length);
	});
});

describe('ranges across a year end', () => {
	it('keeps November 2023 – February 2024 in every period it touches, and only there', () => {
		const inPeriod = (from: [number, number], to: [number, number]) =>
			ids(eventsFor(ds, { period: [monthIndex(...from), monthIndex(...to)] }));
		expect(inPeriod([2024, 1], [2024, 1])).toContain('r');
		expect(inPeriod([2023, 11], [2023, 11])).toContain('r');
		expect(inPeriod([2024, 3], [2024, 12])).not.toContain('r');
		expect(inPeriod([2023, 1], [2023, 10])).not.toContain('r');
		// the reference predicate agrees
		const keep = eventPredicate(ds, { period: [monthIndex(2024, 1), monthIndex(2024, 1)] });
		expect(ds.events.filter(keep).map((e) => e.id)).toContain('r');
	});

	it('draws as one mark at its first month, spanning to the next year', () => {
		const m = timeline(ds, { period: [monthIndex(2023, 1), monthIndex(2024, 12)] });
		expect(m.step).toBe('month');
		const x = m.rows.find((r) => r.cityId === 'x')!;
		expect(x.ranges).toEqual([{ eventId: 'r', month: 11, monthEnd: 14 }]);
		expect(x.eventIds[10]).toEqual(['r']);
	});

	it('is carried into the first period when it began before the period filtered to', () => {
		const m = timeline(ds, { period: [monthIndex(2024, 1), monthIndex(2024, 12)] });
		expect(m.years).toEqual([2024]);
		const x = m.rows.find((r) => r.cityId === 'x')!;
		expect(x.eventIds[0]).toEqual(['r']);
		expect(x.eventIds[1]).toEqual(['a24']);
		expect(x.total).toBe(3); // r, a24 and u24 (2024 without a month)
	});
});

const multiYear = fc
	.record({
		seed: fc.integer({ min: 1, max: 100_000 }),
		cities: fc.integer({ min: 1, max: 12 }),
		events: fc.integer({ min: 0, max: 250 }),
		years: fc.integer({ min: 2, max: 12 }),
		undated: fc.constantFrom(0, 0.2),
		ranged: fc.constantFrom(0, 0.3),
		grouped: fc.constantFrom(0, 0.2)
	})
	.map((o) => syntheticDataset({ ...o, categories: 5, tracks: 0, noYear: 0.05 }));
const monthArb = fc.record({
	year: fc.integer({ min: 2021, max: 2037 }),
	month: fc.integer({ min: 1, max: 12 })
});
const periodArb = fc
	.tuple(fc.option(monthArb), fc.option(monthArb))
	.map(([a, b]): Filter['period'] => [a && monthIndex(a.year, a.month), b && monthIndex(b.year, b.month)]);
const baseArb: fc.Arbitrary<Filter> = fc.record(
	{
		includeUndated: fc.boolean(),
		includeNational: fc.boolean(),
		countGroupsOnce: fc.boolean(),
		categories: fc.uniqueArray(fc.constantFrom('cat0', 'cat1', 'cat2', 'cat3', 'cat4'), { maxLength: 4 })
	},
	{ requiredKeys: [] }
);

describe('properties over several years', () => {
	it('a period filter only removes, and the columnar figures agree with the record predicate', () => {
		fc.assert(
			fc.property(multiYear, baseArb, periodArb, (d, base, period) => {
				const narrowed: Filter = { ...base, period };
				const before = eventsPerCity(d, base);
				const after = new Map(eventsPerCity(d, narrowed).map((r) => [r.cityId, r.count]));
				for (const r of before) expect(after.get(r.cityId)!).toBeLessThanOrEqual(r.count);
				expect(eventTotals(d, narrowed).total).toBeLessThanOrEqual(eventTotals(d, base).total);
				const keep = eventPredicate(d, narrowed);
				expect(ids(eventsFor(d, narrowed))).toEqual(ids(d.events.filter(keep)));
				if (!narrowed.countGroupsOnce)
					expect(timeline(d, narrowed).totals.total).toBe(d.events.filter(keep).length);
			}),
			{ numRuns: 80 }
		);
	});

	it('no two events of different years share a period cell, at any step', () => {
		fc.assert(
			fc.property(
				multiYear,
				fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<'month' | 'quarter' | 'year'>,
				(d, step) => {
					const tl = timeline(d, {}, { step });
					const byId = new Map(d.events.map((e) => [e.id, e]));
					for (const row of tl.rows) {
						for (let j = 0; j < tl.periods.length; j++) {
							const years = new Set(row.eventIds[j].map((id) => byId.get(id)!.year));
							expect(years.size).toBeLessThanOrEqual(1);
							for (const y of years) expect(y).toBe(tl.periods[j].year);
						}
					}
				}
			),
			{ numRuns: 40 }
		);
	});

	it('shares still sum to 1 for every city with events, and for the average', () => {
		fc.assert(
			fc.property(multiYear, periodArb, (d, period) => {
				const mix = categoryMix(d, { period });
				for (const row of [...mix.rows, mix.average]) {
					const sum = row.shares.reduce((a, v) => a + v, 0);
					const total = row.counts.reduce((a, v) => a + v, 0);
					if (total > 0) expect(sum).toBeCloseTo(1, 9);
					else expect(sum).toBe(0);
				}
			}),
			{ numRuns: 60 }
		);
	});
});

describe('a multi-year file, imported and exported', () => {
	const bytes = readFileSync(path.resolve('tests/fixtures/import/multi-year.csv'));
	const imported = () => {
		const o = importFiles([{ kind: 'events', name: 'multi-year.csv', bytes }]);
		expect(o.problems.filter((p) => p.severity === 'error')).toEqual([]);
		return unpack(o.packed!);
	};

	it('keeps its years, its month-less event and its range into the next year', () => {
		const d = imported();
		const shanghaiFeb = d.events.filter((e) => e.month === 2 && e.title.en.startsWith('Shanghai'));
		expect(shanghaiFeb.map((e) => e.year).sort()).toEqual([2023, 2024, 2025]);
		expect(d.events.find((e) => e.title.en.includes('Nov 2023 to Feb 2024'))).toMatchObject({
			year: 2023,
			month: 11,
			monthEnd: 2
		});
		const tl = timeline(d);
		expect(tl.years).toEqual([2023, 2024, 2025]);
		const sh = tl.rows.find((r) => r.cityId === 'shanghai')!;
		expect(sh.counts.filter((c) => c > 0)).toHaveLength(4);
		expect(tl.totals.undated).toBe(1);
	});

	it('comes back with the same years from its CSV and JSON exports', () => {
		const d = imported();
		for (const [name, text] of [
			['again.csv', eventsCsvFull(d)],
			['again.json', datasetJson(d, 'again')]
		]) {
			const o = importFiles([{ kind: 'events', name, bytes: new TextEncoder().encode(text) }], {
				id: d.id,
				version: d.version
			});
			expect(o.problems.filter((p) => p.severity === 'error')).toEqual([]);
			const back = unpack(o.packed!).events;
			expect(back.map((e) => [e.id, e.year, e.month, e.monthEnd])).toEqual(
				d.events.map((e) => [e.id, e.year, e.month, e.monthEnd])
			);
		}
	});
});
