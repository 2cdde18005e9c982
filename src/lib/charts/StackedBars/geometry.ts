/**
 * Geometry of the category-mix chart: one horizontal bar per city, stacked by category, as counts or as
 * 100% shares, with the all-city average as a reference row set apart from the cities.
 * Data space (`rows`, `values`) and screen space (`placed`, `x`, `width`) are kept apart by name. Pure; no DOM.
 */
import { scaleLinear } from 'd3-scale';
import { textOn } from '../core/palette';
import { textWidth, truncate, wrap } from '../core/text-width';

export type MixMode = 'count' | 'share';

export interface MixCategory {
	key: string;
	label: string;
	colour: string;
}

export interface MixBarRow {
	key: string;
	label: string;
	/** Per category, aligned to the categories; counts (the average row's may be fractional). */
	values: number[];
}

export interface PlacedMixSegment {
	key: string;
	/** The category's count in this row (data space). */
	value: number;
	/** value / row total (data space). */
	share: number;
	colour: string;
	/** Colour of the text drawn on the segment. */
	textColour: string;
	x: number;
	width: number;
	/** The value or share as drawn inside the segment, or null where it does not fit. */
	text: string | null;
}

export interface PlacedMixRow {
	key: string;
	label: string;
	/** The row label as drawn: one line for cities, up to two for the average row. */
	labelLines: string[];
	total: number;
	totalLabel: string;
	isAverage: boolean;
	/** Top of the row and its height (taller than the bar when the label takes two lines). */
	y: number;
	height: number;
	/** The bar's top and thickness within the row. */
	barY: number;
	barHeight: number;
	/** Right end of the bar, in plot coordinates. */
	width: number;
	segments: PlacedMixSegment[];
}

export interface MixGeometry {
	width: number;
	height: number;
	fontSize: number;
	labelWidth: number;
	plotLeft: number;
	plotWidth: number;
	/** The average row first, then the cities. */
	placed: PlacedMixRow[];
	/** y of the rule between the average row and the cities (null without an average row). */
	separatorY: number | null;
	ticks: { x: number; label: string }[];
	axisY: number;
	lineHeight: number;
}

export interface MixOptions {
	width: number;
	mode: MixMode;
	fontSize?: number;
	barHeight?: number;
	/** Shared axis maximum in count mode (compare view); defaults to the largest total. */
	max?: number;
	formatValue?: (v: number) => string;
	formatShare?: (s: number) => string;
	/** Format of the average row's fractional counts. */
	formatAverage?: (v: number) => string;
}

/** How much wider bold text runs than the regular-weight estimate. */
const BOLD = 1.1;

const sum = (values: number[]) => values.reduce((a, v) => a + v, 0);

/**
 * Places the bars. `average` (optional) is drawn first, separated from the city rows by a gap and a rule.
 * In share mode each non-empty bar fills the plot width exactly: segment edges are cumulative counts over
 * the row total, so the last edge is the total over itself.
 */
export function mixGeometry(
	rows: MixBarRow[],
	categories: MixCategory[],
	average: MixBarRow | null,
	options: MixOptions
): MixGeometry {
	const fontSize = options.fontSize ?? 12;
	const barHeight = options.barHeight ?? 18;
	const gap = 6;
	const lineHeight = Math.round(fontSize * 1.2);
	const axisHeight = 22;
	const fmt = options.formatValue ?? ((v: number) => String(v));
	const fmtShare = options.formatShare ?? ((s: number) => `${Math.round(s * 100)}%`);
	const fmtAvg = options.formatAverage ?? ((v: number) => (Math.round(v * 10) / 10).toString());
	const { mode } = options;

	const all = average ? [average, ...rows] : rows;
	// the average row's label is bold, a little wider than the estimate for regular text
	const labelEstimate = (r: MixBarRow) => textWidth(r.label, fontSize) * (r === average ? BOLD : 1);
	const widest = Math.max(0, ...all.map(labelEstimate));
	const labelWidth = Math.ceil(Math.min(options.width * 0.35, widest + 8));
	const totalText = (r: MixBarRow) => (r === average ? fmtAvg(sum(r.values)) : fmt(sum(r.values)));
	const valueRoom = Math.ceil(Math.max(24, ...all.map((r) => textWidth(totalText(r), fontSize))) + 6);
	const plotLeft = labelWidth;
	const plotWidth = Math.max(40, options.width - labelWidth - valueRoom);

	const max = Math.max(options.max ?? 0, ...all.map((r) => sum(r.values)), 1);
	const x =
		mode === 'share'
			? scaleLinear().domain([0, 1]).range([0, plotWidth])
			: scaleLinear().domain([0, max]).range([0, plotWidth]).nice();

	const place = (row: MixBarRow, y: number, isAverage: boolean): PlacedMixRow => {
		const total = sum(row.values);
		const labelLines = isAverage
			? wrap(row.label, (labelWidth - 8) / BOLD, fontSize, 2)
			: [truncate(row.label, labelWidth - 8, fontSize)];
		const height = Math.max(barHeight, labelLines.length * lineHeight);
		let acc = 0;
		const segments: PlacedMixSegment[] = [];
		categories.forEach((cat, k) => {
			const value = row.values[k] ?? 0;
			if (value <= 0 || total <= 0) return;
			const x0 = mode === 'share' ? x(acc / total) : x(acc);
			acc += value;
			const x1 = mode === 'share' ? x(acc / total) : x(acc);
			const share = value / total;
			const label = mode === 'share' ? fmtShare(share) : isAverage ? fmtAvg(value) : fmt(value);
			const fits = textWidth(label, fontSize - 1) + 6 <= x1 - x0 && fontSize + 2 <= barHeight;
			segments.push({
				key: cat.key,
				value,
				share,
				colour: cat.colour,
				textColour: textOn(cat.colour),
				x: x0,
				width: x1 - x0,
				text: fits ? label : null
			});
		});
		return {
			key: row.key,
			label: row.label,
			labelLines,
			total,
			totalLabel: totalText(row),
			isAverage,
			y,
			height,
			barY: (height - barHeight) / 2,
			barHeight,
			width: total > 0 ? (mode === 'share' ? plotWidth : x(total)) : 0,
			segments
		};
	};

	const placed: PlacedMixRow[] = [];
	let y = 0;
	let separatorY: number | null = null;
	if (average) {
		const row = place(average, y, true);
		placed.push(row);
		y += row.height + gap + 4;
		separatorY = y - (gap + 4) / 2;
		y += 4;
	}
	for (const r of rows) {
		const row = place(r, y, false);
		placed.push(row);
		y += row.height + gap;
	}
	const bandBottom = Math.max(0, y - gap);

	const ticks =
		mode === 'share'
			? (plotWidth < 260 ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1]).map((v) => ({
					x: x(v),
					label: fmtShare(v)
				}))
			: x
					.ticks(Math.max(2, Math.floor(plotWidth / 70)))
					.filter((v) => Number.isInteger(v))
					.map((v) => ({ x: x(v), label: fmt(v) }));

	return {
		width: options.width,
		height: bandBottom + axisHeight,
		fontSize,
		labelWidth,
		plotLeft,
		plotWidth,
		placed,
		separatorY,
		ticks,
		axisY: bandBottom + 4,
		lineHeight
	};
}

export interface MixFinding {
	/** Index of the category with the largest pooled share. */
	top: number;
	topShare: number;
	/** The city whose share in one category sits furthest above the average, among cities with enough events. */
	lean: { cityId: string; category: number; share: number; averageShare: number } | null;
	/** The event count a city needs to be considered for `lean`. */
	minEvents: number;
}

/** Fewest events a city needs before its mix is said to lean (one event is 100% of something). */
export const LEAN_MIN_EVENTS = 3;

/**
 * The finding the title states: the biggest field overall and the city that leans furthest towards one
 * field (largest share above the average; ties go to the earlier city and the earlier category).
 * Cities with fewer than LEAN_MIN_EVENTS events are left out unless no city has that many.
 */
export function mixFinding(mix: {
	rows: { cityId: string; total: number; shares: number[]; deltaFromAverage: number[] }[];
	average: { shares: number[] };
}): MixFinding | null {
	const avg = mix.average.shares;
	if (!avg.length || !mix.rows.some((r) => r.total > 0)) return null;
	let top = 0;
	for (let k = 1; k < avg.length; k++) if (avg[k] > avg[top] + 1e-12) top = k;
	const biggest = Math.max(...mix.rows.map((r) => r.total));
	const minEvents = Math.min(LEAN_MIN_EVENTS, biggest);
	let lean: MixFinding['lean'] = null;
	let best = 0;
	for (const r of mix.rows) {
		if (r.total < minEvents) continue;
		r.deltaFromAverage.forEach((d, k) => {
			if (d > best + 1e-12) {
				best = d;
				lean = { cityId: r.cityId, category: k, share: r.shares[k], averageShare: avg[k] };
			}
		});
	}
	return { top, topShare: avg[top], lean, minEvents };
}
