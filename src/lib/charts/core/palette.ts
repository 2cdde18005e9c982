/**
 * Colours. Categorical colours are the Okabe–Ito set (distinguishable with the common colour-vision
 * deficiencies); text colours keep a contrast of at least 4.5:1 on the chart background.
 * Colours are written onto the SVG as presentation attributes so an exported file looks like the page.
 */
import { rgb } from 'd3-color';
import { interpolateRgbBasis } from 'd3-interpolate';

export const INK = '#1a1a1a';
export const INK_MUTED = '#595959'; // 7.0:1 on white
export const GRID = '#d9d9d9';
export const BACKGROUND = '#ffffff';
/** Alternate rows' band (class `band`: the page darkens it in dark mode). */
export const BAND = '#f4f4f2';
export const HIGHLIGHT = '#000000';

/** Okabe–Ito, reordered so neighbouring categories differ strongly; the yellow sits last. */
export const CATEGORICAL = [
	'#0072B2', // blue
	'#E69F00', // orange
	'#009E73', // bluish green
	'#CC79A7', // reddish purple
	'#56B4E9', // sky blue
	'#D55E00', // vermillion
	'#7f7f7f', // grey
	'#F0E442' // yellow
] as const;

/**
 * Colours for the four built-in city clusters, then the categorical set for any others. A `Map`, so an
 * imported cluster id such as `constructor` or `__proto__` finds nothing rather than a built-in property.
 */
export const CLUSTER_COLOURS: ReadonlyMap<string, string> = new Map([
	['yrd', '#0072B2'],
	['jjj', '#D55E00'],
	['gba', '#009E73'],
	['cy', '#CC79A7']
]);

/**
 * Six more colours for fields past the article's eight (an imported dataset's own coding): darker hues
 * from Paul Tol's "muted" scheme that none of the eight is close to, so a new field never borrows an
 * existing field's colour until there are more than fourteen.
 */
export const CATEGORICAL_EXTRA = ['#332288', '#117733', '#999933', '#882255', '#CC6677', '#661100'] as const;

const ALL_CATEGORICAL: readonly string[] = [...CATEGORICAL, ...CATEGORICAL_EXTRA];

/** A position in the categorical set for any order (negative, fractional, NaN or huge orders included). */
function categorical(order: number): string {
	const n = ALL_CATEGORICAL.length;
	const i = Number.isFinite(order) ? Math.trunc(order) % n : 0;
	return ALL_CATEGORICAL[(i + n) % n];
}

export function clusterColour(clusterId: string, order = 0): string {
	return CLUSTER_COLOURS.get(clusterId) ?? categorical(order + 4);
}

export function categoryColour(order: number): string {
	return categorical(order);
}

/** Match-strength fills for the city × industry matrix: dark to light, with a pattern for 'broad'. */
export const MATCH_COLOURS = {
	exact: '#08519c',
	partial: '#6baed6',
	broad: '#c6dbef'
} as const;

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
export function luminance(hex: string): number {
	const n = parseInt(hex.slice(1), 16);
	const channel = (c: number) => {
		const s = c / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `fill`. */
export function textOn(fill: string): string {
	return contrast(fill, '#000000') >= contrast(fill, '#ffffff') ? '#000000' : '#ffffff';
}

const CJK_FONTS =
	"'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans SC'";
const LATIN_FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial";

/** The font stack used on every chart and export: covers Chinese on every desktop system. */
export const FONT_STACK = `${CJK_FONTS}, ${LATIN_FONTS}, sans-serif`;

/**
 * The stack for a language. English puts Latin fonts first (CJK fonts draw quotes and apostrophes
 * full-width) and keeps the CJK fonts for the Chinese names it shows; Chinese puts CJK fonts first.
 */
export function fontStack(locale: 'zh' | 'en'): string {
	return locale === 'en' ? `${LATIN_FONTS}, ${CJK_FONTS}, sans-serif` : FONT_STACK;
}

/**
 * ColorBrewer's sequential "Blues" in nine classes, the values d3-scale-chromatic ships. Kept here as data
 * so the pages need only d3-interpolate (already loaded with d3-scale), not the whole colour-scheme module.
 */
export const BLUES_9 = [
	'#f7fbff',
	'#deebf7',
	'#c6dbef',
	'#9ecae1',
	'#6baed6',
	'#4292c6',
	'#2171b5',
	'#08519c',
	'#08306b'
] as const;

const bluesRamp = interpolateRgbBasis([...BLUES_9]);

/** t in [0, 1] → a blue as #rrggbb: the same B-spline through the nine classes as d3's `interpolateBlues`. */
export function blues(t: number): string {
	return rgb(bluesRamp(Math.min(1, Math.max(0, t)))).formatHex();
}
