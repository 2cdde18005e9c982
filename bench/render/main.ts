/**
 * Browser side of `npm run bench -- render`: mounts the real chart components (the industry matrix and the
 * timeline) with synthetic data, and draws the same heatmap with Observable Plot's `cell` mark and as one
 * SVG string, so that every figure comes from the same browser, data and run. bench/render.ts builds this
 * page with Vite, serves it and calls `window.renderBench` through Playwright.
 *
 * Every timing runs from just before the work starts until the frame that shows it has been painted:
 * the work itself (mount, or a selection change flushed with `flushSync`), a forced style and layout, then
 * a requestAnimationFrame callback and a message posted from it, which runs once that frame is drawn.
 * `script` is the part up to the end of the forced layout.
 */
import * as Plot from '@observablehq/plot';
import { flushSync, mount, unmount } from 'svelte';
import '../../src/app.css';
// the charts translate through the i18n layer: this page registers both languages' strings up front
import '$lib/i18n/all';
import { timeline, type Timeline } from '$lib/aggregate/timeline';
import { MATCH_COLOURS } from '$lib/charts/core/palette';
import IndustryMatrixChart from '$lib/charts/Matrix/IndustryMatrixChart.svelte';
import { matrixGeometry, matrixModel, MATCHES, type MatrixModel } from '$lib/charts/Matrix/geometry';
import TimelineChart from '$lib/charts/Timeline/TimelineChart.svelte';
import type { Dataset } from '$lib/data/types';
import type { Selection } from '$lib/state/selection.svelte';
import { matrixDataset, timelineDataset } from './data';
import Host from './Host.svelte';

export interface Timing {
	/** Work plus a forced style and layout, ms. */
	script: number;
	/** Until the frame showing the result has been painted, ms. */
	paint: number;
	/** What changed in the DOM: attributes set, and nodes added or removed (top-level of each insertion). */
	attributes: number;
	nodes: number;
	/** Elements inside the stage afterwards. */
	elements: number;
}

export type ChartName = 'matrix' | 'matrix-dense' | 'timeline';

declare global {
	interface Window {
		renderBench: typeof api;
		gc?: () => void;
	}
}

const stage = document.getElementById('stage') as HTMLElement;

/** Resolves once the frame after the current task has been painted. */
function afterPaint(): Promise<void> {
	return new Promise((resolve) => {
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = () => resolve();
			channel.port2.postMessage(null);
		});
	});
}

async function timed(work: () => void): Promise<Timing> {
	// start from a quiet page: the previous frame drawn, garbage collected
	await afterPaint();
	window.gc?.();
	let attributes = 0;
	let nodes = 0;
	const count = (records: MutationRecord[]) => {
		for (const r of records) {
			if (r.type === 'attributes') attributes++;
			else nodes += r.addedNodes.length + r.removedNodes.length;
		}
	};
	const observer = new MutationObserver(count);
	observer.observe(stage, { subtree: true, childList: true, attributes: true, characterData: true });
	const t0 = performance.now();
	work();
	void document.body.offsetHeight;
	const t1 = performance.now();
	await afterPaint();
	const t2 = performance.now();
	count(observer.takeRecords());
	observer.disconnect();
	return { script: t1 - t0, paint: t2 - t0, attributes, nodes, elements: stage.querySelectorAll('*').length };
}

// ---------------------------------------------------------------------------------------------
// data, built once per page before anything is timed

interface Data {
	matrix: Dataset;
	matrixDense: Dataset;
	events: Dataset;
	timeline: Timeline;
	/** The matrices in data space, ordered as the chart orders them (for Plot and the SVG string). */
	model: MatrixModel;
	modelDense: MatrixModel;
}
let data: Data | null = null;

function need(): Data {
	if (!data) throw new Error('call renderBench.setup() first');
	return data;
}

// ---------------------------------------------------------------------------------------------
// our charts

let current: { instance: ReturnType<typeof mount>; selection: Selection | null } | null = null;

function clear(): void {
	if (current) unmount(current.instance);
	current = null;
	stage.replaceChildren();
}

function mountChart(name: ChartName): void {
	const d = need();
	const props =
		name === 'timeline'
			? { dataset: d.events, timeline: d.timeline, locale: 'en' }
			: { dataset: name === 'matrix' ? d.matrix : d.matrixDense, locale: 'en' };
	const chart = name === 'timeline' ? TimelineChart : IndustryMatrixChart;
	const host: { instance: ReturnType<typeof mount>; selection: Selection | null } = {
		instance: null as unknown as ReturnType<typeof mount>,
		selection: null
	};
	host.instance = mount(Host, {
		target: stage,
		props: { chart, props, onselection: (s: Selection) => (host.selection = s) }
	});
	flushSync();
	current = host;
}

// ---------------------------------------------------------------------------------------------
// the baselines: the same heatmap with Observable Plot's cell mark, and as one SVG string

const PLOT_WIDTH = 720;

function plotOptions(model: MatrixModel, highlight: string | null): Plot.PlotOptions {
	// the same frame as ours: 720 px wide, the same grid height, labels thinned the same way
	const g = matrixGeometry(model, { width: PLOT_WIDTH - 24 });
	const rowKeys = model.rows.map((r) => r.key);
	const colKeys = model.cols.map((c) => c.key);
	const rowName = new Map(model.rows.map((r) => [r.key, r.label]));
	const colName = new Map(model.cols.map((c) => [c.key, c.label]));
	const marks: Plot.Markish[] = [Plot.cell(model.cells, { x: 'col', y: 'row', fill: 'match', inset: 0.5 })];
	if (highlight) marks.push(Plot.cell([{ row: highlight }], { y: 'row', stroke: 'black', fill: 'none' }));
	return {
		width: PLOT_WIDTH,
		height: g.gridY + g.gridHeight + 60,
		marginLeft: g.gridX + 12,
		marginTop: g.gridY,
		x: {
			domain: colKeys,
			axis: 'top',
			tickRotate: -90,
			ticks: colKeys.filter((_, j) => j % g.colEvery === 0),
			tickFormat: (k: string) => colName.get(k) ?? k,
			label: null
		},
		y: {
			domain: rowKeys,
			ticks: rowKeys.filter((_, i) => i % g.rowEvery === 0),
			tickFormat: (k: string) => rowName.get(k) ?? k,
			label: null
		},
		color: { domain: [...MATCHES], range: MATCHES.map((m) => MATCH_COLOURS[m]), legend: true },
		marks
	};
}

function drawPlot(model: MatrixModel, highlight: string | null): void {
	stage.replaceChildren(Plot.plot(plotOptions(model, highlight)));
}

function drawString(model: MatrixModel): void {
	const g = matrixGeometry(model, { width: PLOT_WIDTH - 24 });
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="${g.width}" height="${g.height}">`
	];
	for (const c of g.cells)
		parts.push(
			`<rect x="${c.x}" y="${c.y}" width="${c.width}" height="${c.height}" fill="${c.fill}"${c.strokeWidth ? ` stroke="${c.stroke}" stroke-width="${c.strokeWidth}"` : ''}/>`
		);
	for (const l of g.rowLabels)
		parts.push(`<text x="${l.x}" y="${l.y}" text-anchor="end" font-size="12">${l.shown}</text>`);
	parts.push('</svg>');
	stage.innerHTML = parts.join('');
}

// ---------------------------------------------------------------------------------------------

const api = {
	/** Builds the datasets (untimed). Returns their sizes. */
	setup(): { cells: number; denseCells: number; events: number; cities: number; tracks: number } {
		const matrix = matrixDataset(false);
		const matrixDense = matrixDataset(true);
		const events = timelineDataset();
		data = {
			matrix,
			matrixDense,
			events,
			timeline: timeline(events),
			model: matrixModel(matrix, { locale: 'en' }),
			modelDense: matrixModel(matrixDense, { locale: 'en' })
		};
		return {
			cells: data.model.cells.length,
			denseCells: data.modelDense.cells.length,
			events: events.events.length,
			cities: data.model.rows.length,
			tracks: data.model.cols.length
		};
	},
	/** Time to build the ordered matrix model alone (aggregate + orderings), which our first render includes. */
	modelTime(dense: boolean): number {
		const d = need();
		const t0 = performance.now();
		matrixModel(dense ? d.matrixDense : d.matrix, { locale: 'en' });
		return performance.now() - t0;
	},
	/** First render of one of our charts into an empty stage. */
	async first(name: ChartName): Promise<Timing> {
		clear();
		await afterPaint();
		return timed(() => mountChart(name));
	},
	/** Highlights a city (or clears the highlight) in the chart last mounted with `first`. */
	async select(cityId: string | null): Promise<Timing> {
		const host = current;
		if (!host?.selection) throw new Error('no chart mounted');
		const selection = host.selection;
		return timed(() => {
			selection.cityId = cityId;
			flushSync();
		});
	},
	/** A city row of the timeline or matrix, by position in the dataset. */
	cityId(i: number): string {
		return need().matrix.cities[i].id;
	},
	/** Observable Plot drawing the same heatmap, optionally with a highlighted row (a full redraw). */
	async plot(dense: boolean, highlight: string | null = null): Promise<Timing> {
		const d = need();
		const model = dense ? d.modelDense : d.model;
		if (highlight === null) {
			clear();
			await afterPaint();
		}
		return timed(() => drawPlot(model, highlight));
	},
	/** The same cells and row labels as one SVG string assigned with innerHTML. */
	async string(dense: boolean): Promise<Timing> {
		const d = need();
		clear();
		await afterPaint();
		return timed(() => drawString(dense ? d.modelDense : d.model));
	},
	clear
};

window.renderBench = api;
