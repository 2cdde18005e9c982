/**
 * The dashboard's built-in dataset: the records in `builtin/*.json`. They are checked by
 * `validateDataset` (see `validated.ts`) when the site builds — the server hook validates them before any
 * page is prerendered, so a bad record stops the build and names the file, record, field and reason.
 * Browsers receive the records as they are, without the schema library, and not in their JavaScript: the
 * browser build swaps this module for `builtin.browser.ts`, which fetches them as one JSON file.
 */
import clusters from './builtin/clusters.json';
import cities from './builtin/cities.json';
import categories from './builtin/categories.json';
import events from './builtin/events.json';
import tracks from './builtin/tracks.json';
import futureIndustries from './builtin/future-industries.json';
import { BUILTIN_META } from './builtin-meta';
import { BUILTIN_VERSION } from './source';
import type { Dataset } from './types';

export { BUILTIN_VERSION, SOURCE } from './source';

/** The built-in collections as they are in the files, before validation. */
export const builtinRaw = {
	id: 'builtin',
	version: BUILTIN_VERSION,
	clusters,
	cities,
	categories,
	events,
	tracks,
	futureIndustries,
	meta: BUILTIN_META
};

/** The built-in dataset (validated at build time; see `validated.ts`). */
export const builtinDataset = builtinRaw as unknown as Dataset;

/** Where the browser fetches the records from (see `builtin.browser.ts`). */
export const BUILTIN_DATA_URL = '/data/dataset.json';

/** Nothing to load here: the records are imported. (The browser's module fetches them.) */
export async function loadBuiltin(): Promise<void> {}
