/**
 * The published data package as a Frictionless client reads it: datapackage-js (the reference JavaScript
 * client) loads the files as the build writes them, validates the package, and reads every row of every
 * resource with its schema (keyed rows, types cast, foreign keys resolved). A copy with an event pointing
 * at a city that does not exist must fail that check, so the check is known to look.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Package } from 'datapackage';
import { builtinDataset } from '../../src/lib/data/builtin';
import { dataFiles, DATA_FILE_NAMES } from '../../src/lib/data/files';
import type { Dataset } from '../../src/lib/data/types';

const dirs: string[] = [];
afterAll(() => {
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The files for a dataset in a fresh directory, loaded by the client. */
async function load(dataset: Dataset) {
	const dir = mkdtempSync(path.join(tmpdir(), 'datapackage-'));
	dirs.push(dir);
	for (const [name, text] of Object.entries(dataFiles(dataset))) writeFileSync(path.join(dir, name), text);
	return Package.load(path.join(dir, 'datapackage.json'), { basePath: dir });
}

type Row = Record<string, unknown>;

/** Every row of a resource, cast, with relations checked; the error (if any) instead of rows. */
async function readAll(
	pkg: Awaited<ReturnType<typeof load>>,
	name: string,
	relations: boolean
): Promise<{ rows: Row[]; error: null } | { rows: null; error: string }> {
	try {
		const resource = pkg.getResource(name);
		const rows = (await resource.read({ keyed: true, cast: true, relations })) as Row[];
		return { rows, error: null };
	} catch (e) {
		const errors = (e as { errors?: unknown[] }).errors;
		return { rows: null, error: [String(e), ...(errors ?? []).map(String)].join('; ') };
	}
}

describe('the data package in a Frictionless client', () => {
	it('validates, and lists only tables without a byte-order mark', async () => {
		const pkg = await load(builtinDataset);
		expect(pkg.errors.map(String)).toEqual([]);
		expect(pkg.valid).toBe(true);
		const files = dataFiles(builtinDataset);
		for (const r of pkg.resources) {
			expect(r.tabular, r.name).toBe(true);
			expect(r.descriptor.path, r.name).toMatch(/-nobom\.csv$/);
			expect(files[r.descriptor.path as (typeof DATA_FILE_NAMES)[number]].charCodeAt(0)).not.toBe(0xfeff);
		}
		// every -nobom table is in the package, and its spreadsheet copy is the same with a BOM
		const nobom = DATA_FILE_NAMES.filter((n) => n.endsWith('-nobom.csv'));
		expect(pkg.resources.map((r) => r.descriptor.path).sort()).toEqual([...nobom].sort());
		for (const n of nobom) {
			const copy = n.replace('-nobom.csv', '.csv') as (typeof DATA_FILE_NAMES)[number];
			expect(files[copy]).toBe(`\uFEFF${files[n]}`);
		}
	});

	it('reads every row of every resource, cast, with its foreign keys resolved', async () => {
		const pkg = await load(builtinDataset);
		const counts: Record<string, number> = {};
		for (const name of pkg.resourceNames) {
			const result = await readAll(pkg, name, true);
			expect(result.error, name).toBeNull();
			counts[name] = result.rows!.length;
			expect(Object.keys(result.rows![0])[0], name).not.toMatch(/^\uFEFF/);
		}
		const items = builtinDataset.futureIndustries.reduce((n, l) => n + l.items.length, 0);
		expect(counts).toEqual({
			'clusters-csv': builtinDataset.clusters.length,
			'cities-csv': builtinDataset.cities.length,
			'categories-csv': builtinDataset.categories.length,
			'tracks-csv': builtinDataset.tracks.length,
			'events-csv': builtinDataset.events.length,
			'future-industries-csv': items,
			'future-industry-tracks-csv': builtinDataset.futureIndustries.reduce(
				(n, l) => n + l.items.reduce((m, i) => m + i.tracks.length, 0),
				0
			)
		});
		const events = (await readAll(pkg, 'events-csv', true)).rows!;
		expect(events.map((r) => r.id)).toEqual(builtinDataset.events.map((e) => e.id));
		// a resolved relation is the referenced row; a national event's empty city is no reference
		const hk = events.find((r) => r.id === 'hongkong-cross-border-data-mou')!;
		expect((hk.cityId as Row).name_en).toBe('Hong Kong');
		expect(events.find((r) => r.id === 'national-llm-wave')!.cityId).toBeNull();
		const cities = (await readAll(pkg, 'cities-csv', false)).rows!;
		expect(cities[0].lat).toBeCloseTo(builtinDataset.cities[0].lat!, 5);
		const list = (await readAll(pkg, 'future-industries-csv', false)).rows!;
		expect(typeof list[0].position).toBe('number');
	});

	it('declares the relations between the tables', async () => {
		const pkg = await load(builtinDataset);
		const keys = (name: string) =>
			(pkg.getResource(name).descriptor.schema.foreignKeys ?? []).map(
				(k: { fields: string | string[]; reference: { resource: string } }) =>
					`${[k.fields].flat().join('+')}→${k.reference.resource || 'self'}`
			);
		expect(keys('events-csv')).toEqual(['cityId→cities-csv', 'categoryId→categories-csv', 'before→self']);
		expect(keys('future-industries-csv')).toEqual(['cityId→cities-csv']);
		expect(keys('future-industry-tracks-csv')).toEqual([
			'cityId+position→future-industries-csv',
			'trackId→tracks-csv'
		]);
		expect(keys('cities-csv')).toEqual(['cluster→clusters-csv']);
	});

	it('fails the relations check when an event names a city the package does not have', async () => {
		const broken: Dataset = structuredClone(builtinDataset);
		const e = broken.events.find((x) => x.cityId !== null)!;
		e.cityId = 'atlantis';
		const pkg = await load(broken);
		expect(pkg.valid).toBe(true);
		// the rows still read and cast; only the relation is wrong
		expect((await readAll(pkg, 'events-csv', false)).error).toBeNull();
		const result = await readAll(pkg, 'events-csv', true);
		expect(result.rows).toBeNull();
		expect(result.error).toMatch(/Foreign key "cityId" violation/);
	});

	it('fails the relations check for a list item whose track is not in tracks', async () => {
		const broken: Dataset = structuredClone(builtinDataset);
		broken.futureIndustries[0].items[0].tracks[0].trackId = 'no-such-track';
		const pkg = await load(broken);
		const result = await readAll(pkg, 'future-industry-tracks-csv', true);
		expect(result.error).toMatch(/Foreign key "trackId" violation/);
	});

	it('fails the relations check for an undated item placed before an event that does not exist', async () => {
		const broken: Dataset = structuredClone(builtinDataset);
		const e = broken.events.find((x) => x.before !== null)!;
		e.before = 'no-such-event';
		const result = await readAll(await load(broken), 'events-csv', true);
		expect(result.error).toMatch(/Foreign key "before" violation/);
	});
});
