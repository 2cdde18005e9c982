/**
 * Geometry of the UpSet plot of the cities' future-industry tracks: set-size bars on the left (growing
 * leftwards from the city names), the membership matrix of dots (filled and joined for the cities in an
 * intersection, light otherwise), and intersection-size bars on top. Data space in (`UpsetInput`, the
 * aggregate's sets and exclusive intersections, already sorted by size then degree), screen space out.
 * Pure; no DOM. When the intersections would not fit at a readable column width, only the largest are
 * placed, `hidden` says how many were left out and a note under the plot says so (for that width only).
 * Wider plots get wider columns, a wider set-bar block, taller bars and larger type; city names wrap onto
 * a second line (rather than being cut) except on phones.
 */
import { scaleLinear } from 'd3-scale';
import { textWidth, truncate, wrap } from '../core/text-width';
import type { Box } from '../frame/grid-labels';

export interface UpsetInput {
	sets: { key: string; label: string; size: number }[];
	/** In display order (largest first); `cityIds` are keys of `sets`. */
	intersections: { key: string; cityIds: string[]; size: number; degree: number }[];
}

export interface PlacedSet {
	key: string;
	label: string;
	/** The name as drawn: its first (or only) line. */
	shown: string;
	/** The name's lines (two when a long name wraps; one, cut to fit, on phones). */
	lines: string[];
	/** Row centre. */
	y: number;
	/** Bar, ending at `barRight`. */
	barX: number;
	barWidth: number;
	barHeight: number;
	value: string;
	/** End-anchored value label just left of the bar. */
	valueX: number;
}

export interface PlacedDot {
	setKey: string;
	y: number;
	member: boolean;
}

export interface PlacedIntersection {
	key: string;
	cityIds: string[];
	size: number;
	degree: number;
	/** Column centre. */
	x: number;
	barX: number;
	barY: number;
	barWidth: number;
	barHeight: number;
	value: string;
	valueY: number;
	dots: PlacedDot[];
	/** Joining line between the first and last member dot, if more than one member. */
	line: { y1: number; y2: number } | null;
	/** Hit area / highlight outline: the whole column. */
	hit: { x: number; y: number; width: number; height: number };
}

export interface UpsetGeometry {
	width: number;
	height: number;
	fontSize: number;
	radius: number;
	rowStep: number;
	colStep: number;
	barRight: number;
	matrixX: number;
	matrixY: number;
	matrixWidth: number;
	matrixHeight: number;
	sets: PlacedSet[];
	stripes: { y: number; height: number }[];
	intersections: PlacedIntersection[];
	/** Intersections left out because they would not fit. */
	hidden: number;
	/** Caption of the top bars (top-left corner) and of the set bars (under them), wrapped to fit. */
	groupsCaption: { lines: string[]; x: number; y: number; lineHeight: number };
	setsCaption: { lines: string[]; x: number; y: number; lineHeight: number };
	/** Lines of the note saying how many groups are shown when some are hidden (start-anchored at x 0). */
	note: { lines: string[]; y: number; lineHeight: number };
	/** Line height of wrapped city names. */
	lineHeight: number;
}

export interface UpsetOptions {
	width: number;
	variant?: 'wide' | 'narrow';
	fontSize?: number;
	formatValue?: (v: number) => string;
	groupsCaption?: string;
	setsCaption?: string;
	/** Narrowest column in px before intersections are dropped. */
	minColumn?: number;
	/** The note under the plot when only the largest groups fit, e.g. "Showing the 8 largest of 11 groups." */
	cappedNote?: (shown: number, total: number) => string;
}

/** Sizes that grow with the plot width, so a desktop or wide column is used rather than left empty. */
function upsetScale(width: number, narrow: boolean) {
	if (narrow) return { fs: 11, rowStep: 20, maxCol: 28, barRight: 56, topHeight: 96 };
	const fs = width < 800 ? 12 : 13;
	return {
		fs,
		rowStep: fs * 2,
		maxCol: width < 800 ? 40 : Math.round(Math.min(88, width / 13)),
		barRight: Math.round(Math.max(110, width * 0.14)),
		topHeight: Math.round(Math.max(130, width * 0.15))
	};
}

const round = (v: number) => Math.round(v * 100) / 100;

export function upsetGeometry(input: UpsetInput, options: UpsetOptions): UpsetGeometry {
	const narrow = (options.variant ?? (options.width < 500 ? 'narrow' : 'wide')) === 'narrow';
	const scale = upsetScale(options.width, narrow);
	const fs = options.fontSize ?? scale.fs;
	const format = options.formatValue ?? ((v: number) => String(v));
	const width = options.width;
	const maxCol = scale.maxCol;
	const minCol = options.minColumn ?? Math.max(14, Math.ceil(fs * 1.3));
	const lh = Math.round(fs * 1.3);
	const nameLH = Math.round(fs * 1.15);

	// left block: set bars, then the city names next to the matrix
	const setValueRoom = Math.ceil(Math.max(0, ...input.sets.map((s) => textWidth(format(s.size), fs))) + 4);
	const barRight = scale.barRight;
	const longest = Math.max(0, ...input.sets.map((s) => textWidth(s.label, fs)));
	// a fifth of the width, or (up to three tenths) enough for the longest name on two lines
	const nameWidth = Math.ceil(
		narrow
			? Math.min(width * 0.22, longest + 10)
			: Math.min(longest + 10, Math.max(width * 0.2, Math.min(width * 0.3, longest / 2 + fs * 2 + 10)))
	);
	// names wrap onto two lines where there is room (rows grow to hold them); phones cut them instead
	const nameLines = input.sets.map((s) =>
		narrow ? [truncate(s.label, nameWidth - 10, fs)] : wrap(s.label, nameWidth - 10, fs, 2)
	);
	const maxLines = Math.max(1, ...nameLines.map((l) => l.length));
	const rowStep = maxLines > 1 ? Math.max(scale.rowStep, maxLines * nameLH + 8) : scale.rowStep;
	const matrixX = barRight + nameWidth;
	const matrixWidthAvail = Math.max(minCol, width - matrixX);
	const fit = Math.max(1, Math.floor(matrixWidthAvail / minCol));
	const shown = input.intersections.slice(0, fit);
	const hidden = input.intersections.length - shown.length;
	const colStep = shown.length ? Math.min(maxCol, matrixWidthAvail / shown.length) : maxCol;

	// top block: intersection bars with their values above
	const topHeight = scale.topHeight;
	const maxInter = Math.max(1, ...shown.map((x) => x.size));
	const yTop = scaleLinear()
		.domain([0, maxInter])
		.range([0, topHeight - fs - 6]);
	const matrixY = topHeight + 6;
	const matrixHeight = input.sets.length * rowStep;
	const radius = Math.max(2, Math.min(6, Math.min(colStep, rowStep) / 2 - 3));

	const maxSet = Math.max(1, ...input.sets.map((s) => s.size));
	const xSet = scaleLinear()
		.domain([0, maxSet])
		.range([0, Math.max(10, barRight - 4 - setValueRoom)]);
	const rowOf = new Map(input.sets.map((s, i) => [s.key, i]));
	const rowY = (i: number) => matrixY + i * rowStep + rowStep / 2;
	const barH = Math.min(14, rowStep - 8);

	const sets: PlacedSet[] = input.sets.map((s, i) => {
		const w = round(xSet(s.size));
		return {
			key: s.key,
			label: s.label,
			shown: nameLines[i][0] ?? '',
			lines: nameLines[i],
			y: round(rowY(i)),
			barX: round(barRight - 4 - w),
			barWidth: w,
			barHeight: barH,
			value: format(s.size),
			valueX: round(barRight - 4 - w - 3)
		};
	});
	const stripes = input.sets
		.map((_, i) => ({ y: matrixY + i * rowStep, height: rowStep }))
		.filter((_, i) => i % 2 === 0);

	const barWidth = Math.max(4, Math.min(colStep - 4, colStep * 0.7, fs * 4));
	const intersections: PlacedIntersection[] = shown.map((x, j) => {
		const cx = matrixX + j * colStep + colStep / 2;
		const h = round(yTop(x.size));
		const members = new Set(x.cityIds);
		const dots = input.sets.map((s, i) => ({ setKey: s.key, y: round(rowY(i)), member: members.has(s.key) }));
		const rows = x.cityIds.map((id) => rowOf.get(id)).filter((i): i is number => i !== undefined);
		const lo = Math.min(...rows);
		const hi = Math.max(...rows);
		return {
			key: x.key,
			cityIds: x.cityIds,
			size: x.size,
			degree: x.degree,
			x: round(cx),
			barX: round(cx - barWidth / 2),
			barY: round(topHeight - h),
			barWidth: round(barWidth),
			barHeight: h,
			value: format(x.size),
			valueY: round(topHeight - h - 4),
			dots,
			line: rows.length > 1 ? { y1: round(rowY(lo)), y2: round(rowY(hi)) } : null,
			hit: { x: round(cx - colStep / 2), y: 0, width: round(colStep), height: round(matrixY + matrixHeight) }
		};
	});

	const cornerWidth = Math.max(20, matrixX - 8);
	const groupsLines = options.groupsCaption ? wrap(options.groupsCaption, cornerWidth, fs, 3) : [];
	const setsLines = options.setsCaption ? wrap(options.setsCaption, barRight - 4, fs, 3) : [];
	const setsY = matrixY + matrixHeight + fs + 4;
	const setsBottom = setsY + Math.max(0, setsLines.length - 1) * lh + 6;
	const noteLines =
		hidden > 0 && options.cappedNote
			? wrap(options.cappedNote(shown.length, input.intersections.length), width, fs)
			: [];
	const noteY = setsBottom + fs + 4;

	return {
		width,
		height: Math.ceil(noteLines.length ? noteY + (noteLines.length - 1) * lh + 6 : setsBottom),
		fontSize: fs,
		radius,
		rowStep,
		colStep,
		barRight,
		matrixX,
		matrixY,
		matrixWidth: colStep * shown.length,
		matrixHeight,
		sets,
		stripes,
		intersections,
		hidden,
		groupsCaption: {
			lines: groupsLines,
			x: matrixX - 8,
			y: Math.max(fs, topHeight - (groupsLines.length - 1) * lh - 2),
			lineHeight: lh
		},
		setsCaption: { lines: setsLines, x: barRight - 4, y: setsY, lineHeight: lh },
		note: { lines: noteLines, y: noteY, lineHeight: lh },
		lineHeight: nameLH
	};
}

export type { Box };

/** Boxes of every drawn label (names, values, captions), for overlap and bounds checks. */
export function upsetLabelBoxes(g: UpsetGeometry): Box[] {
	const fs = g.fontSize;
	const boxes: Box[] = [];
	for (const s of g.sets) {
		s.lines.forEach((line, i) => {
			const w = textWidth(line, fs);
			const y = nameLineY(g, s, i);
			boxes.push({
				key: `name:${s.key}:${i}`,
				x0: g.matrixX - 6 - w,
				x1: g.matrixX - 6,
				y0: y - fs / 2,
				y1: y + fs / 2
			});
		});
		const vw = textWidth(s.value, fs);
		boxes.push({
			key: `setValue:${s.key}`,
			x0: s.valueX - vw,
			x1: s.valueX,
			y0: s.y - fs / 2,
			y1: s.y + fs / 2
		});
	}
	for (const x of g.intersections) {
		const w = textWidth(x.value, fs);
		boxes.push({ key: `value:${x.key}`, x0: x.x - w / 2, x1: x.x + w / 2, y0: x.valueY - fs, y1: x.valueY });
	}
	const caption = (c: UpsetGeometry['groupsCaption'], key: string) =>
		c.lines.forEach((line, i) => {
			const w = textWidth(line, fs);
			const y = c.y + i * c.lineHeight;
			boxes.push({ key: `${key}:${i}`, x0: c.x - w, x1: c.x, y0: y - fs, y1: y });
		});
	caption(g.groupsCaption, 'groupsCaption');
	caption(g.setsCaption, 'setsCaption');
	g.note.lines.forEach((line, i) => {
		const y = g.note.y + i * g.note.lineHeight;
		boxes.push({ key: `note:${i}`, x0: 0, x1: textWidth(line, fs), y0: y - fs, y1: y });
	});
	return boxes;
}

/** The centre line (y) of line `i` of a set's name: the lines sit centred on the row. */
export function nameLineY(g: UpsetGeometry, s: PlacedSet, i: number): number {
	return round(s.y + (i - (s.lines.length - 1) / 2) * g.lineHeight);
}

export interface UpsetFinding {
	kind: 'empty' | 'single' | 'none' | 'shared';
	/** Number of cities compared. */
	n: number;
	/** The largest number of cities sharing a track. */
	k: number;
	/** Whether the k cities are all the cities compared. */
	all: boolean;
	/** Tracks shared by k cities (over every intersection of that degree), in display order. */
	trackIds: string[];
}

/** What the title states: the tracks shared by the most cities. */
export function upsetFinding(u: {
	sets: { size: number }[];
	intersections: { degree: number; trackIds: string[] }[];
}): UpsetFinding {
	const n = u.sets.length;
	if (n === 0) return { kind: 'empty', n, k: 0, all: false, trackIds: [] };
	if (n === 1)
		return { kind: 'single', n, k: 1, all: true, trackIds: u.intersections.flatMap((x) => x.trackIds) };
	const k = Math.max(0, ...u.intersections.map((x) => x.degree));
	if (k < 2) return { kind: 'none', n, k, all: false, trackIds: [] };
	return {
		kind: 'shared',
		n,
		k,
		all: k === n,
		trackIds: u.intersections.filter((x) => x.degree === k).flatMap((x) => x.trackIds)
	};
}
