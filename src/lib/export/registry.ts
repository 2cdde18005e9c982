/**
 * Every chart that can be exported, with how to build its default view's props from (dataset, locale) and
 * the page it lives on. The build writes each one in both languages to build/charts/ (see
 * src/routes/charts/[file]/+server.ts), through the same `standaloneSvg` the download buttons use.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { categoryMix } from '$lib/aggregate/mix';
import { compareCities } from '$lib/aggregate/compare';
import { eventsPerCity } from '$lib/aggregate/counts';
import { timeline } from '$lib/aggregate/timeline';
import EventsPerCityChart from '$lib/charts/BarChart/EventsPerCityChart.svelte';
import CompareChart from '$lib/charts/Compare/CompareChart.svelte';
import DotMapChart from '$lib/charts/DotMap/DotMapChart.svelte';
import IndustryMatrixChart from '$lib/charts/Matrix/IndustryMatrixChart.svelte';
import SimilarityChart from '$lib/charts/Similarity/SimilarityChart.svelte';
import CategoryMixChart from '$lib/charts/StackedBars/CategoryMixChart.svelte';
import TimelineChart from '$lib/charts/Timeline/TimelineChart.svelte';
import UpSetChart from '$lib/charts/UpSet/UpSetChart.svelte';
import type { Dataset, Locale } from '$lib/data/types';
import { htmlLang, LOCALES } from '$lib/i18n';
import { defaultCities } from '$lib/views/compare-state';
import { exportFileName, standaloneSvg } from './svg';
import { EXPORT_VARIANT } from '$lib/charts/frame/variants';

/** The article-events view every page shows by default (commentary items aside). */
const FILTER = { includeCommentary: false };

export interface ExportableChart {
	/** The chart's `chart` name (its frame id and file-name stem). */
	chart: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	component: Component<any>;
	/** Props of the chart's default view. */
	props(dataset: Dataset, locale: Locale): Record<string, unknown>;
	/** Cities in the default view, for the file name (empty = all). */
	cities(dataset: Dataset): string[];
	/** Path of the page the chart is on, after the language prefix ('' = the overview). */
	page: string;
}

export const EXPORTABLE_CHARTS: readonly ExportableChart[] = [
	{
		chart: 'events-per-city',
		component: EventsPerCityChart,
		props: (dataset, locale) => ({ dataset, locale, rows: eventsPerCity(dataset, FILTER) }),
		cities: () => [],
		page: ''
	},
	{
		chart: 'category-mix',
		component: CategoryMixChart,
		props: (dataset, locale) => ({ dataset, locale, mix: categoryMix(dataset, FILTER), filter: FILTER }),
		cities: () => [],
		page: ''
	},
	{
		chart: 'timeline',
		component: TimelineChart,
		props: (dataset, locale) => ({ dataset, locale, timeline: timeline(dataset, FILTER) }),
		cities: () => [],
		page: ''
	},
	{
		chart: 'dot-map',
		component: DotMapChart,
		props: (dataset, locale) => ({ dataset, locale, rows: eventsPerCity(dataset, FILTER), filter: FILTER }),
		cities: () => [],
		page: ''
	},
	{
		chart: 'compare',
		component: CompareChart,
		props: (dataset, locale) => ({
			dataset,
			locale,
			comparison: compareCities(dataset, defaultCities(dataset), FILTER),
			filter: FILTER
		}),
		cities: (dataset) => defaultCities(dataset),
		page: '/compare'
	},
	{
		chart: 'industry-matrix',
		component: IndustryMatrixChart,
		props: (dataset, locale) => ({ dataset, locale }),
		cities: () => [],
		page: '/industries'
	},
	{
		chart: 'upset',
		component: UpSetChart,
		props: (dataset, locale) => ({ dataset, locale }),
		cities: () => [],
		page: '/industries'
	},
	{
		chart: 'similarity',
		component: SimilarityChart,
		props: (dataset, locale) => ({ dataset, locale, filter: FILTER }),
		cities: () => [],
		page: '/industries'
	}
];

export interface ChartFile {
	/** e.g. `events-per-city_all_en.svg`. */
	file: string;
	chart: string;
	locale: Locale;
	/** The page and frame the file shows, relative to the site root. */
	path: string;
}

/** The build-time files: every chart's default view in both languages. */
export function chartFiles(dataset: Dataset): ChartFile[] {
	return EXPORTABLE_CHARTS.flatMap((entry) =>
		LOCALES.map((locale) => ({
			file: exportFileName(entry.chart, entry.cities(dataset), locale, 'svg'),
			chart: entry.chart,
			locale,
			path: `/${locale}${entry.page}#${entry.chart}`
		}))
	);
}

/** The export variant's `<svg>` (720 px wide) a chart component renders on the server. */
export function renderChartSvg(entry: ExportableChart, dataset: Dataset, locale: Locale): string {
	const { body } = render(entry.component, { props: entry.props(dataset, locale) });
	const svg = [...body.matchAll(/<svg\b[\s\S]*?<\/svg>/g)]
		.map((m) => m[0])
		.find((s) => s.includes(`data-variant="${EXPORT_VARIANT}"`));
	if (!svg) throw new Error(`${entry.chart}: no ${EXPORT_VARIANT} <svg> in the rendered chart`);
	return svg;
}

/** A chart file's standalone SVG, exactly as the download button would write it (at a fixed time). */
export function chartFileSvg(
	file: ChartFile,
	dataset: Dataset,
	options: { siteUrl: string; exportedAt: string }
): string {
	const entry = EXPORTABLE_CHARTS.find((e) => e.chart === file.chart);
	if (!entry) throw new Error(`unknown chart ${file.chart}`);
	return standaloneSvg(renderChartSvg(entry, dataset, file.locale), {
		url: options.siteUrl.replace(/\/$/, '') + file.path,
		datasetVersion: dataset.version,
		exportedAt: options.exportedAt,
		lang: htmlLang(file.locale)
	});
}
