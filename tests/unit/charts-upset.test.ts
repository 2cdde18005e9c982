import { describe, expect, it } from 'vitest';
import { upset } from '../../src/lib/aggregate/overlap';
import { syntheticDataset } from '../../src/lib/aggregate/synthetic';
import { overlaps } from '../../src/lib/charts/Matrix/geometry';
import {
	upsetFinding,
	upsetGeometry,
	upsetLabelBoxes,
	type UpsetGeometry,
	type UpsetInput
} from '../../src/lib/charts/UpSet/geometry';
import { builtinDataset } from '../../src/lib/data/builtin';
import type { Dataset, Locale } from '../../src/lib/data/types';

const CAPTIONS = {
	en: { groupsCaption: 'Tracks in the group', setsCaption: 'Tracks per city' },
	zh: { groupsCaption: '组内赛道数', setsCaption: '各城市赛道数' }
};

function input(ds: Dataset, locale: Locale, cities?: string[]): UpsetInput {
	const u = upset(ds, cities);
	const name = new Map(ds.cities.map((c) => [c.id, c.name[locale]]));
	return {
		sets: u.sets.map((s) => ({ key: s.cityId, label: name.get(s.cityId) ?? s.cityId, size: s.size })),
		intersections: u.intersections.map((x) => ({
			key: x.cityIds.join('+'),
			cityIds: x.cityIds,
			size: x.size,
			degree: x.degree
		}))
	};
}

const geometry = (i: UpsetInput, width: number, locale: Locale = 'en'): UpsetGeometry =>
	upsetGeometry(i, { width, ...CAPTIONS[locale] });

describe('UpSet on the real data', () => {
	const u = upset(builtinDataset);

	it('partitions the 17 tracks into 11 groups, by size then degree (counted by hand)', () => {
		expect(u.sets.map((s) => [s.cityId, s.size])).toEqual([
			['suzhou', 9],
			['nanjing', 8],
			['beijing', 11],
			['shenzhen', 10]
		]);
		expect(u.intersections.map((x) => x.cityIds.join('+'))).toEqual([
			'shenzhen',
			'suzhou+nanjing',
			'beijing+shenzhen',
			'suzhou+nanjing+beijing',
			'suzhou+beijing+shenzhen',
			'nanjing+beijing+shenzhen',
			'suzhou',
			'beijing',
			'suzhou+shenzhen',
			'nanjing+beijing',
			'suzhou+nanjing+beijing+shenzhen'
		]);
		expect(u.intersections.at(-1)?.trackIds).toEqual(['cell-gene']);
		expect(u.intersections.reduce((s, x) => s + x.size, 0)).toBe(17);
	});

	it('finds the one track all four cities share', () => {
		expect(upsetFinding(u)).toEqual({ kind: 'shared', n: 4, k: 4, all: true, trackIds: ['cell-gene'] });
	});

	it('finds cell and gene as the only track Suzhou, Nanjing and Shenzhen share', () => {
		const three = upset(builtinDataset, ['suzhou', 'nanjing', 'shenzhen']);
		const all3 = three.intersections.find((x) => x.degree === 3);
		expect(all3?.trackIds).toEqual(['cell-gene']);
		expect(upsetFinding(three)).toMatchObject({ kind: 'shared', k: 3, all: true, trackIds: ['cell-gene'] });
	});

	it('reports single cities, no overlap and no lists', () => {
		expect(upsetFinding(upset(builtinDataset, ['suzhou'])).kind).toBe('single');
		expect(upsetFinding(upset(builtinDataset, []))).toMatchObject({ kind: 'empty', n: 0 });
		expect(
			upsetFinding({
				sets: [{ size: 1 }, { size: 1 }],
				intersections: [
					{ degree: 1, trackIds: ['a'] },
					{ degree: 1, trackIds: ['b'] }
				]
			}).kind
		).toBe('none');
	});
});

describe('UpSet geometry', () => {
	const data = input(builtinDataset, 'en');

	it('keeps the aggregate’s order: size descending, then degree ascending', () => {
		const g = geometry(data, 696);
		const xs = g.intersections.map((x) => x.x);
		expect(xs).toEqual([...xs].sort((a, b) => a - b));
		for (let j = 1; j < g.intersections.length; j++) {
			const a = g.intersections[j - 1];
			const b = g.intersections[j];
			expect(a.size > b.size || (a.size === b.size && a.degree <= b.degree)).toBe(true);
		}
	});

	it('fills and joins the dots of the cities in each group', () => {
		const g = geometry(data, 696);
		for (const x of g.intersections) {
			const members = x.dots.filter((d) => d.member);
			expect(members.map((d) => d.setKey).sort()).toEqual([...x.cityIds].sort());
			expect(x.dots).toHaveLength(4);
			if (x.degree > 1) {
				expect(x.line).toEqual({
					y1: Math.min(...members.map((d) => d.y)),
					y2: Math.max(...members.map((d) => d.y))
				});
			} else expect(x.line).toBeNull();
		}
	});

	it('scales the bars to the sizes', () => {
		const g = geometry(data, 696);
		const per = g.intersections[0].barHeight / g.intersections[0].size;
		for (const x of g.intersections) {
			expect(x.barHeight).toBeCloseTo(per * x.size, 1);
			expect(x.barY + x.barHeight).toBeCloseTo(g.matrixY - 6);
		}
		const perSet = g.sets[0].barWidth / 9;
		expect(g.sets.map((s) => s.barWidth / perSet)).toEqual([9, 8, 11, 10].map((v) => expect.closeTo(v, 1)));
		for (const s of g.sets) expect(s.barX + s.barWidth).toBeCloseTo(g.barRight - 4);
	});

	for (const locale of ['en', 'zh'] as const)
		for (const width of [696, 344, 720, 360])
			it(`has no overlapping labels at ${width}px in ${locale}`, () => {
				const g = geometry(input(builtinDataset, locale), width, locale);
				expect(overlaps(upsetLabelBoxes(g))).toEqual([]);
				for (const b of upsetLabelBoxes(g)) {
					expect(b.x0, b.key).toBeGreaterThanOrEqual(0);
					expect(b.x1, b.key).toBeLessThanOrEqual(width);
					expect(b.y0, b.key).toBeGreaterThanOrEqual(0);
					expect(b.y1, b.key).toBeLessThanOrEqual(g.height);
				}
				expect(g.hidden).toBe(0);
				expect(g.matrixX + g.matrixWidth).toBeLessThanOrEqual(width + 0.01);
			});

	it('shows only the largest groups when they would not fit', () => {
		const ds = syntheticDataset({ cities: 12, tracks: 60, events: 10, seed: 3 });
		const many = input(ds, 'en');
		expect(many.intersections.length).toBeGreaterThan(20);
		const g = geometry(many, 344);
		expect(g.hidden).toBeGreaterThan(0);
		expect(g.intersections.length + g.hidden).toBe(many.intersections.length);
		expect(g.colStep).toBeGreaterThanOrEqual(14);
		expect(g.intersections.map((x) => x.key)).toEqual(
			many.intersections.slice(0, g.intersections.length).map((x) => x.key)
		);
		expect(overlaps(upsetLabelBoxes(g))).toEqual([]);
	});

	for (const locale of ['en', 'zh'] as const)
		it(`wraps a long city name at the tablet, desktop and wide widths instead of cutting it (${locale})`, () => {
			const long = locale === 'en' ? 'Xishuangbanna Dai Autonomous Prefecture' : '西双版纳傣族自治州景洪市';
			const data = input(builtinDataset, locale);
			const withLong: UpsetInput = {
				...data,
				sets: data.sets.map((s, i) => (i === 1 ? { ...s, label: long } : s))
			};
			for (const width of [696, 936, 1144]) {
				const g = geometry(withLong, width, locale);
				const set = g.sets[1];
				// wrapped where it does not fit on one line (always at the tablet width)
				expect(set.lines.length, String(width)).toBeLessThanOrEqual(2);
				if (width === 696) expect(set.lines).toHaveLength(2);
				expect(set.lines.join(locale === 'en' ? ' ' : '')).toBe(long);
				expect(set.lines.join('')).not.toContain('…');
				if (set.lines.length === 2) expect(g.rowStep).toBeGreaterThanOrEqual(2 * g.lineHeight);
				expect(overlaps(upsetLabelBoxes(g))).toEqual([]);
				for (const b of upsetLabelBoxes(g)) expect(b.x0, b.key).toBeGreaterThanOrEqual(0);
			}
			// phones cut it to one line
			expect(geometry(withLong, 344, locale).sets[1].lines).toHaveLength(1);
		});

	it('widens columns, set bars and type at the desktop and wide widths', () => {
		const [tablet, desktop, wide] = [696, 936, 1144].map((w) => geometry(data, w));
		expect(desktop.colStep).toBeGreaterThan(tablet.colStep);
		expect(wide.colStep).toBeGreaterThan(desktop.colStep);
		expect(wide.barRight).toBeGreaterThan(tablet.barRight);
		expect(wide.fontSize).toBeGreaterThan(tablet.fontSize);
		// the matrix spreads over most of the wide plot
		expect(wide.matrixX + wide.matrixWidth).toBeGreaterThan(1144 * 0.85);
	});
});
