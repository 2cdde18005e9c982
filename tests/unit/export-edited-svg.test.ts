/** An edited chart's file: sized as chosen (px or mm), on a white, transparent or dark background. */
import { describe, expect, it } from 'vitest';
import { backgroundFill, DARK, editedSvg, onBackground } from '../../src/lib/export/edited';
import { svgSize } from '../../src/lib/export/svg';

const META = {
	url: 'https://example.org/en?edit=x#x',
	datasetVersion: '1',
	exportedAt: '2026-01-01T00:00:00Z',
	lang: 'en'
};
const CHART = `<svg class="chart-edited" viewBox="0 0 1200 675" width="1200" height="675" fill="#1a1a1a">
<title>T &lt;b&gt;</title>
<rect class="chart-bg" width="1200" height="675" fill="#ffffff"/>
<g class="chart-scaled" transform="scale(1.5)">
<g class="chart-title" font-size="18"><text x="12" y="30">Title</text></g>
<g class="chart-subtitle muted" fill="#595959"><text x="12" y="50">Sub</text></g>
<g class="chart-plot"><line stroke="#d9d9d9" x2="10"/><rect class="band" fill="#f4f4f2"/><rect fill="#0072B2"/>
<text class="on-fill" fill="#ffffff">7</text><text stroke="#ffffff" stroke-width="3">halo</text><g fill="#595959"><text>tick</text></g></g>
</g></svg>`;

/** The root element's width, height and viewBox attributes. */
function rootSize(svg: string) {
	const open = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
	const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(open)?.[1];
	return [attr('width'), attr('height'), attr('viewBox')];
}

describe('editedSvg', () => {
	it('keeps the size chosen: px as the viewBox, or mm for print', () => {
		const px = editedSvg(CHART, META, { bg: 'white', svgWidth: '1200', svgHeight: '675' });
		expect(rootSize(px)).toEqual(['1200', '675', '0 0 1200 675']);
		const mm = editedSvg(CHART, META, { bg: 'white', svgWidth: '112mm', svgHeight: '63mm' });
		expect(rootSize(mm)).toEqual(['112mm', '63mm', '0 0 1200 675']);
		// no line is added under the source: the file is exactly the size chosen
		expect(svgSize(px)).toEqual({ width: 1200, height: 675 });
		expect(px).not.toContain('chart-url');
		// something that is no length is not written as one
		const bad = editedSvg(CHART, META, { bg: 'white', svgWidth: '1" onload="x', svgHeight: '2' });
		expect(rootSize(bad)).toEqual(['1200', '675', '0 0 1200 675']);
	});

	it('transparent: no background rectangle, and a PNG drawn on nothing', () => {
		const out = onBackground(CHART, 'transparent');
		expect(out).not.toContain('chart-bg');
		expect(backgroundFill('transparent')).toBeNull();
		expect(backgroundFill('white')).toBe('#ffffff');
		expect(backgroundFill('dark')).toBe(DARK.background);
	});

	it('dark: re-derived colours, not inverted; data colours and text on fills kept', () => {
		const out = onBackground(CHART, 'dark');
		expect(out).toContain(`class="chart-bg" width="1200" height="675" fill="${DARK.background}"`);
		expect(out).toMatch(/<text x="12" y="30" fill="#e6e6e6">Title<\/text>/);
		expect(out).toMatch(/<text x="12" y="50" fill="#b3b3b3">Sub<\/text>/);
		expect(out).toMatch(/<text fill="#b3b3b3">tick<\/text>/);
		expect(out).toContain(`stroke="${DARK.grid}"`);
		expect(out).toContain(`class="band" fill="${DARK.band}"`);
		expect(out).toContain('fill="#0072B2"');
		expect(out).toContain('class="on-fill" fill="#ffffff"');
		expect(out).toMatch(/stroke="#121212" stroke-width="3"[^>]*>halo/);
	});

	it('writes the title as text, escaped', () => {
		const out = editedSvg(CHART, META, { bg: 'dark', svgWidth: '1200', svgHeight: '675' });
		expect(out).toContain('<title>T &lt;b&gt;</title>');
		expect(out).not.toContain('<b>');
	});
});
