/** The props of the chart frame's citation panel (`CitePanel.svelte`, loaded when first asked for). */
import type { Locale } from '$lib/data/types';

export interface CitePanelProps {
	/** The frame's id, for the panel's own ids. */
	base: string;
	chart: string;
	cities: string[];
	locale: Locale;
	title: string;
	url: string;
	datasetVersion: string;
	importedName: string | null;
	onclose: () => void;
	/** Says something in the frame's status line (copied, or how to copy by hand). */
	onstatus: (text: string) => void;
}
