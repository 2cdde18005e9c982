/**
 * Geometry of the dot map: cities in, placed dots, labels, cluster outlines, a graticule and a size key out.
 * Cities are placed by latitude and longitude with an equal-area conic projection centred on China and
 * fitted to the plot. Only positions are drawn: no administrative boundaries, coastlines or borders.
 * Data space (`cities`) and screen space (`dots`, `labels`) are kept apart by name. Pure; no DOM.
 */
import { geoConicEqualArea, geoGraticule, geoPath, type GeoProjection } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { textWidth, wrap } from '../core/text-width';

export interface MapCity {
	key: string;
	/** Name as drawn next to the dot. */
	label: string;
	clusterId: string;
	colour: string;
	lat: number | null;
	lon: number | null;
	value: number;
}

export interface MapCluster {
	key: string;
	label: string;
	colour: string;
}

export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

export interface PlacedDot {
	key: string;
	label: string;
	clusterId: string;
	value: number;
	colour: string;
	x: number;
	y: number;
	r: number;
	/** Cities with no event: a small hollow circle. */
	hollow: boolean;
	/**
	 * The city's true position when its circle was moved apart from a neighbour's (so every circle shows
	 * and can be hovered), with a leader line from there to the circle's edge; null when not moved.
	 */
	anchor: { x: number; y: number; edgeX: number; edgeY: number } | null;
}

export interface PlacedLabel {
	key: string;
	text: string;
	/** The text wrapped to the label's width (one line for most names). */
	lines: string[];
	lineHeight: number;
	/** Left end of the text's baseline box (text is drawn start-anchored at x0, vertically centred). */
	box: Box;
	/** A line from the dot's edge to the label, when the label had to move away from its dot. */
	leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

export interface PlacedClusterLabel {
	key: string;
	lines: string[];
	box: Box;
	lineHeight: number;
}

export interface ClusterHull {
	key: string;
	colour: string;
	/** SVG path of a convex outline around the cluster's dots. */
	d: string;
}

export interface AxisLabel {
	text: string;
	x: number;
	y: number;
	anchor: 'start' | 'middle';
	box: Box;
}

export interface SizeKey {
	value: number;
	label: string;
	r: number;
	cx: number;
	cy: number;
	/** Tick from the circle's top (tickX1, tickY1) to its label (tickX2, labelY). */
	tickX1: number;
	tickY1: number;
	tickX2: number;
	labelX: number;
	labelY: number;
	hollow: boolean;
}

export interface SizeLegend {
	box: Box;
	title: string;
	titleX: number;
	titleY: number;
	keys: SizeKey[];
}

export interface DotMapGeometry {
	width: number;
	height: number;
	variant: 'wide' | 'narrow';
	fontSize: number;
	/** Where the map itself is drawn (dots, labels, graticule); notes and longitude labels sit below. */
	mapBox: Box;
	maxRadius: number;
	dots: PlacedDot[];
	labels: PlacedLabel[];
	/** Keys of located cities that got no label (named in the table and tooltip instead). */
	unlabelled: string[];
	clusterLabels: PlacedClusterLabel[];
	hulls: ClusterHull[];
	graticule: { d: string; labels: AxisLabel[] };
	sizeLegend: SizeLegend | null;
	notes: { lines: string[]; y: number; lineHeight: number; fontSize: number };
	/** Keys of cities left off for want of coordinates. */
	missing: string[];
}

export interface DotMapText {
	/** Size-key title, e.g. "Events". */
	sizeTitle: string;
	/** Size-key label for the hollow "no event" circle. */
	zero: string;
	/** Note lines under the map (positions-only note, cities without coordinates). */
	notes: string[];
	/** Note added when some located cities got no label. */
	unlabelled: string;
	/** Note added when circles were moved apart from their true positions. */
	dodged?: string;
	lon: (deg: number) => string;
	lat: (deg: number) => string;
	formatValue: (v: number) => string;
}

export interface DotMapOptions {
	width: number;
	/** Defaults to 'narrow' below 500 px. */
	variant?: 'wide' | 'narrow';
	fontSize?: number;
	/** Radius of the largest circle. */
	maxRadius?: number;
	text: DotMapText;
}

/** Radius of the hollow circle drawn for a city with no event. */
export const ZERO_RADIUS = 3.5;

const round1 = (v: number) => Math.round(v * 10) / 10;

export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
	return a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
}

function boxInside(b: Box, outer: Box): boolean {
	return b.x0 >= outer.x0 && b.x1 <= outer.x1 && b.y0 >= outer.y0 && b.y1 <= outer.y1;
}

function circleHitsBox(cx: number, cy: number, r: number, b: Box, gap = 1): boolean {
	const nx = Math.max(b.x0, Math.min(cx, b.x1));
	const ny = Math.max(b.y0, Math.min(cy, b.y1));
	return (nx - cx) ** 2 + (ny - cy) ** 2 < (r + gap) ** 2;
}

/** Whether segment p→q crosses box b (Liang–Barsky clipping). */
function segmentHitsBox(x1: number, y1: number, x2: number, y2: number, b: Box): boolean {
	let t0 = 0;
	let t1 = 1;
	const dx = x2 - x1;
	const dy = y2 - y1;
	const edges: [number, number][] = [
		[-dx, x1 - b.x0],
		[dx, b.x1 - x1],
		[-dy, y1 - b.y0],
		[dy, b.y1 - y1]
	];
	for (const [p, q] of edges) {
		if (p === 0) {
			if (q < 0) return false;
		} else {
			const t = q / p;
			if (p < 0) t0 = Math.max(t0, t);
			else t1 = Math.min(t1, t);
			if (t0 > t1) return false;
		}
	}
	return true;
}

/** Convex hull of points (Andrew's monotone chain), counter-clockwise, without repeating the first point. */
export function convexHull(points: [number, number][]): [number, number][] {
	const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	if (pts.length < 3) return pts;
	const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
		(a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
	const lower: [number, number][] = [];
	for (const p of pts) {
		while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
		lower.push(p);
	}
	const upper: [number, number][] = [];
	for (const p of pts.reverse()) {
		while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
		upper.push(p);
	}
	return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Rounds a reference value to one significant digit (47 → 50, 8 → 8). */
function niceValue(v: number): number {
	if (v <= 0) return 0;
	const p = 10 ** Math.floor(Math.log10(v));
	return Math.max(1, Math.round(v / p) * p);
}

/** Two or three reference values for the size key, largest first. */
export function sizeKeyValues(max: number): number[] {
	if (max <= 0) return [];
	const values = [max, niceValue(max / 2), niceValue(max / 8)].filter((v) => v >= 1 && v <= max);
	return [...new Set(values)].sort((a, b) => b - a);
}

/** The projection used by the map: equal-area conic for China (standard parallels 25°N and 47°N, 105°E). */
export function chinaProjection(): GeoProjection {
	return geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]).center([0, 35]);
}

/**
 * Fits the projection to the located cities inside `extent`. The fitted region spans at least 10° of
 * longitude and 8° of latitude, so one or two cities are not blown up to fill the whole plot.
 */
export function fitProjection(
	cities: { lat: number; lon: number }[],
	extent: [[number, number], [number, number]]
): GeoProjection {
	const projection = chinaProjection();
	const lons = cities.map((c) => c.lon);
	const lats = cities.map((c) => c.lat);
	const span = (v: number[]) => (v.length ? Math.max(...v) - Math.min(...v) : 0);
	const mid = (v: number[], fallback: number) =>
		v.length ? (Math.max(...v) + Math.min(...v)) / 2 : fallback;
	const coordinates: [number, number][] = cities.map((c): [number, number] => [c.lon, c.lat]);
	const lonHalf = Math.max(span(lons), 10) / 2;
	const latHalf = Math.max(span(lats), 8) / 2;
	if (cities.length < 2 || span(lons) < 10 || span(lats) < 8) {
		// Frame points only widen a fit that would otherwise zoom in on one or two nearby cities.
		const lon = mid(lons, 110);
		const lat = mid(lats, 32);
		for (const sx of [-1, 1])
			for (const sy of [-1, 1]) coordinates.push([lon + sx * lonHalf, lat + sy * latHalf]);
	}
	return projection.fitExtent(extent, {
		type: 'MultiPoint',
		coordinates
	});
}

type Direction = [number, number];
/** Label directions in order of preference: right, left, top, bottom, then the diagonals. */
const DIRECTIONS: Direction[] = [
	[1, 0],
	[-1, 0],
	[0, -1],
	[0, 1],
	[1, -1],
	[1, 1],
	[-1, -1],
	[-1, 1]
];

/** The label box for a dot in direction `dir`, `gap` px beyond the dot's edge. */
function labelBox(dot: PlacedDot, w: number, h: number, dir: Direction, gap: number): Box {
	const [dx, dy] = dir;
	const diag = dx !== 0 && dy !== 0 ? Math.SQRT1_2 : 1;
	const ex = dot.x + dx * dot.r * diag;
	const ey = dot.y + dy * dot.r * diag;
	const cx = dx > 0 ? ex + gap : dx < 0 ? ex - gap - w : ex - w / 2;
	const cy = dy > 0 ? ey + gap : dy < 0 ? ey - gap - h : ey - h / 2;
	return { x0: cx, y0: cy, x1: cx + w, y1: cy + h };
}

/** Nearest point of box b to (x, y). */
function nearestOnBox(b: Box, x: number, y: number): [number, number] {
	return [Math.max(b.x0, Math.min(x, b.x1)), Math.max(b.y0, Math.min(y, b.y1))];
}

/** Type sizes, largest radius and map proportions per width: the map and its text grow with the column. */
function mapScale(width: number, narrow: boolean) {
	if (narrow) return { fontSize: 11, smallFont: 10, maxRadius: 15, aspect: 1.08 };
	if (width < 800) return { fontSize: 12, smallFont: 10.5, maxRadius: 24, aspect: 0.68 };
	if (width < 1000) return { fontSize: 13, smallFont: 11, maxRadius: 28, aspect: 0.62 };
	return { fontSize: 14, smallFont: 12, maxRadius: 32, aspect: 0.58 };
}

/** Whether segment p→q passes through circle c (closer to its centre than its radius). */
function segmentHitsCircle(x1: number, y1: number, x2: number, y2: number, c: PlacedDot): boolean {
	const dx = x2 - x1;
	const dy = y2 - y1;
	const len2 = dx * dx + dy * dy;
	const t = len2 ? Math.max(0, Math.min(1, ((c.x - x1) * dx + (c.y - y1) * dy) / len2)) : 0;
	return (x1 + t * dx - c.x) ** 2 + (y1 + t * dy - c.y) ** 2 < c.r * c.r;
}

/**
 * Moves overlapping circles apart until none overlaps another (with `gap` px between), deterministically:
 * each overlapping pair is pushed apart along the line between their centres, the smaller circle taking the
 * larger share (in proportion to the other's area), so a big city stays on its place and its small
 * neighbours move round it; circles stay inside `bounds`. A circle moved so far that its city's true
 * position lies outside it gets an `anchor` there (a nudge within its own radius does not). Mutates `dots`;
 * returns whether any circle got an anchor.
 */
export function separateCircles(dots: PlacedDot[], bounds: Box, gap: number): boolean {
	const start = dots.map((d) => ({ x: d.x, y: d.y }));
	const clamp = (d: PlacedDot) => {
		d.x = Math.max(bounds.x0 + d.r, Math.min(bounds.x1 - d.r, d.x));
		d.y = Math.max(bounds.y0 + d.r, Math.min(bounds.y1 - d.r, d.y));
	};
	for (let iter = 0; iter < 400; iter++) {
		let worst = 0;
		for (let i = 0; i < dots.length; i++) {
			for (let j = i + 1; j < dots.length; j++) {
				const a = dots[i];
				const b = dots[j];
				let dx = b.x - a.x;
				let dy = b.y - a.y;
				const dist = Math.hypot(dx, dy);
				const min = a.r + b.r + gap;
				if (dist >= min) continue;
				if (dist < 1e-6) {
					// same place: part them along a fixed direction that differs per pair
					const angle = (i * 7 + j * 13) * 2.399963;
					dx = Math.cos(angle);
					dy = Math.sin(angle);
				} else {
					dx /= dist;
					dy /= dist;
				}
				const overlap = min - dist;
				worst = Math.max(worst, overlap);
				const wa = b.r * b.r + 1;
				const wb = a.r * a.r + 1;
				const shareA = wa / (wa + wb);
				// a little more than the overlap, so chains settle in fewer rounds
				const push = overlap * 1.02;
				a.x -= dx * push * shareA;
				a.y -= dy * push * shareA;
				b.x += dx * push * (1 - shareA);
				b.y += dy * push * (1 - shareA);
				clamp(a);
				clamp(b);
			}
		}
		if (worst < 0.05) break;
	}
	let moved = false;
	dots.forEach((d, i) => {
		d.x = round1(d.x);
		d.y = round1(d.y);
		const ax = start[i].x;
		const ay = start[i].y;
		const off = Math.hypot(d.x - ax, d.y - ay);
		if (off > d.r + 2) {
			moved = true;
			d.anchor = {
				x: round1(ax),
				y: round1(ay),
				edgeX: round1(d.x + ((ax - d.x) / off) * d.r),
				edgeY: round1(d.y + ((ay - d.y) / off) * d.r)
			};
		}
	});
	return moved;
}

export function dotMapGeometry(
	cities: MapCity[],
	clusters: MapCluster[],
	options: DotMapOptions
): DotMapGeometry {
	const width = options.width;
	const variant = options.variant ?? (width < 500 ? 'narrow' : 'wide');
	const narrow = variant === 'narrow';
	const scale = mapScale(width, narrow);
	const fontSize = options.fontSize ?? scale.fontSize;
	const smallFont = scale.smallFont;
	const maxRadius = options.maxRadius ?? scale.maxRadius;
	const { text } = options;

	const located = cities.filter(
		(c): c is MapCity & { lat: number; lon: number } =>
			c.lat !== null && c.lon !== null && Number.isFinite(c.lat) && Number.isFinite(c.lon)
	);
	const missing = cities.filter((c) => !located.includes(c as MapCity & { lat: number; lon: number }));

	// --- Frame: map area, then a row of longitude labels, then the notes.
	const mapHeight = Math.round(width * scale.aspect);
	const mapBox: Box = { x0: 0, y0: 0, x1: width, y1: mapHeight };
	const axisRow = Math.round(smallFont * 1.6);
	const noteLH = Math.round(smallFont * 1.45);

	// --- Projection fitted to the located cities, with room for the largest circle and a label.
	const padX = maxRadius + (narrow ? 26 : 40 + (fontSize - 12) * 4);
	const padY = maxRadius + 14;
	const projection = fitProjection(located, [
		[padX, padY],
		[width - padX, mapHeight - padY]
	]);

	// --- Dots: area proportional to the count; larger drawn first so small ones stay visible on top.
	const max = Math.max(0, ...located.map((c) => c.value));
	const radius = scaleSqrt()
		.domain([0, Math.max(max, 1)])
		.range([0, maxRadius]);
	const dots: PlacedDot[] = located
		.map((c) => {
			const [x, y] = projection([c.lon, c.lat]) ?? [0, 0];
			return {
				key: c.key,
				label: c.label,
				clusterId: c.clusterId,
				value: c.value,
				colour: c.colour,
				x: round1(x),
				y: round1(y),
				r: c.value > 0 ? Math.round(radius(c.value) * 100) / 100 : ZERO_RADIUS,
				hollow: c.value <= 0,
				anchor: null
			};
		})
		.sort((a, b) => b.r - a.r);
	// Circles of nearby cities (Shanghai, Suzhou, Wuxi, Jiaxing) would hide each other: move them apart,
	// the smaller ones the most, and lead a line back to each moved city's true position.
	const moved = separateCircles(dots, { x0: 0, y0: 0, x1: width, y1: mapHeight }, narrow ? 1.5 : 2);
	const dotLeaders = dots
		.filter((d) => d.anchor)
		.map((d) => ({ x1: d.anchor!.x, y1: d.anchor!.y, x2: d.anchor!.edgeX, y2: d.anchor!.edgeY }));

	// --- Size key, in the first corner of the map that no dot touches.
	let sizeLegend: SizeLegend | null = null;
	const keyValues = sizeKeyValues(max);
	if (keyValues.length) {
		const rMax = radius(keyValues[0]);
		const labelW = Math.max(...keyValues.map((v) => textWidth(text.formatValue(v), smallFont)));
		const hasZero = dots.some((d) => d.hollow);
		const titleW = textWidth(text.sizeTitle, smallFont);
		const zeroW = hasZero ? ZERO_RADIUS * 2 + 4 + textWidth(text.zero, smallFont) : 0;
		const w = Math.ceil(Math.max(titleW, rMax * 2 + 6 + labelW, zeroW)) + 8;
		const h =
			Math.ceil(
				smallFont * 1.5 + Math.max(rMax * 2, keyValues.length * smallFont) + (hasZero ? smallFont * 1.6 : 0)
			) + 6;
		const m = 4;
		const corners: Box[] = [
			{ x0: m, y0: mapHeight - m - h, x1: m + w, y1: mapHeight - m }, // bottom left
			{ x0: width - m - w, y0: m, x1: width - m, y1: m + h }, // top right
			{ x0: m, y0: m, x1: m + w, y1: m + h }, // top left
			{ x0: width - m - w, y0: mapHeight - m - h, x1: width - m, y1: mapHeight - m } // bottom right
		];
		const hits = (b: Box) => dots.filter((d) => circleHitsBox(d.x, d.y, d.r, b, 4)).length;
		let box = corners[0];
		let best = Infinity;
		for (const c of corners) {
			const n = hits(c);
			if (n < best) {
				best = n;
				box = c;
			}
			if (n === 0) break;
		}
		const titleY = box.y0 + smallFont;
		const baseY = titleY + 4 + rMax * 2;
		const cx = box.x0 + rMax + 1;
		// Labels sit level with each circle's top, nudged apart so they never touch.
		let lastY = -Infinity;
		const keys: SizeKey[] = keyValues.map((v) => {
			const r = radius(v);
			const labelY = Math.max(baseY - 2 * r, lastY + smallFont + 1);
			lastY = labelY;
			return {
				value: v,
				label: text.formatValue(v),
				r: Math.round(r * 100) / 100,
				cx: round1(cx),
				cy: round1(baseY - r),
				tickX1: round1(cx),
				tickY1: round1(baseY - 2 * r),
				tickX2: round1(cx + rMax + 4),
				labelX: round1(cx + rMax + 6),
				labelY: round1(labelY),
				hollow: false
			};
		});
		if (hasZero) {
			const zy = Math.max(baseY, lastY + smallFont * 0.5) + smallFont * 1.1;
			keys.push({
				value: 0,
				label: text.zero,
				r: ZERO_RADIUS,
				cx: round1(box.x0 + ZERO_RADIUS + 1),
				cy: round1(zy),
				tickX1: 0,
				tickY1: 0,
				tickX2: 0,
				labelX: round1(box.x0 + ZERO_RADIUS * 2 + 5),
				labelY: round1(zy),
				hollow: true
			});
		}
		sizeLegend = { box, title: text.sizeTitle, titleX: box.x0, titleY: round1(titleY), keys };
	}

	// --- Graticule every 10°, clipped to the map area, with longitude labels below and latitude labels left.
	const corners: [number, number][] = [
		[0, 0],
		[width / 2, 0],
		[width, 0],
		[0, mapHeight / 2],
		[width, mapHeight / 2],
		[0, mapHeight],
		[width / 2, mapHeight],
		[width, mapHeight]
	];
	const inverted = corners
		.map((p) => projection.invert?.(p))
		.filter((p): p is [number, number] => p != null && p.every(Number.isFinite));
	if (inverted.length < 2) inverted.push([70, 10], [140, 55]);
	const gLon0 = Math.floor(Math.min(...inverted.map((p) => p[0])) / 10) * 10 - 10;
	const gLon1 = Math.ceil(Math.max(...inverted.map((p) => p[0])) / 10) * 10 + 10;
	const gLat0 = Math.max(-80, Math.floor(Math.min(...inverted.map((p) => p[1])) / 10) * 10 - 10);
	const gLat1 = Math.min(80, Math.ceil(Math.max(...inverted.map((p) => p[1])) / 10) * 10 + 10);
	const graticule = geoGraticule()
		.extent([
			[gLon0, gLat0],
			[gLon1, gLat1 + 1e-6]
		])
		.step([10, 10])
		.precision(1);
	projection.clipExtent([
		[0, 0],
		[width, mapHeight]
	]);
	const d = geoPath(projection).digits(1)(graticule()) ?? '';
	projection.clipExtent(null);

	const obstacles: Box[] = sizeLegend ? [sizeLegend.box] : [];
	const axisLabels: AxisLabel[] = [];
	const blockedByDot = (b: Box) => dots.some((dot) => circleHitsBox(dot.x, dot.y, dot.r, b, 2));
	for (let lon = gLon0; lon <= gLon1; lon += 10) {
		// Where the meridian meets the bottom edge of the map.
		let prev: [number, number] | null = null;
		for (let lat = gLat0; lat <= gLat1; lat += 0.25) {
			const p = projection([lon, lat]);
			if (!p) continue;
			if (prev && prev[1] >= mapHeight && p[1] < mapHeight) {
				const t = (prev[1] - mapHeight) / (prev[1] - p[1]);
				const x = prev[0] + t * (p[0] - prev[0]);
				const label = text.lon(lon);
				const w = textWidth(label, smallFont);
				if (x - w / 2 >= 0 && x + w / 2 <= width) {
					const y = mapHeight + smallFont + 3;
					axisLabels.push({
						text: label,
						x: round1(x),
						y,
						anchor: 'middle',
						box: { x0: x - w / 2, y0: y - smallFont, x1: x + w / 2, y1: y + 2 }
					});
				}
				break;
			}
			prev = p;
		}
	}
	for (let lat = gLat0; lat <= gLat1; lat += 10) {
		// Where the parallel meets the left edge of the map.
		let prev: [number, number] | null = null;
		for (let lon = gLon0; lon <= gLon1; lon += 0.25) {
			const p = projection([lon, lat]);
			if (!p) continue;
			if (prev && prev[0] < 0 && p[0] >= 0) {
				const t = -prev[0] / (p[0] - prev[0]);
				const y = prev[1] + t * (p[1] - prev[1]) - 3;
				const label = text.lat(lat);
				const w = textWidth(label, smallFont);
				const box = { x0: 0, y0: y - smallFont, x1: w + 4, y1: y + 2 };
				if (
					box.y0 >= 0 &&
					box.y1 <= mapHeight &&
					!obstacles.some((o) => boxesOverlap(o, box)) &&
					!blockedByDot(box)
				) {
					axisLabels.push({ text: label, x: 2, y: round1(y), anchor: 'start', box });
					obstacles.push(box);
				}
				break;
			}
			prev = p;
		}
	}

	// --- City labels: largest circles first; right, left, above, below, diagonals; then further out
	// with a leader line; dropped if nothing fits. The phone variant labels only the larger circles.
	const labels: PlacedLabel[] = [];
	const leaders: PlacedLabel['leader'][] = [];
	const unlabelled: string[] = [];
	const lineH = Math.round(fontSize * 1.2);
	const maxLabel = fontSize * (narrow ? 8 : 11);
	const minLabelValue = narrow ? Math.max(1, max * 0.2) : 0;
	const order = [...dots].sort((a, b) => b.value - a.value || a.y - b.y || a.x - b.x);
	const free = (b: Box, self: PlacedDot) =>
		boxInside(b, mapBox) &&
		!labels.some((l) => boxesOverlap(l.box, b, 1)) &&
		!obstacles.some((o) => boxesOverlap(o, b, 1)) &&
		!dots.some((dot) => dot !== self && circleHitsBox(dot.x, dot.y, dot.r, b)) &&
		!circleHitsBox(self.x, self.y, self.r, b, 0.5) &&
		!leaders.some((l) => l !== null && segmentHitsBox(l.x1, l.y1, l.x2, l.y2, b)) &&
		!dotLeaders.some((l) => segmentHitsBox(l.x1, l.y1, l.x2, l.y2, b));
	for (const dot of order) {
		if (dot.value < minLabelValue || (narrow && dot.hollow)) {
			unlabelled.push(dot.key);
			continue;
		}
		// long names (imported cities) wrap onto a second line rather than run across the map
		const lines = wrap(
			dot.label,
			Math.max(textWidth(dot.label, fontSize) / 2 + fontSize, maxLabel),
			fontSize,
			2
		);
		const w = Math.ceil(Math.max(...lines.map((l) => textWidth(l, fontSize)))) + 2;
		const lh = lines.length * lineH;
		let placed: PlacedLabel | null = null;
		for (const dir of DIRECTIONS) {
			const b = labelBox(dot, w, lh, dir, 2);
			if (free(b, dot)) {
				placed = { key: dot.key, text: dot.label, lines, lineHeight: lineH, box: b, leader: null };
				break;
			}
		}
		// further out with a leader: first one that crosses no other circle, then any
		for (const [gap, strict] of [12, 22, 36, 52, 12, 22, 36, 52].map((v, i): [number, boolean] => [
			v,
			i < 4
		])) {
			if (placed) break;
			for (const dir of DIRECTIONS) {
				const b = labelBox(dot, w, lh, dir, gap);
				if (!free(b, dot)) continue;
				const diag = dir[0] !== 0 && dir[1] !== 0 ? Math.SQRT1_2 : 1;
				const x1 = dot.x + dir[0] * dot.r * diag;
				const y1 = dot.y + dir[1] * dot.r * diag;
				const [x2, y2] = nearestOnBox(b, x1, y1);
				const crosses =
					labels.some((l) => segmentHitsBox(x1, y1, x2, y2, l.box)) ||
					(strict && dots.some((o) => o !== dot && segmentHitsCircle(x1, y1, x2, y2, o)));
				if (crosses) continue;
				placed = {
					key: dot.key,
					text: dot.label,
					lines,
					lineHeight: lineH,
					box: b,
					leader: { x1: round1(x1), y1: round1(y1), x2: round1(x2), y2: round1(y2) }
				};
				break;
			}
		}
		if (placed) {
			placed.box = {
				x0: round1(placed.box.x0),
				y0: round1(placed.box.y0),
				x1: round1(placed.box.x1),
				y1: round1(placed.box.y1)
			};
			labels.push(placed);
			leaders.push(placed.leader);
		} else {
			unlabelled.push(dot.key);
		}
	}

	// --- Cluster outlines (two or more located cities) and cluster names beside them.
	const hulls: ClusterHull[] = [];
	const clusterLabels: PlacedClusterLabel[] = [];
	const clusterFont = smallFont;
	const clusterLH = Math.round(clusterFont * 1.3);
	const taken = () => [...labels.map((l) => l.box), ...clusterLabels.map((c) => c.box), ...obstacles];
	for (const cluster of clusters) {
		const members = dots.filter((dd) => dd.clusterId === cluster.key);
		if (!members.length) continue;
		const ring = 5;
		if (members.length >= 2) {
			const pts: [number, number][] = [];
			for (const m of members) {
				for (let k = 0; k < 16; k++) {
					const a = (k / 16) * Math.PI * 2;
					pts.push([m.x + Math.cos(a) * (m.r + ring), m.y + Math.sin(a) * (m.r + ring)]);
				}
			}
			const hull = convexHull(pts);
			hulls.push({
				key: cluster.key,
				colour: cluster.colour,
				d: 'M' + hull.map(([x, y]) => `${round1(x)},${round1(y)}`).join('L') + 'Z'
			});
		}
		const bx: Box = {
			x0: Math.min(...members.map((m) => m.x - m.r - ring)),
			y0: Math.min(...members.map((m) => m.y - m.r - ring)),
			x1: Math.max(...members.map((m) => m.x + m.r + ring)),
			y1: Math.max(...members.map((m) => m.y + m.r + ring))
		};
		const lines = wrap(cluster.label, narrow ? 110 : Math.max(150, width * 0.16), clusterFont, 3);
		const w = Math.ceil(Math.max(...lines.map((l) => textWidth(l, clusterFont)))) + 2;
		const h = lines.length * clusterLH;
		const midX = (bx.x0 + bx.x1) / 2;
		const midY = (bx.y0 + bx.y1) / 2;
		const candidates: Box[] = [
			[midX - w / 2, bx.y0 - 3 - h],
			[midX - w / 2, bx.y1 + 3],
			[bx.x1 + 3, bx.y0],
			[bx.x0 - 3 - w, bx.y0],
			[bx.x1 + 3, bx.y1 - h],
			[bx.x0 - 3 - w, bx.y1 - h],
			[bx.x1 + 3, midY - h / 2],
			[bx.x0 - 3 - w, midY - h / 2],
			[bx.x1 - w, bx.y0 - 3 - h],
			[bx.x0, bx.y0 - 3 - h],
			[bx.x1 - w, bx.y1 + 3],
			[bx.x0, bx.y1 + 3]
		].map(([x, y]) => ({ x0: x, y0: y, x1: x + w, y1: y + h }));
		const box = candidates.find(
			(b) =>
				boxInside(b, mapBox) &&
				!taken().some((o) => boxesOverlap(o, b, 2)) &&
				!dots.some((dot) => circleHitsBox(dot.x, dot.y, dot.r, b, 2)) &&
				!leaders.some((l) => l !== null && segmentHitsBox(l.x1, l.y1, l.x2, l.y2, b))
		);
		if (box) {
			clusterLabels.push({
				key: cluster.key,
				lines,
				lineHeight: clusterLH,
				box: { x0: round1(box.x0), y0: round1(box.y0), x1: round1(box.x1), y1: round1(box.y1) }
			});
		}
	}

	// --- Notes under the map.
	const noteTexts = [
		...text.notes,
		...(moved && text.dodged ? [text.dodged] : []),
		...(unlabelled.length ? [text.unlabelled] : [])
	];
	const noteLines = noteTexts.flatMap((n) => wrap(n, width, smallFont));
	const notesY = mapHeight + axisRow + smallFont;
	const height = Math.ceil(mapHeight + axisRow + noteLines.length * noteLH);

	return {
		width,
		height,
		variant,
		fontSize,
		mapBox,
		maxRadius,
		dots,
		labels,
		unlabelled,
		clusterLabels,
		hulls,
		graticule: { d, labels: axisLabels },
		sizeLegend,
		notes: { lines: noteLines, y: notesY, lineHeight: noteLH, fontSize: smallFont },
		missing: missing.map((c) => c.key)
	};
}
