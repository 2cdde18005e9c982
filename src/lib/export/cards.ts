/**
 * Share cards: for every page, a 1200 × 630 picture of its lead chart in the page's language, which the
 * page names as its `og:image` (social posts and chat previews show it). Which chart leads which page, and
 * how a chart's standalone SVG is set on the card, is decided here; the build draws the text as shapes and
 * rasterises the card (`src/routes/og/[card]/+server.ts`). Pure apart from rendering components with
 * `svelte/server`.
 */
import { render } from 'svelte/server';
import CategoryMixChart from '$lib/charts/StackedBars/CategoryMixChart.svelte';
import type { Dataset, Locale } from '$lib/data/types';
import { htmlLang, LOCALES, translator } from '$lib/i18n';
import { cityProfile, COUNTED } from '$lib/views/city/profile';
import { CARD_HEIGHT, CARD_WIDTH, cardFile } from './card-files';
import { EXPORTABLE_CHARTS, renderChartSvg } from './registry';
import { getAttr, parseMarkup, serialiseNode, standaloneSvg, type XElement } from './svg';
import { EXPORT_VARIANT } from '$lib/charts/frame/variants';

const PADDING = 24;

/** The page each card is for (after the language prefix) and the chart that leads it. */
const PAGE_CHARTS: ReadonlyMap<string, { page: string; chart: string }> = new Map([
	['overview', { page: '', chart: 'events-per-city' }],
	['cities', { page: '/cities', chart: 'dot-map' }],
	['compare', { page: '/compare', chart: 'compare' }],
	['industries', { page: '/industries', chart: 'industry-matrix' }],
	['events', { page: '/events', chart: 'timeline' }],
	['methodology', { page: '/methodology', chart: 'category-mix' }],
	['import', { page: '/import', chart: 'events-per-city' }]
]);

/** A page's card key: one per page, and `city-<id>` per city profile. */
export type CardKey = string;

export function cardKeys(dataset: Dataset): CardKey[] {
	return [...PAGE_CHARTS.keys(), ...dataset.cities.map((c) => `city-${c.id}`)];
}

/** Every card file the build writes. */
export function cardFiles(dataset: Dataset): { file: string; locale: Locale; key: CardKey }[] {
	return LOCALES.flatMap((locale) =>
		cardKeys(dataset).map((key) => ({ file: cardFile(locale, key), locale, key }))
	);
}

/** The wide `<svg>` of the chart that leads a card's page. */
function leadChart(dataset: Dataset, locale: Locale, key: CardKey): { svg: string; path: string } {
	if (key.startsWith('city-')) {
		const id = key.slice(5);
		const profile = cityProfile(dataset, id);
		if (!profile) throw new Error(`no city ${id}`);
		const name = profile.city.name[locale];
		const { body } = render(CategoryMixChart, {
			props: {
				dataset,
				mix: profile.mixForChart,
				filter: { ...COUNTED, cities: [id] },
				locale,
				mode: 'share',
				uid: `card-${id}`,
				cities: [id],
				title: translator(locale)('city.mix.caption', { name })
			}
		});
		const svg = [...body.matchAll(/<svg\b[\s\S]*?<\/svg>/g)]
			.map((m) => m[0])
			.find((s) => s.includes(`data-variant="${EXPORT_VARIANT}"`));
		if (!svg) throw new Error(`${key}: no ${EXPORT_VARIANT} <svg>`);
		return { svg, path: `/${locale}/cities/${id}` };
	}
	const lead = PAGE_CHARTS.get(key);
	const entry = lead && EXPORTABLE_CHARTS.find((e) => e.chart === lead.chart);
	if (!entry) throw new Error(`no card ${key}`);
	return { svg: renderChartSvg(entry, dataset, locale), path: `/${locale}${lead.page}` };
}

/**
 * The card as an SVG document: the chart's standalone export (title, legend, source and address line
 * included) scaled to fit 1200 × 630 with a margin, centred on white.
 */
export function cardSvg(
	dataset: Dataset,
	locale: Locale,
	key: CardKey,
	{ siteUrl, exportedAt }: { siteUrl: string; exportedAt: string }
): string {
	const { svg, path } = leadChart(dataset, locale, key);
	const chart = standaloneSvg(svg, {
		url: siteUrl.replace(/\/$/, '') + path,
		datasetVersion: dataset.version,
		exportedAt,
		lang: htmlLang(locale)
	});
	const root = parseMarkup(chart).children.find(
		(c): c is XElement => typeof c !== 'string' && c.name === 'svg'
	)!;
	const width = Number(getAttr(root, 'width'));
	const height = Number(getAttr(root, 'height'));
	const scale = Math.min((CARD_WIDTH - 2 * PADDING) / width, (CARD_HEIGHT - 2 * PADDING) / height);
	const [w, h] = [width * scale, height * scale];
	const inner: XElement = {
		...root,
		attrs: [
			...root.attrs.filter(([k]) => !['x', 'y', 'width', 'height', 'xmlns'].includes(k)),
			['x', String(Math.round((CARD_WIDTH - w) / 2))],
			['y', String(Math.round((CARD_HEIGHT - h) / 2))],
			['width', String(Math.round(w))],
			['height', String(Math.round(h))]
		]
	};
	const card: XElement = {
		name: 'svg',
		attrs: [
			['xmlns', 'http://www.w3.org/2000/svg'],
			['width', String(CARD_WIDTH)],
			['height', String(CARD_HEIGHT)],
			['viewBox', `0 0 ${CARD_WIDTH} ${CARD_HEIGHT}`]
		],
		children: [
			{
				name: 'rect',
				attrs: [
					['width', '100%'],
					['height', '100%'],
					['fill', '#ffffff']
				],
				children: []
			},
			inner
		]
	};
	return `<?xml version="1.0" encoding="UTF-8"?>\n${serialiseNode(card)}\n`;
}
