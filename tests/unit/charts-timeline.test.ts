import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../src/lib/aggregate/synthetic';
import { timeline } from '../../src/lib/aggregate/timeline';
import { categoryColour } from '../../src/lib/charts/core/palette';
import { textWidth } from '../../src/lib/charts/core/text-width';
import {
	cellAt,
	dimBands,
	heatBins,
	NATIONAL_KEY,
	timelineFinding,
	timelineGeometry,
	timelineInput,
	UNDATED,
	type TimelineGeometry
} from '../../src/lib/charts/Timeline/geometry';
import { builtinDataset } from '../../src/lib/data/builtin';
import type { Dataset, Locale } from '../../src/lib/data/types';
import type { Filter } from '../../src/lib/aggregate/filter';
import { formatMonthShort, t } from '../../src/lib/i18n';
import { TimelineModel } from '../../src/lib/charts/Timeline/model';
import { fixtureDataset } from '../svg/fixture';

// the plot widths of the tablet and phone variants, then of the desktop and wide ones
const WIDTHS = [696, 344, 936, 1144];
const LOCALES: Locale[] = ['en', 'zh'];

function geometry(ds: Dataset, locale: Locale, width: number, filter: Filter = {}, heatThreshold?: number) {
	const tl = timeline(ds, filter);
	const cities = new Map(ds.cities.map((c) => [c.id, c.name[locale]]));
	const cats = new Map(ds.categories.map((c) => [c.id, c.order]));
	const events = new Map(ds.events.map((e) => [e.id, e]));
	const rows = timelineInput(
		tl.rows.filter((r) => r.total > 0),
		(id) => (id === null ? t(locale, 'timeline.national') : cities.get(id)!),
		(id) => categoryColour(cats.get(events.get(id)!.categoryId)!)
	);
	const g = timelineGeometry(rows, {
		width,
		periodLabels: Array.from({ length: 12 }, (_, i) => formatMonthShort(locale, i + 1)),
		undatedLabel: t(locale, 'timeline.undated'),
		heatThreshold
	});
	return { tl, rows, g };
}

/** Horizontal extents of the header labels on each header line. */
function headerBoxes(g: TimelineGeometry) {
	return g.columns.flatMap((col) =>
		col.lines.map((line, i) => {
			const w = textWidth(line, g.fontSize);
			const cx = col.x + col.width / 2;
			return { line: col.line + i, left: cx - w / 2, right: cx + w / 2, col };
		})
	);
}

describe('timeline geometry: columns and rows', () => {
	it('has twelve month columns, then an undated column set apart on the right', () => {
		const { g } = geometry(fixtureDataset, 'en', 696);
		expect(g.columns).toHaveLength(13);
		const months = g.columns.slice(0, 12);
		expect(months.map((c) => c.lines[0])).toEqual([
			'Jan',
			'Feb',
			'Mar',
			'Apr',
			'May',
			'Jun',
			'Jul',
			'Aug',
			'Sep',
			'Oct',
			'Nov',
			'Dec'
		]);
		for (let i = 1; i < 12; i++) expect(months[i].x).toBeCloseTo(months[i - 1].x + months[i - 1].width, 9);
		const undated = g.columns[UNDATED];
		expect(undated.undated).toBe(true);
		expect(undated.lines.join(' ')).toBe('No month');
		expect(undated.x).toBeGreaterThan(months[11].x + months[11].width);
		expect(g.undatedRuleX).toBeGreaterThan(months[11].x + months[11].width);
		expect(g.undatedRuleX).toBeLessThan(undated.x);
		expect(undated.x + undated.width).toBeCloseTo(696, 6);
		// fixture: alpha's a4 has no month
		const cell = g.cells.find((c) => c.key === 'alpha|12')!;
		expect(cell.ids).toEqual(['a4']);
		expect(cell.x).toBe(undated.x);
	});

	it('puts national events in a row of their own at the bottom, below a rule', () => {
		const { g } = geometry(fixtureDataset, 'zh', 344);
		const last = g.rows.at(-1)!;
		expect(last.national).toBe(true);
		expect(last.key).toBe(NATIONAL_KEY);
		expect(last.label).toBe('全国');
		expect(g.rows.slice(0, -1).every((r) => !r.national)).toBe(true);
		const above = g.rows.at(-2)!;
		expect(g.nationalRuleY).toBeGreaterThan(above.y + above.height);
		expect(g.nationalRuleY).toBeLessThan(last.y);
		// n1: national, October
		expect(g.cells.find((c) => c.rowKey === NATIONAL_KEY)!.column).toBe(9);
	});

	it('draws a ranged event as a bar across exactly its months', () => {
		for (const width of WIDTHS) {
			const { g } = geometry(fixtureDataset, 'en', width);
			// b2: Beta, May to June
			const bar = g.marks.find((m) => m.id === 'b2')!;
			expect(bar.ranged).toBe(true);
			const may = g.columns[4];
			const jun = g.columns[5];
			expect(bar.x).toBeGreaterThanOrEqual(may.x);
			expect(bar.x).toBeLessThan(may.x + may.width / 2);
			expect(bar.x + bar.width).toBeGreaterThan(jun.x + jun.width / 2);
			expect(bar.x + bar.width).toBeLessThanOrEqual(jun.x + jun.width);
			// it is one event, counted in May's cell only
			expect(g.cells.find((c) => c.key === 'beta|4')!.ids).toEqual(['b2']);
			expect(g.cells.find((c) => c.key === 'beta|5')).toBeUndefined();
			// every other mark is a single square
			expect(g.marks.filter((m) => m.ranged).map((m) => m.id)).toEqual(['b2']);
		}
	});

	it('spans May to June for the built-in AI-industry policies of Beijing, Shenzhen and Chengdu', () => {
		const { g } = geometry(builtinDataset, 'zh', 696, { includeCommentary: false });
		const ranged = g.marks.filter((m) => m.ranged);
		expect(ranged.map((m) => m.id).sort()).toEqual([
			'beijing-ai-industry-policy',
			'chengdu-ai-industry-policy',
			'shenzhen-ai-industry-policy'
		]);
		for (const bar of ranged) {
			expect(bar.x).toBeGreaterThanOrEqual(g.columns[4].x);
			expect(bar.x + bar.width).toBeLessThanOrEqual(g.columns[5].x + g.columns[5].width);
			expect(bar.x + bar.width).toBeGreaterThan(g.columns[5].x);
		}
	});
});

describe('timeline geometry: legibility', () => {
	for (const locale of LOCALES) {
		for (const width of WIDTHS) {
			it(`has no overlapping labels or marks at ${width}px in ${locale}`, () => {
				for (const ds of [fixtureDataset, builtinDataset]) {
					const { g } = geometry(ds, locale, width);
					// header labels on the same line do not collide, and each fits the width of the chart
					const boxes = headerBoxes(g);
					for (const line of [0, 1, 2]) {
						const onLine = boxes.filter((b) => b.line === line).sort((a, b) => a.left - b.left);
						for (let i = 1; i < onLine.length; i++) {
							expect(onLine[i].left, `${onLine[i - 1].col.lines} / ${onLine[i].col.lines}`).toBeGreaterThan(
								onLine[i - 1].right
							);
						}
					}
					for (const b of boxes) expect(b.right).toBeLessThanOrEqual(width + 0.01);
					// the undated header is never cut and fits its column
					const undated = g.columns[UNDATED];
					expect(undated.lines.join(locale === 'en' ? ' ' : '')).toBe(t(locale, 'timeline.undated'));
					for (const l of undated.lines) expect(textWidth(l, g.fontSize)).toBeLessThanOrEqual(undated.width);
					expect(g.headerHeight).toBeGreaterThanOrEqual(
						(Math.max(...g.columns.map((c) => c.line + c.lines.length)) * g.lineHeight) | 0
					);
					// row labels fit their column, and rows are tall enough for them
					for (const row of g.rows) {
						for (const line of row.labelLines)
							expect(textWidth(line, g.fontSize)).toBeLessThanOrEqual(g.labelWidth - 8);
						expect(row.height).toBeGreaterThanOrEqual(row.labelLines.length * g.fontSize + 2);
					}
					for (let i = 1; i < g.rows.length; i++) {
						expect(g.rows[i].y).toBeGreaterThanOrEqual(g.rows[i - 1].y + g.rows[i - 1].height);
					}
					// each square stays inside its cell and no two marks overlap
					const byRow = new Map(g.rows.map((r) => [r.key, r]));
					for (const m of g.marks) {
						const row = byRow.get(m.rowKey)!;
						expect(m.y).toBeGreaterThanOrEqual(row.y);
						expect(m.y + m.height).toBeLessThanOrEqual(row.y + row.height);
						if (!m.ranged) {
							const cell = g.cells.find((c) => c.rowKey === m.rowKey && c.ids.includes(m.id))!;
							expect(m.x).toBeGreaterThanOrEqual(cell.x);
							expect(m.x + m.width).toBeLessThanOrEqual(cell.x + cell.width);
						}
					}
					for (let i = 0; i < g.marks.length; i++) {
						for (let j = i + 1; j < g.marks.length; j++) {
							const a = g.marks[i];
							const b = g.marks[j];
							const apart =
								a.x + a.width <= b.x ||
								b.x + b.width <= a.x ||
								a.y + a.height <= b.y ||
								b.y + b.height <= a.y;
							expect(apart, `${a.id} / ${b.id}`).toBe(true);
						}
					}
				}
			});
		}
	}

	it('stacks several events of one cell inside it', () => {
		// Shanghai, article events only: February holds the X-ray laser and the innovative-HQ rules
		const { g } = geometry(builtinDataset, 'en', 344, { includeCommentary: false });
		const feb = g.cells.find((c) => c.key === 'shanghai|1')!;
		expect(feb.count).toBe(2);
		const squares = g.marks.filter((m) => feb.ids.includes(m.id));
		expect(squares).toHaveLength(2);
	});

	it('keeps one square per event: marks match the events in view', () => {
		const { tl, g } = geometry(builtinDataset, 'zh', 696);
		expect(g.mode).toBe('marks');
		expect(g.marks).toHaveLength(tl.totals.total);
		expect(g.cells.reduce((a, c) => a + c.count, 0)).toBe(tl.totals.total);
	});

	it('turns cells into counted heat cells at 300 cities', () => {
		const ds = syntheticDataset({ seed: 7, cities: 300, events: 3000 });
		for (const width of WIDTHS) {
			const { tl, rows, g } = geometry(ds, 'en', width);
			expect(rows.length).toBeGreaterThan(40);
			expect(g.mode).toBe('heat');
			expect(g.marks).toHaveLength(0);
			// every event is counted once, in exactly one cell
			expect(g.cells.reduce((a, c) => a + c.count, 0)).toBe(tl.totals.total);
			expect(new Set(g.cells.flatMap((c) => c.ids)).size).toBe(tl.totals.total);
			// every cell is shaded by its bin, and the bins cover 1…max without gaps
			const max = Math.max(...g.cells.map((c) => c.count));
			expect(g.bins[0].from).toBe(1);
			expect(g.bins.at(-1)!.to).toBe(max);
			for (let i = 1; i < g.bins.length; i++) expect(g.bins[i].from).toBe(g.bins[i - 1].to + 1);
			for (const c of g.cells) {
				const bin = g.bins.find((b) => c.count >= b.from && c.count <= b.to)!;
				expect(c.fill).toBe(bin.colour);
				if (c.text) expect(textWidth(c.text, g.fontSize - 1)).toBeLessThanOrEqual(c.width);
			}
			// rows stay tall enough to read their labels
			for (const r of g.rows) expect(r.height).toBeGreaterThanOrEqual(g.fontSize + 2);
			expect(g.rows.at(-1)!.national).toBe(true);
		}
	});

	it('draws the heat cells as one path per shade, each cell once, inset half a pixel', () => {
		const ds = syntheticDataset({ seed: 7, cities: 300, events: 3000 });
		const { g } = geometry(ds, 'en', 696);
		expect(g.heatPaths.map((p) => p.fill)).toEqual(g.bins.map((b) => b.colour));
		expect(g.heatPaths.reduce((n, p) => n + p.count, 0)).toBe(g.cells.length);
		const first = g.cells[0];
		const path = g.heatPaths.find((p) => p.fill === first.fill)!;
		const r = (v: number) => Math.round(v * 100) / 100;
		expect(path.d.startsWith(`M${r(first.x + 0.5)} ${r(first.y + 0.5)}h${r(first.width - 1)}v`)).toBe(true);
		// marks mode draws no heat paths
		expect(geometry(builtinDataset, 'en', 696).g.heatPaths).toEqual([]);
	});

	it('finds the non-empty cell under a point by position', () => {
		const { g } = geometry(builtinDataset, 'en', 696);
		for (const c of [g.cells[0], g.cells[5], g.cells.at(-1)!])
			expect(cellAt(g, c.x + c.width / 2, c.y + c.height / 2)?.key).toBe(c.key);
		// the row-label column, the gap before the undated column and the header hold no cell
		const row = g.rows[0];
		expect(cellAt(g, 1, row.y + 1)).toBeNull();
		expect(cellAt(g, g.undatedRuleX, row.y + 1)).toBeNull();
		expect(cellAt(g, g.columns[0].x + 1, 1)).toBeNull();
		// an empty cell is not a target
		const empty = g.columns.find((col) => !g.cellIndex.has(`${row.key}|${col.index}`))!;
		expect(cellAt(g, empty.x + 1, row.y + 1)).toBeNull();
	});

	it('dims the other rows with two sheets above and below the chosen row', () => {
		const { g } = geometry(builtinDataset, 'en', 696);
		const chosen = (key: string) => (row: string) => row !== key;
		expect(dimBands(g, () => false)).toEqual([]);
		const mid = g.rows[3];
		const bands = dimBands(g, chosen(mid.key));
		expect(bands).toHaveLength(2);
		// from left of the plot (a long label may start there) to its right edge
		expect(bands[0]).toMatchObject({ y: g.rows[0].y, height: mid.y - g.rows[0].y });
		expect(bands[0].x).toBeLessThan(0);
		expect(bands[0].x + bands[0].width).toBe(g.width);
		expect(bands[1].y).toBe(mid.y + mid.height);
		expect(bands[1].y + bands[1].height).toBe(g.gridBottom);
		// the first row has nothing above it; a city not shown dims every row
		expect(dimBands(g, chosen(g.rows[0].key))).toHaveLength(1);
		expect(dimBands(g, chosen('not-a-city'))).toEqual([{ ...bands[0], height: g.gridBottom - g.rows[0].y }]);
	});

	it('makes heat bins of one value each up to four, and four ranges above', () => {
		expect(heatBins(0)).toEqual([]);
		expect(heatBins(3).map((b) => [b.from, b.to])).toEqual([
			[1, 1],
			[2, 2],
			[3, 3]
		]);
		expect(heatBins(10).map((b) => [b.from, b.to])).toEqual([
			[1, 3],
			[4, 6],
			[7, 9],
			[10, 10]
		]);
		const colours = heatBins(10).map((b) => b.colour);
		expect(new Set(colours).size).toBe(4);
	});
});

describe('timeline finding', () => {
	it('finds the busiest month and the undated count on the built-in data (counted by hand)', () => {
		// Article events only (44): May has 6 — Hangzhou's digital-economy law draft and No. 1 project plan,
		// Shanghai's corporate R&D opinions, and the three May–June AI policies (counted at May); October
		// has 5; 9 events of 2023 give no month, and 2 (the public-data rules of Guangzhou and Shenzhen,
		// "此前") give no year: they are counted apart, not in 2023's undated cell.
		const tl = timeline(builtinDataset, { includeCommentary: false });
		expect(timelineFinding(tl.totals)).toEqual({ months: [5], count: 6, undated: 9, earlier: 2, total: 44 });
		// with groups counted once, the two copies of the one "earlier" action count once
		const once = timeline(builtinDataset, { includeCommentary: false, countGroupsOnce: true });
		expect(once.totals.earlier).toBe(1);
		expect(once.totals.counts.reduce((a, v) => a + v, 0) + once.totals.undated + once.totals.earlier).toBe(
			once.totals.total
		);
	});

	it('lists tied months in order', () => {
		expect(timelineFinding({ counts: [0, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1], undated: 0, total: 5 })).toEqual({
			months: [2, 5],
			count: 2,
			undated: 0,
			earlier: 0,
			total: 5
		});
		expect(timelineFinding({ counts: new Array(12).fill(0), undated: 3, total: 3 }).months).toEqual([]);
	});
});

describe('timeline model', () => {
	const tl = timeline(fixtureDataset);
	const model = new TimelineModel({ dataset: fixtureDataset, timeline: tl, locale: 'en' });

	it('takes its columns from one list: the months, then no month (no earlier column without such items)', () => {
		expect(model.columns.map((c) => c.kind)).toEqual([...Array(12).fill('period'), 'undated']);
		expect(model.columns[4]).toMatchObject({ index: 4, short: 'May', name: 'May', long: 'May 2023' });
		expect(model.table.columns).toEqual(['City', ...model.columns.map((c) => c.short), 'Total']);
		// alpha: Feb, Apr, Jul and one with no month
		const alpha = model.table.rows.find((r) => r[0] === 'Alpha')!;
		expect(alpha.slice(1)).toEqual([0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 4]);
	});

	it('lists a cell as a mark, with its events in the tooltip and the list it opens', () => {
		expect(model.marks.map((m) => m.key)).toContain('beta|4');
		const tip = model.tooltip('beta|4').map((l) => l.text);
		expect(tip[0]).toBe(model.marks.find((m) => m.key === 'beta|4')!.label);
		// b2 ran from May to June
		expect(tip[1]).toMatch(/\(May–Jun\)$/);
		expect(model.action('beta|4')).toEqual({
			open: { chart: 'timeline', label: tip[0], eventIds: ['b2'] }
		});
		expect(model.tooltip('beta|5')).toEqual([]);
		expect(model.action('beta|5')).toEqual({});
	});

	it('puts a cell and its row in the row’s city; the national row is no city’s, so it dims too', () => {
		expect(model.cityOf('beta|4')).toBe('beta');
		expect(model.cityOf('beta')).toBe('beta');
		expect(model.cityOf(`${NATIONAL_KEY}|9`)).toBe(NATIONAL_KEY);
	});

	it('boxes a cell where the geometry placed it, and nothing for an empty one', () => {
		const g = model.geometry(696);
		expect(model.geometry(696)).toBe(g);
		const cell = g.cellIndex.get('beta|4')!;
		expect(model.box('beta|4', g)).toEqual({ x: cell.x, y: cell.y, width: cell.width, height: cell.height });
		expect(model.box('beta|5', g)).toBeNull();
	});
});
