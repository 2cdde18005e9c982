import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../../src/lib/data/builtin';
import { loadBuiltin, validatedBuiltin } from '../../src/lib/data/validated';
import { formatIssue, validateDataset, type DataIssue } from '../../src/lib/data/schema';
import type { Dataset } from '../../src/lib/data/types';

/** A deep copy of the built-in data that a test can break. */
const copy = (): Dataset => structuredClone(builtinDataset);

function issuesOf(raw: unknown): DataIssue[] {
	const result = validateDataset(raw);
	if (result.ok) throw new Error('expected the dataset to be rejected');
	return result.issues;
}

describe('validateDataset', () => {
	it('accepts the built-in dataset', () => {
		const result = validateDataset(copy());
		expect(result.ok).toBe(true);
	});

	it('rejects an event that names an unknown city', () => {
		const d = copy();
		d.events[0].cityId = 'atlantis';
		expect(issuesOf(d)).toEqual([
			{
				file: 'events.json',
				recordId: d.events[0].id,
				field: 'cityId',
				reason: "unknown city 'atlantis'",
				rule: 'unknownReference'
			}
		]);
	});

	it('rejects a city with no English name', () => {
		const d = copy();
		delete (d.cities[2].name as Partial<Dataset['cities'][number]['name']>).en;
		const [issue, ...rest] = issuesOf(d);
		expect(rest).toEqual([]);
		expect(issue).toMatchObject({ file: 'cities.json', recordId: d.cities[2].id, field: 'name.en' });
	});

	it('rejects blank text in either language', () => {
		const d = copy();
		d.tracks[0].description.zh = '  ';
		expect(issuesOf(d)).toMatchObject([
			{ file: 'tracks.json', recordId: d.tracks[0].id, field: 'description.zh' }
		]);
	});

	it('rejects month 13 and monthEnd 0, and reads an end month before the start as the next year', () => {
		const d = copy();
		d.events[1].month = 13;
		d.events[2].month = 11;
		d.events[2].monthEnd = 2; // November to February of the next year
		d.events[3].monthEnd = 0;
		const issues = issuesOf(d);
		expect(issues).toContainEqual(
			expect.objectContaining({ file: 'events.json', recordId: d.events[1].id, field: 'month' })
		);
		expect(issues).toContainEqual(
			expect.objectContaining({ file: 'events.json', recordId: d.events[3].id, field: 'monthEnd' })
		);
		expect(issues).toHaveLength(2);
	});

	it('rejects a duplicate id', () => {
		const d = copy();
		d.events[5].id = d.events[4].id;
		expect(issuesOf(d)).toMatchObject([{ file: 'events.json', recordId: d.events[4].id, field: 'id' }]);
	});

	it('rejects coordinates outside China', () => {
		const d = copy();
		d.cities[0].lat = 60;
		d.cities[1].lon = 10;
		expect(issuesOf(d)).toMatchObject([
			{ file: 'cities.json', recordId: d.cities[0].id, field: 'lat' },
			{ file: 'cities.json', recordId: d.cities[1].id, field: 'lon' }
		]);
	});

	it('rejects a future-industry item with no track, and an unknown track', () => {
		const d = copy();
		d.futureIndustries[0].items[3].tracks = [];
		d.futureIndustries[1].items[0].tracks[0].trackId = 'teleportation';
		expect(issuesOf(d)).toMatchObject([
			{ file: 'future-industries.json', recordId: d.futureIndustries[0].cityId, field: 'items.3.tracks' },
			{
				file: 'future-industries.json',
				recordId: d.futureIndustries[1].cityId,
				field: 'items.0.tracks.0.trackId'
			}
		]);
	});

	it('rejects unknown categories and clusters', () => {
		const d = copy();
		d.events[0].categoryId = 'gossip';
		d.cities[0].cluster = 'prd';
		const issues = issuesOf(d);
		expect(issues).toContainEqual(expect.objectContaining({ file: 'events.json', field: 'categoryId' }));
		expect(issues).toContainEqual(
			expect.objectContaining({ file: 'cities.json', recordId: d.cities[0].id, field: 'cluster' })
		);
	});

	it('rejects a scope that disagrees with cityId', () => {
		const d = copy();
		const national = d.events.find((e) => e.scope === 'national');
		const local = d.events.find((e) => e.scope === 'city');
		if (!national || !local) throw new Error('fixture');
		national.cityId = 'beijing';
		local.scope = 'national';
		const issues = issuesOf(d);
		expect(
			issues
				.filter((i) => i.field === 'scope')
				.map((i) => i.recordId)
				.sort()
		).toEqual([local.id, national.id].sort());
	});

	it('rejects an unknown field and a wrong kind', () => {
		const d = copy() as unknown as { events: Record<string, unknown>[] };
		d.events[0].colour = 'red';
		d.events[1].kind = 'party';
		const issues = issuesOf(d);
		expect(issues).toContainEqual(expect.objectContaining({ field: 'colour' }));
		expect(issues).toContainEqual(expect.objectContaining({ field: 'kind' }));
	});

	it('rejects an input that is not a dataset', () => {
		expect(issuesOf(null)[0]).toMatchObject({ file: 'dataset', recordId: null });
		expect(issuesOf({ id: 'x', version: '1' }).map((i) => i.file)).toContain('events.json');
	});

	it("accepts an item with no year only with 'before' naming an existing event, and no month", () => {
		const byId = (d: Dataset, id: string) => d.events.find((e) => e.id === id)!;
		const gz = 'guangzhou-public-data-rules';
		let d = copy();
		byId(d, gz).before = null;
		expect(issuesOf(d)).toEqual([
			{
				file: 'events.json',
				recordId: gz,
				field: 'before',
				reason: 'an event with no year needs before: the id of the event the source places it before',
				rule: 'inconsistent'
			}
		]);
		d = copy();
		byId(d, gz).before = 'atlantis-mou';
		expect(issuesOf(d)).toEqual([
			{
				file: 'events.json',
				recordId: gz,
				field: 'before',
				reason: "unknown event 'atlantis-mou'",
				rule: 'unknownReference'
			}
		]);
		d = copy();
		byId(d, gz).month = 3;
		expect(issuesOf(d)).toEqual([
			{
				file: 'events.json',
				recordId: gz,
				field: 'month',
				reason: 'an event with no year has no month (null)',
				rule: 'inconsistent'
			}
		]);
		d = copy();
		byId(d, gz).before = gz;
		expect(issuesOf(d).map((i) => i.reason)).toEqual(['an event cannot be before itself']);
		d = copy();
		byId(d, gz).year = 2023;
		expect(issuesOf(d).map((i) => i.reason)).toEqual([
			'before is only for an event with no year (set year to null)'
		]);
		d = copy();
		delete (byId(d, gz) as Partial<Dataset['events'][number]>).before;
		expect(issuesOf(d)).toContainEqual(
			expect.objectContaining({
				file: 'events.json',
				recordId: gz,
				field: 'before',
				reason: "required field 'before' is missing",
				rule: 'missingField'
			})
		);
	});

	it('checks the English rendering of a document title', () => {
		const d = copy();
		const doc = d.events.find((e) => e.document !== null)!;
		doc.documentEn = '《Plan》';
		const plain = d.events.find((e) => e.document === null)!;
		plain.documentEn = 'A plan';
		expect(issuesOf(d)).toEqual([
			{
				file: 'events.json',
				recordId: doc.id,
				field: 'documentEn',
				reason: 'documentEn is the English rendering, without 《》',
				rule: expect.any(String)
			},
			{
				file: 'events.json',
				recordId: plain.id,
				field: 'documentEn',
				reason: 'documentEn needs a document',
				rule: 'inconsistent'
			}
		]);
	});

	it('does not mutate its input', () => {
		const d = copy();
		const before = structuredClone(d);
		validateDataset(d);
		expect(d).toEqual(before);
	});
});

describe('formatIssue and loadBuiltin', () => {
	it('formats file › record › field: reason', () => {
		expect(
			formatIssue({
				file: 'events.json',
				recordId: 'x',
				field: 'month',
				reason: 'month must be 1–12',
				rule: 'badValue'
			})
		).toBe('events.json › x › month: month must be 1–12');
	});

	it('throws one error that lists every issue', () => {
		const d = copy();
		d.events[0].month = 13;
		d.cities[0].lat = 99;
		expect(() => loadBuiltin(d)).toThrowError(
			/2 problem\(s\)[\s\S]*cities\.json › shanghai › lat[\s\S]*events\.json › .+ › month/
		);
	});
});

describe('the built-in dataset browsers receive', () => {
	it('is exactly what the build validated', () => {
		expect(builtinDataset).toEqual(validatedBuiltin);
	});
});
