import { describe, expect, it } from 'vitest';
import { contrast, luminance } from '../../src/lib/charts/core/palette';
import { overlaps } from '../../src/lib/charts/Matrix/geometry';
import {
	MIN_MIX_EVENTS,
	mostSimilarPair,
	similarityColour,
	similarityGeometry,
	similarityLabelBoxes,
	similarityModel
} from '../../src/lib/charts/Similarity/geometry';
import { builtinDataset } from '../../src/lib/data/builtin';

describe('similarity model (real data)', () => {
	const m = similarityModel(builtinDataset, { metric: 'tracks', locale: 'zh' });

	it('keeps only the four cities with a future-industry list, seriated from Beijing', () => {
		expect(m.cities.map((c) => c.label)).toEqual(['北京', '深圳', '苏州', '南京']);
		expect(m.leftOut).toHaveLength(11);
		expect(m.leftOut).toContain('shanghai');
	});

	it('is symmetric with 1 on the diagonal, and matches Jaccard counted by hand', () => {
		const n = m.cities.length;
		for (let i = 0; i < n; i++) {
			expect(m.values[i][i]).toBe(1);
			for (let j = 0; j < n; j++) expect(m.values[i][j]).toBe(m.values[j][i]);
		}
		const v = (a: string, b: string) => {
			const i = m.cities.findIndex((c) => c.key === a);
			const j = m.cities.findIndex((c) => c.key === b);
			return { value: m.values[i][j], shared: m.shared?.[i][j] };
		};
		// Suzhou 9 tracks, Nanjing 8, 5 in common → 5 / 12
		expect(v('suzhou', 'nanjing')).toEqual({ value: 5 / 12, shared: 5 });
		// Beijing 11, Shenzhen 10, 7 in common → 7 / 14
		expect(v('beijing', 'shenzhen')).toEqual({ value: 0.5, shared: 7 });
		expect(v('nanjing', 'shenzhen')).toEqual({ value: 3 / 15, shared: 3 });
		expect(mostSimilarPair(m)).toEqual({ a: 0, b: 1, value: 0.5 });
	});

	it('takes a given list of cities, dropping those without a list', () => {
		const some = similarityModel(builtinDataset, {
			metric: 'tracks',
			locale: 'en',
			cities: ['shanghai', 'suzhou', 'nanjing']
		});
		expect(some.cities.map((c) => c.key).sort()).toEqual(['nanjing', 'suzhou']);
		expect(some.leftOut).toEqual(['shanghai']);
	});

	it('compares the mix of fields of every city with enough events, and shows the others unrated', () => {
		const mix = similarityModel(builtinDataset, { metric: 'mix', locale: 'en' });
		expect(mix.cities).toHaveLength(15);
		expect(mix.shared).toBeNull();
		const events = mix.events ?? [];
		for (let i = 0; i < 15; i++) {
			expect(mix.thin[i]).toBe(events[i] < MIN_MIX_EVENTS);
			expect(mix.values[i][i]).toBe(1);
			for (let j = 0; j < 15; j++) {
				expect(mix.values[i][j]).toBe(mix.values[j][i]);
				if (i !== j && (mix.thin[i] || mix.thin[j])) {
					expect(mix.values[i][j]).toBeNaN();
					continue;
				}
				expect(mix.values[i][j]).toBeGreaterThanOrEqual(0);
				expect(mix.values[i][j]).toBeLessThanOrEqual(1);
			}
		}
		// the compared cities first; a thin city is never the most alike
		const compared = mix.thin.filter((t) => !t).length;
		expect(mix.thin.slice(0, compared).every((t) => !t)).toBe(true);
		const pair = mostSimilarPair(mix);
		expect(pair && !mix.thin[pair.a] && !mix.thin[pair.b]).toBe(true);
	});

	it('never rates two one-event cities as alike', () => {
		const mix = similarityModel(builtinDataset, {
			metric: 'mix',
			locale: 'en',
			filter: { includeCommentary: false }
		});
		const one = (mix.events ?? []).flatMap((n, i) => (n === 1 ? [i] : []));
		expect(one.length).toBeGreaterThanOrEqual(2);
		expect(mix.values[one[0]][one[1]]).toBeNaN();
		const g = similarityGeometry(mix, { width: 696 });
		const cell = g.cells.find((c) => c.i === one[0] && c.j === one[1]);
		expect(cell).toMatchObject({ thin: true, fill: null, text: null });
	});
});

describe('similarity geometry', () => {
	it('colours by a sequential scale: more similar is darker', () => {
		const ls = [0, 0.25, 0.5, 0.75, 1].map((v) => luminance(similarityColour(v)));
		expect(ls).toEqual([...ls].sort((a, b) => b - a));
		expect(similarityColour(0)).toMatch(/^#[0-9a-f]{6}$/);
	});

	for (const metric of ['tracks', 'mix'] as const)
		for (const locale of ['en', 'zh'] as const)
			for (const width of [696, 344, 720, 360, 936, 1144])
				it(`${metric}: symmetric cells, readable values, no overlapping labels at ${width}px in ${locale}`, () => {
					const m = similarityModel(builtinDataset, { metric, locale });
					const g = similarityGeometry(m, { width, legendTitle: 'x', diagonalLabel: 'same city' });
					const n = m.cities.length;
					expect(g.cells).toHaveLength(n * n);
					const at = new Map(g.cells.map((c) => [`${c.i},${c.j}`, c]));
					for (const c of g.cells) {
						const t = at.get(`${c.j},${c.i}`);
						expect(t?.value).toBe(c.value);
						expect(t?.fill).toBe(c.fill);
						expect(t?.text).toBe(c.text);
						expect(c.diagonal).toBe(c.i === c.j);
						if (c.diagonal) expect(c.fill).toBeNull();
						if (c.text && c.fill) expect(contrast(c.textFill, c.fill)).toBeGreaterThanOrEqual(4.5);
						expect(c.x + c.size).toBeLessThanOrEqual(width + 0.01);
						expect(c.x).toBeCloseTo(g.gridX + c.j * g.cell, 1);
						expect(c.y).toBeCloseTo(g.gridY + c.i * g.cell, 1);
					}
					const boxes = similarityLabelBoxes(g);
					expect(overlaps(boxes)).toEqual([]);
					for (const b of boxes) {
						expect(b.x0, b.key).toBeGreaterThanOrEqual(-0.01);
						expect(b.x1, b.key).toBeLessThanOrEqual(width + 0.01);
						expect(b.y0, b.key).toBeGreaterThanOrEqual(g.legend.height - 0.01);
					}
					// the four track cities always get their values printed
					if (metric === 'tracks') expect(g.cells.filter((c) => c.text).length).toBe(12);
				});
});
