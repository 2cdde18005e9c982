/**
 * The browser's copy of the built-in data: fetched as one JSON file, filled into the one object the pages
 * hold, refused when it is not this build's dataset, and fetched again after a failure.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinDataset as imported, builtinRaw } from '$lib/data/builtin';
import { GET } from '../../src/routes/data/dataset.json/+server';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.resetModules();
});

const served = async () => (await (GET as () => Promise<Response> | Response)()).text();

describe('the built-in data file', () => {
	it('holds exactly the records the server renders with', async () => {
		expect(JSON.parse(await served())).toEqual(JSON.parse(JSON.stringify(builtinRaw)));
	});
});

describe('builtin.browser.ts', () => {
	it('fills the same object in place when the file arrives', async () => {
		const body = await served();
		const fetchMock = vi.fn(async () => new Response(body, { status: 200 }));
		vi.stubGlobal('fetch', fetchMock);
		const mod = await import('$lib/data/builtin.browser');
		const held = mod.builtinDataset;
		expect(held.events).toHaveLength(0);
		await mod.loadBuiltin();
		await mod.loadBuiltin(); // a second call does not fetch again
		expect(fetchMock).toHaveBeenCalledTimes(1);
		expect(fetchMock.mock.calls[0]).toEqual([mod.BUILTIN_DATA_URL]);
		expect(mod.builtinDataset).toBe(held);
		expect(held.events.length).toBe(imported.events.length);
		expect(held.cities.map((c) => c.id)).toEqual(imported.cities.map((c) => c.id));
		expect(held.futureIndustries).toEqual(JSON.parse(JSON.stringify(imported.futureIndustries)));
	});

	it('refuses a damaged or other-version file, and tries again on the next call', async () => {
		const good = await served();
		const answers = [
			new Response('not json', { status: 200 }),
			new Response(JSON.stringify({ ...JSON.parse(good), version: 'other' }), { status: 200 }),
			new Response('gone', { status: 404 }),
			new Response(good, { status: 200 })
		];
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => answers.shift()!)
		);
		const mod = await import('$lib/data/builtin.browser');
		await expect(mod.loadBuiltin()).rejects.toThrow();
		expect(mod.builtinDataset.events).toHaveLength(0);
		await expect(mod.loadBuiltin()).rejects.toThrow(/not the dashboard's/);
		await expect(mod.loadBuiltin()).rejects.toThrow(/404/);
		expect(mod.builtinDataset.events).toHaveLength(0);
		await mod.loadBuiltin();
		expect(mod.builtinDataset.events.length).toBe(imported.events.length);
	});
});
