/**
 * "Text as shapes": a standalone chart SVG with every `<text>` replaced by its glyph outlines, so the file
 * looks the same in any tool (Inkscape, Illustrator, librsvg, Office), none of which reads an SVG's
 * `@font-face`. Each label becomes a `<g>` that keeps the text's own attributes (fill, stroke, halo,
 * transform…), names its words for assistive technology (`aria-label` and a `<title>`), and holds one
 * `<path>` per text chunk, placed as SVG places text: x and y (with dx and dy, `em` included) at the
 * baseline, `text-anchor` applied to the chunk's measured advance, size and weight inherited from groups.
 * Pure; the shaping is passed in (`glyphs.ts`).
 */
import { isWide } from '$lib/charts/core/text-width';
import type { Weight } from './font';
import type { Shaper } from './glyphs';
import { getAttr, parseMarkup, serialiseNode, type XElement, type XNode } from './svg';

/** Attributes that only place or style text: the outline takes them into account and drops them. */
const TEXT_ONLY = new Set([
	'x',
	'y',
	'dx',
	'dy',
	'text-anchor',
	'font-size',
	'font-weight',
	'font-family',
	'font-style',
	'lang',
	'xml:lang',
	'xml:space'
]);

interface Inherited {
	size: number;
	weight: Weight;
	anchor: 'start' | 'middle' | 'end';
}

/** One run of glyphs placed at a start point: a `<text>`, or a `<tspan>` given its own x or y. */
interface Chunk {
	x: number;
	y: number;
	pieces: { text: string; weight: Weight; size: number; dx: number; dy: number }[];
	anchor: Inherited['anchor'];
}

const number = (v: string | undefined) => {
	const n = Number.parseFloat(v ?? '');
	return Number.isFinite(n) ? n : undefined;
};

/** A length that may be given in em (of `size`) or px. */
const length = (v: string | undefined, size: number) => {
	const n = number(v);
	if (n === undefined) return 0;
	return /em\s*$/.test(v!) ? n * size : n;
};

const fmt = (v: number) => String(Math.round(v * 100) / 100);

function weightOf(value: string | undefined, inherited: Weight): Weight {
	if (value == null) return inherited;
	if (value === 'bold' || value === 'bolder') return 700;
	if (value === 'normal' || value === 'lighter') return 400;
	const n = Number(value);
	return Number.isFinite(n) ? (n >= 600 ? 700 : 400) : inherited;
}

function inherit(el: XElement, from: Inherited): Inherited {
	const anchor = getAttr(el, 'text-anchor');
	return {
		size: number(getAttr(el, 'font-size')) ?? from.size,
		weight: weightOf(getAttr(el, 'font-weight'), from.weight),
		anchor: anchor === 'middle' || anchor === 'end' || anchor === 'start' ? anchor : from.anchor
	};
}

/** SVG's default white space handling: newlines dropped, tabs as spaces, runs of spaces as one. */
const collapse = (s: string) => s.replace(/[\r\n]+/g, '').replace(/[\t ]+/g, ' ');

/** Where a positioned `<tspan>` starts a new line, while the words are gathered. */
const BREAK = '\uE000';

/** The chunks of a `<text>` element, with its words as read. */
function chunksOf(text: XElement, style: Inherited): { chunks: Chunk[]; words: string } {
	const own = inherit(text, style);
	const chunks: Chunk[] = [];
	const start = (s: Inherited, x: number, y: number) => chunks.push({ x, y, pieces: [], anchor: s.anchor });
	start(own, number(getAttr(text, 'x')) ?? 0, number(getAttr(text, 'y')) ?? 0);
	let words = '';
	let pendingDx = length(getAttr(text, 'dx'), own.size);
	let pendingDy = length(getAttr(text, 'dy'), own.size);
	const visit = (node: XNode, s: Inherited) => {
		if (typeof node === 'string') {
			const t = collapse(node);
			if (!t) return;
			words += t;
			chunks.at(-1)!.pieces.push({ text: t, weight: s.weight, size: s.size, dx: pendingDx, dy: pendingDy });
			pendingDx = 0;
			pendingDy = 0;
			return;
		}
		if (node.name !== 'tspan') return; // title, desc and anything else draw nothing
		const inner = inherit(node, s);
		const x = number(getAttr(node, 'x'));
		const y = number(getAttr(node, 'y'));
		if (x !== undefined || y !== undefined) {
			const last = chunks.at(-1)!;
			// a new chunk starts where its x and y say (the other from the previous chunk's start)
			start(inner, x ?? last.x, y ?? last.y);
			if (words && !words.endsWith(' ')) words += BREAK;
		}
		pendingDx += length(getAttr(node, 'dx'), inner.size);
		pendingDy += length(getAttr(node, 'dy'), inner.size);
		for (const child of node.children) visit(child, inner);
	};
	for (const child of text.children) visit(child, own);
	const trimmed = chunks.filter((c) => c.pieces.length);
	// leading and trailing spaces of a chunk draw nothing and do not count for the anchor
	for (const c of trimmed) {
		c.pieces[0].text = c.pieces[0].text.replace(/^ +/, '');
		const last = c.pieces.at(-1)!;
		last.text = last.text.replace(/ +$/, '');
	}
	// a break between lines reads as a space, except between two Chinese characters (a vertical label's)
	const read = words.replace(/(.)\uE000(?=(.))/gsu, (_, before: string, after: string) =>
		isWide(before.codePointAt(0) ?? 0) && isWide(after.codePointAt(0) ?? 0) ? before : `${before} `
	);
	return { chunks: trimmed, words: read.replaceAll(BREAK, ' ').trim() };
}

async function outlineText(text: XElement, style: Inherited, shaper: Shaper): Promise<XElement> {
	const { chunks, words } = chunksOf(text, style);
	const paths: XElement[] = [];
	for (const chunk of chunks) {
		const shaped = await Promise.all(chunk.pieces.map((p) => shaper.shape(p.text, p.weight)));
		// widths in user units, to place the chunk by its anchor
		let width = 0;
		chunk.pieces.forEach((p, i) => (width += p.dx + (shaped[i].advance * p.size) / shaped[i].upem));
		let x = chunk.x - (chunk.anchor === 'middle' ? width / 2 : chunk.anchor === 'end' ? width : 0);
		let y = chunk.y;
		chunk.pieces.forEach((p, i) => {
			const s = shaped[i];
			x += p.dx;
			y += p.dy;
			const k = p.size / s.upem;
			if (s.d)
				paths.push({
					name: 'path',
					attrs: [
						['transform', `translate(${fmt(x)} ${fmt(y)}) scale(${+k.toFixed(6)} ${-k.toFixed(6)})`],
						['d', s.d]
					],
					children: []
				});
			x += s.advance * k;
		});
	}
	const attrs = text.attrs.filter(([k]) => !TEXT_ONLY.has(k));
	return {
		name: 'g',
		attrs: [...attrs, ['role', 'img'], ['aria-label', words]],
		children: [{ name: 'title', attrs: [], children: [words] }, ...paths]
	};
}

/** Replaces every `<text>` under `el` (in place), with what the ancestors say of size, weight and anchor. */
async function outlineTree(el: XElement, style: Inherited, shaper: Shaper): Promise<void> {
	const own = inherit(el, style);
	for (let i = 0; i < el.children.length; i++) {
		const child = el.children[i];
		if (typeof child === 'string') continue;
		if (child.name === 'text') el.children[i] = await outlineText(child, own, shaper);
		else if (child.name !== 'metadata' && child.name !== 'style') await outlineTree(child, own, shaper);
	}
}

/**
 * A standalone SVG document (from `standaloneSvg`) with its text drawn as outlines. The document says so
 * in its metadata (`text="outlines"`); its font stack stays for any text a tool adds later.
 */
export async function outlineSvg(svgText: string, shaper: Shaper): Promise<string> {
	const doc = parseMarkup(svgText);
	const svg = doc.children.find((c): c is XElement => typeof c !== 'string' && c.name === 'svg');
	if (!svg) throw new Error('outlineSvg: no <svg> element');
	await outlineTree(svg, { size: 16, weight: 400, anchor: 'start' }, shaper);
	for (const el of svg.children) {
		if (typeof el === 'string' || el.name !== 'metadata') continue;
		for (const m of el.children) if (typeof m !== 'string') m.attrs.push(['text', 'outlines']);
	}
	return `<?xml version="1.0" encoding="UTF-8"?>\n${serialiseNode(svg)}\n`;
}
