import { describe, expect, it } from 'vitest';
import { eventsPerCity } from '../../src/lib/aggregate/counts';
import DotMapChart from '../../src/lib/charts/DotMap/DotMapChart.svelte';
import { builtinDataset } from '../../src/lib/data/builtin';
import type { Dataset } from '../../src/lib/data/types';
import { fixtureDataset } from './fixture';
import { expectGolden, renderSvgs } from './golden';

/** The fixture plus two cities a user imported without coordinates (one with an event, one without). */
const withMissing: Dataset = {
	...fixtureDataset,
	cities: [
		...fixtureDataset.cities,
		{
			id: 'epsilon',
			name: { zh: '戊城', en: 'Epsilon' },
			pinyin: 'wucheng',
			province: { zh: '戊省', en: 'Epsilon Province' },
			cluster: 'gba',
			lat: null,
			lon: null
		},
		{
			id: 'zeta',
			name: { zh: '己城', en: 'Zeta' },
			pinyin: 'jicheng',
			province: { zh: '己省', en: 'Zeta Province' },
			cluster: 'jjj',
			lat: null,
			lon: 116
		}
	]
};

describe('dot map (golden SVG)', () => {
	it('renders the fixture in English', () => {
		const rows = eventsPerCity(fixtureDataset);
		const [svg] = renderSvgs(DotMapChart, { dataset: fixtureDataset, rows, locale: 'en' });
		expectGolden('dot-map-fixture-en', svg);
	});

	it('renders the fixture in Chinese', () => {
		const rows = eventsPerCity(fixtureDataset);
		const [svg] = renderSvgs(DotMapChart, { dataset: fixtureDataset, rows, locale: 'zh' });
		expectGolden('dot-map-fixture-zh', svg);
	});

	it('renders the narrow (phone) variant', () => {
		const rows = eventsPerCity(fixtureDataset);
		const [svg] = renderSvgs(DotMapChart, { dataset: fixtureDataset, rows, locale: 'en' }, 'phone');
		expectGolden('dot-map-fixture-en-narrow', svg);
	});

	it('renders the wide variant, scaled up (larger circles and type, a flatter map)', () => {
		const rows = eventsPerCity(fixtureDataset);
		const [svg] = renderSvgs(DotMapChart, { dataset: fixtureDataset, rows, locale: 'en' }, 'wide');
		expectGolden('dot-map-fixture-en-wide', svg);
		expect(svg).toContain('font-size="14"');
	});

	it('moves the Yangtze River Delta circles out from under Shanghai’s, with leaders to their places', () => {
		const rows = eventsPerCity(builtinDataset, { includeCommentary: false });
		for (const variant of ['phone', 'tablet', 'wide'] as const) {
			const [svg] = renderSvgs(DotMapChart, { dataset: builtinDataset, rows, locale: 'en' }, variant);
			expect(svg).toContain('data-anchor="suzhou"');
			expect(svg).toContain('Circles of nearby cities are moved apart');
			if (variant === 'wide') expectGolden('dot-map-builtin-en-wide', svg);
		}
	});

	it('leaves off cities without coordinates and says which', () => {
		const rows = eventsPerCity(withMissing);
		const [en] = renderSvgs(DotMapChart, { dataset: withMissing, rows, locale: 'en' });
		expect(en).toContain('2 cities without coordinates are not shown: Epsilon and Zeta.');
		expect(en.match(/class="mark/g)?.length).toBe(4);
		const [zh] = renderSvgs(DotMapChart, { dataset: withMissing, rows, locale: 'zh' }, 'phone');
		expect(zh).toContain('2 座城市缺少经纬度，未在图上显示：戊城和己城。');
		expectGolden('dot-map-fixture-zh-missing-narrow', zh);
	});

	it('states the finding from the real data (counted by hand from builtin/events.json)', () => {
		// Without commentary: 42 city events; the ten Yangtze River Delta cities hold
		// Shanghai 10 + Hangzhou 5 + Suzhou 2 + Jiaxing 2 + Hefei, Wuxi, Ningbo, Wuhu, Wenzhou, Nanjing 1 each = 25.
		const rows = eventsPerCity(builtinDataset, { includeCommentary: false });
		const [zh] = renderSvgs(DotMapChart, { dataset: builtinDataset, rows, locale: 'zh' });
		expect(zh).toMatch(/<title[^>]*>长三角城市占全部 42 件事件中的 25 件，占比 60%<\/title>/);
		expect(zh).toContain('圆点只示意城市位置，图中未绘制行政区划界线、海岸线或国界。');
		expect(zh.match(/class="mark/g)?.length).toBe(15);
		const [en] = renderSvgs(DotMapChart, { dataset: builtinDataset, rows, locale: 'en' });
		expect(en).toMatch(/<title[^>]*>Yangtze River Delta cities hold 25 of the 42 events \(60%\)<\/title>/);
		// Shanghai's circle is the largest (r 24); Beijing's 7 events give r = 24·√0.7 ≈ 20.08
		expect(en).toMatch(/<circle cx="[\d.]+" cy="[\d.]+" r="24" fill="#0072B2"/);
		expect(en).toMatch(/r="20.08" fill="#D55E00"/);
		// With commentary: 45 city events, 27 in the Yangtze River Delta (Shanghai 11, Hefei 2).
		const all = eventsPerCity(builtinDataset);
		const [withCommentary] = renderSvgs(DotMapChart, { dataset: builtinDataset, rows: all, locale: 'en' });
		expect(withCommentary).toContain('Yangtze River Delta cities hold 27 of the 45 events (60%)');
	});

	it('keeps styles on presentation attributes and interaction marks out of the export', () => {
		const rows = eventsPerCity(builtinDataset, { includeCommentary: false });
		for (const variant of ['tablet', 'phone'] as const) {
			const [svg] = renderSvgs(DotMapChart, { dataset: builtinDataset, rows, locale: 'en' }, variant);
			expect(svg).not.toMatch(/\sstyle=/);
			expect(svg).not.toContain('<style');
			expect(svg).not.toContain('foreignObject');
			const hitAreas = [...svg.matchAll(/<circle[^>]*pointer-events="all"[^>]*>/g)];
			expect(hitAreas.length).toBeGreaterThan(0);
			for (const m of hitAreas) expect(m[0]).toContain('data-export="omit"');
		}
	});
});
