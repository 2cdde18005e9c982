import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../src/lib/aggregate/synthetic';
import { MATCH_COLOURS } from '../../src/lib/charts/core/palette';
import {
	cellAt,
	labelBoxes,
	matrixGeometry,
	matrixModel,
	overlaps,
	type MatrixGeometry,
	type MatrixModel
} from '../../src/lib/charts/Matrix/geometry';
import { builtinDataset } from '../../src/lib/data/builtin';
import type { Locale } from '../../src/lib/data/types';

const LABELS = {
	en: {
		legendTitle: 'Match:',
		matchLabels: { exact: 'exact (full square)', partial: 'partial (half square)', broad: 'broad (outline)' },
		totalLabel: 'Total'
	},
	zh: {
		legendTitle: '吻合程度：',
		matchLabels: { exact: '完全（实心方块）', partial: '部分（半格）', broad: '宽泛（空心框）' },
		totalLabel: '合计'
	}
} as const;

/** The frame's plot widths (each variant minus its padding) and two frame widths themselves. */
const WIDTHS = [696, 344, 936, 1144, 720, 360];

const geometry = (model: MatrixModel, width: number, locale: Locale = 'en'): MatrixGeometry =>
	matrixGeometry(model, { width, ...LABELS[locale], matchLabels: { ...LABELS[locale].matchLabels } });

function expectInside(g: MatrixGeometry) {
	for (const b of labelBoxes(g)) {
		expect(b.x0, b.key).toBeGreaterThanOrEqual(-0.01);
		expect(b.x1, b.key).toBeLessThanOrEqual(g.width + 0.01);
		expect(b.y0, b.key).toBeGreaterThanOrEqual(g.legend.height - 0.01);
		expect(b.y1, b.key).toBeLessThanOrEqual(g.height + 0.01);
	}
	for (const c of g.cells) {
		expect(c.x).toBeGreaterThanOrEqual(g.gridX);
		expect(c.x + c.width).toBeLessThanOrEqual(g.gridX + g.gridWidth + 0.01);
		expect(c.y).toBeGreaterThanOrEqual(g.gridY);
		expect(c.y + c.height).toBeLessThanOrEqual(g.gridY + g.gridHeight + 0.01);
	}
}

describe('industry matrix model (real data)', () => {
	it('has the four cities with a list, clustered, and every track, most-named first', () => {
		const m = matrixModel(builtinDataset, { locale: 'en' });
		expect(m.rows.map((r) => r.key)).toEqual(['suzhou', 'nanjing', 'beijing', 'shenzhen']);
		expect(m.rows.map((r) => r.total)).toEqual([9, 8, 11, 10]);
		expect(m.cols).toHaveLength(17);
		expect(m.cols[0]).toMatchObject({ key: 'cell-gene', total: 4 });
		const totals = m.cols.map((c) => c.total);
		expect(totals).toEqual([...totals].sort((a, b) => b - a));
		expect(m.cells).toHaveLength(9 + 8 + 11 + 10);
	});

	it('orders rows by count and by similarity, columns by similarity', () => {
		expect(matrixModel(builtinDataset, { locale: 'en', rowOrder: 'count' }).rows.map((r) => r.key)).toEqual([
			'beijing',
			'shenzhen',
			'suzhou',
			'nanjing'
		]);
		// seriation starts at Beijing (most tracks), then its nearest (Shenzhen, Jaccard 0.5), then Suzhou, Nanjing
		expect(
			matrixModel(builtinDataset, { locale: 'en', rowOrder: 'similarity' }).rows.map((r) => r.key)
		).toEqual(['beijing', 'shenzhen', 'suzhou', 'nanjing']);
		const bySim = matrixModel(builtinDataset, { locale: 'en', colOrder: 'similarity' });
		expect(bySim.cols[0].key).toBe('cell-gene');
		expect(new Set(bySim.cols.map((c) => c.key)).size).toBe(17);
	});

	it('keeps the city’s own words and each item’s match', () => {
		const m = matrixModel(builtinDataset, { locale: 'zh' });
		const semi = m.cells.find((c) => c.row === 'suzhou' && c.col === 'semiconductors');
		expect(semi?.match).toBe('partial');
		expect(semi?.items).toEqual([
			{ name: { zh: '光子芯片与光器件', en: 'Photonic chips and optical devices' }, match: 'partial' }
		]);
		const bjHealth = m.cells.find((c) => c.row === 'beijing' && c.col === 'cell-gene');
		expect(bjHealth?.match).toBe('broad');
		expect(bjHealth?.items[0].name.zh).toBe('未来健康');
	});

	it('does not mutate the dataset', () => {
		const before = structuredClone(builtinDataset);
		matrixModel(builtinDataset, { locale: 'en', rowOrder: 'similarity', colOrder: 'similarity' });
		expect(builtinDataset).toEqual(before);
	});
});

describe('industry matrix geometry', () => {
	const model = matrixModel(builtinDataset, { locale: 'en' });

	it('places each cell in its row and column', () => {
		const g = geometry(model, 696);
		const exact = g.cells.find((c) => c.key === 'suzhou|cell-gene');
		expect(exact).toBeDefined();
		// row 0, column 0, with a 2px gap split around the cell
		expect(exact?.x).toBeCloseTo(g.gridX + 1);
		expect(exact?.y).toBeCloseTo(g.gridY + 1);
		expect(exact?.width).toBeCloseTo(g.colStep - 2);
		const j = g.colIndex.get('semiconductors') ?? -1;
		const partial = g.cells.find((c) => c.key === 'suzhou|semiconductors');
		expect(partial?.x).toBeCloseTo(g.gridX + j * g.colStep + 1);
		const shenzhen = g.cells.find((c) => c.key === 'shenzhen|cell-gene');
		expect(shenzhen?.y).toBeCloseTo(g.gridY + 3 * g.rowStep + 1);
	});

	it('shows match strength by shape as well as by fill', () => {
		const g = geometry(model, 696);
		const cell = (k: string) => g.cells.find((c) => c.key === k);
		const exact = cell('suzhou|cell-gene');
		const partial = cell('suzhou|semiconductors');
		const broad = cell('beijing|cell-gene');
		expect(exact).toMatchObject({ fill: MATCH_COLOURS.exact, stroke: 'none' });
		expect(partial).toMatchObject({ fill: MATCH_COLOURS.partial, stroke: 'none' });
		expect(partial?.height).toBeCloseTo((exact?.height ?? 0) / 2);
		expect(partial?.y).toBeCloseTo(g.gridY + 1 + (exact?.height ?? 0) / 2);
		expect(broad?.fill).toBe(MATCH_COLOURS.broad);
		expect(broad?.stroke).not.toBe('none');
		expect(broad?.strokeWidth).toBeGreaterThan(0);
		expect(g.legend.swatches.map((s) => s.match)).toEqual(['exact', 'partial', 'broad']);
		expect(g.legend.swatches[1].rect.height).toBeCloseTo(g.legend.swatches[0].rect.height / 2);
	});

	it('puts totals at the edges', () => {
		const g = geometry(model, 696);
		expect(g.rowTotals.map((t) => t.value)).toEqual(['9', '8', '11', '10']);
		expect(g.colTotals[0].value).toBe('4');
		for (const t of g.rowTotals) expect(t.x).toBeGreaterThan(g.gridX + g.gridWidth);
		for (const t of g.colTotals) expect(t.y).toBeGreaterThan(g.gridY + g.gridHeight);
	});

	for (const locale of ['en', 'zh'] as const)
		for (const width of WIDTHS)
			it(`has no overlapping labels at ${width}px in ${locale}`, () => {
				const g = geometry(matrixModel(builtinDataset, { locale }), width, locale);
				expect(overlaps(labelBoxes(g))).toEqual([]);
				expectInside(g);
				// every row and column of the real data is labelled at these sizes
				expect(g.rowLabels).toHaveLength(4);
				expect(g.colLabels).toHaveLength(17);
				expect(g.width).toBe(width);
			});
});

describe('industry matrix at scale (300 cities × 60 tracks)', () => {
	const ds = syntheticDataset({ cities: 300, tracks: 60, events: 10, seed: 7 });
	for (const locale of ['en', 'zh'] as const) {
		const model = matrixModel(ds, { locale, rowOrder: 'count' });
		for (const width of [696, 344, 1144]) {
			it(`stays bounded and readable at ${width}px in ${locale}`, () => {
				expect(model.rows).toHaveLength(300);
				expect(model.cols).toHaveLength(60);
				const g = geometry(model, width, locale);
				// one rect per non-empty cell, nothing more
				expect(g.cells).toHaveLength(model.cells.length);
				expect(new Set(g.cells.map((c) => c.key)).size).toBe(g.cells.length);
				// rows shrink to keep the chart within a screenful or two, not below 3px
				expect(g.rowStep).toBeGreaterThanOrEqual(3);
				expect(g.gridHeight).toBeLessThanOrEqual(1500);
				expect(g.height).toBeLessThan(1900);
				// labels thinned to every nth, never overlapping
				expect(g.rowEvery).toBeGreaterThan(1);
				expect(g.rowLabels.length).toBe(Math.ceil(300 / g.rowEvery));
				expect(g.colLabels.length).toBe(Math.ceil(60 / g.colEvery));
				expect(g.rowStep * g.rowEvery).toBeGreaterThanOrEqual(g.fontSize);
				expect(g.colStep * g.colEvery).toBeGreaterThanOrEqual(g.fontSize);
				expect(overlaps(labelBoxes(g))).toEqual([]);
				expectInside(g);
			});
		}
	}
});

describe('industry matrix accessibility', () => {
	it('outlines broad matches in a colour that stands out against white (3:1 for graphics)', async () => {
		const { contrast } = await import('../../src/lib/charts/core/palette');
		const g = geometry(matrixModel(builtinDataset, { locale: 'en' }), 696);
		const broad = g.cells.find((c) => c.match === 'broad');
		expect(contrast(broad?.stroke ?? '#ffffff', '#ffffff')).toBeGreaterThanOrEqual(3);
	});
});

describe('industry matrix cells as paths', () => {
	const model = matrixModel(builtinDataset, { locale: 'en' });

	it('draws every placed cell once, as the rectangle a rect would cover, one path per match strength', () => {
		for (const width of WIDTHS) {
			const g = geometry(model, width);
			expect(g.paths.map((p) => p.match)).toEqual(['exact', 'partial', 'broad']);
			expect(g.paths.reduce((n, p) => n + p.count, 0)).toBe(g.cells.length);
			for (const p of g.paths) {
				const cells = g.cells.filter((c) => c.match === p.match);
				expect(p.d).toBe(cells.map((c) => `M${c.x} ${c.y}h${c.width}v${c.height}h${-c.width}z`).join(''));
				expect(p).toMatchObject({
					fill: cells[0].fill,
					stroke: cells[0].stroke,
					strokeWidth: cells[0].strokeWidth
				});
			}
		}
	});

	it('finds the cell under a point by position, and nothing outside the grid', () => {
		const g = geometry(model, 696);
		const at = (row: string, col: string) => {
			const i = g.rowIndex.get(row) ?? -1;
			const j = g.colIndex.get(col) ?? -1;
			return cellAt(g, g.gridX + (j + 0.5) * g.colStep, g.gridY + (i + 0.5) * g.rowStep);
		};
		expect(at('suzhou', 'cell-gene')).toEqual({ row: 'suzhou', col: 'cell-gene' });
		expect(at('shenzhen', 'semiconductors')).toEqual({ row: 'shenzhen', col: 'semiconductors' });
		expect(cellAt(g, g.gridX - 1, g.gridY + 1)).toBeNull();
		expect(cellAt(g, g.gridX + 1, g.gridY - 1)).toBeNull();
		expect(cellAt(g, g.gridX + g.gridWidth + 1, g.gridY + 1)).toBeNull();
		expect(cellAt(g, g.gridX + 1, g.gridY + g.gridHeight + 1)).toBeNull();
	});

	it('stays three elements at 300 cities × 60 tracks', () => {
		const ds = syntheticDataset({ cities: 300, tracks: 60, events: 10, seed: 7 });
		const g = geometry(matrixModel(ds, { locale: 'en' }), 696);
		expect(g.paths.length).toBeLessThanOrEqual(3);
		expect(g.paths.reduce((n, p) => n + p.count, 0)).toBe(g.cells.length);
	});
});

describe('industry matrix labels at the tablet, desktop and wide widths (issue #20)', () => {
	for (const locale of ['en', 'zh'] as const)
		for (const width of [696, 936, 1144])
			it(`wraps, never cuts, a label at ${width}px in ${locale}`, () => {
				const g = geometry(matrixModel(builtinDataset, { locale }), width, locale);
				for (const l of g.rowLabels) expect(l.lines.map((x) => x.text).join(' ')).toBe(l.label);
				for (const l of g.colLabels) {
					expect(l.head.cut, l.label).toBe(false);
					const drawn = [...l.head.lines.map((x) => x.text), ...l.head.glyphs.map((x) => x.text)].join('');
					expect(drawn.replace(/\s/g, '')).toBe(l.label.replace(/\s/g, ''));
				}
				expect(
					g.colLabels.some((l) => l.label === 'Cell and gene technologies' || l.label === '细胞与基因')
				).toBe(true);
			});

	it('never turns Chinese sideways: across the column where it fits, else upright, one glyph under another', () => {
		for (const width of [344, 696, 936, 1144]) {
			const g = geometry(matrixModel(builtinDataset, { locale: 'zh' }), width, 'zh');
			for (const l of [...g.colLabels.map((c) => c.head), g.totalCaption.head]) {
				expect(l.mode).not.toBe('rotated');
				if (l.mode === 'vertical') {
					expect(l.glyphs.map((x) => x.text).join('')).toBe(l.text);
					// one column: x fixed, each glyph 1em below the one before
					const ys = l.glyphs.map((x) => x.y);
					expect(new Set(l.glyphs.map((x) => x.x)).size).toBe(1);
					ys.slice(1).forEach((y, k) => expect(y - ys[k]).toBeCloseTo(g.fontSize));
				}
			}
		}
		// the wide layout has room to set them across their columns
		const wide = geometry(matrixModel(builtinDataset, { locale: 'zh' }), 1144, 'zh');
		expect(wide.colLabels.every((l) => l.head.mode === 'horizontal')).toBe(true);
	});

	it('spreads over the wider variants: columns widen, the grid grows', () => {
		const m = matrixModel(builtinDataset, { locale: 'en' });
		const [tablet, desktop, wide] = [696, 936, 1144].map((w) => geometry(m, w));
		expect(desktop.colStep).toBeGreaterThan(tablet.colStep);
		expect(wide.colStep).toBeGreaterThan(desktop.colStep);
		expect(wide.gridWidth).toBeGreaterThan(0.75 * 1144);
	});
});
