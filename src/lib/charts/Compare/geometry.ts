/**
 * Geometry of the compare view's small multiples: categories down the side, one column of bars per
 * compared city, every column on the same value scale (one axis maximum) so bars compare at a glance.
 * Pure; no DOM.
 */
import { scaleLinear } from 'd3-scale';
import { textWidth, wrap } from '../core/text-width';

export interface CompareInput {
	categories: { id: string; label: string }[];
	columns: { cityId: string; label: string; total: number; byCategory: number[]; unique: string[] }[];
	/** Shared axis maximum (the largest per-category count among the columns). */
	max: number;
}

export interface PlacedCell {
	key: string;
	cityId: string;
	categoryId: string;
	value: number;
	x: number;
	y: number;
	width: number;
	height: number;
	/** Only this city among those compared has events in this category. */
	unique: boolean;
	valueX: number;
}

export interface CompareGeometry {
	width: number;
	height: number;
	fontSize: number;
	labelWidth: number;
	headerHeight: number;
	rowStep: number;
	barHeight: number;
	rows: { id: string; label: string; shown: string[]; y: number; height: number }[];
	headers: { cityId: string; lines: string[]; x: number; width: number; total: number }[];
	cells: PlacedCell[];
	/** Zero line of each column. */
	columnX: number[];
	columnWidth: number;
	barRoom: number;
}

export function compareGeometry(input: CompareInput, width: number, fontSize = 12): CompareGeometry {
	const n = Math.max(1, input.columns.length);
	const labelWidth = Math.ceil(
		Math.min(width * 0.34, Math.max(...input.categories.map((c) => textWidth(c.label, fontSize))) + 10)
	);
	const columnWidth = (width - labelWidth) / n;
	const valueRoom = Math.ceil(textWidth(String(input.max), fontSize)) + 6;
	const barRoom = Math.max(12, columnWidth - valueRoom - 8);
	const x = scaleLinear()
		.domain([0, Math.max(1, input.max)])
		.range([0, barRoom]);
	const headerLines = input.columns.map((c) => wrap(c.label, columnWidth - 6, fontSize + 1, 2));
	const headerHeight = Math.max(1, ...headerLines.map((l) => l.length)) * (fontSize + 5) + fontSize + 10;
	const barHeight = 16;
	const rowStep = 26;
	const columnX = input.columns.map((_, i) => labelWidth + i * columnWidth + 4);

	// a long field name wraps inside the label column (never cut); its row grows to hold the lines
	const lineStep = fontSize + 1;
	let y = headerHeight;
	const rows = input.categories.map((c) => {
		const shown = wrap(c.label, labelWidth - 8, fontSize, 5);
		const height = Math.max(rowStep, shown.length * lineStep + 8);
		const row = { id: c.id, label: c.label, shown, y, height };
		y += height;
		return row;
	});
	const cells: PlacedCell[] = [];
	input.columns.forEach((col, i) => {
		input.categories.forEach((cat, k) => {
			const value = col.byCategory[k] ?? 0;
			const w = x(value);
			cells.push({
				key: `${col.cityId}:${cat.id}`,
				cityId: col.cityId,
				categoryId: cat.id,
				value,
				x: columnX[i],
				y: rows[k].y + (rows[k].height - barHeight) / 2,
				width: w,
				height: barHeight,
				unique: col.unique.includes(cat.id),
				valueX: columnX[i] + w + 4
			});
		});
	});
	return {
		width,
		height: y + 4,
		fontSize,
		labelWidth,
		headerHeight,
		rowStep,
		barHeight,
		rows,
		headers: input.columns.map((c, i) => ({
			cityId: c.cityId,
			lines: headerLines[i],
			x: labelWidth + i * columnWidth + 4,
			width: columnWidth,
			total: c.total
		})),
		cells,
		columnX,
		columnWidth,
		barRoom
	};
}
