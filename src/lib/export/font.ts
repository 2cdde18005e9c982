/**
 * Font embedding for exported charts: a subset of Noto Sans SC holding only the glyphs a chart's text uses,
 * as `@font-face` rules with `data:` URIs, so the file renders the same on a machine with no Chinese fonts. Works on the fontsource slices (the font is cut into ~100 files by unicode-range per weight): the
 * chart's characters pick the slices, each slice is subset to just those characters, and one `@font-face`
 * per weight and slice names exactly the characters it holds.
 *
 * No DOM and no Node here: where the slice files come from and how they are subset is passed in
 * (`font-browser.ts` for the download menu: WOFF, since browsers have no WOFF2 encoder and the page's
 * policy rules out shipping one; `font-node.ts` for the build and tests: WOFF2 via subset-font).
 */
import ranges from '@fontsource/noto-sans-sc/unicode.json';
import { parseMarkup, standaloneSvg, walk, type ExportMeta, type XElement, type XNode } from './svg';

/** The family name the embedded subset is declared under; put first in the export's font stack. */
export const EMBEDDED_FAMILY = 'Noto Sans SC Export';

export type Weight = 400 | 700;
export const WEIGHTS: readonly Weight[] = [400, 700];

/** Where slice files come from and how they are cut. */
export interface FontSource {
	/** The format `subset` returns: woff2 in Node (subset-font), woff in the browser (no WOFF2 codec there). */
	format: 'woff2' | 'woff';
	/** A font holding only `text`'s characters from the slice `noto-sans-sc-<slice>-<weight>-normal`. */
	subset(slice: string, weight: Weight, text: string): Promise<Uint8Array>;
}

export interface EmbeddedFace {
	slice: string;
	weight: Weight;
	/** The characters this face holds. */
	chars: string;
	/** Size of the subset font (before base64). */
	bytes: number;
}

export interface EmbeddedFont {
	family: string;
	format: 'woff2' | 'woff';
	css: string;
	faces: EmbeddedFace[];
	/** Characters of the chart no slice covers (none for the dashboard's text). */
	missing: string;
	/** Total size of the `@font-face` CSS, i.e. what the embedding adds to the file. */
	cssBytes: number;
}

/**
 * Slice name → its unicode ranges as [from, to] code point pairs. Some numbered (CJK) slices' ranges
 * also name ASCII characters; the Latin slices come first so those characters are taken from them.
 */
const SLICES: [string, [number, number][]][] = Object.entries(ranges as Record<string, string>)
	.sort(([a], [b]) => Number(a.startsWith('[')) - Number(b.startsWith('[')))
	.map(([key, list]) => [
		key.replace(/^\[(\d+)\]$/, '$1'),
		list.split(',').map((r) => {
			const [a, b] = r
				.trim()
				.replace(/^U\+/i, '')
				.split('-')
				.map((h) => parseInt(h, 16));
			return [a, b ?? a] as [number, number];
		})
	]);

/** File name of a fontsource slice. */
export function sliceFile(slice: string, weight: Weight, ext: 'woff2' | 'woff' = 'woff2'): string {
	return `noto-sans-sc-${slice}-${weight}-normal.${ext}`;
}

/** The slice whose unicode-range holds code point `cp`. */
export function sliceFor(cp: number): string | undefined {
	for (const [name, list] of SLICES) if (list.some(([a, b]) => cp >= a && cp <= b)) return name;
	return undefined;
}

function isBold(weight: string | undefined): boolean | undefined {
	if (weight == null) return undefined;
	if (weight === 'bold' || weight === 'bolder') return true;
	if (weight === 'normal' || weight === 'lighter') return false;
	const n = Number(weight);
	return Number.isFinite(n) ? n >= 600 : undefined;
}

const TEXT_ELEMENTS = new Set(['text', 'tspan', 'textpath', 'title', 'desc']);
const SKIPPED = new Set(['style', 'script', 'metadata']);

/**
 * The characters of a chart's text (every `<text>`, `<tspan>`, `<title>` and `<desc>`), split by the
 * weight they are drawn in (font-weight ≥ 600 counts as bold; it is inherited from groups).
 */
export function chartText(markup: string): Record<Weight, string> {
	const sets: Record<Weight, Set<string>> = { 400: new Set(), 700: new Set() };
	const visit = (node: XNode, bold: boolean, inText: boolean) => {
		if (typeof node === 'string') {
			if (inText) for (const ch of node) if (ch.trim() || ch === ' ') sets[bold ? 700 : 400].add(ch);
			return;
		}
		const name = node.name.toLowerCase();
		if (SKIPPED.has(name)) return;
		const own = isBold(node.attrs.find(([k]) => k === 'font-weight')?.[1]);
		const b = own ?? bold;
		const t = inText || TEXT_ELEMENTS.has(name);
		for (const child of node.children) visit(child, b, t);
	};
	visit(parseMarkup(markup), false, false);
	const out = (s: Set<string>) => [...s].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('');
	return { 400: out(sets[400]), 700: out(sets[700]) };
}

/** Code points as a CSS unicode-range (`U+20,U+4e00-4e01`). */
export function unicodeRange(chars: string): string {
	const cps = [...new Set([...chars].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < cps.length; i++) {
		let j = i;
		while (j + 1 < cps.length && cps[j + 1] === cps[j] + 1) j++;
		const hex = (n: number) => n.toString(16);
		parts.push(j > i ? `U+${hex(cps[i])}-${hex(cps[j])}` : `U+${hex(cps[i])}`);
		i = j;
	}
	return parts.join(',');
}

/** Which slice files hold which characters, per weight. */
export function planFaces(text: Record<Weight, string>): {
	faces: { slice: string; weight: Weight; chars: string }[];
	missing: string;
} {
	const faces: { slice: string; weight: Weight; chars: string }[] = [];
	let missing = '';
	for (const weight of WEIGHTS) {
		const bySlice = new Map<string, string>();
		for (const ch of text[weight]) {
			const slice = sliceFor(ch.codePointAt(0)!);
			if (!slice) {
				if (!missing.includes(ch)) missing += ch;
				continue;
			}
			bySlice.set(slice, (bySlice.get(slice) ?? '') + ch);
		}
		for (const [slice, chars] of bySlice) faces.push({ slice, weight, chars });
	}
	return { faces, missing };
}

function base64(bytes: Uint8Array): string {
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(s);
}

/** Builds the `@font-face` CSS that makes every character of `markup`'s text render in Noto Sans SC. */
export async function embedFont(markup: string, source: FontSource): Promise<EmbeddedFont> {
	const { faces, missing } = planFaces(chartText(markup));
	const built = await Promise.all(
		faces.map(async (face) => {
			const font = await source.subset(face.slice, face.weight, face.chars);
			return { ...face, font };
		})
	);
	const css = built
		.map(
			(f) =>
				`@font-face{font-family:'${EMBEDDED_FAMILY}';font-style:normal;font-weight:${f.weight};` +
				`src:url(data:font/${source.format};base64,${base64(f.font)}) format('${source.format}');unicode-range:${unicodeRange(f.chars)}}`
		)
		.join('\n');
	return {
		family: EMBEDDED_FAMILY,
		format: source.format,
		css,
		faces: built.map(({ slice, weight, chars, font }) => ({ slice, weight, chars, bytes: font.byteLength })),
		missing,
		cssBytes: new TextEncoder().encode(css).byteLength
	};
}

/**
 * `standaloneSvg` with the font embedded: the subset is cut for the finished document's text (so the
 * address line the export adds is covered too).
 */
export async function standaloneSvgWithFont(
	markup: string,
	meta: ExportMeta,
	source: FontSource
): Promise<{ svg: string; font: EmbeddedFont }> {
	const font = await embedFont(standaloneSvg(markup, meta), source);
	return { svg: standaloneSvg(markup, { ...meta, fontFaceCss: font.css, fontFamily: font.family }), font };
}

/** The `@font-face` rules of a standalone SVG: family, weight, unicode-range and the font's bytes. */
export function embeddedFaces(svgText: string): { weight: number; range: string; data: Uint8Array }[] {
	const svg = parseMarkup(svgText);
	const style = [...walk(svg)].find((el: XElement) => el.name === 'style');
	const css = style ? style.children.filter((c) => typeof c === 'string').join('') : '';
	return [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => {
		const body = m[1];
		const weight = Number(/font-weight:(\d+)/.exec(body)?.[1] ?? 400);
		const range = /unicode-range:([^;}]*)/.exec(body)?.[1] ?? '';
		const b64 = /base64,([A-Za-z0-9+/=]+)/.exec(body)?.[1] ?? '';
		const bin = atob(b64);
		const data = new Uint8Array(bin.length);
		for (let i = 0; i < bin.length; i++) data[i] = bin.charCodeAt(i);
		return { weight, range, data };
	});
}

/** Whether code point `cp` lies in a CSS unicode-range list. */
export function inUnicodeRange(range: string, cp: number): boolean {
	return range.split(',').some((r) => {
		const [a, b] = r
			.trim()
			.replace(/^U\+/i, '')
			.split('-')
			.map((h) => parseInt(h, 16));
		return cp >= a && cp <= (b ?? a);
	});
}
