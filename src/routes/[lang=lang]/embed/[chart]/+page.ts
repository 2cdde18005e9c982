import { error } from '@sveltejs/kit';
import { EXPORTABLE_CHARTS } from '$lib/export/registry';
import { LOCALES } from '$lib/i18n';
import type { EntryGenerator, PageLoad } from './$types';

/**
 * A chart alone, for other sites to frame: its default view with the built-in data, prerendered. No app
 * script runs here (`csr = false`): the HTML is the finished chart, and the page loads only `/embed.js`,
 * which tells the host its height. So none of the dashboard's state, filters or views come with it.
 */
export const csr = false;

/** Every exportable chart (src/lib/export/registry.ts) in both languages. */
export const entries: EntryGenerator = () =>
	LOCALES.flatMap((lang) => EXPORTABLE_CHARTS.map(({ chart }) => ({ lang, chart })));

export const load: PageLoad = ({ params }) => {
	if (!EXPORTABLE_CHARTS.some((entry) => entry.chart === params.chart)) error(404, 'No such chart');
	return { chart: params.chart };
};
