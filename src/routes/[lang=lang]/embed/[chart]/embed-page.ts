/**
 * The embed page's data, on the server (see +page.ts): the chart from the export registry
 * (src/lib/export/registry.ts: every chart, its default view's props and its page), the words around it,
 * and the pieces its page renders without importing them.
 */
import { error } from '@sveltejs/kit';
import { setEmbedded } from '$lib/charts/frame/embedded';
import type { Dataset, Locale } from '$lib/data/types';
import { EXPORTABLE_CHARTS } from '$lib/export/registry';
import { LOCALES, t } from '$lib/i18n';
import EmbedHead from './EmbedHead.svelte';

export function entries() {
	return LOCALES.flatMap((lang) => EXPORTABLE_CHARTS.map(({ chart }) => ({ lang, chart })));
}

export function load(chart: string, { dataset, locale }: { dataset: Dataset; locale: Locale }) {
	const entry = EXPORTABLE_CHARTS.find((e) => e.chart === chart);
	if (!entry) error(404, 'No such chart');
	return {
		chart: entry.chart,
		component: entry.component,
		props: entry.props(dataset, locale),
		/** Tells the chart's frame it is drawn alone (no table or menu), with the page's head. */
		setEmbedded,
		/** The page's head (title, share tags), from the chart's words. */
		head: EmbedHead,
		/** The chart on the dashboard: its page, at its frame. */
		home: `/${locale}${entry.page}#${entry.chart}`,
		/** The share card of that page. */
		card: entry.page.replace(/^\//, '') || 'overview',
		credit: t(locale, 'embed.viewOnSite', { site: t(locale, 'site.title') }),
		newTab: t(locale, 'embed.newTab')
	};
}
