import { describe, expect, it } from 'vitest';
import { eventsPerCity } from '../../src/lib/aggregate/counts';
import { clusterColour } from '../../src/lib/charts/core/palette';
import { frameLayout } from '../../src/lib/charts/frame/layout';
import { FRAME_VARIANTS, type VariantId } from '../../src/lib/charts/frame/variants';
import {
	boxesOverlap,
	convexHull,
	dotMapGeometry,
	fitProjection,
	sizeKeyValues,
	separateCircles,
	ZERO_RADIUS,
	type Box,
	type DotMapGeometry,
	type MapCity,
	type MapCluster
} from '../../src/lib/charts/DotMap/geometry';
import { builtinDataset as ds } from '../../src/lib/data/builtin';
import type { Locale } from '../../src/lib/data/types';
import { t } from '../../src/lib/i18n';

/** The plot width of a frame variant: its width minus the frame's padding. */
const plotWidth = (id: VariantId) =>
	frameLayout({ title: '', source: '' }, FRAME_VARIANTS.find((v) => v.id === id)!.width, 0).plot.width;
/** Plot widths inside the tablet (720 px) and phone (360 px) frames. */
const WIDTHS = [plotWidth('tablet'), plotWidth('phone')];
/** Every variant's plot width, phone to wide. */
const ALL_WIDTHS = FRAME_VARIANTS.map((v) => plotWidth(v.id));
const LOCALES: Locale[] = ['en', 'zh'];

const text = (locale: Locale) => ({
	sizeTitle: t(locale, 'map.sizeTitle'),
	zero: t(locale, 'map.zero'),
	notes: [t(locale, 'map.note')],
	unlabelled: t(locale, 'map.unlabelled'),
	lon: (deg: number) => t(locale, 'map.lonEast', { deg }),
	lat: (deg: number) => t(locale, 'map.latNorth', { deg }),
	formatValue: (v: number) => String(v)
});

function mapInput(locale: Locale, counts = eventsPerCity(ds, { includeCommentary: false })) {
	const cities: MapCity[] = counts.map((r) => {
		const c = ds.cities.find((x) => x.id === r.cityId)!;
		return {
			key: c.id,
			label: c.name[locale],
			clusterId: c.cluster,
			colour: clusterColour(c.cluster),
			lat: c.lat,
			lon: c.lon,
			value: r.count
		};
	});
	const clusters: MapCluster[] = ds.clusters.map((c) => ({
		key: c.id,
		label: c.name[locale],
		colour: clusterColour(c.id)
	}));
	return { cities, clusters };
}

function geometry(locale: Locale, width: number, cities?: MapCity[]): DotMapGeometry {
	const input = mapInput(locale);
	return dotMapGeometry(cities ?? input.cities, input.clusters, { width, text: text(locale) });
}

/** Every text box the map draws: city labels, cluster names, graticule labels. */
function allLabelBoxes(g: DotMapGeometry): { id: string; box: Box }[] {
	return [
		...g.labels.map((l) => ({ id: `city:${l.key}`, box: l.box })),
		...g.clusterLabels.map((l) => ({ id: `cluster:${l.key}`, box: l.box })),
		...g.graticule.labels.map((l) => ({ id: `axis:${l.text}`, box: l.box }))
	];
}

function overlaps(g: DotMapGeometry): string[] {
	const boxes = allLabelBoxes(g);
	const out: string[] = [];
	for (let i = 0; i < boxes.length; i++)
		for (let j = i + 1; j < boxes.length; j++)
			if (boxesOverlap(boxes[i].box, boxes[j].box)) out.push(`${boxes[i].id} × ${boxes[j].id}`);
	return out;
}

/** Labels lying over a circle other than their own. */
function labelsOnDots(g: DotMapGeometry): string[] {
	const out: string[] = [];
	for (const { id, box } of allLabelBoxes(g)) {
		for (const d of g.dots) {
			if (id === `city:${d.key}`) continue;
			const nx = Math.max(box.x0, Math.min(d.x, box.x1));
			const ny = Math.max(box.y0, Math.min(d.y, box.y1));
			if ((nx - d.x) ** 2 + (ny - d.y) ** 2 < d.r ** 2) out.push(`${id} on ${d.key}`);
		}
	}
	return out;
}

describe('dot map projection', () => {
	const located = ds.cities.map((c) => ({ lat: c.lat!, lon: c.lon! }));
	const projection = fitProjection(located, [
		[0, 0],
		[600, 500]
	]);
	const at = (id: string) => {
		const c = ds.cities.find((x) => x.id === id)!;
		return projection([c.lon!, c.lat!])!;
	};

	it('puts Beijing north of Shanghai and Guangzhou south of both', () => {
		expect(at('beijing')[1]).toBeLessThan(at('shanghai')[1]);
		expect(at('guangzhou')[1]).toBeGreaterThan(at('shanghai')[1]);
		expect(at('shenzhen')[1]).toBeGreaterThan(at('hefei')[1]);
	});

	it('puts Chengdu west of the middle Yangtze and the coast', () => {
		expect(at('chengdu')[0]).toBeLessThan(at('hefei')[0]);
		expect(at('chengdu')[0]).toBeLessThan(at('wuhu')[0]);
		expect(at('hefei')[0]).toBeLessThan(at('shanghai')[0]);
		expect(at('suzhou')[0]).toBeLessThan(at('shanghai')[0]);
	});

	it('fills the extent with the cities, and widens a fit on one city instead of dividing by zero', () => {
		const xs = ds.cities.map((c) => at(c.id)[0]);
		const ys = ds.cities.map((c) => at(c.id)[1]);
		// fitExtent touches two opposite sides of the extent
		expect(Math.min(...ys)).toBeCloseTo(0, 0);
		expect(Math.max(...ys)).toBeCloseTo(500, 0);
		expect(Math.min(...xs)).toBeGreaterThan(-0.5);
		expect(Math.max(...xs)).toBeLessThan(600.5);
		const one = fitProjection(
			[{ lat: 31.23, lon: 121.47 }],
			[
				[0, 0],
				[300, 300]
			]
		);
		const [x, y] = one([121.47, 31.23])!;
		// the frame around one city is a lon/lat box; projected, its centre shifts a little
		expect(Math.abs(x - 150)).toBeLessThan(15);
		expect(Math.abs(y - 150)).toBeLessThan(15);
		expect(Number.isFinite(y)).toBe(true);
		expect(one.scale()).toBeLessThan(5000);
	});
});

describe('dot map geometry on the built-in data', () => {
	for (const width of WIDTHS) {
		it(`keeps every built-in city inside the plot at ${width} px`, () => {
			const g = geometry('en', width);
			expect(g.dots).toHaveLength(15);
			for (const d of g.dots) {
				expect(d.x - d.r, d.key).toBeGreaterThanOrEqual(g.mapBox.x0);
				expect(d.x + d.r, d.key).toBeLessThanOrEqual(g.mapBox.x1);
				expect(d.y - d.r, d.key).toBeGreaterThanOrEqual(g.mapBox.y0);
				expect(d.y + d.r, d.key).toBeLessThanOrEqual(g.mapBox.y1);
			}
			expect(g.missing).toEqual([]);
			expect(g.height).toBeGreaterThan(g.mapBox.y1);
		});
	}

	it('makes circle areas proportional to the counts (hand-counted: Shanghai 10, Beijing 7, Wuxi 1)', () => {
		const g = geometry('en', 696);
		const dot = (id: string) => g.dots.find((d) => d.key === id)!;
		expect(dot('shanghai').value).toBe(10);
		expect(dot('beijing').value).toBe(7);
		expect(dot('wuxi').value).toBe(1);
		expect(dot('shanghai').r).toBe(24);
		expect(dot('beijing').r).toBeCloseTo(24 * Math.sqrt(0.7), 1);
		expect(dot('wuxi').r).toBeCloseTo(24 * Math.sqrt(0.1), 1);
		const perEvent = g.dots.map((d) => (d.r * d.r) / d.value);
		for (const a of perEvent) expect(a).toBeCloseTo(perEvent[0], 0);
		// largest first, so small circles are drawn on top
		expect(g.dots.map((d) => d.r)).toEqual([...g.dots.map((d) => d.r)].sort((a, b) => b - a));
	});

	it('draws cities with no event as small hollow circles', () => {
		const counts = eventsPerCity(ds, { categories: ['big-science'] });
		const { cities } = mapInput('en', counts);
		const g = geometry('en', 696, cities);
		const zero = g.dots.filter((d) => d.value === 0);
		expect(zero.length).toBeGreaterThan(0);
		for (const d of zero) {
			expect(d.hollow).toBe(true);
			expect(d.r).toBe(ZERO_RADIUS);
		}
		expect(g.sizeLegend?.keys.some((k) => k.hollow)).toBe(true);
	});

	it('measures the plot widths it tests from the frame', () => {
		expect(WIDTHS).toEqual([696, 344]);
		expect(ALL_WIDTHS).toEqual([344, 696, 936, 1144]);
	});

	for (const width of ALL_WIDTHS) {
		it(`keeps every city with events visible and apart at ${width} px (Shanghai, Suzhou, Wuxi, Jiaxing)`, () => {
			const g = geometry('en', width);
			expect(g.dots).toHaveLength(15);
			for (const a of g.dots) {
				for (const b of g.dots) {
					if (a === b) continue;
					// no circle's centre lies inside another circle, nor do the circles overlap
					const d = Math.hypot(a.x - b.x, a.y - b.y);
					expect(d, `${a.key} centre inside ${b.key}`).toBeGreaterThanOrEqual(b.r);
					expect(d, `${a.key} overlaps ${b.key}`).toBeGreaterThanOrEqual(a.r + b.r - 0.2);
				}
			}
			// every city with events has a drawn, uncovered circle of at least a couple of pixels
			for (const d of g.dots.filter((x) => x.value > 0)) expect(d.r, d.key).toBeGreaterThan(2);
			// a circle moved far off its city leads back to the true position, which lies outside the circle
			for (const d of g.dots.filter((x) => x.anchor)) {
				const a = d.anchor!;
				expect(Math.hypot(a.x - d.x, a.y - d.y), d.key).toBeGreaterThan(d.r);
				expect(Math.hypot(a.edgeX - d.x, a.edgeY - d.y)).toBeCloseTo(d.r, 0);
			}
			// the Yangtze River Delta cities that sat under Shanghai's circle
			const sh = g.dots.find((x) => x.key === 'shanghai')!;
			for (const id of ['suzhou', 'wuxi', 'jiaxing']) {
				const c = g.dots.find((x) => x.key === id)!;
				expect(Math.hypot(c.x - sh.x, c.y - sh.y), id).toBeGreaterThan(sh.r + c.r);
			}
		});
	}

	it('moves circles apart deterministically and leaves separate ones where they are', () => {
		const dot = (key: string, x: number, y: number, r: number) => ({
			key,
			label: key,
			clusterId: 'yrd',
			value: 1,
			colour: '#000',
			x,
			y,
			r,
			hollow: false,
			anchor: null
		});
		const bounds = { x0: 0, y0: 0, x1: 400, y1: 400 };
		const run = () => {
			const ds = [
				dot('big', 200, 200, 24),
				dot('a', 205, 200, 8),
				dot('b', 200, 200, 8),
				dot('far', 20, 20, 5)
			];
			separateCircles(ds, bounds, 2);
			return ds;
		};
		const first = run();
		expect(run()).toEqual(first);
		const [big, a, b, far] = first;
		// the big circle moves least: the small ones go round it
		const off = (d: { x: number; y: number }, x: number, y: number) => Math.hypot(d.x - x, d.y - y);
		expect(off(big, 200, 200)).toBeLessThan(off(a, 205, 200) / 2);
		expect(off(big, 200, 200)).toBeLessThan(off(b, 200, 200) / 2);
		expect(Math.hypot(a.x - big.x, a.y - big.y)).toBeGreaterThanOrEqual(big.r + a.r + 1.9);
		expect(Math.hypot(b.x - big.x, b.y - big.y)).toBeGreaterThanOrEqual(big.r + b.r + 1.9);
		expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r + 1.9);
		expect([far.x, far.y, far.anchor]).toEqual([20, 20, null]);
		expect(a.anchor).not.toBeNull();
	});

	for (const locale of LOCALES) {
		for (const width of ALL_WIDTHS) {
			it(`places labels without overlaps at ${width} px in ${locale}`, () => {
				const g = geometry(locale, width);
				expect(overlaps(g)).toEqual([]);
				expect(labelsOnDots(g)).toEqual([]);
				for (const { id, box } of allLabelBoxes(g)) {
					if (id.startsWith('axis:') && box.y0 >= g.mapBox.y1) continue; // longitudes sit below the map
					expect(box.x0, id).toBeGreaterThanOrEqual(0);
					expect(box.x1, id).toBeLessThanOrEqual(width);
					expect(box.y0, id).toBeGreaterThanOrEqual(0);
					expect(box.y1, id).toBeLessThanOrEqual(g.mapBox.y1);
				}
				if (g.sizeLegend) {
					for (const { id, box } of allLabelBoxes(g))
						expect(boxesOverlap(box, g.sizeLegend.box), id).toBe(false);
				}
			});
		}

		it(`labels every city on the tablet, desktop and wide maps and the large ones on the phone (${locale})`, () => {
			for (const width of ALL_WIDTHS.slice(1)) {
				const wide = geometry(locale, width);
				expect(wide.labels, String(width)).toHaveLength(15);
				expect(wide.unlabelled).toEqual([]);
			}
			const narrow = geometry(locale, 344);
			const labelled = narrow.labels.map((l) => l.key);
			for (const id of ['shanghai', 'beijing', 'hangzhou', 'shenzhen', 'chengdu'])
				expect(labelled).toContain(id);
			// the small ones are left to the table and the tooltip, and the note says so
			expect(narrow.unlabelled).toContain('wuxi');
			expect(narrow.labels.length + narrow.unlabelled.length).toBe(15);
			expect(narrow.notes.lines.join(' ')).toContain(t(locale, 'map.unlabelled').slice(0, 8));
		});
	}

	it('names every cluster beside its cities and outlines clusters of two or more', () => {
		const g = geometry('en', 696);
		expect(g.clusterLabels.map((c) => c.key).sort()).toEqual(['cy', 'gba', 'jjj', 'yrd']);
		expect(g.hulls.map((h) => h.key).sort()).toEqual(['gba', 'yrd']);
		const yrd = g.dots.filter((d) => d.clusterId === 'yrd');
		expect(yrd).toHaveLength(10);
	});

	it('draws a graticule with labels and keeps path coordinates to one decimal', () => {
		const g = geometry('zh', 696);
		expect(g.graticule.d.length).toBeGreaterThan(100);
		expect(g.graticule.d).not.toMatch(/\d\.\d\d/);
		const texts = g.graticule.labels.map((l) => l.text);
		expect(texts).toContain('东经 110°');
		expect(texts).toContain('北纬 30°');
		for (const h of g.hulls) expect(h.d).not.toMatch(/\d\.\d\d/);
	});
});

describe('cities without coordinates', () => {
	it('are left off the map and reported', () => {
		const { cities } = mapInput('en');
		const edited = cities.map((c) =>
			c.key === 'wuhu' ? { ...c, lat: null, lon: null } : c.key === 'wenzhou' ? { ...c, lon: null } : c
		);
		const g = geometry('en', 696, edited);
		expect([...g.missing].sort()).toEqual(['wenzhou', 'wuhu']);
		expect(g.dots.map((d) => d.key)).not.toContain('wuhu');
		expect(g.dots.map((d) => d.key)).not.toContain('wenzhou');
		expect(g.dots).toHaveLength(13);
		expect(overlaps(g)).toEqual([]);
	});

	it('leave an empty but well-formed map when no city has any', () => {
		const { cities } = mapInput('en');
		const g = geometry(
			'en',
			344,
			cities.map((c) => ({ ...c, lat: null, lon: null }))
		);
		expect(g.dots).toEqual([]);
		expect(g.missing).toHaveLength(15);
		expect(Number.isFinite(g.height)).toBe(true);
		expect(g.graticule.d).not.toContain('NaN');
	});
});

describe('label placement under stress', () => {
	it('never overlaps on 60 random cities packed into eastern China (seeded)', () => {
		let seed = 42;
		const rand = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
		const cities: MapCity[] = Array.from({ length: 60 }, (_, i) => ({
			key: `c${i}`,
			label: i % 2 ? `City number ${i}` : `城市${i}`,
			clusterId: ['yrd', 'jjj', 'gba', 'cy'][i % 4],
			colour: '#0072B2',
			lat: 22 + rand() * 18,
			lon: 104 + rand() * 18,
			value: Math.floor(rand() * 12)
		}));
		const { clusters } = mapInput('en');
		for (const width of WIDTHS) {
			const g = dotMapGeometry(cities, clusters, { width, text: text('en') });
			expect(overlaps(g)).toEqual([]);
			expect(labelsOnDots(g)).toEqual([]);
			expect(g.labels.length + g.unlabelled.length).toBe(60);
			expect(g.labels.length).toBeGreaterThan(5);
		}
	});
});

describe('helpers', () => {
	it('computes a convex hull', () => {
		const hull = convexHull([
			[0, 0],
			[2, 0],
			[1, 1],
			[2, 2],
			[0, 2],
			[1, 0.5]
		]);
		expect(hull).toHaveLength(4);
		expect(hull).toEqual(
			expect.arrayContaining([
				[0, 0],
				[2, 0],
				[2, 2],
				[0, 2]
			])
		);
	});

	it('picks two or three size-key values', () => {
		expect(sizeKeyValues(10)).toEqual([10, 5, 1]);
		expect(sizeKeyValues(4)).toEqual([4, 2, 1]);
		expect(sizeKeyValues(1)).toEqual([1]);
		expect(sizeKeyValues(47)).toEqual([47, 20, 6]);
		expect(sizeKeyValues(0)).toEqual([]);
	});
});
