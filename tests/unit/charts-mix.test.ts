import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryMix } from '../../src/lib/aggregate/mix';
import { categoryColour } from '../../src/lib/charts/core/palette';
import { textWidth } from '../../src/lib/charts/core/text-width';
import {
	LEAN_MIN_EVENTS,
	mixFinding,
	mixGeometry,
	type MixBarRow,
	type MixCategory,
	type MixGeometry,
	type MixMode
} from '../../src/lib/charts/StackedBars/geometry';
import { builtinDataset } from '../../src/lib/data/builtin';
import type { Dataset, Locale } from '../../src/lib/data/types';
import { formatNumber, formatPercent, t } from '../../src/lib/i18n';
import { fixtureDataset } from '../svg/fixture';

/** Plot widths of the frame's two variants (720 and 360 minus the frame's padding). */
const WIDTHS = [696, 344];
const LOCALES: Locale[] = ['en', 'zh'];
const MODES: MixMode[] = ['count', 'share'];

function inputs(ds: Dataset, locale: Locale, filter = {}) {
	const mix = categoryMix(ds, filter);
	const cats = new Map(ds.categories.map((c) => [c.id, c]));
	const categories: MixCategory[] = mix.categoryIds.map((id) => ({
		key: id,
		label: cats.get(id)!.name[locale],
		colour: categoryColour(cats.get(id)!.order)
	}));
	const names = new Map(ds.cities.map((c) => [c.id, c.name[locale]]));
	const rows: MixBarRow[] = mix.rows
		.filter((r) => r.total > 0)
		.map((r) => ({ key: r.cityId, label: names.get(r.cityId)!, values: r.counts }));
	const average: MixBarRow = {
		key: '__average',
		label: t(locale, 'mix.average'),
		values: mix.average.counts
	};
	return { mix, categories, rows, average };
}

function geometry(ds: Dataset, locale: Locale, width: number, mode: MixMode, max?: number): MixGeometry {
	const { categories, rows, average } = inputs(ds, locale);
	return mixGeometry(rows, categories, average, {
		width,
		mode,
		max,
		formatValue: (v) => formatNumber(locale, v),
		formatShare: (s) => formatPercent(locale, s),
		formatAverage: (v) => formatNumber(locale, v, 1)
	});
}

describe('category mix geometry: scales', () => {
	it('draws counts on a linear scale from zero, segments end to end', () => {
		const g = geometry(fixtureDataset, 'en', 696, 'count');
		// fixture: alpha 2 big-science, 1 computing, 1 digital (commentary included by default: gamma has 2)
		const alpha = g.placed.find((r) => r.key === 'alpha')!;
		expect(alpha.total).toBe(4);
		expect(alpha.segments.map((s) => s.value)).toEqual([2, 1, 1]);
		expect(alpha.segments[0].x).toBe(0);
		const unit = alpha.segments[1].width;
		expect(alpha.segments[0].width).toBeCloseTo(2 * unit, 9);
		for (let i = 1; i < alpha.segments.length; i++) {
			const prev = alpha.segments[i - 1];
			expect(alpha.segments[i].x).toBeCloseTo(prev.x + prev.width, 9);
		}
		expect(alpha.width).toBeCloseTo(4 * unit, 9);
		const delta = g.placed.find((r) => r.key === 'delta')!;
		expect(delta.width).toBeCloseTo(unit, 9);
	});

	it('takes a shared maximum for the compare page', () => {
		const own = geometry(fixtureDataset, 'en', 696, 'count');
		const shared = geometry(fixtureDataset, 'en', 696, 'count', 8);
		const a = (g: MixGeometry) => g.placed.find((r) => r.key === 'alpha')!.width;
		expect(a(shared)).toBeCloseTo(a(own) / 2, 6);
		expect(shared.ticks.at(-1)!.label).toBe('8');
	});

	it('in share mode every non-empty bar fills the plot width exactly', () => {
		for (const ds of [fixtureDataset, builtinDataset]) {
			for (const width of WIDTHS) {
				const g = geometry(ds, 'zh', width, 'share');
				for (const row of g.placed) {
					const last = row.segments.at(-1)!;
					expect(row.segments[0].x).toBe(0);
					expect(last.x + last.width).toBeCloseTo(g.plotWidth, 9);
					expect(row.width).toBe(g.plotWidth);
					const sum = row.segments.reduce((a, s) => a + s.width, 0);
					expect(sum).toBeCloseTo(g.plotWidth, 9);
				}
				expect(g.ticks.at(-1)!.x).toBe(g.plotWidth);
				expect(g.ticks.at(-1)!.label).toBe('100%');
			}
		}
	});

	it('share-mode widths add up to the plot width for any counts', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.nat(50), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
				fc.integer({ min: 200, max: 900 }),
				(counts, width) => {
					const cats: MixCategory[] = ['a', 'b', 'c'].map((key, i) => ({
						key,
						label: key,
						colour: categoryColour(i)
					}));
					const rows = counts.map((values, i) => ({ key: `c${i}`, label: `City ${i}`, values }));
					const g = mixGeometry(rows, cats, null, { width, mode: 'share' });
					for (const row of g.placed) {
						const sum = row.segments.reduce((a, s) => a + s.width, 0);
						expect(sum).toBeCloseTo(row.total > 0 ? g.plotWidth : 0, 6);
						const shares = row.segments.reduce((a, s) => a + s.share, 0);
						expect(shares).toBeCloseTo(row.total > 0 ? 1 : 0, 9);
					}
				}
			)
		);
	});
});

describe('category mix geometry: layout', () => {
	it('puts the average row first, set apart from the cities', () => {
		const g = geometry(fixtureDataset, 'en', 696, 'count');
		expect(g.placed[0].isAverage).toBe(true);
		expect(g.placed[0].key).toBe('__average');
		expect(g.placed.slice(1).every((r) => !r.isAverage)).toBe(true);
		const avgBottom = g.placed[0].y + g.placed[0].height;
		expect(g.separatorY).not.toBeNull();
		expect(g.separatorY!).toBeGreaterThan(avgBottom);
		expect(g.separatorY!).toBeLessThan(g.placed[1].y);
		// fixture average over 4 cities: 3 big-science, 3 computing, 4 digital (x1 is commentary, included)
		expect(g.placed[0].segments.map((s) => s.value)).toEqual([0.75, 0.75, 1]);
		expect(g.placed[0].totalLabel).toBe('2.5');
	});

	for (const locale of LOCALES) {
		for (const width of WIDTHS) {
			for (const mode of MODES) {
				it(`has no overlapping or cut labels at ${width}px in ${locale} (${mode})`, () => {
					for (const ds of [fixtureDataset, builtinDataset]) {
						const g = geometry(ds, locale, width, mode);
						const fs = g.fontSize;
						// rows stack without overlapping, and each row is tall enough for its label lines
						for (let i = 1; i < g.placed.length; i++) {
							expect(g.placed[i].y).toBeGreaterThanOrEqual(g.placed[i - 1].y + g.placed[i - 1].height);
						}
						for (const row of g.placed) {
							expect(row.height).toBeGreaterThanOrEqual(row.labelLines.length * g.lineHeight);
							const factor = row.isAverage ? 1.1 : 1;
							for (const line of row.labelLines) {
								expect(textWidth(line, fs) * factor).toBeLessThanOrEqual(g.labelWidth - 8 + 0.01);
							}
							// the average label is never cut; it wraps instead
							if (row.isAverage) expect(row.labelLines.join(locale === 'en' ? ' ' : '')).toBe(row.label);
							// segment labels sit inside their segment
							for (const seg of row.segments) {
								if (seg.text) expect(textWidth(seg.text, fs - 1) + 6).toBeLessThanOrEqual(seg.width);
							}
							// the total to the right of the bar stays inside the chart
							expect(g.plotLeft + row.width + 4 + textWidth(row.totalLabel, fs)).toBeLessThanOrEqual(
								width + 0.01
							);
						}
						// axis tick labels do not collide
						for (let i = 1; i < g.ticks.length; i++) {
							const a = g.ticks[i - 1];
							const b = g.ticks[i];
							expect(a.x + textWidth(a.label, fs) / 2).toBeLessThan(b.x - textWidth(b.label, fs) / 2);
						}
						expect(g.plotLeft + g.plotWidth).toBeLessThanOrEqual(width);
					}
				});
			}
		}
	}

	it('labels segments with counts or shares, only where they fit', () => {
		const count = geometry(fixtureDataset, 'en', 696, 'count');
		const share = geometry(fixtureDataset, 'en', 696, 'share');
		const alphaC = count.placed.find((r) => r.key === 'alpha')!;
		const alphaS = share.placed.find((r) => r.key === 'alpha')!;
		expect(alphaC.segments.map((s) => s.text)).toEqual(['2', '1', '1']);
		expect(alphaS.segments.map((s) => s.text)).toEqual(['50%', '25%', '25%']);
		const tiny = mixGeometry(
			[{ key: 'x', label: 'X', values: [1, 99] }],
			[
				{ key: 'a', label: 'A', colour: categoryColour(0) },
				{ key: 'b', label: 'B', colour: categoryColour(1) }
			],
			null,
			{ width: 344, mode: 'share' }
		);
		expect(tiny.placed[0].segments[0].text).toBeNull();
		expect(tiny.placed[0].segments[1].text).toBe('99%');
	});

	it('writes text on segments in black or white, whichever reads better', () => {
		const g = geometry(builtinDataset, 'en', 696, 'count');
		const seen = new Map(g.placed.flatMap((r) => r.segments.map((s) => [s.colour, s.textColour])));
		expect(seen.get('#0072B2')).toBe('#ffffff');
		expect(seen.get('#F0E442')).toBe('#000000');
	});
});

describe('category mix finding', () => {
	it('names the biggest field and the city that leans furthest on the fixture', () => {
		// fixture (commentary included): 10 city events; digital 4 → 40%.
		// Cities with ≥ 3 events: alpha (4: big-science 50% vs 30%), beta (3: digital 67% vs 40%) → beta.
		const f = mixFinding(categoryMix(fixtureDataset))!;
		expect(f.top).toBe(2);
		expect(f.topShare).toBeCloseTo(0.4, 12);
		expect(f.lean).toEqual({
			cityId: 'beta',
			category: 2,
			share: expect.closeTo(2 / 3, 12),
			averageShare: expect.closeTo(0.4, 12)
		});
		expect(f.minEvents).toBe(LEAN_MIN_EVENTS);
	});

	it('names digital industry and Hangzhou on the built-in data (counted by hand from events.json)', () => {
		// Article events only: 42 city events; digital 9 (Beijing 2, Hangzhou 3, Shanghai, Hong Kong,
		// Guangzhou, Shenzhen 1 each) is the largest field, 9/42 ≈ 21%. Cities with at least three events:
		// Shanghai 10 (big-science 3/10, +16 points), Beijing 7 (specialised firms 2/7, +17), Hangzhou 5
		// (digital 3/5 = 60%, +39), Shenzhen 5 (each field 1/5, +13 at most) → Hangzhou, digital.
		const mix = categoryMix(builtinDataset, { includeCommentary: false });
		const f = mixFinding(mix)!;
		expect(mix.categoryIds[f.top]).toBe('digital');
		expect(f.topShare).toBeCloseTo(9 / 42, 12);
		expect(f.lean!.cityId).toBe('hangzhou');
		expect(mix.categoryIds[f.lean!.category]).toBe('digital');
		expect(f.lean!.share).toBeCloseTo(0.6, 12);
	});

	it('falls back to the busiest city size when no city has three events, and to nothing on no data', () => {
		const one = mixFinding({
			rows: [
				{ cityId: 'a', total: 1, shares: [1, 0], deltaFromAverage: [0.5, -0.5] },
				{ cityId: 'b', total: 1, shares: [0, 1], deltaFromAverage: [-0.5, 0.5] }
			],
			average: { shares: [0.5, 0.5] }
		})!;
		expect(one.minEvents).toBe(1);
		expect(one.top).toBe(0);
		expect(one.lean).toEqual({ cityId: 'a', category: 0, share: 1, averageShare: 0.5 });
		expect(mixFinding({ rows: [], average: { shares: [0, 0] } })).toBeNull();
	});
});
