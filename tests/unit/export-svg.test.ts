import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { eventsPerCity } from '../../src/lib/aggregate/counts';
import EventsPerCityChart from '../../src/lib/charts/BarChart/EventsPerCityChart.svelte';
import { builtinDataset } from '../../src/lib/data/builtin';
import {
	escapeXml,
	exportFileName,
	sanitiseSvgMarkup,
	standaloneSvg,
	stripInvalidXmlChars,
	svgSize,
	type ExportMeta
} from '../../src/lib/export/svg';
import { renderSvgs } from '../svg/golden';

const { DOMParser } = new JSDOM('').window;

/** Parses as XML; throws with the parser's message when the document is not well-formed. */
function parseXml(text: string): Document {
	const doc = new DOMParser().parseFromString(text, 'application/xml');
	const error = doc.querySelector('parsererror');
	if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
	return doc;
}

const META: ExportMeta = {
	url: 'https://example.org/zh?x=1&y=<2>#events-per-city',
	datasetVersion: '2024-01-03.1',
	exportedAt: '2024-01-03T00:00:00Z',
	lang: 'zh-CN'
};

const HOSTILE_TEXT =
	'A < B & C > "D" \'E\' ]]> <![CDATA[x]]> \u0007bell\u0000nul \u202Ereversed\u202C \uD800lone';

function frame(title: string, extra = ''): string {
	return (
		`<svg class="chart" viewBox="0 0 720 300" width="720" height="300" font-family="'PingFang SC', sans-serif" fill="#1a1a1a">` +
		`<title>${title}</title><desc>${title}</desc>` +
		`<rect class="chart-bg" width="720" height="300" fill="#ffffff"></rect>` +
		`<g class="chart-title" font-size="18" font-weight="700"><text x="12" y="30">${title}</text></g>` +
		extra +
		`<g class="chart-source muted" font-size="11" fill="#595959"><text x="12" y="280">Source: The Paper (2024-01-03)</text></g>` +
		`</svg>`
	);
}

/** Hostile markup as an attacker (or a bad data file) could get it into a chart. */
const HOSTILE =
	`<svg viewBox="0 0 400 200" onload="alert(1)" xmlns:evil="urn:evil" evil:x="1">` +
	`<script>alert(1)</script><script href="https://evil.example/x.js"/>` +
	`<SCRIPT type="text/javascript">/*<![CDATA[*/alert(2)/*]]>*/</SCRIPT>` +
	`<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml" onclick="alert(3)">x</div></foreignObject>` +
	`<style>@import url(https://evil.example/a.css); text { fill: url(https://evil.example/p) }</style>` +
	`<image href="https://evil.example/track.png" width="1" height="1"/>` +
	`<a href="javascript:alert(4)"><text x="1" y="1" onclick="alert(5)" OnMouseOver="alert(6)">link text</text></a>` +
	`<use xlink:href="https://evil.example/sprite.svg#icon"/><use href="#local"/>` +
	`<rect fill="url(https://evil.example/p.svg#x)" width="1" height="1" style="background:url(https://evil.example/bg)"/>` +
	`<rect fill="url(#hatch)" width="2" height="2"/>` +
	`<animate attributeName="href" to="javascript:alert(7)"/><set attributeName="onclick" to="alert(8)"/>` +
	`<iframe src="https://evil.example/"></iframe>` +
	`<text x="1" y="2" data-x='he said "hi"' tabindex="0">${escapeXml(HOSTILE_TEXT)}</text>` +
	`<!-- a comment --><?pi x?></svg>`;

describe('standalone SVG', () => {
	it('escapes every text and attribute, whatever the title holds', () => {
		const title = escapeXml(HOSTILE_TEXT);
		const out = standaloneSvg(frame(title), { ...META, url: 'https://example.org/?a=1&b="2"#x' });
		const doc = parseXml(out);
		const titleText = doc.querySelector('title')?.textContent ?? '';
		// XML-forbidden characters and bidi overrides are gone; everything else survives as text.
		expect(titleText).toBe('A < B & C > "D" \'E\' ]]> <![CDATA[x]]> bellnul reversed lone');
		// eslint-disable-next-line no-control-regex
		expect(out).not.toMatch(/[\u0000-\u0008\u202A-\u202E]/);
		expect(out).not.toContain(']]>');
		expect(doc.documentElement.getAttribute('font-family')).toBe("'PingFang SC', sans-serif");
		expect(doc.querySelector('metadata')?.innerHTML).toContain('&amp;b=&quot;2&quot;');
	});

	it('strips scripts, foreignObject, handlers, styles and external references from hostile markup', () => {
		const out = standaloneSvg(HOSTILE, META);
		const doc = parseXml(out);
		expect(doc.querySelectorAll('script, foreignObject, style, image, iframe, animate, set, a')).toHaveLength(
			0
		);
		for (const el of doc.querySelectorAll('*')) {
			for (const attr of el.attributes) {
				expect(attr.name.toLowerCase()).not.toMatch(/^on/);
				if (/href$/i.test(attr.name)) expect(attr.value).toMatch(/^#/);
				expect(attr.value).not.toMatch(/url\((?!#)|javascript:/i);
			}
		}
		expect(out).not.toMatch(/evil|alert/);
		expect(out).toContain('link text');
		expect(out).toContain('fill="url(#hatch)"');
		expect(out).toContain('href="#local"');
		expect(out).toContain(`data-x="he said &quot;hi&quot;"`);
		expect(out).not.toContain('tabindex');
		expect(out).not.toContain('style=');
		expect(out).not.toMatch(/<!--|<\?pi/);
	});

	it('sanitises the same way on its own', () => {
		const out = sanitiseSvgMarkup(
			`<div><svg viewBox="0 0 1 1"><script>x</script><text onclick="x">t</text></svg></div>`
		);
		expect(out).toBe('<svg viewBox="0 0 1 1"><text>t</text></svg>');
	});

	it('always has xmlns, width, height, viewBox and metadata', () => {
		for (const markup of [
			'<svg viewBox="0 0 320 200"><text>a</text></svg>',
			'<svg width="320" height="200"><text>a</text></svg>',
			'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 320 200"></svg>'
		]) {
			const out = standaloneSvg(markup, { ...META, urlLine: false });
			const root = parseXml(out).documentElement;
			expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
			expect(root.getAttribute('width')).toBe('320');
			expect(root.getAttribute('height')).toBe('200');
			expect(root.getAttribute('viewBox')).toBe('0 0 320 200');
			const meta = root.querySelector('metadata > dashboard');
			expect(meta?.getAttribute('url')).toBe(META.url);
			expect(meta?.getAttribute('dataset-version')).toBe(META.datasetVersion);
			expect(meta?.getAttribute('exported')).toBe(META.exportedAt);
			expect(svgSize(out)).toEqual({ width: 320, height: 200 });
		}
		expect(() => standaloneSvg('<svg><text>no size</text></svg>', META)).toThrow();
		expect(() => standaloneSvg('<div>no svg</div>', META)).toThrow();
	});

	it('prints the view URL under the source line and grows by that line', () => {
		const out = standaloneSvg(frame('Title'), META);
		const doc = parseXml(out);
		const root = doc.documentElement;
		expect(root.getAttribute('height')).toBe(String(300 + Math.round(11 * 1.45)));
		expect(root.getAttribute('viewBox')).toBe(`0 0 720 ${300 + 16}`);
		expect(doc.querySelector('rect.chart-bg')?.getAttribute('height')).toBe('316');
		const lines = [...doc.querySelectorAll('g.chart-source text')].map((t) => t.textContent);
		expect(lines).toEqual(['Source: The Paper (2024-01-03)', META.url]);
		expect(doc.querySelector('text.chart-url')?.getAttribute('y')).toBe('296');
		// Not twice when the chart already prints it.
		const again = standaloneSvg(out, META);
		expect(parseXml(again).querySelectorAll('text.chart-url')).toHaveLength(1);
	});

	it('embeds a font face in a <style> and puts its family first in the stack', () => {
		const out = standaloneSvg(frame('Title'), {
			...META,
			fontFaceCss:
				"@font-face{font-family:'X';src:url(data:font/woff2;base64,AAAA) format('woff2')}</style><script>",
			fontFamily: "X'"
		});
		const doc = parseXml(out);
		expect(doc.querySelectorAll('style')).toHaveLength(1);
		expect(doc.querySelectorAll('script')).toHaveLength(0);
		expect(doc.querySelector('style')?.textContent).toContain('@font-face');
		expect(doc.documentElement.getAttribute('font-family')).toBe("'X', 'PingFang SC', sans-serif");
	});

	it('turns a real chart into a well-formed document in both languages', () => {
		const rows = eventsPerCity(builtinDataset, { includeCommentary: false });
		for (const locale of ['zh', 'en'] as const) {
			const [svg] = renderSvgs(EventsPerCityChart, { dataset: builtinDataset, rows, locale });
			const out = standaloneSvg(svg, { ...META, lang: locale });
			const doc = parseXml(out);
			expect(doc.querySelectorAll('.mark')).toHaveLength(15);
			expect(doc.querySelector('g.chart-source')?.textContent).toMatch(
				locale === 'zh' ? /澎湃新闻.*2024-01-03/ : /The Paper.*2024-01-03/
			);
			expect(doc.documentElement.getAttribute('font-family')).toMatch(
				/'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC'.*sans-serif$/
			);
			expect(out).not.toMatch(/<!--|data-export="omit"/);
		}
	});

	it('strips characters XML cannot hold', () => {
		expect(stripInvalidXmlChars('a\u0000b\u0008c\td\ne\uFFFEf\u202Eg')).toBe('abc\td\nefg');
		expect(stripInvalidXmlChars('😀')).toBe('😀');
		// C1 controls and invisible zero-width characters go too (an imported name saved before the import
		// cleaned them must not carry them into a file)
		expect(stripInvalidXmlChars('上\u200b海\u200d\u200e\u2060\ufeff\u0085\u009b市')).toBe('上海市');
	});
});

describe('export file names', () => {
	it('is <chart>_<cities or all>_<lang>.<ext>', () => {
		expect(exportFileName('events-per-city', [], 'en', 'svg')).toBe('events-per-city_all_en.svg');
		expect(exportFileName('compare', ['shanghai', 'beijing'], 'zh', 'png')).toBe(
			'compare_shanghai-beijing_zh.png'
		);
		expect(exportFileName('compare', ['../etc', 'a b\u202E'], 'zh', 'csv')).toBe('compare_etc-ab_zh.csv');
		expect(exportFileName('x/../y', ['上海'], 'en', 'svg')).toBe('xy_all_en.svg');
	});
});
