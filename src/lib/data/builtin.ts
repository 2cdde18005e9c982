/**
 * The dashboard's built-in dataset: the records in `builtin/*.json`, checked by `validateDataset` when
 * this module loads. A bad record throws here, so the site build stops and names the file, record,
 * field and reason instead of shipping wrong figures.
 */
import clusters from './builtin/clusters.json';
import cities from './builtin/cities.json';
import categories from './builtin/categories.json';
import events from './builtin/events.json';
import tracks from './builtin/tracks.json';
import futureIndustries from './builtin/future-industries.json';
import { formatIssue, validateDataset } from './schema';
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

/** Validates raw built-in collections; throws one Error listing every issue. Exported for tests. */
export function loadBuiltin(raw: unknown): Dataset {
	const result = validateDataset(raw);
	if (!result.ok) {
		const lines = result.issues.map((issue) => `  - ${formatIssue(issue)}`);
		throw new Error(`The built-in dataset has ${result.issues.length} problem(s):\n${lines.join('\n')}`);
	}
	return result.dataset;
}

export const builtinDataset: Dataset = loadBuiltin({
	id: 'builtin',
	version: BUILTIN_VERSION,
	clusters,
	cities,
	categories,
	events,
	tracks,
	futureIndustries
});
