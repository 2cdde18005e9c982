/**
 * Where a mark's tooltip goes: above the mark if there is room in the SVG, else below it, else beside it,
 * never over the mark itself (so it never covers the value it describes) and never outside the SVG (which
 * is inside the viewport). Lines too long for the SVG wrap instead of being cut. Pure.
 */
import { textWidth, wrap } from '../core/text-width';
import type { MarkBox, TipLine } from './model';

export interface PlacedTip {
	x: number;
	y: number;
	width: number;
	height: number;
	lineHeight: number;
	lines: { text: string; zh?: string; bold: boolean }[];
}

/** Text is measured this much wider than the estimate, so no font renders past the box. */
const SAFETY = 1.1;
const PAD = 8;
const GAP = 6;

export function placeTooltip(
	lines: TipLine[],
	box: MarkBox,
	bounds: MarkBox,
	fontSize = 12
): PlacedTip | null {
	if (!lines.length) return null;
	const lineHeight = Math.round(fontSize * 1.4);
	const maxText = Math.max(40, Math.min(bounds.width - PAD * 2, 420));
	const full = (l: TipLine) => (l.zh ? `${l.text} ${l.zh}` : l.text);
	const placed: PlacedTip['lines'] = [];
	lines.forEach((l, i) => {
		if (textWidth(full(l), fontSize * SAFETY) <= maxText) {
			placed.push({ text: l.text, zh: l.zh, bold: i === 0 });
			return;
		}
		for (const part of wrap(full(l), maxText, fontSize * SAFETY)) placed.push({ text: part, bold: i === 0 });
	});
	const width = Math.ceil(Math.max(...placed.map((l) => textWidth(full(l), fontSize * SAFETY)))) + PAD * 2;
	const height = placed.length * lineHeight + 10;
	const minX = bounds.x;
	const maxX = bounds.x + bounds.width - width;
	const clampX = (x: number) => Math.max(minX, Math.min(maxX, x));
	let x = clampX(box.x + box.width / 2 - width / 2);
	let y: number;
	const above = box.y - GAP - height;
	const below = box.y + box.height + GAP;
	if (above >= bounds.y) y = above;
	else if (below + height <= bounds.y + bounds.height) y = below;
	else {
		// no room above or below: beside the mark, on the side with more room
		y = Math.max(bounds.y, Math.min(bounds.y + bounds.height - height, box.y));
		const right = box.x + box.width + GAP;
		x = right + width <= bounds.x + bounds.width ? right : clampX(box.x - GAP - width);
	}
	return { x, y, width, height, lineHeight, lines: placed };
}
