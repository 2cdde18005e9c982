/**
 * "Text as shapes": where each label's outline is placed (as SVG places text: baseline, anchors, em
 * offsets, inherited size and weight, tspans), what it keeps (attributes, words for assistive technology),
 * and, with HarfBuzz and the real fonts, every exportable chart in both languages left with no `<text>`.
 */
import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../../src/lib/data/builtin';
import { sliceRuns, type Shaper } from '../../src/lib/export/glyphs';
import { outlineSvg } from '../../src/lib/export/outline';
import { outlineInNode } from '../../src/lib/export/outline-node';
import { chartFiles, chartFileSvg } from '../../src/lib/export/registry';
import { parseMarkup, walk, type XElement } from '../../src/lib/export/svg';

/** Every character 500 units wide on a 1000-unit em; the path records what was shaped, in which weight. */
const fake: Shaper & { calls: [string, number][] } = {
	calls: [],
	async shape(text, weight) {
		this.calls.push([text, weight]);
		return {
			d: `M0 0L${[...text].length * 500} 0Z`,
			advance: [...text].length * 500,
			upem: 1000,
			missing: ''
		};
	}
};

const doc = (body: string) =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><metadata><dashboard xmlns="urn:x" url="u"/></metadata>${body}</svg>`;

const paths = (svg: string): XElement[] => [...walk(parseMarkup(svg))].filter((el) => el.name === 'path');
const translate = (el: XElement) =>
	/translate\(([-\d.]+) ([-\d.]+)\)/
		.exec(el.attrs.find(([k]) => k === 'transform')![1])!
		.slice(1)
		.map(Number);

describe('outlineSvg', () => {
	it('places a label at its baseline, shifted by its anchor and by em offsets', async () => {
		fake.calls = [];
		const out = await outlineSvg(
			doc(
				'<g font-size="10" text-anchor="end"><text x="100" y="50" dy="0.35em">abcd</text></g>' +
					'<text x="20" y="30" font-size="20" text-anchor="middle">ab</text>'
			),
			fake
		);
		const [end, middle] = paths(out);
		// 4 characters × 0.5 em × 10 = 20 wide, ending at x = 100; dy 0.35 em = 3.5
		expect(translate(end)).toEqual([80, 53.5]);
		expect(end.attrs.find(([k]) => k === 'transform')![1]).toContain('scale(0.01 -0.01)');
		expect(translate(middle)).toEqual([10, 30]);
		expect(out).not.toMatch(/<text[\s>]/);
	});

	it('draws bold where a group or the text says so, and keeps the text’s own paint', async () => {
		fake.calls = [];
		const out = await outlineSvg(
			doc(
				'<g font-weight="700"><text x="0" y="10" fill="#123456" stroke="#fff" paint-order="stroke" class="v">B</text></g>' +
					'<text x="0" y="20" font-weight="normal">N</text>'
			),
			fake
		);
		expect(fake.calls).toEqual([
			['B', 700],
			['N', 400]
		]);
		const group = [...walk(parseMarkup(out))].find((el) =>
			el.attrs.some(([k, v]) => k === 'aria-label' && v === 'B')
		)!;
		expect(group.name).toBe('g');
		expect(group.attrs).toEqual(
			expect.arrayContaining([
				['fill', '#123456'],
				['stroke', '#fff'],
				['paint-order', 'stroke'],
				['class', 'v'],
				['role', 'img']
			])
		);
		expect(group.attrs.some(([k]) => k === 'x' || k === 'font-weight')).toBe(false);
	});

	it('starts a new chunk at a tspan with its own position, and continues after one without', async () => {
		fake.calls = [];
		const out = await outlineSvg(
			doc(
				'<text x="10" y="10" font-size="10"><tspan x="10" y="10">ab</tspan><tspan x="10" y="22">cd</tspan></text>' +
					'<text x="0" y="40" font-size="10">ab<tspan dx="0.5em">cd</tspan></text>'
			),
			fake
		);
		const ps = paths(out).map(translate);
		expect(ps).toEqual([
			[10, 10],
			[10, 22],
			[0, 40],
			// after "ab" (10 wide) and dx 0.5 em (5)
			[15, 40]
		]);
		expect(out).toContain('aria-label="ab cd"');
		expect(out).toContain('aria-label="abcd"');
	});

	it('reads a vertical Chinese label as one word, and a wrapped English one with spaces', async () => {
		const out = await outlineSvg(
			doc(
				'<text x="10" y="10" font-size="10">' +
					['细', '胞', '与', '基', '因']
						.map((c, i) => `<tspan x="10" y="${10 + i * 10}">${c}</tspan>`)
						.join('') +
					'</text><text x="50" y="10" font-size="10"><tspan x="50" y="10">Cell and</tspan><tspan x="50" y="22">gene 5G</tspan><tspan x="50" y="34">量子</tspan></text>'
			),
			fake
		);
		expect(out).toContain('aria-label="细胞与基因"');
		expect(out).toContain('aria-label="Cell and gene 5G 量子"');
	});

	it('keeps hostile words as text in the label and marks the file as outlined', async () => {
		const out = await outlineSvg(
			doc('<text x="0" y="10">&lt;script&gt;alert(1)&lt;/script&gt;</text>'),
			fake
		);
		expect(out).toContain('aria-label="&lt;script&gt;alert(1)&lt;/script&gt;"');
		expect(out).not.toContain('<script');
		expect(out).toContain('text="outlines"');
	});
});

describe('slice runs', () => {
	it('cuts mixed text where the font slice changes', () => {
		const runs = sliceRuns('AI 智算中心');
		expect(runs.map((r) => r.text).join('')).toBe('AI 智算中心');
		expect(runs[0].text.startsWith('AI')).toBe(true);
		expect(runs.every((r) => r.slice)).toBe(true);
	});
});

describe('every exportable chart, shaped with HarfBuzz and Noto Sans SC', () => {
	const files = chartFiles(builtinDataset);
	it.each(files.map((f) => [f.file, f] as const))(
		'%s keeps no <text> and names every label',
		async (_, file) => {
			const svg = chartFileSvg(file, builtinDataset, {
				siteUrl: 'https://example.org',
				exportedAt: '2024-01-03T00:00:00Z'
			});
			const texts = [...walk(parseMarkup(svg))].filter((el) => el.name === 'text').length;
			const out = await outlineInNode(svg);
			expect(out).not.toMatch(/<text[\s>]/);
			const groups = [...walk(parseMarkup(out))].filter((el) => el.attrs.some(([k]) => k === 'aria-label'));
			expect(groups.length).toBeGreaterThanOrEqual(texts);
			const drawn = [...walk(parseMarkup(out))].filter(
				(el) => el.name === 'path' && /scale\(/.test(el.attrs.find(([k]) => k === 'transform')?.[1] ?? '')
			);
			expect(drawn.length).toBeGreaterThan(5);
		}
	);
});
