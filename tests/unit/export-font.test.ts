import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontverter from 'fontverter';
import { Blob as HbBlob, Face } from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { eventsPerCity } from '../../src/lib/aggregate/counts';
import EventsPerCityChart from '../../src/lib/charts/BarChart/EventsPerCityChart.svelte';
import { builtinDataset } from '../../src/lib/data/builtin';
import {
	chartText,
	embeddedFaces,
	EMBEDDED_FAMILY,
	inUnicodeRange,
	planFaces,
	sliceFile,
	standaloneSvgWithFont,
	unicodeRange,
	type FontSource
} from '../../src/lib/export/font';
import { fontFilesDir, nodeFontSource } from '../../src/lib/export/font-node';
import { instantiateHbSubset, subsetSfnt } from '../../src/lib/export/hb-subset';
import { sfntToWoff, woffToSfnt } from '../../src/lib/export/woff';
import { renderSvgs } from '../svg/golden';

const require = createRequire(import.meta.url);
const BUDGET = 150 * 1024;

/** The code points a font's cmap maps, read back with harfbuzz. */
async function codePoints(font: Uint8Array): Promise<Set<number>> {
	const sfnt = new Uint8Array(await fontverter.convert(Buffer.from(font), 'sfnt'));
	const face = new Face(new HbBlob(sfnt));
	const cps = new Set(face.collectUnicodes());
	return cps;
}

function chartSvg(locale: 'zh' | 'en'): string {
	const rows = eventsPerCity(builtinDataset, { includeCommentary: false });
	return renderSvgs(EventsPerCityChart, { dataset: builtinDataset, rows, locale })[0];
}

/** The browser's pipeline (WOFF slice → sfnt → harfbuzz wasm subset → WOFF), run in Node. */
async function browserLikeSource(): Promise<FontSource> {
	const hb = await instantiateHbSubset(
		await readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))
	);
	return {
		format: 'woff',
		async subset(slice, weight, text) {
			const woff = new Uint8Array(await readFile(`${fontFilesDir()}/${sliceFile(slice, weight, 'woff')}`));
			return sfntToWoff(subsetSfnt(hb, await woffToSfnt(woff), text));
		}
	};
}

describe('chart text by weight', () => {
	it('collects text, title and desc, bold where font-weight ≥ 600 is inherited', () => {
		const text = chartText(
			`<svg><title>标题</title><desc>说明</desc><g font-weight="700"><text>粗<tspan font-weight="400">细</tspan></text></g>` +
				`<text font-weight="600">半</text><text>a &amp; b</text><style>.x{}</style><metadata>元</metadata></svg>`
		);
		expect([...text[400]].sort()).toEqual([...' &ab标题说明细'].sort());
		expect([...text[700]].sort()).toEqual([...'粗半'].sort());
	});

	it('writes unicode ranges compactly', () => {
		expect(unicodeRange('abcz上')).toBe('U+61-63,U+7a,U+4e0a');
	});

	it('finds a slice for every character of the dashboard charts', () => {
		for (const locale of ['zh', 'en'] as const) {
			const { missing, faces } = planFaces(chartText(chartSvg(locale)));
			expect(missing).toBe('');
			expect(faces.some((f) => f.weight === 700)).toBe(true);
		}
	});
});

describe('embedded font subset', () => {
	for (const [name, source] of [
		['woff2 (build, subset-font)', async () => nodeFontSource()],
		['woff (browser pipeline)', browserLikeSource]
	] as const) {
		it(`covers every character of the events-per-city chart, under ${BUDGET / 1024} KB — ${name}`, async () => {
			const src = await source();
			const sizes: string[] = [];
			for (const locale of ['zh', 'en'] as const) {
				const svg = chartSvg(locale);
				const { svg: doc, font } = await standaloneSvgWithFont(
					svg,
					{
						url: `https://example.org/${locale}#events-per-city`,
						datasetVersion: builtinDataset.version,
						exportedAt: '2024-01-03T00:00:00Z',
						lang: locale
					},
					src
				);
				expect(font.missing).toBe('');
				expect(doc).toContain(`font-family="&apos;${EMBEDDED_FAMILY}&apos;, `);
				const faces = embeddedFaces(doc);
				expect(faces).toHaveLength(font.faces.length);
				// Every character the chart draws is in some face of its weight: in its unicode-range and in its cmap.
				const text = chartText(doc);
				for (const weight of [400, 700] as const) {
					const own = faces.filter((f) => f.weight === weight);
					const cmaps: Set<number>[] = [];
					for (const f of own) cmaps.push(await codePoints(f.data));
					for (const ch of text[weight]) {
						const cp = ch.codePointAt(0)!;
						const at = own.findIndex((f) => inUnicodeRange(f.range, cp));
						expect(at, `${locale} ${weight} ${ch} has a face`).toBeGreaterThanOrEqual(0);
						expect(cmaps[at].has(cp), `${locale} ${weight} ${ch} has a glyph`).toBe(true);
					}
				}
				expect(font.cssBytes).toBeLessThan(BUDGET);
				const fontBytes = font.faces.reduce((s, f) => s + f.bytes, 0);
				sizes.push(
					`${locale}: ${font.faces.length} faces, ${(fontBytes / 1024).toFixed(1)} KB of font, ` +
						`${(font.cssBytes / 1024).toFixed(1)} KB as CSS, SVG ${(doc.length / 1024).toFixed(1)} KB`
				);
			}
			console.log(`embedded font, ${name}: ${sizes.join('; ')}`);
		}, 120_000);
	}
});

describe('WOFF container', () => {
	it('round-trips a font slice', async () => {
		const woff = new Uint8Array(await readFile(`${fontFilesDir()}/${sliceFile('latin', 400, 'woff')}`));
		const sfnt = await woffToSfnt(woff);
		const again = await woffToSfnt(await sfntToWoff(sfnt));
		expect(again).toEqual(sfnt);
		expect((await codePoints(sfnt)).has(0x41)).toBe(true);
	});
});
