import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import UpSetChart from '../../src/lib/charts/UpSet/UpSetChart.svelte';
import { builtinDataset } from '../../src/lib/data/builtin';
import { expectGolden, renderSvgs } from './golden';
import { industryFixture } from './industry-fixture';

describe('UpSet (golden SVG)', () => {
	it('renders the fixture in English', () => {
		const [svg] = renderSvgs(UpSetChart, { dataset: industryFixture, locale: 'en' });
		expectGolden('upset-fixture-en', svg);
		expect(/\p{Script=Han}/u.test(svg)).toBe(false);
	});

	it('renders the fixture in Chinese with a group selected', () => {
		const [svg] = renderSvgs(UpSetChart, { dataset: industryFixture, locale: 'zh', selected: 'alpha+gamma' });
		expectGolden('upset-fixture-zh-selected', svg);
		expect(svg).toMatch(
			/class="selection-outline"[^>]*data-export="omit"|data-export="omit"[^>]*class="selection-outline"/
		);
	});

	it('renders the narrow (phone) variant', () => {
		const [svg] = renderSvgs(UpSetChart, { dataset: industryFixture, locale: 'en' }, 'phone');
		expectGolden('upset-fixture-en-narrow', svg);
	});

	it('states the finding on the real data', () => {
		const [en] = renderSvgs(UpSetChart, { dataset: builtinDataset, locale: 'en' });
		expect(en).toMatch(
			/<title[^>]*>Only one track — cell and gene technologies — is shared by all 4 cities<\/title>/
		);
		// one mark per group: 11 groups partition the 17 tracks
		expect(en.match(/class="mark/g)).toHaveLength(11);
		const [zh] = renderSvgs(UpSetChart, {
			dataset: builtinDataset,
			locale: 'zh',
			cities: ['suzhou', 'nanjing', 'shenzhen']
		});
		expect(zh).toMatch(/<title[^>]*>全部 3 座城市只有一个共同赛道：细胞与基因<\/title>/);
		expect(zh).toContain('data-key="suzhou+nanjing+shenzhen"');
		expect(zh).not.toMatch(/\sstyle=/);
	});

	it('lists the selected group’s tracks under the chart, outside the SVG', () => {
		const body = render(UpSetChart, {
			props: { dataset: builtinDataset, locale: 'en', selected: 'suzhou+nanjing+beijing+shenzhen' }
		}).body;
		const after = body.slice(body.lastIndexOf('</svg>'));
		expect(after).toContain('Tracks shared by exactly Suzhou, Nanjing, Beijing, and Shenzhen');
		expect(after).toMatch(/<li>Cell and gene technologies<\/li>/);
		expect(after).toContain('<button');
		const none = render(UpSetChart, { props: { dataset: builtinDataset, locale: 'en' } }).body;
		expect(none).not.toContain('upset-selection');
	});
});
