/**
 * The chart frame's geometry: where the title, subtitle, legend, plot and source lines go inside one SVG,
 * for a given width. Pure; shared by the page, the export and the build-time chart files.
 */
import { textWidth, wrap } from '../core/text-width';

export interface LegendEntry {
	key: string;
	label: string;
	colour: string;
	/** 'square' for filled marks, 'circle' for dots, 'line' for reference lines. */
	shape?: 'square' | 'circle' | 'line';
	/** Optional outline (for light fills). */
	stroke?: string;
}

export interface FrameText {
	title: string;
	subtitle?: string;
	legend?: LegendEntry[];
	legendTitle?: string;
	source: string;
	/** A notes line the reader wrote ("Note: …", edit before export), set under the source line. */
	notes?: string;
	/** The dashboard's address for this view; printed under the source line. */
	url?: string;
}

export interface PlacedLegendEntry extends LegendEntry {
	x: number;
	y: number;
}

export interface FrameLayout {
	width: number;
	height: number;
	pad: number;
	fontSizes: { title: number; subtitle: number; legend: number; source: number };
	title: { lines: string[]; y: number; lineHeight: number };
	subtitle: { lines: string[]; y: number; lineHeight: number };
	legend: { entries: PlacedLegendEntry[]; title: string | null; titleY: number; swatch: number };
	plot: { x: number; y: number; width: number; height: number };
	footer: { lines: string[]; y: number; lineHeight: number };
}

/** Narrow frames (phones) use slightly smaller headings; body text stays readable at 1:1. */
export function fontSizesFor(width: number) {
	return width < 500
		? { title: 16, subtitle: 12, legend: 12, source: 10.5 }
		: { title: 18, subtitle: 13, legend: 12, source: 11 };
}

/** Title, subtitle and source wrap to as many lines as they need up to this (a phone never cuts them). */
const MAX_LINES = 8;
/**
 * Text is measured wider than the estimate (text-width.ts) so that no sans font a reader or a tool renders
 * it in runs past the frame: Linux's DejaVu and Noto run about 10% wider than Helvetica or Arial, bold more.
 */
export const REGULAR = 1.1;
export const BOLD = 1.22;

export function frameLayout(text: FrameText, width: number, plotHeight: number): FrameLayout {
	const pad = width < 500 ? 8 : 12;
	const fs = fontSizesFor(width);
	const inner = width - pad * 2;
	let y = pad;

	const titleLH = Math.round(fs.title * 1.3);
	const titleLines = wrap(text.title, inner, fs.title * BOLD, MAX_LINES);
	const titleY = y + fs.title;
	y += titleLines.length * titleLH;

	const subLH = Math.round(fs.subtitle * 1.4);
	const subtitleLines = text.subtitle ? wrap(text.subtitle, inner, fs.subtitle * REGULAR, MAX_LINES) : [];
	const subtitleY = y + fs.subtitle + 2;
	y += subtitleLines.length * subLH + (subtitleLines.length ? 4 : 0);

	const swatch = 11;
	const entries: PlacedLegendEntry[] = [];
	let legendTitle: string | null = null;
	let legendTitleY = 0;
	if (text.legend && text.legend.length) {
		y += 6;
		let x = pad;
		const rowH = Math.round(fs.legend * 1.6);
		if (text.legendTitle) {
			legendTitle = text.legendTitle;
			legendTitleY = y + fs.legend;
			x += textWidth(text.legendTitle, fs.legend) + 10;
		}
		let rowY = y;
		for (const entry of text.legend) {
			// measured wide: legend text must never run into the next swatch, whatever sans font renders it
			const w = swatch + 5 + textWidth(entry.label, fs.legend * REGULAR) + 14;
			if (x + w - 14 > width - pad && x > pad) {
				x = pad;
				rowY += rowH;
			}
			entries.push({ ...entry, x, y: rowY });
			x += w;
		}
		y = rowY + rowH;
	}

	y += 8;
	const plot = { x: pad, y, width: inner, height: plotHeight };
	y += plotHeight + 10;

	const footLH = Math.round(fs.source * 1.45);
	const footerLines = [
		...wrap(text.source, inner, fs.source * REGULAR, MAX_LINES),
		...(text.notes ? wrap(text.notes, inner, fs.source * REGULAR, MAX_LINES) : []),
		...(text.url ? wrap(text.url, inner, fs.source * REGULAR, MAX_LINES) : [])
	];
	const footerY = y + fs.source;
	y += footerLines.length * footLH + pad;

	return {
		width,
		height: Math.ceil(y),
		pad,
		fontSizes: fs,
		title: { lines: titleLines, y: titleY, lineHeight: titleLH },
		subtitle: { lines: subtitleLines, y: subtitleY, lineHeight: subLH },
		legend: { entries, title: legendTitle, titleY: legendTitleY, swatch },
		plot,
		footer: { lines: footerLines, y: footerY, lineHeight: footLH }
	};
}
