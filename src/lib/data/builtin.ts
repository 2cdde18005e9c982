/**
 * The dashboard's built-in dataset: the records in `builtin/*.json`. They are checked by
 * `validateDataset` (see `validated.ts`) when the site builds — the server hook validates them before any
 * page is prerendered, so a bad record stops the build and names the file, record, field and reason.
 * Browsers receive the records as they are, without the schema library.
 */
import clusters from './builtin/clusters.json';
import cities from './builtin/cities.json';
import categories from './builtin/categories.json';
import events from './builtin/events.json';
import tracks from './builtin/tracks.json';
import futureIndustries from './builtin/future-industries.json';
import type { Dataset, I18nText } from './types';

/** The article every built-in record comes from. Its original URL is not known, so none is given. */
export const SOURCE = {
	outlet: { zh: '澎湃新闻 · 澎湃研究所', en: 'The Paper · Pengpai Research Institute' } satisfies I18nText,
	title: {
		zh: '《科技创新：换道超车冲向未来产业》',
		en: 'Sci-tech innovation: changing lanes to overtake, racing toward future industries'
	} satisfies I18nText,
	date: '2024-01-03',
	url: null
} as const;

/** Dataset version: the article's date plus a revision number for our own corrections. */
export const BUILTIN_VERSION = '2024-01-03.1';

/** The built-in collections as they are in the files, before validation. */
export const builtinRaw = {
	id: 'builtin',
	version: BUILTIN_VERSION,
	clusters,
	cities,
	categories,
	events,
	tracks,
	futureIndustries
};

/** The built-in dataset (validated at build time; see `validated.ts`). */
export const builtinDataset = builtinRaw as unknown as Dataset;
