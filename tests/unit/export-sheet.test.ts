/**
 * The comparison sheet (src/lib/export/sheet.ts): the compare page's charts stacked under one heading with
 * the differences in words and one source line, as one standalone SVG; and the comparison's data as rows.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { compareCities } from '../../src/lib/aggregate/compare';
import { compareStory } from '../../src/lib/aggregate/compare-story';
import CompareChart from '../../src/lib/charts/Compare/CompareChart.svelte';
import { builtinDataset } from '../../src/lib/data/builtin';
import { comparisonRows, comparisonSheet } from '../../src/lib/export/sheet';
import { parseMarkup, standaloneSvg, walk } from '../../src/lib/export/svg';

const CITIES = ['shanghai', 'shenzhen', 'hefei'];
const FILTER = { includeCommentary: false };
const comparison = compareCities(builtinDataset, CITIES, FILTER);
const story = compareStory(builtinDataset, CITIES, FILTER);
const chart = [
	...render(CompareChart, {
		props: { dataset: builtinDataset, comparison, locale: 'en', filter: FILTER }
	}).body.matchAll(/<svg\b[\s\S]*?<\/svg>/g)
]
	.map((m) => m[0])
	.find((s) => s.includes('data-variant="tablet"'))!;

describe('comparison sheet', () => {
	const sheet = comparisonSheet({
		locale: 'en',
		title: 'Shanghai, Shenzhen and Hefei compared <script>alert(1)</script>',
		description: 'What each did.',
		charts: [chart, chart],
		sections: [
			{
				heading: 'Differences and overlaps',
				lines: ['Fields only Shanghai has events in: “International exchange”.']
			}
		],
		source: 'Source: The Paper'
	});
	const file = standaloneSvg(sheet, {
		url: 'https://example.org/en/compare',
		datasetVersion: 'v',
		exportedAt: '2026-01-01T00:00:00Z',
		lang: 'en'
	});
	const root = parseMarkup(file);
	const svgs = [...walk(root)].filter((el) => el.name === 'svg');

	it('nests each chart at its own place, one under the other, inside the sheet', () => {
		const nested = svgs
			.slice(1)
			.filter((el) => el.attrs.some(([k, v]) => k === 'data-chart' && v === 'compare'));
		expect(nested).toHaveLength(2);
		const ys = nested.map((el) => Number(el.attrs.find(([k]) => k === 'y')![1]));
		const h = Number(nested[0].attrs.find(([k]) => k === 'height')![1]);
		expect(ys[1]).toBeGreaterThanOrEqual(ys[0] + h);
		const sheetHeight = Number(svgs[0].attrs.find(([k]) => k === 'height')![1]);
		expect(sheetHeight).toBeGreaterThan(ys[1] + h);
	});

	it('keeps hostile text as text, with the words and the source line after the charts', () => {
		expect(file).not.toContain('<script');
		expect(file).toContain('&lt;script&gt;');
		expect(file).toContain('International exchange');
		expect(file).toContain('Source: The Paper');
		expect(file).toContain('<metadata>');
		// the address goes under the sheet's own source line, not under the first chart's
		const urlLine = [...walk(root)].filter((el) =>
			el.attrs.some(([k, v]) => k === 'class' && v === 'chart-url')
		);
		expect(urlLine).toHaveLength(1);
		const sheetSource = svgs[0].children.find(
			(c) =>
				typeof c !== 'string' &&
				c.name === 'g' &&
				c.attrs.some(([k, v]) => k === 'class' && v.includes('chart-source'))
		);
		expect(sheetSource && typeof sheetSource !== 'string' && sheetSource.children).toContain(urlLine[0]);
	});
});

describe('comparison rows', () => {
	const rows = comparisonRows({ comparison, story, dataset: builtinDataset, locale: 'en' });
	it('has each city’s events per field, its tracks and each pair’s likeness', () => {
		expect(rows[0]).toEqual(['What', 'City', 'Other city', 'Field or track', 'Value']);
		// Shanghai: 3 big-science events (hand-counted in compare-story.test.ts)
		expect(rows).toContainEqual(['events in field', 'Shanghai', '', 'Big-science facilities', 3]);
		expect(rows.filter((r) => r[0] === 'track named' && r[1] === 'Shenzhen')).toHaveLength(10);
		expect(rows.filter((r) => r[0] === 'track named' && r[1] !== 'Shenzhen')).toHaveLength(0);
		expect(rows).toContainEqual(['field-mix similarity (cosine)', 'Shanghai', 'Shenzhen', '', 0.4]);
		expect(rows).toContainEqual(['field-mix similarity (cosine)', 'Shanghai', 'Hefei', '', '']);
	});
});
