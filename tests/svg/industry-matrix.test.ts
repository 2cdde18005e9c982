import { FRAME_VARIANTS } from '../../src/lib/charts/frame/variants';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../src/lib/aggregate/synthetic';
import IndustryMatrixChart from '../../src/lib/charts/Matrix/IndustryMatrixChart.svelte';
import { IndustryMatrixModel } from '../../src/lib/charts/Matrix/model';
import Tooltip from '../../src/lib/charts/frame/Tooltip.svelte';
import { placeTooltip } from '../../src/lib/charts/frame/tooltip';
import { builtinDataset } from '../../src/lib/data/builtin';
import { expectGolden, renderSvgs } from './golden';
import { industryFixture } from './industry-fixture';

const HAN = /\p{Script=Han}/u;

/** The cells as drawn: one path per match strength, one closed rectangle per non-empty cell. */
const cellPaths = (svg: string) =>
	[...svg.matchAll(/<path class="cells-(\w+)" d="([^"]*)"/g)].map((m) => ({
		match: m[1],
		rects: [...m[2].matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z/g)].map((r) =>
			r.slice(1).map(Number)
		)
	}));

describe('industry matrix (golden SVG)', () => {
	it('renders the fixture in English', () => {
		const [svg] = renderSvgs(IndustryMatrixChart, { dataset: industryFixture, locale: 'en' });
		expectGolden('industry-matrix-fixture-en', svg);
		expect(HAN.test(svg)).toBe(false);
	});

	it('renders the fixture in Chinese, ordered by count and similarity', () => {
		const [svg] = renderSvgs(IndustryMatrixChart, {
			dataset: industryFixture,
			locale: 'zh',
			rowOrder: 'count',
			colOrder: 'similarity'
		});
		expectGolden('industry-matrix-fixture-zh-count', svg);
	});

	it('renders the narrow (phone) variant', () => {
		const [svg] = renderSvgs(IndustryMatrixChart, { dataset: industryFixture, locale: 'en' }, 'phone');
		expectGolden('industry-matrix-fixture-en-narrow', svg);
	});

	it('renders the wide variant: wider columns, labels across them in Chinese, turned and wrapped in English', () => {
		const [en] = renderSvgs(IndustryMatrixChart, { dataset: industryFixture, locale: 'en' }, 'wide');
		expectGolden('industry-matrix-fixture-en-wide', en);
		const [zh] = renderSvgs(IndustryMatrixChart, { dataset: industryFixture, locale: 'zh' }, 'wide');
		expectGolden('industry-matrix-fixture-zh-wide', zh);
		expect(zh).not.toContain('rotate(-90)');
	});

	it('sets Chinese column labels upright, one character under another, on a phone', () => {
		const [svg] = renderSvgs(IndustryMatrixChart, { dataset: industryFixture, locale: 'zh' }, 'phone');
		expectGolden('industry-matrix-fixture-zh-narrow', svg);
		expect(svg).not.toMatch(/rotate\(-?90\)/);
		expect(svg).not.toContain('writing-mode');
	});

	it('states the finding on the real data and draws one rectangle per non-empty cell', () => {
		const [en] = renderSvgs(IndustryMatrixChart, { dataset: builtinDataset, locale: 'en' });
		expect(en).toMatch(
			/<title[^>]*>All 4 cities name one track in common: Cell and gene technologies<\/title>/
		);
		const [zh] = renderSvgs(IndustryMatrixChart, { dataset: builtinDataset, locale: 'zh' });
		expect(zh).toMatch(/<title[^>]*>全部 4 座城市只有一个共同赛道：细胞与基因<\/title>/);
		// Suzhou 9 + Nanjing 8 + Beijing 11 + Shenzhen 10 tracks, in at most one path per match strength
		const paths = cellPaths(zh);
		expect(paths.length).toBeLessThanOrEqual(3);
		expect(paths.reduce((n, p) => n + p.rects.length, 0)).toBe(38);
		// each path is drawn in its match's colour, in legend order
		expect(paths.map((p) => p.match)).toEqual(
			['exact', 'partial', 'broad'].filter((m) => paths.some((p) => p.match === m))
		);
		for (const svg of [en, zh]) {
			expect(svg).not.toMatch(/\sstyle=/);
			expect(svg).not.toContain('foreignObject');
		}
	});

	it('renders 300 cities × 60 tracks with a lean DOM', () => {
		const ds = syntheticDataset({ cities: 300, tracks: 60, events: 10, seed: 7 });
		const nonEmpty = new Set(
			ds.futureIndustries.flatMap((l) =>
				l.items.flatMap((it) => it.tracks.map((t) => `${l.cityId}|${t.trackId}`))
			)
		).size;
		const { body } = render(IndustryMatrixChart, { props: { dataset: ds, locale: 'zh' } });
		const svgs = body.match(/<svg\b[\s\S]*?<\/svg>/g) ?? [];
		expect(svgs).toHaveLength(FRAME_VARIANTS.length);
		for (const svg of svgs) {
			// three elements draw every cell
			const paths = cellPaths(svg);
			expect(paths.length).toBeLessThanOrEqual(3);
			expect(paths.reduce((n, p) => n + p.rects.length, 0)).toBe(nonEmpty);
			// no per-cell groups: the whole chart has a few dozen <g>
			expect((svg.match(/<g\b/g) ?? []).length).toBeLessThan(30);
			// labels thinned: far fewer than 300 row labels, one per column at most
			const inGroup = (cls: string) =>
				(new RegExp(`<g class="${cls}"[\\s\\S]*?</g>`).exec(svg)?.[0].match(/<text\b/g) ?? []).length;
			expect(inGroup('row-labels')).toBeGreaterThan(0);
			expect(inGroup('row-labels')).toBeLessThanOrEqual(150);
			expect(inGroup('col-labels')).toBeLessThanOrEqual(60);
			const height = Number(/viewBox="0 0 \d+ (\d+)"/.exec(svg)?.[1]);
			expect(height).toBeLessThan(2200);
		}
	}, 60_000);

	it('shows sort controls outside the SVG only when the page listens', () => {
		const without = render(IndustryMatrixChart, { props: { dataset: industryFixture, locale: 'en' } }).body;
		expect(without).not.toContain('<select');
		const withControls = render(IndustryMatrixChart, {
			props: { dataset: industryFixture, locale: 'en', onorderchange: () => {} }
		}).body;
		expect(withControls.match(/<select/g)).toHaveLength(2);
		expect(withControls.indexOf('<select')).toBeLessThan(withControls.indexOf('<svg'));
		expect(withControls).toContain('Similar cities together');
	});

	it('marks the Chinese original in an English tooltip as Chinese', () => {
		const model = new IndustryMatrixModel({ dataset: builtinDataset, locale: 'en' });
		const lines = model.tooltip('suzhou|semiconductors');
		expect(lines).toContainEqual({
			text: 'Photonic chips and optical devices (partial)',
			zh: '光子芯片与光器件'
		});
		const tip = placeTooltip(
			lines,
			{ x: 100, y: 100, width: 30, height: 30 },
			{ x: 0, y: 0, width: 696, height: 400 }
		);
		const body = render(Tooltip, { props: { tip: tip! } }).body;
		expect(body).toContain('data-export="omit"');
		expect(body).toMatch(/<tspan lang="zh-CN"[^>]*>光子芯片与光器件<\/tspan>/);
		expect(body.replace(/<tspan lang="zh-CN"[^>]*>[^<]*<\/tspan>/g, '')).not.toMatch(HAN);
	});
});
