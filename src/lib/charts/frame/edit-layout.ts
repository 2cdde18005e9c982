/**
 * The chart frame laid out for an export size the reader chose (edit before export). The chart is laid
 * out again, never stretched: the model's geometry for the plot width, the frame's text wrapped and the
 * legend flowed for the layout width (frameLayout).
 *
 * - Article widths (640, 720, 960 px): laid out at that width, as tall as it needs; PNG at 2×.
 * - Fixed sizes (social 1200×675, square 1080², portrait 1080×1350): the frame fills the size. Title,
 *   subtitle and legend sit at the top with the plot right under them, source and notes at the bottom.
 *   The frame is laid out at the width divided by a type scale and drawn at that scale (FT's social
 *   frames set text ≈ 1.7× their web sizes, the design guide asks ≥ 28 px titles on social images; up to
 *   2×, never laid out narrower than 540 px, so no chart switches to its phone layout). The plot is laid out by the
 *   model for its own width and may set its type smaller than the frame's (down to 1:1, and no more than
 *   MAX_TYPE_GAP apart): a chart of many rows keeps them all at a readable size rather than shrinking the
 *   title with them; a plot whose height follows its width (the map) is laid out narrower, centred. The
 *   largest scales that fit are taken, the frame's first. A plot that does not fit even so at 1:1 is
 *   drawn smaller, centred, so nothing ever leaves the frame.
 * - Print: laid out at the width in CSS px (96 per inch), as tall as it needs; the SVG is sized in mm and
 *   the PNG drawn at 300 dpi (mm × 11.81 px).
 *
 * Pure; used by the edit panel's preview and download, and by the unit tests.
 */
import type { EditSizeId } from '$lib/state/export-edit';
import { frameLayout, type FrameLayout, type FrameText } from './layout';

export interface SizeSpec {
	id: EditSizeId;
	/** Output width: px, or for print the width in CSS px at 96 dpi. */
	width: number;
	/** Fixed output height in px, or null when the chart takes the height it needs. */
	height: number | null;
}

export const ARTICLE_WIDTHS = [640, 720, 960] as const;
export const FIXED_SIZES = {
	social: { width: 1200, height: 675 },
	square: { width: 1080, height: 1080 },
	portrait: { width: 1080, height: 1350 }
} as const;
/** CSS px per mm (96 dpi) and print px per mm (300 dpi). */
export const CSS_PX_PER_MM = 96 / 25.4;
export const PRINT_PX_PER_MM = 300 / 25.4;
/** The type scale the fixed sizes start from and the least they go down to. */
export const MAX_TYPE_SCALE = 2;
export const MIN_TYPE_SCALE = 1;
/** The frame's text may be set at most this many times larger than the plot's (title over tick labels). */
export const MAX_TYPE_GAP = 1.4;
const SCALE_STEP = 0.05;
/** Fixed sizes are never laid out narrower than this (the page's wider layouts, not the phone's). */
const MIN_LAYOUT_WIDTH = 540;
/** Space left over in a fixed size goes below the plot, but for this much above it (layout units). */
const MAX_GAP_ABOVE = 16;
/** The narrowest share of the frame's width a plot is laid out in to fit the height (a map, centred). */
const MIN_NARROW = 0.55;

export function sizeSpec(id: EditSizeId, mm: number): SizeSpec {
	if (id === 'print') return { id, width: Math.round(mm * CSS_PX_PER_MM * 100) / 100, height: null };
	if (id === 'social' || id === 'square' || id === 'portrait') return { id, ...FIXED_SIZES[id] };
	return { id, width: Number(id), height: null };
}

export interface SizedFrame {
	/** The frame in layout units (what the frame's text was laid out in). */
	layout: FrameLayout;
	/** Layout units → output units (1 but for the fixed sizes). */
	scale: number;
	/** Output size (px; print: CSS px). */
	width: number;
	height: number;
	/** The width the model lays the plot out for (its own units). */
	plotWidth: number;
	/** Plot units → layout units: 1 but for the fixed sizes, where the plot's type may be set smaller than the frame's. */
	plotScale: number;
	/** Where the plot's top-left corner sits, in layout units. */
	plotX: number;
	plotY: number;
	/** The SVG's width and height attributes: px, or mm for print. */
	svgWidth: string;
	svgHeight: string;
	/** The PNG's pixel size. */
	png: { width: number; height: number };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

interface Filled {
	layout: FrameLayout;
	fits: boolean;
	plotWidth: number;
	plotScale: number;
	plotX: number;
	plotY: number;
}

/**
 * The frame for `text` laid out `layoutWidth` wide in exactly `layoutHeight`, source and notes at the
 * bottom and the plot under the title and legend (centred across). The plot is laid out `plotRatio` times as wide as its
 * place (`narrow` of the frame's inner width) and drawn at 1 / plotRatio (its type that much smaller than
 * the frame's); `fits` says whether it fitted. One that does not is drawn smaller still, so it never
 * leaves its place.
 */
export function fillHeight(
	text: FrameText,
	layoutWidth: number,
	layoutHeight: number,
	plotHeight: (width: number) => number,
	plotRatio = 1,
	narrow = 1
): Filled {
	const chrome = frameLayout(text, layoutWidth, 0);
	const plotWidth = Math.round(chrome.plot.width * narrow * plotRatio);
	const natural = plotHeight(plotWidth);
	const room = Math.max(0, layoutHeight - chrome.height);
	const drawn = natural / plotRatio;
	const fits = room >= drawn;
	const plotScale = fits ? 1 / plotRatio : room / Math.max(1, natural);
	const spare = Math.max(0, room - natural * plotScale);
	// the plot stays with its title and legend; what is left over goes above the source
	const plotY = chrome.plot.y + Math.min(spare / 2, MAX_GAP_ABOVE);
	const plotX = chrome.plot.x + (chrome.plot.width - plotWidth * plotScale) / 2;
	const layout: FrameLayout = {
		...chrome,
		height: layoutHeight,
		plot: { ...chrome.plot, y: plotY, height: natural * plotScale },
		footer: { ...chrome.footer, y: chrome.footer.y + room }
	};
	return { layout, fits, plotWidth, plotScale, plotX, plotY };
}

/**
 * The largest type scale for the frame's text, up to MAX_TYPE_SCALE, at which the plot fits with its own
 * type at least at 1:1 and at most MAX_TYPE_GAP times smaller than the frame's; then the largest scale
 * for the plot's type at that. Neither scale ever goes below 1 while the plot fits at 1:1.
 */
function fitFixed(
	text: FrameText,
	width: number,
	height: number,
	plotHeight: (width: number) => number
): { filled: Filled; scale: number } {
	const start = Math.min(MAX_TYPE_SCALE, Math.floor((width / MIN_LAYOUT_WIDTH) * 20) / 20);
	for (let scale = start; scale >= MIN_TYPE_SCALE - 1e-9; scale = round2(scale - SCALE_STEP)) {
		const lw = round2(width / scale);
		const lh = height / scale;
		// the plot's type scale: from the frame's down to 1 (1:1 in the output), within the gap allowed
		const least = Math.max(MIN_TYPE_SCALE, scale / MAX_TYPE_GAP);
		const top = fillHeight(text, lw, lh, plotHeight, 1);
		if (top.fits) return { filled: top, scale };
		const smallest = fillHeight(text, lw, lh, plotHeight, scale / least);
		if (smallest.fits) {
			let lo = least;
			let hi = scale;
			let best = smallest;
			for (let i = 0; i < 6; i++) {
				const mid = (lo + hi) / 2;
				const tried = fillHeight(text, lw, lh, plotHeight, scale / mid);
				if (tried.fits) {
					lo = mid;
					best = tried;
				} else hi = mid;
			}
			return { filled: best, scale };
		}
		// a plot whose height grows with its width (a map) may fit narrower, centred
		const narrowest = fillHeight(text, lw, lh, plotHeight, scale / least, MIN_NARROW);
		if (narrowest.fits) {
			let lo = MIN_NARROW;
			let hi = 1;
			let best = narrowest;
			for (let i = 0; i < 6; i++) {
				const mid = (lo + hi) / 2;
				const tried = fillHeight(text, lw, lh, plotHeight, scale / least, mid);
				if (tried.fits) {
					lo = mid;
					best = tried;
				} else hi = mid;
			}
			return { filled: best, scale };
		}
	}
	return { filled: fillHeight(text, width, height, plotHeight, 1), scale: 1 };
}

/** The frame for `text` at the chosen size; `plotHeight` is the model's plot height for a plot width. */
export function sizedFrame(
	text: FrameText,
	id: EditSizeId,
	mm: number,
	plotHeight: (width: number) => number
): SizedFrame {
	const spec = sizeSpec(id, mm);
	if (spec.height === null) {
		const probe = frameLayout(text, spec.width, 0);
		const layout = frameLayout(text, spec.width, plotHeight(probe.plot.width));
		const print = id === 'print';
		const heightMm = print ? round2((layout.height / spec.width) * mm) : 0;
		return {
			layout,
			scale: 1,
			width: spec.width,
			height: layout.height,
			plotWidth: layout.plot.width,
			plotScale: 1,
			plotX: layout.plot.x,
			plotY: layout.plot.y,
			svgWidth: print ? `${mm}mm` : String(spec.width),
			svgHeight: print ? `${heightMm}mm` : String(layout.height),
			png: print
				? { width: Math.round(mm * PRINT_PX_PER_MM), height: Math.round(heightMm * PRINT_PX_PER_MM) }
				: { width: spec.width * 2, height: layout.height * 2 }
		};
	}
	const { width, height } = spec;
	const { filled, scale } = fitFixed(text, width, height, plotHeight);
	return {
		layout: filled.layout,
		scale,
		width,
		height,
		plotWidth: filled.plotWidth,
		plotScale: filled.plotScale,
		plotX: filled.plotX,
		plotY: filled.plotY,
		svgWidth: String(width),
		svgHeight: String(height),
		png: { width, height }
	};
}
