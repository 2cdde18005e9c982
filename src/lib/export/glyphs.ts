/**
 * Text → glyph outlines with HarfBuzz (harfbuzzjs), in the fonts the exports use: the Noto Sans SC slices
 * fontsource ships (one file per unicode range and weight, Latin included). A string is cut into runs of
 * characters that live in the same slice, each run is shaped with its slice's font, and the glyphs' outlines
 * are laid end to end into one SVG path in font units (y up, from the start of the baseline).
 *
 * No DOM and no Node: the HarfBuzz module and the way slices arrive are passed in (`outline.worker.ts` in
 * the browser, `outline-node.ts` for the build and tests).
 */
import type * as HarfBuzz from 'harfbuzzjs';
import { sliceFor, type Weight } from './font';

/** The parts of harfbuzzjs the shaper uses. */
export type HarfBuzzModule = Pick<typeof HarfBuzz, 'Blob' | 'Face' | 'Font' | 'Buffer' | 'shape'>;

/** A slice's font as uncompressed sfnt bytes. */
export type SliceLoader = (slice: string, weight: Weight) => Promise<Uint8Array>;

export interface ShapedText {
	/** The outlines as an SVG path in font units, y up, starting at (0, 0) on the baseline. */
	d: string;
	/** The advance of the whole string, in font units. */
	advance: number;
	/** Font units per em. */
	upem: number;
	/** Characters no slice holds (drawn as nothing). */
	missing: string;
}

export interface Shaper {
	shape(text: string, weight: Weight): Promise<ShapedText>;
}

/** `text` cut into runs of consecutive characters from one slice (null: a character no slice holds). */
export function sliceRuns(text: string): { slice: string | null; text: string }[] {
	const runs: { slice: string | null; text: string }[] = [];
	for (const ch of text) {
		const slice = sliceFor(ch.codePointAt(0)!) ?? null;
		const last = runs.at(-1);
		if (last && last.slice === slice) last.text += ch;
		else runs.push({ slice, text: ch });
	}
	return runs;
}

const num = (v: number) => String(Math.round(v * 100) / 100);

/** Writes harfbuzz's path commands for one glyph, moved by (dx, dy) font units. */
function glyphPath(commands: HarfBuzz.SvgPathCommand[], dx: number, dy: number): string {
	let d = '';
	for (const { type, values } of commands) {
		d += type;
		for (let i = 0; i < values.length; i += 2) {
			d += (i ? ' ' : '') + num(values[i] + dx) + ' ' + num(values[i + 1] + dy);
		}
	}
	return d;
}

export function createShaper(hb: HarfBuzzModule, load: SliceLoader): Shaper {
	const fonts = new Map<string, Promise<HarfBuzz.Font>>();
	const fontFor = (slice: string, weight: Weight) => {
		const key = `${slice}/${weight}`;
		let font = fonts.get(key);
		if (!font) {
			font = load(slice, weight).then((bytes) => new hb.Font(new hb.Face(new hb.Blob(bytes))));
			// a slice that failed to arrive is fetched again next time
			font.catch(() => fonts.delete(key));
			fonts.set(key, font);
		}
		return font;
	};
	const glyphCache = new Map<string, string>();

	return {
		async shape(text, weight) {
			const runs = sliceRuns(text);
			const loaded = await Promise.all(runs.map((r) => (r.slice ? fontFor(r.slice, weight) : null)));
			let pen = 0;
			let d = '';
			let upem = 1000;
			let missing = '';
			runs.forEach((run, i) => {
				const font = loaded[i];
				if (!font) {
					missing += run.text;
					return;
				}
				upem = font.face.upem;
				const buffer = new hb.Buffer();
				buffer.addText(run.text);
				buffer.guessSegmentProperties();
				hb.shape(font, buffer);
				const infos = buffer.getGlyphInfos();
				const positions = buffer.getGlyphPositions();
				infos.forEach((info, j) => {
					const p = positions[j];
					const key = `${run.slice}/${weight}/${info.codepoint}`;
					let commands = glyphCache.get(key);
					if (commands === undefined) {
						commands = JSON.stringify(font.glyphToJson(info.codepoint));
						glyphCache.set(key, commands);
					}
					d += glyphPath(JSON.parse(commands), pen + p.xOffset, p.yOffset);
					pen += p.xAdvance;
				});
			});
			return { d, advance: pen, upem, missing };
		}
	};
}
