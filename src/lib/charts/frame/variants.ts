/**
 * The widths a chart is laid out for. Every chart is drawn once per variant into the prerendered HTML, and
 * a container query on its frame shows the one laid out for the column it sits in (src/app.css), so the
 * page is final before any script runs and nothing shifts when it hydrates. Between two variants' widths
 * the shown drawing is scaled by at most about ±20%, text included.
 */
export type VariantId = 'phone' | 'tablet' | 'desktop' | 'wide';

export interface FrameVariant {
	id: VariantId;
	/** Width the SVG is laid out for, px. */
	width: number;
	/** Narrowest column (the frame's own width) that shows this variant; the next variant's is its limit. */
	minColumn: number;
}

export const FRAME_VARIANTS: readonly FrameVariant[] = [
	{ id: 'phone', width: 360, minColumn: 0 },
	{ id: 'tablet', width: 720, minColumn: 600 },
	{ id: 'desktop', width: 960, minColumn: 860 },
	{ id: 'wide', width: 1168, minColumn: 1100 }
];

/** The variant exports, share cards and the print stylesheet use: the tablet layout fits A4 and articles. */
export const EXPORT_VARIANT: VariantId = 'tablet';

/** Frames narrower than this use the phone type sizes and the phone layout choices of each chart. */
export const NARROW_BELOW = 500;

export const isNarrow = (width: number) => width < NARROW_BELOW;
