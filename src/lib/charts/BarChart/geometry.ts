/**
 * Geometry of a ranked horizontal bar chart (optionally stacked): data rows in, placed bars out.
 * Data space (`rows`) and screen space (`placed`) are kept apart by name. Pure; no DOM.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { textWidth, truncate } from '../core/text-width';

export interface BarSegment {
	key: string;
	value: number;
	colour: string;
	label: string;
}

export interface BarRow {
	key: string;
	label: string;
	value: number;
	colour: string;
	/** Optional stack; segment values add up to `value`. */
	segments?: BarSegment[];
}

export interface PlacedSegment extends BarSegment {
	x: number;
	width: number;
}

export interface PlacedBar {
	key: string;
	label: string;
	/** Label as drawn: shortened with an ellipsis if it would not fit. */
	shownLabel: string;
	value: number;
	valueLabel: string;
	colour: string;
	y: number;
	height: number;
	width: number;
	segments: PlacedSegment[];
}

export interface BarGeometry {
	width: number;
	height: number;
	labelWidth: number;
	plotLeft: number;
	plotWidth: number;
	fontSize: number;
	placed: PlacedBar[];
	ticks: { x: number; label: string }[];
	axisY: number;
}

export interface BarOptions {
	width: number;
	fontSize?: number;
	/** Bar thickness in px (the band's step is bar + gap). */
	barHeight?: number;
	/** Shared axis maximum (compare view); defaults to the largest value. */
	max?: number;
	formatValue?: (v: number) => string;
	/** Room for the axis tick labels below the bars. */
	axisHeight?: number;
}

export function barGeometry(rows: BarRow[], options: BarOptions): BarGeometry {
	const fontSize = options.fontSize ?? 12;
	const barHeight = options.barHeight ?? 18;
	const step = barHeight + 6;
	const axisHeight = options.axisHeight ?? 22;
	const format = options.formatValue ?? ((v: number) => String(v));
	const maxLabel = Math.min(
		options.width * 0.35,
		Math.max(0, ...rows.map((r) => textWidth(r.label, fontSize))) + 8
	);
	const labelWidth = Math.ceil(maxLabel);
	const valueRoom = Math.ceil(Math.max(24, ...rows.map((r) => textWidth(format(r.value), fontSize))) + 6);
	const plotLeft = labelWidth;
	const plotWidth = Math.max(40, options.width - labelWidth - valueRoom);
	const max = Math.max(options.max ?? 0, ...rows.map((r) => r.value), 1);
	const x = scaleLinear().domain([0, max]).range([0, plotWidth]).nice();
	const bandHeight = rows.length * step;
	const y = scaleBand<string>()
		.domain(rows.map((r) => r.key))
		.range([0, bandHeight])
		.paddingInner(6 / step);

	const placed: PlacedBar[] = rows.map((row) => {
		let acc = 0;
		const segments = (row.segments ?? []).map((s) => {
			const seg = { ...s, x: x(acc), width: x(acc + s.value) - x(acc) };
			acc += s.value;
			return seg;
		});
		return {
			key: row.key,
			label: row.label,
			shownLabel: truncate(row.label, labelWidth - 8, fontSize),
			value: row.value,
			valueLabel: format(row.value),
			colour: row.colour,
			y: y(row.key) ?? 0,
			height: y.bandwidth(),
			width: x(row.value),
			segments
		};
	});

	const tickCount = Math.max(2, Math.floor(plotWidth / 70));
	const ticks = x
		.ticks(tickCount)
		.filter((v) => Number.isInteger(v))
		.map((v) => ({ x: x(v), label: format(v) }));

	return {
		width: options.width,
		height: bandHeight + axisHeight,
		labelWidth,
		plotLeft,
		plotWidth,
		fontSize,
		placed,
		ticks,
		axisY: bandHeight + 4
	};
}
