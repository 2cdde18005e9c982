/**
 * The frame's context, read by the small shared parts (Mark, Axis, ValueLabel) as Layer Cake's components
 * read theirs: the chart's model, which mark is active, and the plot being drawn (its width and variant).
 * No chart passes these by hand.
 */
import { createContext } from 'svelte';
import type { ChartModel, PlotGeometry } from './model';
import type { VariantId } from './variants';

export interface FrameState {
	readonly model: ChartModel<PlotGeometry>;
	/** The mark under the pointer or the keyboard cursor. */
	readonly active: string | null;
	setActive(key: string | null): void;
	/** Choose a mark (click, Enter, Space). */
	choose(key: string): void;
	/** True when another city is highlighted and this mark is not that city's. */
	dimmed(key: string): boolean;
	/** The city highlighted across the page's charts (linked highlighting), if any. */
	readonly selectedCity: string | null;
	/** True when another city than this one is highlighted (for parts of a chart that belong to a city). */
	dimmedCity(city: string): boolean;
}

export interface PlotState {
	readonly width: number;
	readonly height: number;
	readonly variant: VariantId;
	/** The frame's id prefix with the variant, for ids that must be unique in the page (patterns). */
	readonly idPrefix: string;
}

export const [getFrame, setFrame] = createContext<FrameState>();
export const [getPlot, setPlot] = createContext<PlotState>();
