/**
 * Geometry of the city × city similarity heatmap. `similarityModel` takes the aggregate's matrix for the
 * chosen metric — Jaccard on future-industry tracks, or cosine on the category mix — and orders the cities
 * so that similar ones sit together (greedy seriation); `similarityGeometry` places the cells, the labels,
 * the values that fit and the colour legend. Pure; no DOM.
 *
 * Mix of fields: a city with one or two events has a "mix" of one or two events, and two such cities come
 * out as alike as can be (1.00) by chance. Below MIN_MIX_EVENTS events a city keeps its row and column,
 * placed after the compared cities, but its cells are hatched like the diagonal and carry no value.
 *
 * Colour: a sequential blue scale (ColorBrewer Blues, `blues` in core/palette, its palest tenth skipped so that
 * 0 still reads as a cell); printed values take black or white by contrast with their cell. The diagonal
 * (a city with itself) is not coloured by the scale: it gets a hatch pattern and no value.
 */
import { scaleLinear } from 'd3-scale';
import type { Filter } from '../../aggregate/filter';
import { seriate } from '../../aggregate/matrix';
import { categoryMix } from '../../aggregate/mix';
import { cosine, jaccard, trackSets } from '../../aggregate/overlap';
import type { Dataset, Locale } from '../../data/types';
import { blues, textOn } from '../core/palette';
import { textWidth, wrap } from '../core/text-width';
import {
	gridLabelBoxes,
	layoutHeader,
	rowLabel,
	rowLines,
	type Box,
	type HeaderLabel,
	type RowLabel
} from '../frame/grid-labels';

export type SimilarityMetric = 'tracks' | 'mix';
export const METRICS: readonly SimilarityMetric[] = ['tracks', 'mix'];
/** Fewest events a city needs for its mix of fields to be compared (1 or 2 events make any two alike). */
export const MIN_MIX_EVENTS = 3;

export interface SimilarityModel {
	metric: SimilarityMetric;
	/** Cities in display (seriated) order. */
	cities: { key: string; label: string }[];
	/** values[i][j] in [0, 1], symmetric, 1 on the diagonal; aligned to `cities`; NaN with a thin city. */
	values: number[][];
	/** Cities shown but not compared: too few events for a mix ('mix' only; all false for 'tracks'). */
	thin: boolean[];
	/** Events per city in view, aligned to `cities` ('mix' only; null for 'tracks'). */
	events: number[] | null;
	/** Tracks in common, aligned to `cities` ('tracks' only; null for 'mix'). */
	shared: number[][] | null;
	/** Cities in view left out: without a future-industry list ('tracks') or without events ('mix'). */
	leftOut: string[];
}

export interface SimilarityModelOptions {
	metric: SimilarityMetric;
	locale: Locale;
	/** Cities in view; default every city (those with a list for 'tracks', with events for 'mix'). */
	cities?: string[];
	/** For 'mix': the filter the category counts are taken under. */
	filter?: Filter;
}

export function similarityModel(ds: Dataset, options: SimilarityModelOptions): SimilarityModel {
	const name = new Map(ds.cities.map((c) => [c.id, c.name[options.locale]]));
	const inView = options.cities ?? ds.cities.map((c) => c.id);
	let ids: string[];
	let values: number[][];
	let weight: number[];
	let shared: number[][] | null = null;
	let thinIds: string[] = [];
	let totals: Map<string, number> | null = null;
	if (options.metric === 'tracks') {
		const sets = new Map(trackSets(ds).map((s) => [s.cityId, new Set(s.trackIds)]));
		const withList = inView.filter((id) => sets.has(id));
		const m = jaccard(ds, withList);
		ids = m.cityIds;
		values = m.values;
		weight = ids.map((id) => sets.get(id)?.size ?? 0);
		shared = ids.map((a) => {
			const sa = sets.get(a) ?? new Set<string>();
			return ids.map((b) => [...(sets.get(b) ?? [])].filter((t) => sa.has(t)).length);
		});
	} else {
		const filter = options.filter ?? {};
		const count = new Map(categoryMix(ds, filter).rows.map((r) => [r.cityId, r.total]));
		const events = (id: string) => count.get(id) ?? 0;
		totals = count;
		const withEvents = inView.filter((id) => events(id) > 0);
		const enough = withEvents.filter((id) => events(id) >= MIN_MIX_EVENTS);
		const m = cosine(ds, { ...filter, cities: undefined, clusters: undefined }, enough);
		ids = m.cityIds;
		values = m.values;
		weight = ids.map(events);
		// the thin ones after the compared, most events first
		thinIds = withEvents
			.filter((id) => events(id) < MIN_MIX_EVENTS)
			.map((id, k) => ({ id, k }))
			.sort((a, b) => events(b.id) - events(a.id) || a.k - b.k)
			.map((x) => x.id);
	}
	const order = seriate(values, weight);
	const n = ids.length;
	const shown = [...order.map((i) => ids[i]), ...thinIds];
	const at = (a: number, b: number, matrix: number[][], none: number) =>
		a < n && b < n ? matrix[order[a]][order[b]] : a === b ? 1 : none;
	const kept = new Set(shown);
	return {
		metric: options.metric,
		cities: shown.map((id) => ({ key: id, label: name.get(id) ?? id })),
		values: shown.map((_, a) => shown.map((_, b) => at(a, b, values, NaN))),
		thin: shown.map((_, a) => a >= n),
		events: totals ? shown.map((id) => (totals as Map<string, number>).get(id) ?? 0) : null,
		shared: shared ? shown.map((_, a) => shown.map((_, b) => at(a, b, shared as number[][], 0))) : null,
		leftOut: inView.filter((id) => !kept.has(id))
	};
}

/** The most similar pair of different cities (ties: first in display order), or null with fewer than two. */
export function mostSimilarPair(model: SimilarityModel): { a: number; b: number; value: number } | null {
	let best: { a: number; b: number; value: number } | null = null;
	const n = model.cities.length;
	for (let i = 0; i < n; i++)
		for (let j = i + 1; j < n; j++)
			if (!model.thin[i] && !model.thin[j] && (!best || model.values[i][j] > best.value))
				best = { a: i, b: j, value: model.values[i][j] };
	return best;
}

/** A value in [0, 1] → the cell colour, as #rrggbb (so text contrast can be computed). */
export function similarityColour(v: number): string {
	const t = 0.1 + 0.9 * Math.min(1, Math.max(0, v));
	return blues(t);
}

/** Two decimals, the same in both languages. */
export const formatSimilarity = (v: number) => v.toFixed(2);

export interface PlacedSimCell {
	key: string;
	row: string;
	col: string;
	i: number;
	j: number;
	x: number;
	y: number;
	size: number;
	value: number;
	diagonal: boolean;
	/** A pair with a city of too few events: hatched, no value. */
	thin: boolean;
	/** #rrggbb, or null on the diagonal and thin pairs (drawn with the hatch pattern). */
	fill: string | null;
	/** Printed value, or null when it does not fit (and on the diagonal). */
	text: string | null;
	textFill: string;
}

export interface SimilarityGeometry {
	width: number;
	height: number;
	fontSize: number;
	valueFontSize: number;
	legend: {
		title: string;
		titleY: number;
		bar: { x: number; y: number; width: number; height: number; fill: string }[];
		ticks: { x: number; label: string }[];
		tickY: number;
		/** The hatch swatch and its caption, wrapped (beside the bar, or under it when there is no room). */
		diagonal: {
			x: number;
			y: number;
			size: number;
			label: string;
			lines: { text: string; y: number }[];
			textX: number;
		};
		height: number;
	};
	gridX: number;
	gridY: number;
	cell: number;
	cells: PlacedSimCell[];
	/** Wrapped over the row's height. */
	rowLabels: RowLabel[];
	/** Anchored at the column's middle, just above the grid. */
	colLabels: { key: string; label: string; x: number; y: number; head: HeaderLabel }[];
}

export interface SimilarityOptions {
	width: number;
	variant?: 'wide' | 'narrow';
	fontSize?: number;
	legendTitle?: string;
	diagonalLabel?: string;
}

const round = (v: number) => Math.round(v * 100) / 100;

export function similarityGeometry(model: SimilarityModel, options: SimilarityOptions): SimilarityGeometry {
	const narrow = (options.variant ?? (options.width < 500 ? 'narrow' : 'wide')) === 'narrow';
	const fs = options.fontSize ?? (narrow ? 11 : 12);
	const vfs = Math.min(fs, 11);
	const width = options.width;
	const n = model.cities.length;

	// legend: caption, a stepped colour bar with ticks, and the diagonal's hatch
	const legendTitle = options.legendTitle ?? '';
	const diagonalLabel = options.diagonalLabel ?? '';
	const barX = 10;
	const barY = fs + 6;
	const barH = 10;
	const barW = Math.min(200, Math.round(width * 0.45));
	const steps = 20;
	const bar = Array.from({ length: steps }, (_, k) => ({
		x: round(barX + (k * barW) / steps),
		y: barY,
		width: round(barW / steps + 0.3),
		height: barH,
		fill: similarityColour((k + 0.5) / steps)
	}));
	const xLegend = scaleLinear()
		.domain([0, 1])
		.range([barX, barX + barW]);
	const ticks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ x: round(xLegend(v)), label: String(v) }));
	const tickY = barY + barH + fs + 2;
	const diagSize = 12;
	const lineH = Math.round(fs * 1.15);
	const beside = barX + barW + 24;
	const besideRoom = width - (beside + diagSize + 5);
	const underBar = besideRoom < 60 || wrap(diagonalLabel, besideRoom, fs).length > 2;
	const diagX = underBar ? barX : beside;
	const diagY = underBar ? tickY + 8 : barY - 1;
	const textX = diagX + diagSize + 5;
	const diagLines = wrap(diagonalLabel, width - textX, fs, 2);
	const diagonal = {
		x: diagX,
		y: diagY,
		size: diagSize,
		label: diagonalLabel,
		lines: diagLines.map((text, k) => ({ text, y: round(diagY + diagSize / 2 + k * lineH) })),
		textX
	};
	const legendHeight = Math.max(tickY + 8, diagY + diagLines.length * lineH + 6);

	// labels; wider frames get bigger cells, up to 80 px
	const labelWidth = Math.ceil(
		Math.min(
			width * (narrow ? 0.26 : 0.2),
			Math.max(0, ...model.cities.map((c) => textWidth(c.label, fs))) + 8
		)
	);
	const maxCell = narrow ? 44 : Math.round(Math.min(80, Math.max(60, width / 13)));
	const cell = n ? Math.min(maxCell, (width - labelWidth) / n) : maxCell;
	const every = Math.max(1, Math.ceil((fs * 1.15) / cell));
	// column labels across their cell (up to two lines), else turned (Latin) or upright vertical (Chinese)
	const heads = layoutHeader(
		model.cities.map((c) => c.label),
		{ fontSize: fs, across: cell * every, maxLength: narrow ? 90 : 120, horizontalLines: 2 }
	);
	const gridX = labelWidth;
	const gridY = legendHeight + heads.height + 8;
	const valueW = textWidth('0.00', vfs);
	const showValues = cell - 4 >= valueW && cell >= vfs + 4;

	const cells: PlacedSimCell[] = [];
	model.cities.forEach((a, i) =>
		model.cities.forEach((b, j) => {
			const v = model.values[i][j];
			const diagonalCell = i === j;
			const thin = !diagonalCell && (model.thin[i] || model.thin[j]);
			const fill = diagonalCell || thin ? null : similarityColour(v);
			cells.push({
				key: `${a.key}|${b.key}`,
				row: a.key,
				col: b.key,
				i,
				j,
				x: round(gridX + j * cell),
				y: round(gridY + i * cell),
				size: round(cell),
				value: v,
				diagonal: diagonalCell,
				thin,
				fill,
				text: fill && showValues ? formatSimilarity(v) : null,
				textFill: fill ? textOn(fill) : '#000000'
			});
		})
	);
	const maxLines = rowLines(cell, every, fs);
	const rowLabels = model.cities
		.map((c, i) =>
			rowLabel(
				c.key,
				c.label,
				{ x: gridX - 6, y: round(gridY + i * cell + cell / 2), width: labelWidth - 8, maxLines },
				fs
			)
		)
		.filter((_, i) => i % every === 0);
	const colLabels = model.cities
		.map((c, j) => ({
			key: c.key,
			label: c.label,
			x: round(gridX + j * cell + cell / 2),
			y: gridY - 6,
			head: heads.labels[j]
		}))
		.filter((_, j) => j % every === 0);

	return {
		width,
		height: Math.ceil(gridY + n * cell + 4),
		fontSize: fs,
		valueFontSize: vfs,
		legend: { title: legendTitle, titleY: fs, bar, ticks, tickY, diagonal, height: legendHeight },
		gridX,
		gridY,
		cell,
		cells,
		rowLabels,
		colLabels
	};
}

export type { Box };

/** Boxes of the drawn labels and printed values, for overlap and bounds checks. */
export function similarityLabelBoxes(g: SimilarityGeometry): Box[] {
	const fs = g.fontSize;
	const boxes = gridLabelBoxes(g.rowLabels, g.colLabels, fs);
	for (const c of g.cells) {
		if (!c.text) continue;
		const w = textWidth(c.text, g.valueFontSize);
		const cx = c.x + c.size / 2;
		const cy = c.y + c.size / 2;
		boxes.push({
			key: `value:${c.key}`,
			x0: cx - w / 2,
			x1: cx + w / 2,
			y0: cy - g.valueFontSize / 2,
			y1: cy + g.valueFontSize / 2
		});
	}
	return boxes;
}
