/**
 * Combining datasets (issue #18, part 3): cities and fields are matched by id, Chinese name, English
 * name or pinyin with the import's own matcher; every clash is listed with its resolution; every event
 * keeps the part it came from (through pack → unpack and export → import); nothing is lost: the
 * combined event count is the sum less the duplicates kept once; the result is a valid dataset.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinDataset } from '../../src/lib/data/builtin';
import { sourcesText } from '../../src/lib/data/meta';
import { validateDataset } from '../../src/lib/data/schema';
import type { City, Dataset, InnovationEvent } from '../../src/lib/data/types';
import { combine, defaultChoices, proposeMatches } from '../../src/lib/import/combine';
import { datasetJson } from '../../src/lib/import/export';
import { pack, unpack } from '../../src/lib/import/pack';
import { importFiles } from '../../src/lib/import/pipeline';

const shanghai = builtinDataset.cities.find((c) => c.id === 'shanghai')!;
const beijing = builtinDataset.cities.find((c) => c.id === 'beijing')!;
const shenzhen = builtinDataset.cities.find((c) => c.id === 'shenzhen')!;
const hangzhou = builtinDataset.cities.find((c) => c.id === 'hangzhou')!;
const category = builtinDataset.categories[0];

const city = (over: Partial<City>): City => ({
	id: 'x',
	name: { zh: 'x', en: 'x' },
	pinyin: 'x',
	province: { zh: '省', en: 'Province' },
	cluster: 'other',
	lat: null,
	lon: null,
	...over
});

const event = (
	id: string,
	cityId: string,
	year: number,
	over: Partial<InnovationEvent> = {}
): InnovationEvent => ({
	id,
	cityId,
	scope: 'city',
	categoryId: 'mine-cat',
	year,
	before: null,
	month: 3,
	monthEnd: null,
	kind: 'policy',
	actors: [],
	document: null,
	documentEn: null,
	title: { zh: `标题${id}`, en: `Title ${id}` },
	note: null,
	groupId: null,
	source: { section: 'events', heading: 'mine', bullet: 1 },
	...over
});

/** A reader's dataset whose cities name the built-in ones each a different way. */
function mine(): Dataset {
	return {
		id: 'user-1',
		version: '2025-01-01',
		clusters: [{ id: 'other', name: { zh: '其他', en: 'Other' }, order: 999 }],
		cities: [
			// by id
			city({ id: 'shanghai', name: { zh: '上海', en: 'Shanghai' }, pinyin: 'shanghai', cluster: 'yrd' }),
			// by Chinese name (its id and English name are its own)
			city({ id: 'bj', name: { zh: '北京', en: 'Peking' }, pinyin: 'bj' }),
			// by English name
			city({ id: 'sz', name: { zh: '深圳市区', en: 'Shenzhen' }, pinyin: 'sz' }),
			// by pinyin
			city({ id: 'hz', name: { zh: '杭州府', en: 'Hangchow' }, pinyin: 'hangzhou' }),
			// no match
			city({ id: 'lanzhou', name: { zh: '兰州', en: 'Lanzhou' }, pinyin: 'lanzhou' })
		],
		categories: [
			{ id: 'mine-cat', name: { zh: '我的领域', en: 'My field' }, order: 0 },
			{ id: 'x-cat', name: { zh: category.name.zh, en: 'whatever' }, order: 1 }
		],
		events: [
			event('m1', 'shanghai', 2024),
			event('m2', 'bj', 2024, { categoryId: 'x-cat' }),
			event('m3', 'sz', 2025),
			event('m4', 'hz', 2025),
			event('m5', 'lanzhou', 2023)
		],
		tracks: [],
		futureIndustries: [],
		meta: {
			name: 'Mine',
			sources: [{ title: 'My survey', publisher: 'My lab', date: '2025', url: null }],
			licence: 'CC0-1.0',
			notes: ''
		}
	};
}

const OPTIONS = { id: 'combined', version: '2025-01-02', name: 'Mine + built-in' };

describe('matching', () => {
	it('matches each city by id, Chinese name, English name or pinyin, and says which', () => {
		const m = proposeMatches(builtinDataset, mine()).filter((x) => x.kind === 'city');
		expect(m.map((x) => [x.id, x.target, x.by])).toEqual([
			['shanghai', shanghai.id, 'id'],
			['bj', beijing.id, 'zh'],
			['sz', shenzhen.id, 'en'],
			['hz', hangzhou.id, 'pinyin'],
			['lanzhou', null, null]
		]);
	});

	it('matches fields by name too', () => {
		const m = proposeMatches(builtinDataset, mine()).filter((x) => x.kind === 'category');
		expect(m.map((x) => [x.id, x.target, x.by])).toEqual([
			['mine-cat', null, null],
			['x-cat', category.id, 'zh']
		]);
	});
});

describe('combine', () => {
	const base = { dataset: builtinDataset, name: 'built-in' };
	const added = { dataset: mine(), name: 'Mine' };

	it('puts the events side by side on the confirmed cities, each naming its part', () => {
		const choices = defaultChoices(proposeMatches(builtinDataset, mine()));
		const { dataset, conflicts, duplicates } = combine(base, added, choices, OPTIONS);
		expect(duplicates).toBe(0);
		expect(dataset.events.length).toBe(builtinDataset.events.length + 5);
		const m = new Map(dataset.events.map((e) => [e.id, e]));
		expect(m.get('m1')!.cityId).toBe('shanghai');
		expect(m.get('m2')!.cityId).toBe('beijing');
		expect(m.get('m2')!.categoryId).toBe(category.id);
		expect(m.get('m3')!.cityId).toBe('shenzhen');
		expect(m.get('m4')!.cityId).toBe('hangzhou');
		expect(m.get('m5')!.cityId).toBe('lanzhou');
		const parts = dataset.meta!.parts!.map((p) => p.id);
		expect(parts).toEqual(['builtin', 'mine']);
		for (const e of dataset.events) expect(parts).toContain(e.source.from);
		expect(dataset.events.filter((e) => e.source.from === 'mine').length).toBe(5);
		// the merged cities kept the built-in record, and said so
		expect(dataset.cities.find((c) => c.id === 'beijing')).toEqual(beijing);
		expect(conflicts.map((c) => [c.kind, c.id])).toContainEqual(['cityDiffers', 'bj']);
		// the credit names both
		const credit = sourcesText(dataset.meta!, 'en')!;
		expect(credit).toContain('The Paper');
		expect(credit).toContain('My survey');
		expect(validateDataset(dataset).ok).toBe(true);
	});

	it('keeps a city separate when the reader says so (a taken id is renamed, and listed)', () => {
		const choices = defaultChoices(proposeMatches(builtinDataset, mine()));
		choices.cities.shanghai = null;
		const { dataset, conflicts } = combine(base, added, choices, OPTIONS);
		expect(conflicts).toContainEqual({
			kind: 'cityIdClash',
			id: 'shanghai',
			renamed: 'shanghai-2',
			part: 'mine'
		});
		expect(dataset.events.find((e) => e.id === 'm1')!.cityId).toBe('shanghai-2');
		expect(validateDataset(dataset).ok).toBe(true);
	});

	it('lists the same event twice once, and a clashing event id under a new id', () => {
		const other = mine();
		const copy = { ...builtinDataset.events[0] };
		other.events = [
			...other.events,
			copy,
			{ ...builtinDataset.events[1], title: { zh: '别的', en: 'Other' } }
		];
		const { dataset, conflicts, duplicates } = combine(
			base,
			{ dataset: other, name: 'Mine' },
			defaultChoices(proposeMatches(builtinDataset, other)),
			OPTIONS
		);
		expect(duplicates).toBe(1);
		expect(conflicts).toContainEqual({ kind: 'duplicateEvent', id: copy.id, part: 'mine' });
		const clash = conflicts.find((c) => c.kind === 'eventIdClash')!;
		expect(clash.id).toBe(builtinDataset.events[1].id);
		expect(dataset.events.some((e) => e.id === clash.renamed)).toBe(true);
		expect(dataset.events.length).toBe(builtinDataset.events.length + other.events.length - duplicates);
		expect(validateDataset(dataset).ok).toBe(true);
	});

	it('loses nothing: events = sum − duplicates, for any split of a dataset into two', () => {
		fc.assert(
			fc.property(
				fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
				fc.integer({ min: 0, max: 5 }),
				(pick, shared) => {
					const all = mine();
					const left = {
						...all,
						id: 'l',
						meta: { ...all.meta!, name: 'L' },
						events: all.events.filter((_, i) => pick[i] || i < shared)
					};
					const right = {
						...all,
						id: 'r',
						meta: { ...all.meta!, name: 'R' },
						events: all.events.filter((_, i) => !pick[i] || i < shared)
					};
					const r = combine(
						{ dataset: left, name: 'L' },
						{ dataset: right, name: 'R' },
						defaultChoices(proposeMatches(left, right)),
						OPTIONS
					);
					expect(r.dataset.events.length).toBe(left.events.length + right.events.length - r.duplicates);
					expect(new Set(r.dataset.events.map((e) => e.id)).size).toBe(all.events.length);
					expect(r.conflicts.filter((c) => c.kind === 'duplicateEvent').length).toBe(r.duplicates);
				}
			)
		);
	});

	it('never changes its inputs', () => {
		const a = structuredClone(builtinDataset);
		const b = mine();
		const before = structuredClone(b);
		combine({ dataset: a, name: 'a' }, { dataset: b, name: 'b' }, { cities: {}, categories: {} }, OPTIONS);
		expect(a).toEqual(builtinDataset);
		expect(b).toEqual(before);
	});

	it('combines a combination again, each event keeping its part', () => {
		const first = combine(base, added, { cities: {}, categories: {} }, OPTIONS).dataset;
		const third = { ...mine(), id: 'user-3', meta: { ...mine().meta!, name: 'Third' } };
		third.events = third.events.map((e) => ({ ...e, id: `t-${e.id}` }));
		const again = combine(
			{ dataset: first, name: 'first' },
			{ dataset: third, name: 'Third' },
			{ cities: {}, categories: {} },
			OPTIONS
		).dataset;
		expect(again.meta!.parts!.map((p) => p.id)).toEqual(['builtin', 'mine', 'third']);
		expect(again.events.find((e) => e.id === 'm1')!.source.from).toBe('mine');
		expect(again.events.find((e) => e.id === 't-m1')!.source.from).toBe('third');
		expect(validateDataset(again).ok).toBe(true);
	});

	it('keeps each event’s part and the metadata through pack → unpack and export → import', () => {
		const { dataset } = combine(base, added, { cities: {}, categories: {} }, OPTIONS);
		const unpacked = unpack(pack(dataset));
		expect(unpacked.events.map((e) => e.source.from)).toEqual(dataset.events.map((e) => e.source.from));
		const json = datasetJson(dataset, 'Mine + built-in');
		const outcome = importFiles([
			{ kind: 'events', name: 'combined.json', bytes: new TextEncoder().encode(json) }
		]);
		const back = unpack(outcome.packed!);
		expect(back.meta!.parts).toEqual(dataset.meta!.parts);
		const from = new Map(back.events.map((e) => [e.id, [e.source.from, e.year]]));
		for (const e of dataset.events) expect(from.get(e.id)).toEqual([e.source.from, e.year]);
	});
});

describe('events CSV of a combination', () => {
	it('names each event’s own dataset and sources', async () => {
		const { csvRows } = await import('../../src/lib/views/events/cells');
		const { dataset } = combine(
			{ dataset: builtinDataset, name: 'built-in' },
			{ dataset: mine(), name: 'Mine' },
			{ cities: {}, categories: {} },
			OPTIONS
		);
		const { partCredit } = await import('../../src/lib/data/meta');
		const rows = csvRows(dataset.events, dataset, 'en', partCredit(dataset, 'en') ?? undefined);
		expect(partCredit(builtinDataset, 'en')).toBe(null);
		expect(rows[0].at(-1)).toBe('Source');
		const mineRow = rows.find((r) => r.includes('Title m1'))!;
		expect(mineRow.at(-1)).toBe('Mine: My lab, My survey (2025)');
		const builtinRow = rows[1];
		expect(builtinRow.at(-1)).toMatch(/The Paper/);
		// a dataset that was never combined keeps the columns it always had
		expect(csvRows(builtinDataset.events, builtinDataset, 'en')[0].at(-1)).toBe('Source in the article');
	});
});
