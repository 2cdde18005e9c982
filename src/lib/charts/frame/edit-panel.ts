/** The props of the chart frame's "edit before export" panel (`EditPanel.svelte`, loaded when first opened). */
import type { Snippet } from 'svelte';
import type { Locale } from '$lib/data/types';
import type { FrameText } from './layout';
import type { ChartModel, PlotGeometry } from './model';

export interface EditPanelProps<G extends PlotGeometry = PlotGeometry> {
	model: ChartModel<G>;
	/** The chart's drawing of its plot, as the frame renders it. */
	plot: Snippet<[G]>;
	/** The frame's text as on the page (title, subtitle, legend, source line). */
	text: FrameText;
	locale: Locale;
	/** The frame's id: names the edit in the address and the panel's own ids. */
	base: string;
	/** Cities in view (for file names), or empty for all. */
	cities: string[];
	/** The view's canonical address without any edit (absolute, with the frame's fragment). */
	viewUrl: () => string;
	datasetVersion: string;
	/** The dataset's cities: which ids the address may highlight, and their names. */
	cityNames: ReadonlyMap<string, string>;
	onclose: () => void;
}
