/**
 * Geometry of the city × industry matrix: the aggregate's cells in (`MatrixModel`, data space, ordered),
 * placed cells, labels and totals out (`MatrixGeometry`, screen space). Pure; no DOM.
 *
 * Match strength is carried twice, so colour is never the only carrier: by fill (MATCH_COLOURS) and by
 * shape — a full square for an exact match, the lower half of the square for a partial one, an outline
 * for a broad one. The cells of one match strength are drawn as one path (a closed rectangle per cell,
 * exactly where a rect would be), so 300 cities × 60 tracks is three elements rather than 18,000: the DOM
 * stays small enough to build, lay out and paint faster than a fresh redraw. The pointer finds its cell
 * by position (`cellAt`).
 * At large sizes rows shrink (down to a few px) and only every nth row / column is labelled, so labels
 * never overlap; the tooltip and the data table carry every name.
 * Wider frames get wider columns (up to 64 px; rows stay at most 34 px tall) and a taller header, so long
 * labels wrap instead of being cut: row labels over the lines their row gives, column labels across the
 * column when they fit there, else Latin turned to read upwards and Chinese set vertically, upright
 * (frame/column-labels.ts).
 */
import {
	industryMatrix,
	orderByCluster,
	orderByCount,
	orderBySimilarity,
	orderTracksBySimilarity
} from '../../aggregate/matrix';
import type { Dataset, Locale, MatchStrength } from '../../data/types';
import { MATCH_COLOURS } from '../core/palette';
import { textWidth, truncate } from '../core/text-width';
import {
	gridLabelBoxes,
	layoutHeader,
	placedBox,
	rowLabel,
	rowLines,
	type Box,
	type HeaderLabel,
	type RowLabel
} from '../frame/grid-labels';

export type RowOrder = 'cluster' | 'count' | 'similarity';
export type ColOrder = 'count' | 'similarity';

export const ROW_ORDERS: readonly RowOrder[] = ['cluster', 'count', 'similarity'];
export const COL_ORDERS: readonly ColOrder[] = ['count', 'similarity'];
export const MATCHES: readonly MatchStrength[] = ['exact', 'partial', 'broad'];

export interface ModelItem {
	/** The city's own words: zh verbatim, with an English rendering. */
	name: { zh: string; en: string };
	match: MatchStrength;
}

export interface ModelCell {
	row: string;
	col: string;
	match: MatchStrength;
	items: ModelItem[];
}

/** The matrix in data space, rows and columns in display order. */
export interface MatrixModel {
	rows: { key: string; label: string; total: number }[];
	cols: { key: string; label: string; total: number }[];
	/** Non-empty cells, row by row in display order, then column by column. */
	cells: ModelCell[];
}

export interface ModelOptions {
	locale: Locale;
	/** Cities in view; default every city with a future-industry list. */
	cities?: string[];
	rowOrder?: RowOrder;
	colOrder?: ColOrder;
}

/** Builds the ordered matrix from the dataset: aggregate → ordering helpers → labels in the reader's language. */
export function matrixModel(ds: Dataset, options: ModelOptions): MatrixModel {
	const m = industryMatrix(ds, { cities: options.cities });
	const cityName = new Map(ds.cities.map((c) => [c.id, c.name[options.locale]]));
	const trackName = new Map(ds.tracks.map((t) => [t.id, t.name[options.locale]]));
	const rowOrder = options.rowOrder ?? 'cluster';
	const colOrder = options.colOrder ?? 'count';
	const rowIds =
		rowOrder === 'count'
			? orderByCount(m.cityIds, m.cityCounts)
			: rowOrder === 'similarity'
				? orderBySimilarity(ds, m.cityIds)
				: orderByCluster(ds, m.cityIds);
	const colIds =
		colOrder === 'similarity'
			? orderTracksBySimilarity(ds, m.cityIds)
			: orderByCount(m.trackIds, m.trackCounts);
	const cityTotal = new Map(m.cityIds.map((id, i) => [id, m.cityCounts[i]]));
	const trackTotal = new Map(m.trackIds.map((id, i) => [id, m.trackCounts[i]]));
	const rowPos = new Map(rowIds.map((id, i) => [id, i]));
	const colPos = new Map(colIds.map((id, i) => [id, i]));
	const cells: ModelCell[] = m.cells
		.map((c) => ({
			row: c.cityId,
			col: c.trackId,
			match: c.match,
			items: c.items.map((it) => ({ name: { zh: it.name.zh, en: it.name.en }, match: it.match }))
		}))
		.sort(
			(a, b) =>
				(rowPos.get(a.row) ?? 0) - (rowPos.get(b.row) ?? 0) ||
				(colPos.get(a.col) ?? 0) - (colPos.get(b.col) ?? 0)
		);
	return {
		rows: rowIds.map((id) => ({ key: id, label: cityName.get(id) ?? id, total: cityTotal.get(id) ?? 0 })),
		cols: colIds.map((id) => ({ key: id, label: trackName.get(id) ?? id, total: trackTotal.get(id) ?? 0 })),
		cells
	};
}

export interface PlacedCell {
	/** `${row}|${col}`. */
	key: string;
	row: string;
	col: string;
	match: MatchStrength;
	x: number;
	y: number;
	width: number;
	height: number;
	fill: string;
	stroke: string;
	strokeWidth: number;
}

export interface PlacedColLabel {
	key: string;
	label: string;
	/** Anchor: the column's middle, just above the grid. */
	x: number;
	y: number;
	head: HeaderLabel;
}

/** All cells of one match strength (and stroke width) as one path of closed rectangles. */
export interface CellPath {
	key: string;
	match: MatchStrength;
	d: string;
	fill: string;
	stroke: string;
	strokeWidth: number;
	/** Number of cells in the path. */
	count: number;
}

export interface PlacedTotal {
	key: string;
	value: string;
	x: number;
	y: number;
}

export interface LegendSwatch {
	match: MatchStrength;
	label: string;
	x: number;
	y: number;
	/** The swatch rect, in the same shape as the cells. */
	rect: {
		x: number;
		y: number;
		width: number;
		height: number;
		fill: string;
		stroke: string;
		strokeWidth: number;
	};
	textX: number;
}

export interface MatrixGeometry {
	width: number;
	height: number;
	fontSize: number;
	legend: { title: string; titleX: number; y: number; swatches: LegendSwatch[]; height: number };
	/** Left edge of the grid and top of its first row. */
	gridX: number;
	gridY: number;
	gridWidth: number;
	gridHeight: number;
	colStep: number;
	rowStep: number;
	/** Row index / column index by key, for the tooltip and the highlight band. */
	rowIndex: Map<string, number>;
	colIndex: Map<string, number>;
	cells: PlacedCell[];
	/** The cells as drawn: one path per match strength, in MATCHES order. */
	paths: CellPath[];
	/** Row / column keys by index (the inverse of rowIndex / colIndex). */
	rowKeys: string[];
	colKeys: string[];
	/** Wrapped over the row's height, cut only when a dense grid leaves one line. */
	rowLabels: RowLabel[];
	colLabels: PlacedColLabel[];
	/** Every nth row / column carries a label (1 = all). */
	rowEvery: number;
	colEvery: number;
	rowTotals: PlacedTotal[];
	colTotals: PlacedTotal[];
	/** "Total" captions: over the row-total column (laid out like the column labels) and left of the column totals. */
	totalCaption: { label: string; head: HeaderLabel; rowX: number; rowY: number; colX: number; colY: number };
}

export interface MatrixOptions {
	width: number;
	variant?: 'wide' | 'narrow';
	fontSize?: number;
	/** Widest column in px (rows are at most `maxRow` tall). */
	maxCell?: number;
	maxRow?: number;
	/** Grid height budget in px: rows shrink below the column step to stay within it (not below `minRow`). */
	maxGridHeight?: number;
	minRow?: number;
	/** Legend captions, in the reader's language. */
	legendTitle?: string;
	matchLabels?: Record<MatchStrength, string>;
	totalLabel?: string;
	formatValue?: (v: number) => string;
}

/** The cell rect for a match strength: full square, lower half, or an outline. */
export function matchRect(
	match: MatchStrength,
	x: number,
	y: number,
	w: number,
	h: number
): {
	x: number;
	y: number;
	width: number;
	height: number;
	fill: string;
	stroke: string;
	strokeWidth: number;
} {
	if (match === 'exact')
		return { x, y, width: w, height: h, fill: MATCH_COLOURS.exact, stroke: 'none', strokeWidth: 0 };
	if (match === 'partial')
		return {
			x,
			y: y + h / 2,
			width: w,
			height: h / 2,
			fill: MATCH_COLOURS.partial,
			stroke: 'none',
			strokeWidth: 0
		};
	// broad: a light square outlined in the darkest blue (the outline, not the pale fill, must stand out
	// against white), inset so the stroke stays inside the cell
	const sw = w >= 8 && h >= 8 ? 1.5 : w >= 4 && h >= 4 ? 1 : 0.5;
	return {
		x: x + sw / 2,
		y: y + sw / 2,
		width: Math.max(0, w - sw),
		height: Math.max(0, h - sw),
		fill: MATCH_COLOURS.broad,
		stroke: MATCH_COLOURS.exact,
		strokeWidth: sw
	};
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * The placed cells grouped into one path per match strength and stroke width: each cell a closed
 * rectangle `M x y h w v h h -w z`, the same area (and, with the same stroke, the same outline) a rect
 * with those attributes covers.
 */
export function cellPaths(cells: PlacedCell[]): CellPath[] {
	const groups = new Map<string, { cell: PlacedCell; parts: string[] }>();
	for (const c of cells) {
		const key = `${c.match}|${c.strokeWidth}`;
		let g = groups.get(key);
		if (!g) groups.set(key, (g = { cell: c, parts: [] }));
		g.parts.push(`M${c.x} ${c.y}h${c.width}v${c.height}h${round(-c.width)}z`);
	}
	const rank = (m: MatchStrength) => MATCHES.indexOf(m);
	return [...groups]
		.sort(
			([, a], [, b]) => rank(a.cell.match) - rank(b.cell.match) || a.cell.strokeWidth - b.cell.strokeWidth
		)
		.map(([key, { cell, parts }]) => ({
			key,
			match: cell.match,
			d: parts.join(''),
			fill: cell.fill,
			stroke: cell.stroke,
			strokeWidth: cell.strokeWidth,
			count: parts.length
		}));
}

/** The grid position under a point in plot coordinates, or null outside the grid. */
export function cellAt(g: MatrixGeometry, x: number, y: number): { row: string; col: string } | null {
	const j = Math.floor((x - g.gridX) / g.colStep);
	const i = Math.floor((y - g.gridY) / g.rowStep);
	if (!(i >= 0 && i < g.rowKeys.length && j >= 0 && j < g.colKeys.length)) return null;
	return { row: g.rowKeys[i], col: g.colKeys[j] };
}

export function matrixGeometry(model: MatrixModel, options: MatrixOptions): MatrixGeometry {
	const narrow = (options.variant ?? (options.width < 500 ? 'narrow' : 'wide')) === 'narrow';
	const fontSize = options.fontSize ?? (narrow ? 11 : 12);
	const format = options.formatValue ?? ((v: number) => String(v));
	// wider frames widen the columns (room for labels across them), rows keep a table's height
	const maxCell =
		options.maxCell ?? (narrow ? 26 : Math.round(Math.max(34, Math.min(64, options.width / 20))));
	const maxRow = options.maxRow ?? (narrow ? 26 : 34);
	const maxGridHeight = options.maxGridHeight ?? (narrow ? 1200 : 1500);
	const minRow = options.minRow ?? 3;
	const matchLabels = options.matchLabels ?? { exact: 'exact', partial: 'partial', broad: 'broad' };
	const totalLabel = options.totalLabel ?? 'Total';
	const nRows = model.rows.length;
	const nCols = model.cols.length;
	const width = options.width;

	// legend: caption then three swatches drawn like the cells, wrapping when the width runs out
	const sw = 12;
	const legendRowH = Math.round(fontSize * 1.7);
	const swatches: LegendSwatch[] = [];
	const legendTitle = options.legendTitle ?? '';
	let lx = legendTitle ? textWidth(legendTitle, fontSize) + 10 : 0;
	let ly = 0;
	for (const match of MATCHES) {
		const label = matchLabels[match];
		const w = sw + 5 + textWidth(label, fontSize) + 14;
		if (lx + w - 14 > width && lx > 0) {
			lx = 0;
			ly += legendRowH;
		}
		const r = matchRect(match, lx, ly + (legendRowH - sw) / 2, sw, sw);
		swatches.push({ match, label, x: lx, y: ly, rect: r, textX: lx + sw + 5 });
		lx += w;
	}
	const legendHeight = ly + legendRowH + 4;

	// row labels on the left, totals on the right
	const rowLabelWidth = Math.ceil(
		Math.min(
			width * (narrow ? 0.26 : 0.22),
			Math.max(0, ...model.rows.map((r) => textWidth(r.label, fontSize))) + 6
		)
	);
	const totalWidth = Math.ceil(
		Math.max(
			fontSize * 1.2,
			// room for the caption over it, read across, where the width allows
			narrow ? 0 : textWidth(totalLabel, fontSize),
			...model.rows.map((r) => textWidth(format(r.total), fontSize)),
			...model.cols.map((c) => textWidth(format(c.total), fontSize))
		) + 8
	);
	const gridX = rowLabelWidth;
	const available = Math.max(10, width - rowLabelWidth - totalWidth);
	const colStep = nCols ? Math.min(maxCell, available / nCols) : maxCell;
	const rowStep = nRows
		? Math.max(minRow, Math.min(colStep, maxRow, maxGridHeight / nRows))
		: Math.min(colStep, maxRow);
	const gridWidth = colStep * nCols;
	const gridHeight = rowStep * nRows;
	const gapX = colStep >= 10 ? 2 : colStep >= 5 ? 1 : 0;
	const gapY = rowStep >= 10 ? 2 : rowStep >= 5 ? 1 : 0;

	// labels: every nth so that neighbours never touch (a label needs about 1.15 × its font size)
	const need = fontSize * 1.15;
	const rowEvery = Math.max(1, Math.ceil(need / rowStep));
	const colEvery = Math.max(1, Math.ceil(need / colStep));
	const headerMax = narrow ? 110 : Math.round(Math.min(220, Math.max(150, width * 0.18)));
	const header = layoutHeader(
		model.cols.map((c) => c.label),
		{ fontSize, across: colStep * colEvery, maxLength: headerMax, horizontalLines: 3 }
	);
	const caption = layoutHeader([totalLabel], {
		fontSize,
		across: totalWidth,
		maxLength: headerMax,
		horizontalLines: 1
	});
	const headerHeight = Math.ceil(Math.max(header.height, caption.height) + 6);
	const gridY = legendHeight + headerHeight;

	const rowIndex = new Map(model.rows.map((r, i) => [r.key, i]));
	const colIndex = new Map(model.cols.map((c, i) => [c.key, i]));
	const cells: PlacedCell[] = [];
	for (const c of model.cells) {
		const i = rowIndex.get(c.row);
		const j = colIndex.get(c.col);
		if (i === undefined || j === undefined) continue;
		const r = matchRect(
			c.match,
			gridX + j * colStep + gapX / 2,
			gridY + i * rowStep + gapY / 2,
			colStep - gapX,
			rowStep - gapY
		);
		cells.push({
			key: `${c.row}|${c.col}`,
			row: c.row,
			col: c.col,
			match: c.match,
			x: round(r.x),
			y: round(r.y),
			width: round(r.width),
			height: round(r.height),
			fill: r.fill,
			stroke: r.stroke,
			strokeWidth: r.strokeWidth
		});
	}

	const rowLabels: RowLabel[] = [];
	const maxLines = rowLines(rowStep, rowEvery, fontSize);
	const rowTotals: PlacedTotal[] = [];
	model.rows.forEach((r, i) => {
		if (i % rowEvery !== 0) return;
		const y = round(gridY + i * rowStep + rowStep / 2);
		rowLabels.push(
			rowLabel(r.key, r.label, { x: gridX - 6, y, width: rowLabelWidth - 6, maxLines }, fontSize)
		);
		rowTotals.push({ key: r.key, value: format(r.total), x: round(gridX + gridWidth + totalWidth - 2), y });
	});
	const colLabels: PlacedColLabel[] = [];
	const colTotals: PlacedTotal[] = [];
	const colTotalsY = gridY + gridHeight + fontSize + 6;
	// totals under the columns may be wider than a label is tall: thin them on their own
	const widestColTotal = Math.max(0, ...model.cols.map((c) => textWidth(format(c.total), fontSize)));
	// (the first may be nudged right, see below, so leave room for that too)
	const nudge = Math.max(0, widestColTotal / 2 - 2 - colStep / 2);
	const totalEvery = Math.max(colEvery, Math.ceil((widestColTotal + 3 + nudge) / colStep));
	model.cols.forEach((c, j) => {
		const x = round(gridX + j * colStep + colStep / 2);
		if (j % colEvery === 0)
			colLabels.push({ key: c.key, label: c.label, x, y: gridY - 6, head: header.labels[j] });
		if (j % totalEvery === 0) {
			// a wide total under a narrow first column must not run into the "Total" caption left of the grid
			const value = format(c.total);
			const half = textWidth(value, fontSize) / 2;
			colTotals.push({ key: c.key, value, x: round(Math.max(x, gridX - 2 + half)), y: colTotalsY });
		}
	});

	return {
		width,
		height: Math.ceil(colTotalsY + 6),
		fontSize,
		legend: { title: legendTitle, titleX: 0, y: 0, swatches, height: legendHeight },
		gridX,
		gridY,
		gridWidth,
		gridHeight,
		colStep,
		rowStep,
		rowIndex,
		colIndex,
		cells,
		paths: cellPaths(cells),
		rowKeys: model.rows.map((r) => r.key),
		colKeys: model.cols.map((c) => c.key),
		rowLabels,
		colLabels,
		rowEvery,
		colEvery,
		rowTotals,
		colTotals,
		totalCaption: {
			label: truncate(totalLabel, rowLabelWidth - 6, fontSize),
			head: caption.labels[0],
			rowX: round(gridX + gridWidth + totalWidth / 2),
			rowY: gridY - 6,
			colX: gridX - 6,
			colY: colTotalsY
		}
	};
}

export type { Box };

/**
 * The boxes the drawn labels occupy (row labels end-anchored left of the grid, a line each; column labels
 * as laid out over their anchor; totals), for overlap checks.
 */
export function labelBoxes(g: MatrixGeometry): Box[] {
	const fs = g.fontSize;
	const boxes = gridLabelBoxes(g.rowLabels, g.colLabels, fs);
	for (const t of g.rowTotals) {
		const w = textWidth(t.value, fs);
		boxes.push({ key: `rowTotal:${t.key}`, x0: t.x - w, x1: t.x, y0: t.y - fs / 2, y1: t.y + fs / 2 });
	}
	for (const t of g.colTotals) {
		const w = textWidth(t.value, fs);
		boxes.push({ key: `colTotal:${t.key}`, x0: t.x - w / 2, x1: t.x + w / 2, y0: t.y - fs, y1: t.y });
	}
	const c = g.totalCaption;
	const cw = textWidth(c.label, fs);
	boxes.push({ key: 'caption:row', ...placedBox(c.head, c.rowX, c.rowY) });
	boxes.push({ key: 'caption:col', x0: c.colX - cw, x1: c.colX, y0: c.colY - fs, y1: c.colY });
	return boxes;
}

/** Pairs of boxes that overlap (touching edges allowed). */
export function overlaps(boxes: Box[]): [string, string][] {
	const out: [string, string][] = [];
	const eps = 0.01;
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i];
			const b = boxes[j];
			if (a.x0 < b.x1 - eps && b.x0 < a.x1 - eps && a.y0 < b.y1 - eps && b.y0 < a.y1 - eps)
				out.push([a.key, b.key]);
		}
	return out;
}
