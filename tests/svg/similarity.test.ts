import { FRAME_VARIANTS } from '../../src/lib/charts/frame/variants';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import SimilarityChart from '../../src/lib/charts/Similarity/SimilarityChart.svelte';
import { builtinDataset } from '../../src/lib/data/builtin';
import { expectGolden, renderSvgs } from './golden';
import { industryFixture } from './industry-fixture';

describe('similarity heatmap (golden SVG)', () => {
	it('renders the fixture in English', () => {
		const [svg] = renderSvgs(SimilarityChart, { dataset: industryFixture, locale: 'en' });
		expectGolden('similarity-fixture-en', svg);
		expect(/\p{Script=Han}/u.test(svg)).toBe(false);
	});

	it('renders the fixture’s category mix in Chinese', () => {
		const [svg] = renderSvgs(SimilarityChart, { dataset: industryFixture, locale: 'zh', metric: 'mix' });
		expectGolden('similarity-fixture-zh-mix', svg);
	});

	it('renders the narrow (phone) variant', () => {
		const [svg] = renderSvgs(SimilarityChart, { dataset: industryFixture, locale: 'en' }, 'phone');
		expectGolden('similarity-fixture-en-narrow', svg);
	});

	it('renders the wide variant with bigger cells', () => {
		const [svg] = renderSvgs(SimilarityChart, { dataset: industryFixture, locale: 'en' }, 'wide');
		expectGolden('similarity-fixture-en-wide', svg);
	});

	it('hatches the cities with too few events for a mix, and says so in the legend', () => {
		const [svg] = renderSvgs(SimilarityChart, {
			dataset: builtinDataset,
			locale: 'en',
			metric: 'mix',
			filter: { includeCommentary: false }
		});
		expect(svg).toContain('same city, or fewer than 3 events (too few to compare)');
		// 15 cities, 4 with 3 or more events: 4 × 3 rated pairs, the rest hatched
		expect(svg.match(/<rect data-key=/g)).toHaveLength(225);
		expect(svg.match(/class="thin"/g)).toHaveLength(225 - 15 - 12);
		expect(svg).not.toContain('>1.00<');
	});

	it('states the finding on the real data, and says who is left out', () => {
		const [zh] = renderSvgs(SimilarityChart, { dataset: builtinDataset, locale: 'zh' });
		// Beijing and Shenzhen: 7 shared of 14 tracks
		expect(zh).toMatch(/<title[^>]*>未来产业最相近的是北京和深圳（0.50）<\/title>/);
		const subtitle = /<g class="chart-subtitle[\s\S]*?<\/g>/.exec(zh)?.[0].replace(/<[^>]+>/g, '');
		expect(subtitle).toContain('仅显示有未来产业清单的 4 座城市');
		expect(subtitle).toContain('其余 11 座城市没有清单');
		// 4 × 4 cells, the diagonal hatched, 12 printed values
		expect(zh.match(/<rect data-key=/g)).toHaveLength(16);
		expect(zh.match(/class="diagonal"/g)).toHaveLength(4);
		expect(zh).toContain('>0.42<'); // Suzhou–Nanjing 5 / 12
		expect(zh).not.toMatch(/\sstyle=/);
	});

	it('gives its hatch pattern an id unique to the chart and the variant', () => {
		const body = render(SimilarityChart, { props: { dataset: builtinDataset, locale: 'en', uid: 'a' } }).body;
		const ids = [...body.matchAll(/<pattern id="([^"]+)"/g)].map((m) => m[1]);
		expect(ids).toEqual(FRAME_VARIANTS.map((v) => `similarity-a-${v.id}-diagonal`));
	});

	it('shows the metric toggle as buttons outside the SVG only when the page listens', () => {
		const plain = render(SimilarityChart, { props: { dataset: builtinDataset, locale: 'en' } }).body;
		expect(plain).not.toContain('aria-pressed');
		const body = render(SimilarityChart, {
			props: { dataset: builtinDataset, locale: 'en', metric: 'mix', onmetricchange: () => {} }
		}).body;
		expect(body.match(/<button[^>]*aria-pressed/g)).toHaveLength(2);
		expect(body).toMatch(/aria-pressed="true"[^>]*>Mix of fields/);
		expect(body.indexOf('aria-pressed')).toBeLessThan(body.indexOf('<svg'));
	});
});

describe('industry charts with no future-industry lists', () => {
	it('render an empty state instead of failing', async () => {
		const IndustryMatrixChart = (await import('../../src/lib/charts/Matrix/IndustryMatrixChart.svelte'))
			.default;
		const UpSetChart = (await import('../../src/lib/charts/UpSet/UpSetChart.svelte')).default;
		const empty = { ...industryFixture, futureIndustries: [] };
		expect(renderSvgs(IndustryMatrixChart, { dataset: empty, locale: 'en' })[0]).toContain(
			'None of the cities in view has a future-industry list'
		);
		expect(renderSvgs(UpSetChart, { dataset: empty, locale: 'en' })[0]).toContain(
			'No future-industry lists to compare'
		);
		expect(renderSvgs(SimilarityChart, { dataset: empty, locale: 'zh' })[0]).toContain('可比较的城市不足');
	});
});
