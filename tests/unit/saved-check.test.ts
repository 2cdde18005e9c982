/**
 * The check on saved datasets read back from the browser: every dataset the dashboard itself packs
 * passes (built-in, synthetic, imported from the fixtures), and damaged or other-version records are
 * refused with a reason instead of reaching a view.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '$lib/aggregate/synthetic';
import { builtinDataset } from '$lib/data/builtin';
import { pack, unpack, type PackedDataset } from '$lib/import/pack';
import { importFiles } from '$lib/import/pipeline';
import { checkPacked, packedProblem } from '$lib/import/saved-check';
import { checkMeta } from '$lib/import/store';

const dir = path.resolve('tests/fixtures/import');
const imported = (): PackedDataset => {
	const o = importFiles([
		{ kind: 'events', name: 'utf8.csv', bytes: readFileSync(path.join(dir, 'utf8.csv')) },
		{ kind: 'futures', name: 'futures.csv', bytes: readFileSync(path.join(dir, 'futures.csv')) }
	]);
	expect(o.packed).toBeTruthy();
	return o.packed!;
};

/** A deep copy of a packed dataset (typed arrays copied too), to damage. */
const copy = (p: PackedDataset): PackedDataset => structuredClone(p);

const META = {
	id: 'user-1',
	name: 'Analyst set',
	created: '2024-05-01T08:00:00.000Z',
	events: 4,
	cities: 2,
	lists: 0,
	files: ['a.csv']
};

describe('saved dataset check', () => {
	it('accepts every dataset the dashboard packs', () => {
		expect(packedProblem(pack(builtinDataset))).toBeNull();
		// the year-less "earlier" items and the English document titles survive packing
		expect(unpack(pack(builtinDataset))).toEqual(builtinDataset);
		expect(packedProblem(pack(syntheticDataset({ events: 2_000, cities: 40 })))).toBeNull();
		expect(packedProblem(imported())).toBeNull();
	});

	it('refuses another version of the packed format', () => {
		const p = copy(pack(builtinDataset)) as unknown as Record<string, unknown>;
		p.format = 'city-innovation-packed/9';
		expect(packedProblem(p)).toMatch(/^format/);
		expect(checkPacked(p)).toBeNull();
	});

	it('refuses records that are not datasets at all', () => {
		for (const v of [null, undefined, 42, 'text', [], {}, { format: 'city-innovation-packed/1' }])
			expect(checkPacked(v), JSON.stringify(v)).toBeNull();
	});

	it('refuses truncated columns and string tables', () => {
		const short = copy(imported());
		short.events.titleZh = short.events.titleZh.slice(0, 1);
		expect(packedProblem(short)).toMatch(/titleZh/);

		const text = copy(imported());
		text.events.text = text.events.text.slice(0, 10);
		expect(packedProblem(text)).toMatch(/string table/);

		const index = copy(imported());
		index.events.cityId[0] = 1_000_000;
		expect(packedProblem(index)).toMatch(/cityId: index out of range/);

		const actors = copy(pack(builtinDataset));
		actors.events.actorStart[actors.events.count] = actors.events.actorZh.length + 5;
		expect(packedProblem(actors)).toMatch(/actorStart/);

		const events = copy(imported()) as unknown as { events: Record<string, unknown> };
		delete events.events.kind;
		expect(packedProblem(events)).toMatch(/kind/);
	});

	it('refuses events and lists that refer to records the dataset does not hold', () => {
		const noCity = copy(imported());
		noCity.cities = noCity.cities.slice(1);
		expect(packedProblem(noCity)).toMatch(/unknown city|futureIndustries/);

		const noCluster = copy(pack(builtinDataset));
		noCluster.clusters = [];
		expect(packedProblem(noCluster)).toMatch(/^cities/);

		const badMonth = copy(pack(builtinDataset));
		badMonth.events.month[0] = 13;
		expect(packedProblem(badMonth)).toMatch(/month/);

		const repeated = copy(pack(builtinDataset));
		repeated.cities = [...repeated.cities, repeated.cities[0]];
		expect(packedProblem(repeated)).toMatch(/repeated id/);
	});

	it('refuses malformed collection records', () => {
		const p = copy(pack(builtinDataset)) as unknown as { cities: unknown[] };
		p.cities[0] = { id: 'shanghai', name: 'Shanghai' };
		expect(packedProblem(p)).toMatch(/cities\[0\]/);
	});

	it('reads a meta record only when it has every field', () => {
		expect(checkMeta(META)).toEqual(META);
		expect(checkMeta({ ...META, name: 42 })).toBeNull();
		expect(checkMeta({ ...META, created: undefined })).toBeNull();
		expect(checkMeta({ ...META, files: 'a.csv' })).toBeNull();
		expect(checkMeta({ ...META, events: Number.NaN })).toBeNull();
		expect(checkMeta(null)).toBeNull();
		expect(checkMeta('user-1')).toBeNull();
	});
});
