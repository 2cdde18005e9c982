/**
 * What every chart hands its frame: a model that, from data, options and a width, owns the chart's words
 * (a title stating the finding, the description, the table, each mark's label and tooltip) and its
 * geometry. The Svelte component only draws the geometry; the frame does everything charts share (the
 * variants, keyboard, pointer, focus ring, tooltip, linked highlighting, source line). Pure: no DOM.
 */
import type { OpenedMark } from '$lib/state/selection.svelte';
import type { FrameText } from './layout';
import type { TableData } from './table';

/** One line of a tooltip; `zh` is a Chinese original shown after an English rendering. */
export interface TipLine {
	text: string;
	zh?: string;
}

/** A mark's box in plot coordinates: where the focus ring goes and what the tooltip keeps clear of. */
export interface MarkBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface PlotGeometry {
	/** Height of the plot for the width it was laid out for. */
	height: number;
}

/** What a mark does when chosen (click, Enter or Space). */
export interface MarkAction {
	/** The city to highlight across the page's charts (toggled), if the mark is one city's. */
	city?: string | null;
	/** The events behind the mark, listed under the chart; null closes this chart's list. */
	open?: OpenedMark | null;
}

export interface ChartModel<G extends PlotGeometry = PlotGeometry> {
	/** Chart kind, e.g. 'events-per-city'; names files, ids and the opened-events list. */
	readonly chart: string;
	/** Title, subtitle and legend; the frame adds the source line of the dataset in view. */
	readonly text: Omit<FrameText, 'source'> & { source?: string };
	/** The finding in words, for screen readers (the SVG's <desc>). */
	readonly desc: string;
	readonly table: TableData;
	/** Marks in reading order, for the keyboard (arrows, Home/End, Enter) and the live region. */
	readonly marks: { key: string; label: string }[];
	/** The plot laid out for a width (memoised per width). */
	geometry(width: number): G;
	/** The box of a mark in a geometry, or null when the mark is not drawn there. */
	box(key: string, g: G): MarkBox | null;
	/** Tooltip lines of a mark (the first is the heading). */
	tooltip(key: string): TipLine[];
	/** The city a mark belongs to, for dimming the others when a city is highlighted. */
	cityOf(key: string): string | null;
	/** What choosing a mark does; `selectedCity` is the city highlighted now. */
	action(key: string, selectedCity: string | null): MarkAction;
}

/**
 * The shared half of every model: its words (set by the model's constructor), geometry memoised per width (a model is rebuilt when its inputs change,
 * so the cache needs no hand-listed dependencies), marks' labels by key, no city and no action by default.
 */
export abstract class BaseChartModel<G extends PlotGeometry> implements ChartModel<G> {
	abstract readonly chart: string;
	// each model sets these once, in its constructor
	text: ChartModel<G>['text'] = { title: '' };
	desc = '';
	table: TableData = { columns: [], numeric: [], rows: [] };
	marks: { key: string; label: string }[] = [];
	#geometries = new Map<number, G>();

	protected abstract layout(width: number): G;
	abstract box(key: string, g: G): MarkBox | null;

	geometry(width: number): G {
		let g = this.#geometries.get(width);
		if (!g) {
			g = this.layout(width);
			this.#geometries.set(width, g);
		}
		return g;
	}

	/** The mark's own label as the tooltip's single line. */
	tooltip(key: string): TipLine[] {
		const label = this.marks.find((m) => m.key === key)?.label;
		return label ? [{ text: label }] : [];
	}

	cityOf(_key: string): string | null {
		return null;
	}

	action(_key: string, _selectedCity: string | null): MarkAction {
		return {};
	}
}
