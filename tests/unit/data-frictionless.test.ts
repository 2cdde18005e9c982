/**
 * The published data package as a Frictionless client reads it: datapackage-js (the reference JavaScript
 * client) loads build/data's files as the build writes them, validates the package, and reads every
 * tabular resource with its schema (keyed rows, types cast), getting back every record.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Package } from 'datapackage';
import { builtinDataset } from '../../src/lib/data/builtin';
import { dataFiles } from '../../src/lib/data/files';

describe('the data package in a Frictionless client', () => {
	it('validates and reads both CSV resources with their schemas', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'datapackage-'));
		for (const [name, text] of Object.entries(dataFiles(builtinDataset)))
			writeFileSync(path.join(dir, name), text);
		const pkg = await Package.load(path.join(dir, 'datapackage.json'), { basePath: dir });
		expect(pkg.errors.map(String)).toEqual([]);
		expect(pkg.valid).toBe(true);
		const events = pkg.getResource('events-csv');
		const rows = (await events.read({ keyed: true, cast: true })) as Record<string, unknown>[];
		expect(rows).toHaveLength(builtinDataset.events.length);
		expect(rows.map((r) => r.id)).toEqual(builtinDataset.events.map((e) => e.id));
		expect(Object.keys(rows[0])[0]).toBe('id');
		const lists = pkg.getResource('future-industries-csv');
		const items = (await lists.read({ keyed: true, cast: true })) as Record<string, unknown>[];
		expect(items).toHaveLength(builtinDataset.futureIndustries.reduce((n, l) => n + l.items.length, 0));
		expect(typeof items[0].position).toBe('number');
	});
});
