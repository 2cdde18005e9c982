/**
 * Labels of a grid's rows and columns (matrix and heatmap), laid out for the room a row or column gives.
 * Pure; no DOM. A row label wraps over the lines its row is tall. Column labels take one of three forms,
 * chosen as the design guide asks (docs/design.md §3):
 *
 * - horizontal: every label fits across its column in a few wrapped lines — the easiest to read;
 * - rotated: Latin labels read upwards (−90°), wrapped into as many lines as the column is wide;
 * - vertical: Chinese labels are never turned sideways: the characters are stacked upright, one under the
 *   other, in columns read right to left, as vertical Chinese is read. Every glyph gets an explicit
 *   position (no `writing-mode`), so an exported SVG looks the same in librsvg, Inkscape and browsers.
 *   Up to two Latin letters or digits (AI, 5G) stay upright as one glyph; a longer Latin word is turned 90°
 *   clockwise.
 *
 * Positions are relative to the label's anchor: the middle of its column, on the line the label stands on.
 */
import { isWide, textWidth, wrap } from '../core/text-width';

/** One glyph of a vertical label: its text and where its baseline goes, relative to the anchor. */
export interface VerticalGlyph {
	text: string;
	x: number;
	y: number;
	/** A Latin word turned 90° clockwise (drawn from (x, y) downwards). */
	turned: boolean;
}

export interface HeaderLine {
	text: string;
	/** Horizontal: the line's baseline; rotated: its position in the turned frame (x along, y across). */
	x: number;
	y: number;
}

export interface HeaderLabel {
	mode: 'horizontal' | 'rotated' | 'vertical';
	/** The full label (tooltips, table). */
	text: string;
	/** Horizontal and rotated lines, in reading order. */
	lines: HeaderLine[];
	/** Vertical glyphs, column by column from the right. */
	glyphs: VerticalGlyph[];
	/** The ink's box relative to the anchor (for overlap and bounds checks). */
	box: { x0: number; x1: number; y0: number; y1: number };
	/** True when the label had to be shortened (no room at all: a phone's dense grid). */
	cut: boolean;
}

export interface HeaderOptions {
	fontSize: number;
	/** Room across one label: its column's width (times the thinning step). */
	across: number;
	/** The longest a rotated or vertical label may run. */
	maxLength: number;
	/** Horizontal lines a label may wrap into before the header turns to rotated/vertical; 0: never. */
	horizontalLines?: number;
}

export interface HeaderLayout {
	/** Height the labels need above their anchor. */
	height: number;
	labels: HeaderLabel[];
}

const hasHan = (s: string) => [...s].some((c) => isWide(c.codePointAt(0) ?? 0));

/** Vertical forms of the punctuation that turns or moves in vertical Chinese (Unicode's presentation forms). */
const VERTICAL_FORMS: Record<string, string> = {
	'（': '︵',
	'）': '︶',
	'《': '︽',
	'》': '︾',
	'「': '﹁',
	'」': '﹂',
	'【': '︻',
	'】': '︼',
	'，': '︐',
	'、': '︑',
	'。': '︒',
	'：': '︓',
	'；': '︔',
	'！': '︕',
	'？': '︖',
	'…': '︙',
	'—': '︱'
};
const NO_BREAK_BEFORE = new Set([...'，。、；：！？）》」】︐︑︒︓︔︕︖︶︾﹂︼']);
const NO_BREAK_AFTER = new Set([...'（《「【︵︽﹁︻']);

interface Unit {
	text: string;
	/** Extent along the column. */
	length: number;
	turned: boolean;
}

/** A label as units of vertical text: each hanzi, short Latin runs upright, longer Latin words turned. */
function verticalUnits(text: string, fs: number): Unit[] {
	const units: Unit[] = [];
	let run = '';
	const flush = () => {
		if (!run) return;
		const w = textWidth(run, fs);
		// up to two Latin letters or digits stand upright across the column (AI, 5G, 12), as in clreq
		const upright = [...run].length <= 2 && w <= fs * 1.3;
		units.push(
			upright ? { text: run, length: fs, turned: false } : { text: run, length: w + fs * 0.25, turned: true }
		);
		run = '';
	};
	for (const ch of text) {
		if (isWide(ch.codePointAt(0) ?? 0)) {
			flush();
			units.push({ text: VERTICAL_FORMS[ch] ?? ch, length: fs, turned: false });
		} else if (ch === ' ') flush();
		else run += ch;
	}
	flush();
	return units;
}

/** Units packed into columns no longer than `room`; null when a single unit is longer than that. */
function packColumns(units: Unit[], room: number): Unit[][] | null {
	const columns: Unit[][] = [];
	let col: Unit[] = [];
	let len = 0;
	for (let k = 0; k < units.length; k++) {
		const u = units[k];
		if (u.length > room + 0.01) return null;
		if (len + u.length > room + 0.01 && col.length) {
			// clreq: a column does not start with closing punctuation nor end with an opening bracket
			if (NO_BREAK_BEFORE.has(u.text) && col.length > 1) {
				const moved = col.pop() as Unit;
				columns.push(col);
				col = [moved];
				len = moved.length;
			} else if (NO_BREAK_AFTER.has(col[col.length - 1].text) && col.length > 1) {
				const moved = col.pop() as Unit;
				columns.push(col);
				col = [moved];
				len = moved.length;
			} else {
				columns.push(col);
				col = [];
				len = 0;
			}
		}
		col.push(u);
		len += u.length;
	}
	if (col.length) columns.push(col);
	return columns;
}

const columnLength = (col: Unit[]) => col.reduce((s, u) => s + u.length, 0);

/** Lines of a Latin label wrapped at `room`, or null if a word is longer than that. */
function wrapWhole(text: string, room: number, fs: number): string[] | null {
	const lines = wrap(text, room, fs);
	const squash = (s: string) => s.replace(/\s+/g, '');
	return squash(lines.join('')) === squash(text) && lines.every((l) => textWidth(l, fs) <= room + 0.01)
		? lines
		: null;
}

/** Wrapped whole into as few lines as at `room`, but as even as they go (no lone word or hanzi at the end). */
function balanced(text: string, room: number, fs: number): string[] | null {
	let best = wrapWhole(text, room, fs);
	if (!best || best.length < 2) return best;
	// all hanzi: as even a split as the line count allows (7 in three lines: 3, 2, 2 rather than 3, 3, 1)
	const chars = [...text];
	if (
		chars.every((c) => isWide(c.codePointAt(0) ?? 0) && !NO_BREAK_BEFORE.has(c) && !NO_BREAK_AFTER.has(c))
	) {
		const n = best.length;
		const even: string[] = [];
		let at = 0;
		for (let k = 0; k < n; k++) {
			const size = Math.ceil((chars.length - at) / (n - k));
			even.push(chars.slice(at, at + size).join(''));
			at += size;
		}
		return even;
	}
	for (let r = room - 1; r > fs; r--) {
		const lines = wrapWhole(text, r, fs);
		if (!lines || lines.length > best.length) break;
		best = lines;
	}
	return best;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** Lays out every label of a header in one form and returns the height they need. */
export function layoutHeader(texts: string[], options: HeaderOptions): HeaderLayout {
	const fs = options.fontSize;
	const lineH = Math.round(fs * 1.15);
	const colAdvance = Math.round(fs * 1.2);
	const maxH = options.horizontalLines ?? 0;

	// horizontal, when every label fits across its column in at most `maxH` lines
	if (maxH > 0) {
		const room = options.across - 4;
		const wrapped = texts.map((t) => (room > fs ? balanced(t, room, fs) : null));
		if (wrapped.every((l) => l !== null && l.length <= maxH)) {
			const labels = texts.map((text, k) => {
				const lines = wrapped[k] as string[];
				const n = lines.length;
				const w = Math.max(0, ...lines.map((l) => textWidth(l, fs)));
				return {
					mode: 'horizontal' as const,
					text,
					lines: lines.map((l, i) => ({ text: l, x: 0, y: -(n - 1 - i) * lineH })),
					glyphs: [],
					box: { x0: r2(-w / 2), x1: r2(w / 2), y0: -(n - 1) * lineH - fs, y1: 0 },
					cut: false
				};
			});
			return { height: Math.max(0, ...labels.map((l) => -l.box.y0)), labels };
		}
	}

	// turned Latin: at most two lines (a third reads as a list); vertical Chinese: one column unless the
	// label is longer than the header allows, as many as the column is wide then
	const maxLines = Math.min(2, Math.max(1, Math.floor((options.across - 2) / lineH)));
	const maxColumns = Math.max(1, Math.floor((options.across - 2) / colAdvance));
	const units = texts.map((t) => (hasHan(t) ? verticalUnits(t, fs) : null));
	const fits = (room: number, columns: number) =>
		texts.every((t, k) => {
			const u = units[k];
			if (u) {
				const cols = packColumns(u, room);
				return cols !== null && cols.length <= columns;
			}
			if (textWidth(t, fs) <= room) return true;
			const lines = wrapWhole(t, room, fs);
			return lines !== null && lines.length <= maxLines;
		});
	// the shortest run (to 2 px) at which every label fits whole, or the cap; a label up to 9em long stays
	// on one line (wrapping it saves too little height to be worth a second line)
	let room = options.maxLength;
	search: for (const columns of [1, maxColumns])
		for (let h = Math.ceil(fs * 9); h < options.maxLength; h += 2)
			if (fits(h, columns)) {
				room = h;
				break search;
			}

	const labels: HeaderLabel[] = texts.map((text, k) => {
		const u = units[k];
		if (!u) {
			let lines = textWidth(text, fs) <= room ? [text] : (balanced(text, room, fs) ?? []);
			let cut = false;
			if (!lines.length || lines.length > maxLines) {
				lines = wrap(text, room, fs, maxLines);
				cut = true;
			}
			const n = lines.length;
			const len = Math.max(0, ...lines.map((l) => textWidth(l, fs)));
			return {
				mode: 'rotated' as const,
				text,
				lines: lines.map((l, i) => ({ text: l, x: 0, y: r2((i - (n - 1) / 2) * lineH + fs * 0.35) })),
				glyphs: [],
				box: {
					x0: r2(-((n - 1) * lineH) / 2 - fs / 2),
					x1: r2(((n - 1) * lineH) / 2 + fs / 2),
					y0: r2(-len),
					y1: 0
				},
				cut
			};
		}
		let cols = packColumns(u, room) ?? [];
		let cut = false;
		if (!cols.length || cols.length > maxColumns) {
			// no room for the whole label: fill the columns there are and end with a vertical ellipsis
			const kept: Unit[][] = [[]];
			let len = 0;
			const cap = () => (kept.length === maxColumns ? room - fs : room);
			for (const unit of u) {
				if (len + unit.length > cap() + 0.01) {
					if (kept.length === maxColumns) break;
					kept.push([]);
					len = 0;
					if (unit.length > cap() + 0.01) break;
				}
				kept[kept.length - 1].push(unit);
				len += unit.length;
			}
			kept[kept.length - 1].push({ text: '︙', length: fs, turned: false });
			cols = kept;
			cut = true;
		}
		const len = Math.max(0, ...cols.map(columnLength));
		const nc = cols.length;
		const glyphs: VerticalGlyph[] = [];
		cols.forEach((col, c) => {
			const x = r2(((nc - 1) / 2 - c) * colAdvance);
			let y = -len;
			for (const unit of col) {
				glyphs.push(
					unit.turned
						? { text: unit.text, x, y: r2(y + fs * 0.125), turned: true }
						: { text: unit.text, x, y: r2(y + fs * 0.86), turned: false }
				);
				y += unit.length;
			}
		});
		return {
			mode: 'vertical' as const,
			text,
			lines: [],
			glyphs,
			box: { x0: r2(-(nc * colAdvance) / 2), x1: r2((nc * colAdvance) / 2), y0: r2(-len), y1: 0 },
			cut
		};
	});
	return { height: Math.ceil(Math.max(0, ...labels.map((l) => -l.box.y0))), labels };
}

/** A label's box placed at its anchor. */
export function placedBox(head: HeaderLabel, x: number, y: number) {
	return { x0: x + head.box.x0, x1: x + head.box.x1, y0: y + head.box.y0, y1: y + head.box.y1 };
}

/** A row label: right-aligned at `x`, wrapped over at most `maxLines` lines centred on the row's middle `y`. */
export interface RowLabel {
	key: string;
	/** Full text (tooltip, table). */
	label: string;
	lines: { text: string; y: number }[];
	x: number;
	y: number;
}

export function rowLabel(
	key: string,
	label: string,
	at: { x: number; y: number; width: number; maxLines: number },
	fontSize: number
): RowLabel {
	const lineH = Math.round(fontSize * 1.15);
	const lines = wrap(label, at.width, fontSize, at.maxLines);
	return {
		key,
		label,
		lines: lines.map((text, k) => ({ text, y: r2(at.y + (k - (lines.length - 1) / 2) * lineH) })),
		x: at.x,
		y: at.y
	};
}

/** How many lines a row label may take in a row `step` px tall (one when only every nth row is labelled). */
export const rowLines = (step: number, every: number, fontSize: number) =>
	every > 1 ? 1 : Math.max(1, Math.floor(step / Math.round(fontSize * 1.15)));

/** The box of a row label's lines. */
export function rowBox(l: RowLabel, fontSize: number) {
	const w = Math.max(0, ...l.lines.map((line) => textWidth(line.text, fontSize)));
	return {
		x0: l.x - w,
		x1: l.x,
		y0: (l.lines[0]?.y ?? l.y) - fontSize / 2,
		y1: (l.lines.at(-1)?.y ?? l.y) + fontSize / 2
	};
}

/** A drawn label's box, for overlap and bounds checks. */
export interface Box {
	key: string;
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** The boxes of a grid's row labels and column labels. */
export function gridLabelBoxes(
	rowLabels: RowLabel[],
	colLabels: { key: string; x: number; y: number; head: HeaderLabel }[],
	fontSize: number
): Box[] {
	return [
		...rowLabels.map((l) => ({ key: `row:${l.key}`, ...rowBox(l, fontSize) })),
		...colLabels.map((l) => ({ key: `col:${l.key}`, ...placedBox(l.head, l.x, l.y) }))
	];
}
