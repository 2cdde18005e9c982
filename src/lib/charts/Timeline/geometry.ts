/**
 * Geometry of the timeline: cities (rows) × periods (the twelve months of 2023 for now; the count comes
 * from the period labels given) plus an "undated" column (columns).
 * With few rows every event is a small square in its cell, coloured by field, and an event that ran over
 * several months is a bar from its first month to its last. With many rows (hundreds of cities) each cell
 * becomes a heat cell whose shade gives its count. National events sit in a row of their own at the bottom.
 * Data space (`rows`, `cells[c]` of event records) and screen space (`placed*`) are kept apart by name.
 * Heat cells of one shade are drawn as one path (`heatPaths`), so 300 cities stay a few elements plus
 * their counts; the pointer finds its cell by position (`cellAt`). Pure; no DOM.
 */
import { BLUES_9, textOn } from '../core/palette';
import { charWidthEm, isWide, textWidth, wrap } from '../core/text-width';
import { isNarrow } from '../frame/variants';

/**
 * The columns of a row: its periods first (P of them: for a year of months, columns 0–11 are
 * January–December), then the events without a month (column P), then the items with no year that the
 * source only places "earlier" than another event (column P + 1; drawn only when there are any, after a
 * second gap, so they are never read as part of the period). The constants are the aggregate's layout,
 * one year of months; the geometry itself counts the periods from its labels.
 */
export const UNDATED = 12;
export const EARLIER = 13;

export interface TimelineEvent {
	id: string;
	colour: string;
	/**
	 * Last period (1-based: the month for a year of months) of an event that ran over several periods,
	 * drawn as a bar from the cell it sits in (its first period).
	 */
	lastPeriod: number | null;
}

export interface TimelineInputRow {
	key: string;
	label: string;
	national: boolean;
	/**
	 * The periods (months 1–12), then undated, then (optionally) earlier: P + 1 or P + 2 cells. A ranged
	 * event sits in the cell of its first period.
	 */
	cells: TimelineEvent[][];
}

export interface PlacedColumn {
	index: number;
	x: number;
	width: number;
	/** Header text lines and the line each sits on (month labels alternate lines when they are crowded). */
	lines: string[];
	line: number;
	/** The undated or the earlier column (set apart from the months). */
	undated: boolean;
	/** The earlier (no year) column. */
	earlier: boolean;
}

export interface PlacedGroup {
	label: string;
	x: number;
	width: number;
	/** The first group starts at the grid's left edge; the others draw a rule where they start. */
	first: boolean;
}

export interface PlacedRow {
	key: string;
	label: string;
	/**
	 * The label as drawn, one line each: wrapped to the label column, never cut at tablet width and up
	 * (the column grows to the longest word); two lines at most on a phone, the second cut if need be.
	 */
	labelLines: string[];
	national: boolean;
	y: number;
	height: number;
	/** This row's non-empty cells and event marks (the same objects as in the geometry's flat lists). */
	cells: PlacedCell[];
	marks: PlacedEventMark[];
	/** Heat mode: the counts drawn in this row's cells (those that fit), centred in their cell. */
	counts: PlacedCount[];
}

export interface PlacedCount {
	key: string;
	x: number;
	y: number;
	text: string;
	colour: string;
}

export interface PlacedCell {
	/** `${row key}|${column}` */
	key: string;
	rowKey: string;
	column: number;
	x: number;
	y: number;
	width: number;
	height: number;
	count: number;
	ids: string[];
	/** Heat mode: the cell's fill, its text colour and the count as drawn (null where it does not fit). */
	fill: string | null;
	textColour: string | null;
	text: string | null;
}

export interface PlacedEventMark {
	id: string;
	rowKey: string;
	colour: string;
	x: number;
	y: number;
	width: number;
	height: number;
	/** Spans several months. */
	ranged: boolean;
}

/** Heat mode: every cell of one shade as one path of closed rectangles, inset half a pixel as drawn. */
export interface HeatPath {
	fill: string;
	d: string;
	count: number;
}

/** The dashed rules that set the undated and earlier columns and the national row apart. */
export interface Rule {
	kind: 'undated' | 'earlier' | 'national';
	x1: number;
	x2: number;
	y1: number;
	y2: number;
}

export interface HeatBin {
	from: number;
	to: number;
	colour: string;
}

export interface TimelineGeometry {
	mode: 'marks' | 'heat';
	width: number;
	height: number;
	fontSize: number;
	lineHeight: number;
	labelWidth: number;
	headerHeight: number;
	columns: PlacedColumn[];
	rows: PlacedRow[];
	/** Non-empty cells in reading order (row by row, month by month, undated last). */
	cells: PlacedCell[];
	/** The same cells by key. */
	cellIndex: Map<string, PlacedCell>;
	/** Heat mode: the cells' shades, one path per bin in bin order (empty in marks mode). */
	heatPaths: HeatPath[];
	/** One per event (marks mode only). */
	marks: PlacedEventMark[];
	bins: HeatBin[];
	/** The rule above the national row (null without one). */
	nationalRuleY: number | null;
	/** The rule left of the undated column. */
	undatedRuleX: number;
	/** The rule left of the earlier column (null when there is none). */
	earlierRuleX: number | null;
	/** The three rules above as drawn (those that exist). */
	rules: Rule[];
	/** The period groups' header labels (years), centred over their periods ([] without groups). */
	groups: PlacedGroup[];
	/** Bottom of the grid. */
	gridBottom: number;
	/** Size of one event square. */
	markSize: number;
}

export interface TimelineOptions {
	width: number;
	/** Short names of the periods in order (for now the twelve months, January first). */
	periodLabels: string[];
	/** Fuller names ("January"), drawn instead when every one fits its column. */
	periodNames?: string[];
	/** Header of the column of events without a month; '' leaves the column out (an axis of years). */
	undatedLabel: string;
	/** Header of the earlier (no year) column, drawn only when a row has such items. */
	earlierLabel?: string;
	/**
	 * Runs of consecutive periods named on a header line of their own above the periods' labels (the
	 * years of an axis of months or quarters). With groups, period labels are thinned to every k-th
	 * period of a group where they would crowd, rather than staggered.
	 */
	periodGroups?: { label: string; count: number }[];
	/** Default 12 px, 11 on a phone (its month columns are 13 px wide). */
	fontSize?: number;
	/** Above this many rows cells are drawn as heat cells (default 40). */
	heatThreshold?: number;
	formatCount?: (n: number) => string;
}

const UNDATED_GAP = 8;
/** Room between a row label and the grid. */
const LABEL_GAP = 8;
const NATIONAL_GAP = 8;
const MARK_GAP = 2;

/** The narrowest width at which `label` wraps onto at most two lines without being cut. */
function twoLineWidth(label: string, fontSize: number): number {
	const full = Math.ceil(textWidth(label, fontSize));
	for (let w = Math.ceil(full / 2); w < full; w++) {
		const lines = wrap(label, w, fontSize);
		if (lines.length <= 2 && lines.every((l) => label.includes(l))) return w;
	}
	return full;
}

/**
 * A side column's header: one line when it fits, else two balanced lines ("月份/不详", not "月份不/详").
 */
function headerWrap(label: string, width: number, fontSize: number): string[] {
	if (textWidth(label, fontSize) <= width) return [label];
	return wrap(label, Math.min(width, twoLineWidth(label, fontSize)), fontSize, 2);
}

/**
 * Width of the widest piece of `label` that a line cannot break inside: a Latin word (a run without
 * spaces or hanzi), or one hanzi.
 */
function longestUnit(label: string, fontSize: number): number {
	let widest = 0;
	let run = '';
	for (const char of label + ' ') {
		const wide = isWide(char.codePointAt(0) ?? 0);
		if (wide || char === ' ') {
			widest = Math.max(widest, textWidth(run, fontSize), wide ? charWidthEm(char) * fontSize : 0);
			run = '';
		} else run += char;
	}
	return widest;
}

/** Shades for counts 1…max: one per value up to four, else four equal bins. */
export function heatBins(max: number): HeatBin[] {
	if (max <= 0) return [];
	const n = Math.min(4, max);
	const step = Math.ceil(max / n);
	const palette = BLUES_9;
	const shades =
		n === 1 ? [palette[5]] : Array.from({ length: n }, (_, i) => palette[3 + Math.round((i * 5) / (n - 1))]);
	const bins: HeatBin[] = [];
	for (let i = 0; i < n; i++) {
		const from = i * step + 1;
		if (from > max) break;
		bins.push({ from, to: Math.min(max, (i + 1) * step), colour: shades[i] });
	}
	return bins;
}

export function timelineGeometry(rows: TimelineInputRow[], options: TimelineOptions): TimelineGeometry {
	const width = options.width;
	const narrow = isNarrow(width);
	const fontSize = options.fontSize ?? (narrow ? 11 : 12);
	const lineHeight = Math.round(fontSize * 1.25);
	const fmt = options.formatCount ?? ((n: number) => String(n));
	const mode = rows.length > (options.heatThreshold ?? 40) ? 'heat' : 'marks';
	// the period columns come from the labels; the undated and earlier cells follow them
	const periods = options.periodLabels.length;
	const undatedIndex = periods;
	const earlierIndex = periods + 1;
	const lastPeriod = periods - 1;

	// row labels: up to 30% of the width, and from tablet width up at least the longest word, so a long
	// name wraps onto more lines instead of being cut
	const widestLabel = Math.max(0, ...rows.map((r) => textWidth(r.label, fontSize)));
	const wordRoom = narrow
		? 0
		: Math.min(width * 0.45, Math.max(0, ...rows.map((r) => longestUnit(r.label, fontSize))));
	const labelWidth = Math.ceil(Math.min(Math.max(width * 0.3, wordRoom), widestLabel) + LABEL_GAP);
	const labelLines = (label: string) => wrap(label, labelWidth - LABEL_GAP, fontSize, narrow ? 2 : Infinity);

	// the columns: equal periods, a gap, and the undated column (wider if its label needs it)
	const hasUndated = options.undatedLabel !== '';
	const hasEarlier = rows.some((r) => (r.cells[earlierIndex]?.length ?? 0) > 0);
	const sideColumns = (hasUndated ? 1 : 0) + (hasEarlier ? 1 : 0);
	const shownColumns = periods + sideColumns;
	const gridWidth = width - labelWidth - UNDATED_GAP * sideColumns;
	const undatedWidth = hasUndated
		? Math.max(twoLineWidth(options.undatedLabel, fontSize) + 4, gridWidth / shownColumns)
		: 0;
	const earlierLabel = options.earlierLabel ?? 'Earlier';
	const earlierWidth = hasEarlier
		? Math.max(twoLineWidth(earlierLabel, fontSize) + 4, gridWidth / shownColumns)
		: 0;
	const colWidth = (gridWidth - undatedWidth - earlierWidth) / Math.max(1, periods);

	const widest = (labels: string[]) => Math.max(0, ...labels.map((l) => textWidth(l, fontSize)));
	const groupsIn = options.periodGroups && options.periodGroups.length > 1 ? options.periodGroups : null;
	// full names where every one fits (a desktop's wide columns), else the short ones; with groups, every
	// k-th of a group where even those would crowd, else staggered onto two lines (a phone)
	const names = options.periodNames;
	let periodLabels =
		names?.length === periods && widest(names) + 8 <= colWidth ? names : options.periodLabels;
	let stagger = false;
	if (groupsIn) {
		const size = groupsIn[0].count;
		const every = [1, 2, 3, 4, 6, 12].find((k) => size % k === 0 && widest(periodLabels) + 4 <= k * colWidth);
		let at = 0;
		const shown: string[] = [];
		for (const group of groupsIn) {
			for (let j = 0; j < group.count; j++) shown.push(every && j % every === 0 ? periodLabels[at + j] : '');
			at += group.count;
		}
		periodLabels = shown;
	} else stagger = widest(periodLabels) + 4 > colWidth;
	const groupLine = groupsIn ? 1 : 0;
	const undatedLines = hasUndated ? headerWrap(options.undatedLabel, undatedWidth - 4, fontSize) : [];
	const earlierLines = hasEarlier ? headerWrap(earlierLabel, earlierWidth - 4, fontSize) : [];
	const headerLines = Math.max((stagger ? 2 : 1) + groupLine, undatedLines.length, earlierLines.length);
	const headerHeight = headerLines * lineHeight + 6;

	const columns: PlacedColumn[] = periodLabels.map((label, c) => ({
		index: c,
		x: labelWidth + c * colWidth,
		width: colWidth,
		lines: label ? [label] : [],
		line: groupLine + (stagger ? c % 2 : 0),
		undated: false,
		earlier: false
	}));
	const groups: PlacedGroup[] = [];
	if (groupsIn) {
		let at = 0;
		for (const group of groupsIn) {
			groups.push({
				label: group.label,
				x: labelWidth + at * colWidth,
				width: group.count * colWidth,
				first: at === 0
			});
			at += group.count;
		}
	}
	const periodsEnd = labelWidth + periods * colWidth;
	const undatedRuleX = periodsEnd + UNDATED_GAP / 2;
	if (hasUndated)
		columns.push({
			index: undatedIndex,
			x: periodsEnd + UNDATED_GAP,
			width: undatedWidth,
			lines: undatedLines,
			line: 0,
			undated: true,
			earlier: false
		});
	let earlierRuleX: number | null = null;
	if (hasEarlier) {
		const x0 = periodsEnd + (hasUndated ? UNDATED_GAP + undatedWidth : 0);
		earlierRuleX = x0 + UNDATED_GAP / 2;
		columns.push({
			index: earlierIndex,
			x: x0 + UNDATED_GAP,
			width: earlierWidth,
			lines: earlierLines,
			line: 0,
			undated: true,
			earlier: true
		});
	}

	// marks mode: squares per event (larger in a desktop's wide columns); ranged events get lanes at the
	// top of their row
	const markSize = colWidth >= 60 ? 10 : colWidth >= 36 ? 8 : 6;
	const step = markSize + MARK_GAP;
	const perLine = (w: number) => Math.max(1, Math.floor((w - 4 + MARK_GAP) / step));
	const isRanged = (e: TimelineEvent, c: number) =>
		c < periods && e.lastPeriod !== null && e.lastPeriod > c + 1;
	const endColumn = (e: TimelineEvent) => columns[Math.min(lastPeriod, (e.lastPeriod as number) - 1)];
	const columnAt = new Map(columns.map((col) => [col.index, col]));

	interface Lanes {
		lane: Map<string, number>;
		count: number;
	}
	const lanesOf = (row: TimelineInputRow): Lanes => {
		const lane = new Map<string, number>();
		const ends: number[] = [];
		for (let c = 0; c < periods; c++) {
			for (const e of row.cells[c] ?? []) {
				if (!isRanged(e, c)) continue;
				let l = ends.findIndex((end) => end < c);
				if (l < 0) l = ends.length;
				ends[l] = endColumn(e).index;
				lane.set(e.id, l);
			}
		}
		return { lane, count: ends.length };
	};
	const rowLanes = mode === 'marks' ? rows.map(lanesOf) : [];
	const pointLines = (row: TimelineInputRow, r: number) =>
		rowLanes[r].count +
		Math.max(
			0,
			...row.cells.map((cell, c) => {
				const col = columnAt.get(c);
				if (!col) return 0;
				const points = cell.filter((e) => !isRanged(e, c)).length;
				return Math.ceil(points / perLine(col.width));
			})
		);
	const rowHeight =
		mode === 'heat'
			? Math.max(fontSize + 3, 13)
			: Math.max(fontSize + 7, Math.max(1, ...rows.map(pointLines)) * step - MARK_GAP + 6);

	const placedRows: PlacedRow[] = [];
	const cells: PlacedCell[] = [];
	const marks: PlacedEventMark[] = [];
	const maxCount = Math.max(
		0,
		...rows.flatMap((r) => r.cells.map((c, i) => (columnAt.has(i) ? c.length : 0)))
	);
	const bins = mode === 'heat' ? heatBins(maxCount) : [];
	const binOf = (n: number) => bins.find((b) => n >= b.from && n <= b.to) ?? bins[bins.length - 1];

	let y = headerHeight;
	let nationalRuleY: number | null = null;
	for (const [r, row] of rows.entries()) {
		if (row.national) {
			nationalRuleY = y + NATIONAL_GAP / 2;
			y += NATIONAL_GAP;
		}
		const lines = labelLines(row.label);
		// a row grows to hold a wrapped label
		const height = lines.length > 1 ? Math.max(rowHeight, lines.length * lineHeight + 4) : rowHeight;
		const placed: PlacedRow = {
			key: row.key,
			label: row.label,
			labelLines: lines,
			national: row.national,
			y,
			height,
			cells: [],
			marks: [],
			counts: []
		};
		placedRows.push(placed);
		for (const col of columns) {
			const c = col.index;
			const events = row.cells[c] ?? [];
			if (!events.length) continue;
			let fill: string | null = null;
			let textColour: string | null = null;
			let text: string | null = null;
			if (mode === 'heat') {
				fill = binOf(events.length).colour;
				textColour = textOn(fill);
				const label = fmt(events.length);
				text = textWidth(label, fontSize - 1) + 2 <= col.width - 2 && height >= fontSize ? label : null;
			} else {
				const n = perLine(col.width);
				const inset = (col.width - (n * step - MARK_GAP)) / 2;
				const { lane, count: laneCount } = rowLanes[r];
				let j = 0;
				for (const e of events) {
					const ranged = isRanged(e, c);
					const end = ranged ? endColumn(e) : null;
					placed.marks.push({
						id: e.id,
						rowKey: row.key,
						colour: e.colour,
						x: col.x + inset + (ranged ? 0 : (j % n) * step),
						y: y + 3 + (ranged ? (lane.get(e.id) ?? 0) : laneCount + Math.floor(j / n)) * step,
						width: end ? end.x + end.width - inset - (col.x + inset) : markSize,
						height: markSize,
						ranged
					});
					if (!ranged) j++;
				}
			}
			const key = `${row.key}|${c}`;
			placed.cells.push({
				key,
				rowKey: row.key,
				column: c,
				x: col.x,
				y,
				width: col.width,
				height,
				count: events.length,
				ids: events.map((e) => e.id),
				fill,
				textColour,
				text
			});
			if (text !== null && textColour !== null)
				placed.counts.push({ key, x: col.x + col.width / 2, y: y + height / 2, text, colour: textColour });
		}
		cells.push(...placed.cells);
		marks.push(...placed.marks);
		y += height;
	}

	const round = (v: number) => Math.round(v * 100) / 100;
	const heatPaths: HeatPath[] = bins.flatMap((b) => {
		const parts: string[] = [];
		for (const c of cells) {
			if (c.fill !== b.colour) continue;
			const w = round(c.width - 1);
			parts.push(`M${round(c.x + 0.5)} ${round(c.y + 0.5)}h${w}v${round(c.height - 1)}h${-w}z`);
		}
		return parts.length ? [{ fill: b.colour, d: parts.join(''), count: parts.length }] : [];
	});

	const vertical = (kind: Rule['kind'], x: number | null): Rule[] =>
		x === null ? [] : [{ kind, x1: x, x2: x, y1: 0, y2: y }];
	const rules: Rule[] = [
		...(hasUndated ? vertical('undated', undatedRuleX) : []),
		...vertical('earlier', earlierRuleX),
		...(nationalRuleY === null
			? []
			: [{ kind: 'national' as const, x1: 0, x2: width, y1: nationalRuleY, y2: nationalRuleY }])
	];

	return {
		mode,
		width,
		height: y + 2,
		fontSize,
		lineHeight,
		labelWidth,
		headerHeight,
		columns,
		rows: placedRows,
		cells,
		cellIndex: new Map(cells.map((c) => [c.key, c])),
		heatPaths,
		marks,
		bins,
		nationalRuleY,
		undatedRuleX,
		earlierRuleX,
		rules,
		groups,
		gridBottom: y,
		markSize
	};
}

/** The non-empty cell under a point in plot coordinates, or null. */
export function cellAt(g: TimelineGeometry, x: number, y: number): PlacedCell | null {
	const row = g.rows.find((r) => y >= r.y && y < r.y + r.height);
	const col = g.columns.find((c) => x >= c.x && x < c.x + c.width);
	if (!row || !col) return null;
	return g.cellIndex.get(`${row.key}|${col.index}`) ?? null;
}

/**
 * The bands that dim the rows of the cities not chosen: a translucent sheet of the background over each
 * run of dimmed rows (the rows above the chosen one, and those below it). Two rects at most, whichever
 * row is chosen, instead of an opacity on every row; on the white chart background a sheet of opacity
 * 1 − o looks the same as the rows drawn at opacity o. (The month rules under them dim too.)
 */
export function dimBands(
	g: TimelineGeometry,
	dimmed: (rowKey: string) => boolean
): { x: number; y: number; width: number; height: number }[] {
	// from a label's width left of the plot: a long label's estimate can fall short and its text start
	// left of 0; over the frame's white margin the sheet is invisible
	const x = -g.labelWidth;
	const bands: { x: number; y: number; width: number; height: number }[] = [];
	let start: PlacedRow | null = null;
	const close = (end: PlacedRow) => {
		if (start) bands.push({ x, y: start.y, width: g.width - x, height: end.y + end.height - start.y });
		start = null;
	};
	g.rows.forEach((row, i) => {
		if (dimmed(row.key)) start ??= row;
		else if (start) close(g.rows[i - 1]);
	});
	if (start) close(g.rows[g.rows.length - 1]);
	return bands;
}

/** Key of the national row (city rows are keyed by city id). */
export const NATIONAL_KEY = '__national';

/**
 * The aggregate's rows (data space, with event ids) as the geometry's input: one labelled row per row,
 * thirteen cells of events with their colour, and the last month of each ranged event.
 */
export function timelineInput(
	rows: {
		cityId: string | null;
		eventIds: string[][];
		ranges: { eventId: string; monthEnd: number }[];
	}[],
	label: (cityId: string | null) => string,
	colourOf: (eventId: string) => string
): TimelineInputRow[] {
	return rows.map((r) => {
		const ends = new Map(r.ranges.map((g) => [g.eventId, g.monthEnd]));
		return {
			key: r.cityId ?? NATIONAL_KEY,
			label: label(r.cityId),
			national: r.cityId === null,
			cells: Array.from({ length: r.eventIds.length }, (_, c) =>
				(r.eventIds[c] ?? []).map((id) => ({ id, colour: colourOf(id), lastPeriod: ends.get(id) ?? null }))
			)
		};
	});
}

/**
 * The finding the title states: the busiest month(s) of the dated events, how many have no month, and
 * how many have no year (placed only "earlier").
 */
export function timelineFinding(totals: {
	counts: number[];
	undated: number;
	earlier?: number;
	total: number;
}): {
	months: number[];
	count: number;
	undated: number;
	earlier: number;
	total: number;
} {
	const count = Math.max(0, ...totals.counts);
	const months = count > 0 ? totals.counts.flatMap((v, i) => (v === count ? [i + 1] : [])) : [];
	return { months, count, undated: totals.undated, earlier: totals.earlier ?? 0, total: totals.total };
}
