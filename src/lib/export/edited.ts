/**
 * The file of an edited chart (edit before export): the panel's drawing at the chosen size as a standalone
 * SVG (standaloneSvg), on the chosen background, sized in px or, for print, in mm. String in, string out,
 * no DOM.
 *
 * Backgrounds: white is the chart as drawn; transparent drops the background rectangle (labels keep their
 * halo, so they stay legible on whatever the file is placed on); dark re-derives the chart's colours the
 * way the page's dark theme does (src/app.css), never by inverting: background #121212, text #e6e6e6,
 * muted text #b3b3b3, grid lines and bands darkened; the data colours (Okabe–Ito, the blues) stay, and
 * text drawn on a coloured mark (`on-fill`) keeps the colour it was chosen with against that mark.
 */
import type { EditBackground } from '$lib/state/export-edit';
import { BACKGROUND, BAND, GRID, HIGHLIGHT, INK, INK_MUTED } from '$lib/charts/core/palette';
import {
	getAttr,
	parseMarkup,
	serialiseNode,
	setAttr,
	standaloneSvg,
	type ExportMeta,
	type XElement
} from './svg';

export const DARK = {
	background: '#121212',
	ink: '#e6e6e6',
	muted: '#b3b3b3',
	grid: '#3a3a3a',
	band: '#1e1e1e'
} as const;

/** The page's light colours → dark ones, for marks that are not data (axes, grid, bands, outlines). */
const DARK_MAP: ReadonlyMap<string, string> = new Map([
	[INK.toLowerCase(), DARK.ink],
	[INK_MUTED.toLowerCase(), DARK.muted],
	[GRID.toLowerCase(), DARK.grid],
	[BAND.toLowerCase(), DARK.band],
	[BACKGROUND.toLowerCase(), DARK.background],
	['#fff', DARK.background],
	['white', DARK.background],
	[HIGHLIGHT.toLowerCase(), '#ffffff'],
	['#000', '#ffffff'],
	['black', '#ffffff']
]);

/** The background colour a PNG is drawn on: null for transparent. */
export function backgroundFill(bg: EditBackground): string | null {
	return bg === 'transparent' ? null : bg === 'dark' ? DARK.background : BACKGROUND;
}

const classes = (el: XElement) => (getAttr(el, 'class') ?? '').split(/\s+/);

function recolourDark(el: XElement, muted: boolean, inheritedFill: string | undefined): void {
	const cls = classes(el);
	const isMuted = muted || cls.includes('muted');
	// the fill as drawn (before recolouring), which children without one of their own inherit
	const ownFill = getAttr(el, 'fill')?.trim().toLowerCase();
	const fill = ownFill ?? inheritedFill;
	if (cls.includes('chart-bg') || cls.includes('dim')) {
		setAttr(el, 'fill', DARK.background);
	} else if (el.name === 'text' || el.name === 'tspan') {
		if (!cls.includes('on-fill')) {
			// text takes the theme's ink: muted where the chart draws it muted, else light
			const mutedText = isMuted || fill === INK_MUTED.toLowerCase();
			if (ownFill !== undefined || el.name === 'text') setAttr(el, 'fill', mutedText ? DARK.muted : DARK.ink);
			// a halo is the background drawn around the glyphs
			const stroke = getAttr(el, 'stroke');
			if (stroke !== undefined && stroke !== 'none') setAttr(el, 'stroke', DARK.background);
		}
	} else {
		for (const attr of ['fill', 'stroke'] as const) {
			const value = getAttr(el, attr)?.trim().toLowerCase();
			const mapped = value && DARK_MAP.get(value);
			if (mapped) setAttr(el, attr, mapped);
		}
	}
	for (const child of el.children) if (typeof child !== 'string') recolourDark(child, isMuted, fill);
}

/** `markup` (one `<svg>` element) on the chosen background. */
export function onBackground(markup: string, bg: EditBackground): string {
	if (bg === 'white') return markup;
	const root = parseMarkup(markup);
	const svg = root.children.find(
		(c): c is XElement => typeof c !== 'string' && c.name.toLowerCase() === 'svg'
	);
	if (!svg) return markup;
	if (bg === 'transparent') {
		const strip = (el: XElement) => {
			el.children = el.children.filter(
				(c) => typeof c === 'string' || !(c.name === 'rect' && classes(c).includes('chart-bg'))
			);
			for (const c of el.children) if (typeof c !== 'string') strip(c);
		};
		strip(svg);
	} else {
		setAttr(svg, 'fill', DARK.ink);
		recolourDark(svg, false, INK.toLowerCase());
	}
	return serialiseNode(svg);
}

export interface EditedFileOptions {
	bg: EditBackground;
	/** The SVG's width and height attributes (px numbers, or e.g. '112mm' for print). */
	svgWidth: string;
	svgHeight: string;
}

/** The standalone SVG of an edited chart's drawing. */
export function editedSvg(markup: string, meta: ExportMeta, options: EditedFileOptions): string {
	return standaloneSvg(onBackground(markup, options.bg), {
		...meta,
		// the frame of an edited chart already prints the view's address where it has room for it
		urlLine: false,
		size: { width: options.svgWidth, height: options.svgHeight }
	});
}
