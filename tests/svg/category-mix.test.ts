import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { categoryMix } from '../../src/lib/aggregate/mix';
import CategoryMixChart from '../../src/lib/charts/StackedBars/CategoryMixChart.svelte';
import { builtinDataset } from '../../src/lib/data/builtin';
import { fixtureDataset } from './fixture';
import { expectGolden, renderSvgs } from './golden';

const mix = categoryMix(fixtureDataset);

describe('category mix (golden SVG)', () => {
	for (const locale of ['en', 'zh'] as const) {
		for (const mode of ['count', 'share'] as const) {
			for (const variant of ['tablet', 'phone'] as const) {
				it(`renders the fixture in ${locale}, ${mode} mode (${variant})`, () => {
					const [svg] = renderSvgs(CategoryMixChart, { dataset: fixtureDataset, mix, locale, mode }, variant);
					expectGolden(`category-mix-fixture-${locale}-${mode}${variant === 'phone' ? '-narrow' : ''}`, svg);
				});
			}
		}
	}

	it('shares an axis maximum when given one', () => {
		const [svg] = renderSvgs(CategoryMixChart, { dataset: fixtureDataset, mix, locale: 'en', max: 8 });
		expectGolden('category-mix-fixture-en-max8', svg);
	});
});

describe('category mix on the built-in data', () => {
	const real = categoryMix(builtinDataset, { includeCommentary: false });

	it('states the finding in its title (counted by hand from events.json)', () => {
		// digital is 9 of the 42 city events (21%); Hangzhou (5 events) has 3 in digital = 60%
		const [zh] = renderSvgs(CategoryMixChart, { dataset: builtinDataset, mix: real, locale: 'zh' });
		expect(zh).toMatch(
			/<title[^>]*>数字产业与数字治理占比最高（21%），杭州在这一领域最为集中（占其事件的 60%）<\/title>/
		);
		const [en] = renderSvgs(CategoryMixChart, { dataset: builtinDataset, mix: real, locale: 'en' });
		expect(en).toMatch(
			/<title[^>]*>Digital industry and digital governance is the biggest field overall \(21%\); Hangzhou leans furthest towards it \(60% of its events\)<\/title>/
		);
		expect(en).toMatch(
			/<desc[^>]*>[^<]*Hangzhou differs most from the average: 60% of its events are in Digital industry and digital governance, against 21% across all cities/
		);
	});

	it('draws one mark per city and an average row in both modes', () => {
		for (const mode of ['count', 'share'] as const) {
			for (const variant of ['tablet', 'phone'] as const) {
				const [svg] = renderSvgs(
					CategoryMixChart,
					{ dataset: builtinDataset, mix: real, locale: 'zh', mode },
					variant
				);
				expect(svg.match(/class="mark/g)?.length).toBe(15);
				expect(svg.match(/class="average"/g)?.length).toBe(1);
				expect(svg).toContain('全部城市（平均）');
				expect(svg).not.toMatch(/\sstyle=/);
			}
		}
		const [share] = renderSvgs(CategoryMixChart, {
			dataset: builtinDataset,
			mix: real,
			locale: 'en',
			mode: 'share'
		});
		// Shanghai's big-science facilities: 3 of 10
		expect(share).toContain('>30%</text>');
		expect(share).toContain('All cities (average)');
		expect(share).toContain('>100%</text>');
	});

	it('offers the counts/shares buttons outside the SVG only when the page listens', () => {
		const without = render(CategoryMixChart, {
			props: { dataset: builtinDataset, mix: real, locale: 'en', mode: 'share' }
		}).body;
		expect(without).not.toContain('aria-pressed');
		const body = render(CategoryMixChart, {
			props: { dataset: builtinDataset, mix: real, locale: 'en', mode: 'share', onmodechange: () => {} }
		}).body;
		const buttons = [...body.matchAll(/<button[^>]*aria-pressed="(true|false)"[^>]*>([^<]*)<\/button>/g)].map(
			(m) => [m[2], m[1]]
		);
		expect(buttons).toEqual([
			['Counts', 'false'],
			['Shares (100%)', 'true']
		]);
		// the buttons come before the chart, not inside an <svg>
		expect(body.indexOf('aria-pressed')).toBeLessThan(body.indexOf('<svg'));
	});
});
