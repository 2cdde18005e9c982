/**
 * Geometry of the city × city similarity heatmap. `similarityModel` takes the aggregate's matrix for the
 * chosen metric — Jaccard on future-industry tracks, or cosine on the category mix — and orders the cities
 * so that similar ones sit together (greedy seriation); `similarityGeometry` places the cells, the labels,
 * the values that fit and the colour legend. Pure; no DOM.
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
import { textWidth, truncate } from '../core/text-width';

export type SimilarityMetric = 'tracks' | 'mix';
export const METRICS: readonly SimilarityMetric[] = ['tracks', 'mix'];

export interface SimilarityModel {
	metric: SimilarityMetric;
	/** Cities in display (seriated) order. */
	cities: { key: string; label: string }[];
	/** values[i][j] in [0, 1], symmetric, 1 on the diagonal; aligned to `cities`. */
	values: number[][];
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
		const totals = new Map(categoryMix(ds, filter).rows.map((r) => [r.cityId, r.total]));
		const withEvents = inView.filter((id) => (totals.get(id) ?? 0) > 0);
		const m = cosine(ds, { ...filter, cities: undefined, clusters: undefined }, withEvents);
		ids = m.cityIds;
		values = m.values;
		weight = ids.map((id) => totals.get(id) ?? 0);
	}
	const order = seriate(values, weight);
	const kept = new Set(ids);
	return {
		metric: options.metric,
		cities: order.map((i) => ({ key: ids[i], label: name.get(ids[i]) ?? ids[i] })),
		values: order.map((i) => order.map((j) => values[i][j])),
		shared: shared ? order.map((i) => order.map((j) => (shared as number[][])[i][j])) : null,
		leftOut: inView.filter((id) => !kept.has(id))
	};
}

/** The most similar pair of different cities (ties: first in display order), or null with fewer than two. */
export function mostSimilarPair(model: SimilarityModel): { a: number; b: number; value: number } | null {
	let best: { a: number; b: number; value: number } | null = null;
	const n = model.cities.length;
	for (let i = 0; i < n; i++)
		for (let j = i + 1; j < n; j++)
			if (!best || model.values[i][j] > best.value) best = { a: i, b: j, value: model.values[i][j] };
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
	/** #rrggbb, or null on the diagonal (drawn with the hatch pattern). */
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
		diagonal: { x: number; y: number; size: number; label: string; textX: number };
		height: number;
	};
	gridX: number;
	gridY: number;
	cell: number;
	rotateColumns: boolean;
	cells: PlacedSimCell[];
	rowLabels: { key: string; label: string; shown: string; x: number; y: number }[];
	colLabels: { key: string; label: string; shown: string; x: number; y: number }[];
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
	const diagX = barX + barW + 24;
	const legendHeight = tickY + 8;
	const diagonal = {
		x: diagX,
		y: barY - 1,
		size: diagSize,
		label: diagonalLabel,
		textX: diagX + diagSize + 5
	};

	// labels
	const labelWidth = Math.ceil(
		Math.min(
			width * (narrow ? 0.26 : 0.2),
			Math.max(0, ...model.cities.map((c) => textWidth(c.label, fs))) + 8
		)
	);
	const maxCell = narrow ? 44 : 60;
	const cell = n ? Math.min(maxCell, (width - labelWidth) / n) : maxCell;
	const maxLabel = Math.max(0, ...model.cities.map((c) => textWidth(c.label, fs)));
	const rotateColumns = maxLabel > cell - 4;
	const headerCap = narrow ? 90 : 120;
	const header = rotateColumns ? Math.min(headerCap, maxLabel) + 8 : fs + 8;
	const gridX = labelWidth;
	const gridY = legendHeight + header;
	const valueW = textWidth('0.00', vfs);
	const showValues = cell - 4 >= valueW && cell >= vfs + 4;

	const cells: PlacedSimCell[] = [];
	model.cities.forEach((a, i) =>
		model.cities.forEach((b, j) => {
			const v = model.values[i][j];
			const diagonalCell = i === j;
			const fill = diagonalCell ? null : similarityColour(v);
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
				fill,
				text: !diagonalCell && showValues ? formatSimilarity(v) : null,
				textFill: fill ? textOn(fill) : '#000000'
			});
		})
	);
	const every = Math.max(1, Math.ceil((fs * 1.15) / cell));
	const rowLabels = model.cities
		.map((c, i) => ({
			key: c.key,
			label: c.label,
			shown: truncate(c.label, labelWidth - 8, fs),
			x: gridX - 6,
			y: round(gridY + i * cell + cell / 2)
		}))
		.filter((_, i) => i % every === 0);
	const colLabels = model.cities
		.map((c, j) => ({
			key: c.key,
			label: c.label,
			shown: rotateColumns ? truncate(c.label, header - 8, fs) : c.label,
			x: round(gridX + j * cell + cell / 2),
			y: gridY - 6
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
		rotateColumns,
		cells,
		rowLabels,
		colLabels
	};
}

export interface Box {
	key: string;
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** Boxes of the drawn labels and printed values, for overlap and bounds checks. */
export function similarityLabelBoxes(g: SimilarityGeometry): Box[] {
	const fs = g.fontSize;
	const boxes: Box[] = [];
	for (const l of g.rowLabels) {
		const w = textWidth(l.shown, fs);
		boxes.push({ key: `row:${l.key}`, x0: l.x - w, x1: l.x, y0: l.y - fs / 2, y1: l.y + fs / 2 });
	}
	for (const l of g.colLabels) {
		const w = textWidth(l.shown, fs);
		boxes.push(
			g.rotateColumns
				? { key: `col:${l.key}`, x0: l.x - fs / 2, x1: l.x + fs / 2, y0: l.y - w, y1: l.y }
				: { key: `col:${l.key}`, x0: l.x - w / 2, x1: l.x + w / 2, y0: l.y - fs, y1: l.y }
		);
	}
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
