import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import UpSetChart from '../../src/lib/charts/UpSet/UpSetChart.svelte';
import { syntheticDataset } from '../../src/lib/aggregate/synthetic';
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

	it('outlines the selected group and leaves listing its tracks to the page (they were listed twice)', () => {
		const key = 'suzhou+nanjing+beijing+shenzhen';
		const body = render(UpSetChart, { props: { dataset: builtinDataset, locale: 'en', selected: key } }).body;
		const [svg] = renderSvgs(UpSetChart, { dataset: builtinDataset, locale: 'en', selected: key });
		expect(svg).toMatch(new RegExp(`data-key="${key.replace(/\+/g, '\\+')}"[^>]*>\\s*<rect class="hit"`));
		expect(svg).toContain('class="selection-outline"');
		// the Industries page lists the chosen group's tracks under the chart (data-testid="intersection-tracks");
		// the chart itself no longer repeats the list
		const after = body.slice(body.lastIndexOf('</svg>'));
		expect(after).not.toMatch(/<li>Cell and gene technologies<\/li>/);
		expect(body).not.toContain('upset-selection');
	});

	it('uses the wide column: wider columns, set bars and type', () => {
		const [tablet] = renderSvgs(UpSetChart, { dataset: builtinDataset, locale: 'en' }, 'tablet');
		const [wide] = renderSvgs(UpSetChart, { dataset: builtinDataset, locale: 'zh' }, 'wide');
		expectGolden('upset-builtin-zh-wide', wide);
		const hitWidth = (svg: string) => Number(/<rect class="hit"[^>]*width="([\d.]+)"/.exec(svg)![1]);
		expect(hitWidth(wide)).toBeGreaterThan(hitWidth(tablet) * 1.4);
		expect(wide).toContain('font-size="13"');
	});

	it('notes the hidden groups only in the variant that hides them', () => {
		const phone = renderSvgs(
			UpSetChart,
			{ dataset: syntheticDataset({ cities: 12, tracks: 60, events: 10, seed: 3 }), locale: 'en' },
			'phone'
		)[0];
		const tablet = renderSvgs(UpSetChart, { dataset: builtinDataset, locale: 'en' }, 'tablet')[0];
		expect(phone).toMatch(/class="upset-note muted"[\s\S]*Showing the \d+ largest of \d+ groups\./);
		expect(tablet).not.toContain('upset-note');
		expect(tablet).not.toContain('Showing the');
	});
});
