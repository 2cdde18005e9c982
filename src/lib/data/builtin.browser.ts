/**
 * The built-in dataset in the browser. The records are not part of the pages' JavaScript: they arrive as
 * one JSON file (`/data/dataset.json`, written by the build from the validated records, preloaded by every
 * page), which the root layout's `load` awaits before anything renders. The browser build uses this module
 * in place of `builtin.ts` (see `vite.config.ts`); both export the same names.
 *
 * `builtinDataset` is one object from the start and is filled in place when the file arrives, so code that
 * holds it or compares against it (the dataset switcher) keeps working; nothing reads its records earlier,
 * because nothing renders before the layout's `load` resolves.
 */
import { base } from '$app/paths';
import { BUILTIN_VERSION } from './source';
import type { Dataset } from './types';

export { BUILTIN_VERSION, SOURCE } from './source';

/** Where the pages fetch the built-in records from. */
export const BUILTIN_DATA_URL = `${base}/data/dataset.json`;

export const builtinDataset: Dataset = {
	id: 'builtin',
	version: BUILTIN_VERSION,
	cities: [],
	clusters: [],
	categories: [],
	events: [],
	tracks: [],
	futureIndustries: []
};
export const builtinRaw = builtinDataset;

const COLLECTIONS = ['cities', 'clusters', 'categories', 'events', 'tracks', 'futureIndustries'] as const;

let loading: Promise<void> | null = null;

/** Fetches the records once; a failed fetch (offline, a damaged file) rejects and may be retried. */
export function loadBuiltin(): Promise<void> {
	loading ??= (async () => {
		const res = await fetch(BUILTIN_DATA_URL);
		if (!res.ok) throw new Error(`${BUILTIN_DATA_URL}: HTTP ${res.status}`);
		const raw: unknown = await res.json();
		const record = raw as Partial<Record<string, unknown>> | null;
		if (
			!record ||
			record.version !== BUILTIN_VERSION ||
			!COLLECTIONS.every((name) => Array.isArray(record[name]))
		)
			throw new Error(`${BUILTIN_DATA_URL}: not the dashboard's ${BUILTIN_VERSION} dataset`);
		for (const name of COLLECTIONS) (builtinDataset[name] as unknown[]) = record[name] as unknown[];
		// the dataset's metadata (the article it credits, its licence) comes with the records
		if (typeof record.meta === 'object' && record.meta !== null)
			builtinDataset.meta = record.meta as Dataset['meta'];
	})().catch((e: unknown) => {
		loading = null;
		throw e;
	});
	return loading;
}
