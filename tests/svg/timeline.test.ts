import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/lib/aggregate/timeline';
import TimelineChart from '../../src/lib/charts/Timeline/TimelineChart.svelte';
import { builtinDataset } from '../../src/lib/data/builtin';
import { fixtureDataset } from './fixture';
import { expectGolden, renderSvgs } from './golden';

const tl = timeline(fixtureDataset);

describe('timeline (golden SVG)', () => {
	for (const locale of ['en', 'zh'] as const) {
		for (const variant of ['tablet', 'phone'] as const) {
			it(`renders the fixture in ${locale} (${variant})`, () => {
				const [svg] = renderSvgs(TimelineChart, { dataset: fixtureDataset, timeline: tl, locale }, variant);
				expectGolden(`timeline-fixture-${locale}${variant === 'phone' ? '-narrow' : ''}`, svg);
			});
		}
	}

	it('renders counted heat cells when there are more rows than the threshold', () => {
		for (const variant of ['tablet', 'phone'] as const) {
			const [svg] = renderSvgs(
				TimelineChart,
				{ dataset: fixtureDataset, timeline: tl, locale: 'en', heatThreshold: 2 },
				variant
			);
			expect(svg).not.toContain('class="event');
			// alpha 4 (Feb, Apr, Jul, no month), beta 3, gamma 2, delta 1, national 1: one closed rectangle
			// each, in one path per shade
			const heat = [...svg.matchAll(/<path class="heat" d="([^"]*)"/g)].map((m) => m[1]);
			expect(heat.length).toBeLessThanOrEqual(4);
			expect(heat.join('').match(/z/g)?.length).toBe(11);
			expectGolden(`timeline-fixture-en-heat${variant === 'phone' ? '-narrow' : ''}`, svg);
		}
	});
});

describe('timeline on the built-in data', () => {
	const real = timeline(builtinDataset, { includeCommentary: false });

	it('states the busiest month and the undated count in its title (counted by hand)', () => {
		// article events only: May 6 (Hangzhou ×2, Shanghai R&D opinions, three May–June AI policies), 9
		// of 2023 with no month, and 2 "earlier" (此前) items with no year, counted apart
		const [zh] = renderSvgs(TimelineChart, { dataset: builtinDataset, timeline: real, locale: 'zh' });
		expect(zh).toMatch(
			/<title[^>]*>5月是事件最多的月份（6 件），另有 9 件未注明月份；2 件在此前，年份不详<\/title>/
		);
		const [en] = renderSvgs(TimelineChart, { dataset: builtinDataset, timeline: real, locale: 'en' });
		expect(en).toMatch(
			/<title[^>]*>May was the busiest month \(6 events\); the source gives no month for 9 events; 2 events earlier, with no year given<\/title>/
		);
		// 44 events, 15 cities, 2 national (the computing-infrastructure plan and the wave of language models)
		expect(en).toContain('Grid of 44 events by month over 2023 for 15 cities');
		expect(en).toContain('National actions (2 events) have a row of their own at the bottom.');
		expect(en).toContain(
			'Items the source gives no year for, placing them only before another event (2 events), sit in a column of their own after it, apart from every year.'
		);
	});

	it('has a national row and an undated column, and draws the ranged AI policies as bars', () => {
		for (const variant of ['tablet', 'phone', 'desktop', 'wide'] as const) {
			const [svg] = renderSvgs(
				TimelineChart,
				{ dataset: builtinDataset, timeline: real, locale: 'zh' },
				variant
			);
			expect(svg).toMatch(/<g class="row national"[^>]*data-row="__national"/);
			expect(svg).toContain('>全国</text>');
			expect(svg).toMatch(/>月份<\/text>[\s\S]*?>不详<\/text>|>月份不详<\/text>/);
			// the items with no year in a column of their own, after a second rule
			expect(svg).toMatch(/>年份不详<\/text>[\s\S]*?>（此前）<\/text>/);
			expect(svg.match(/class="earlier-rule"/g)?.length).toBe(1);
			expect(svg.match(/class="event ranged"/g)?.length).toBe(3);
			// one square or bar per event, one keyboard/pointer target per non-empty cell
			expect(svg.match(/class="event/g)?.length).toBe(44);
			expect(svg).not.toMatch(/\sstyle=/);
			expect(svg).toMatch(/<g class="hits" data-export="omit"/);
			expectGolden(`timeline-builtin-zh-${variant}`, svg);
		}
		const [en] = renderSvgs(
			TimelineChart,
			{ dataset: builtinDataset, timeline: real, locale: 'en' },
			'phone'
		);
		expect(en).toContain('>National</text>');
		expect(en).toMatch(/>No<\/text>[\s\S]*?>month<\/text>|>No month<\/text>/);
		expect(en).toMatch(/>Earlier,<\/text>[\s\S]*?>no year<\/text>/);
		expectGolden('timeline-builtin-en-narrow', en);
	});

	it('names the months in full where the wide columns have room', () => {
		const [wide] = renderSvgs(
			TimelineChart,
			{ dataset: builtinDataset, timeline: real, locale: 'en' },
			'wide'
		);
		expect(wide).toContain('>September</text>');
		expect(wide).toMatch(/<rect class="event"[^>]*width="10"/);
		expectGolden('timeline-builtin-en-wide', wide);
		const [tablet] = renderSvgs(TimelineChart, { dataset: builtinDataset, timeline: real, locale: 'en' });
		expect(tablet).toContain('>Sep</text>');
	});
});

describe('timeline row labels', () => {
	const long = {
		...fixtureDataset,
		cities: fixtureDataset.cities.map((c, i) =>
			i === 0
				? {
						...c,
						name: {
							en: 'Guangdong–Hong Kong–Macao Greater Bay Area International Innovation Corridor',
							zh: '粤港澳大湾区国际科技创新中心广深港澳科技创新走廊核心区'
						}
					}
				: c
		)
	};
	const tlLong = timeline(long);

	it('wraps a long city name from tablet width up instead of cutting it, and cuts it on a phone', () => {
		for (const locale of ['en', 'zh'] as const) {
			for (const variant of ['tablet', 'desktop', 'wide'] as const) {
				const [svg] = renderSvgs(TimelineChart, { dataset: long, timeline: tlLong, locale }, variant);
				const row = svg.match(/<g class="row" data-row="alpha">[\s\S]*?<\/g>/)![0];
				const lines = [...row.matchAll(/text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
				// two lines or more at tablet width (at wide the Chinese name has room for one)
				if (variant === 'tablet') expect(lines.length, locale).toBeGreaterThan(1);
				expect(lines.join(locale === 'en' ? ' ' : '')).toBe(long.cities[0].name[locale]);
				expect(svg).not.toContain('…');
				if (locale === 'en' && variant === 'tablet') expectGolden('timeline-fixture-en-long-label', svg);
			}
			const [phone] = renderSvgs(TimelineChart, { dataset: long, timeline: tlLong, locale }, 'phone');
			expect(phone).toContain('…</text>');
		}
	});
});
