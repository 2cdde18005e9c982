/** The props of the chart frame's embed panel (`EmbedPanel.svelte`, loaded when first asked for). */
import type { Locale } from '$lib/data/types';

export interface EmbedPanelProps {
	/** The frame's id, for the panel's own ids. */
	base: string;
	chart: string;
	locale: Locale;
	/** The chart's title: the iframe's accessible name. */
	title: string;
	/** A starting height for the iframe (px), before the embed page says its own. */
	height: number;
	onclose: () => void;
	/** Says something in the frame's status line (copied, or how to copy by hand). */
	onstatus: (text: string) => void;
}
