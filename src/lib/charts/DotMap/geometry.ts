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
}

export interface PlacedLabel {
	key: string;
	text: string;
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

export function dotMapGeometry(
	cities: MapCity[],
	clusters: MapCluster[],
	options: DotMapOptions
): DotMapGeometry {
	const width = options.width;
	const variant = options.variant ?? (width < 500 ? 'narrow' : 'wide');
	const narrow = variant === 'narrow';
	const fontSize = options.fontSize ?? (narrow ? 11 : 12);
	const smallFont = narrow ? 10 : 10.5;
	const maxRadius = options.maxRadius ?? (narrow ? 15 : 24);
	const { text } = options;

	const located = cities.filter(
		(c): c is MapCity & { lat: number; lon: number } =>
			c.lat !== null && c.lon !== null && Number.isFinite(c.lat) && Number.isFinite(c.lon)
	);
	const missing = cities.filter((c) => !located.includes(c as MapCity & { lat: number; lon: number }));

	// --- Frame: map area, then a row of longitude labels, then the notes.
	const mapHeight = Math.round(narrow ? width * 1.08 : width * 0.68);
	const mapBox: Box = { x0: 0, y0: 0, x1: width, y1: mapHeight };
	const axisRow = Math.round(smallFont * 1.6);
	const noteLH = Math.round(smallFont * 1.45);

	// --- Projection fitted to the located cities, with room for the largest circle and a label.
	const padX = maxRadius + (narrow ? 26 : 40);
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
				hollow: c.value <= 0
			};
		})
		.sort((a, b) => b.r - a.r);

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
	const lh = Math.round(fontSize * 1.2);
	const minLabelValue = narrow ? Math.max(1, max * 0.2) : 0;
	const order = [...dots].sort((a, b) => b.value - a.value || a.y - b.y || a.x - b.x);
	const free = (b: Box, self: PlacedDot) =>
		boxInside(b, mapBox) &&
		!labels.some((l) => boxesOverlap(l.box, b, 1)) &&
		!obstacles.some((o) => boxesOverlap(o, b, 1)) &&
		!dots.some((dot) => dot !== self && circleHitsBox(dot.x, dot.y, dot.r, b)) &&
		!circleHitsBox(self.x, self.y, self.r, b, 0.5) &&
		!leaders.some((l) => l !== null && segmentHitsBox(l.x1, l.y1, l.x2, l.y2, b));
	for (const dot of order) {
		if (dot.value < minLabelValue || (narrow && dot.hollow)) {
			unlabelled.push(dot.key);
			continue;
		}
		const w = Math.ceil(textWidth(dot.label, fontSize)) + 2;
		let placed: PlacedLabel | null = null;
		for (const dir of DIRECTIONS) {
			const b = labelBox(dot, w, lh, dir, 2);
			if (free(b, dot)) {
				placed = { key: dot.key, text: dot.label, box: b, leader: null };
				break;
			}
		}
		for (const gap of [12, 22, 36, 52]) {
			if (placed) break;
			for (const dir of DIRECTIONS) {
				const b = labelBox(dot, w, lh, dir, gap);
				if (!free(b, dot)) continue;
				const diag = dir[0] !== 0 && dir[1] !== 0 ? Math.SQRT1_2 : 1;
				const x1 = dot.x + dir[0] * dot.r * diag;
				const y1 = dot.y + dir[1] * dot.r * diag;
				const [x2, y2] = nearestOnBox(b, x1, y1);
				const crosses = labels.some((l) => segmentHitsBox(x1, y1, x2, y2, l.box));
				if (crosses) continue;
				placed = {
					key: dot.key,
					text: dot.label,
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
		const lines = wrap(cluster.label, narrow ? 110 : 150, clusterFont, 3);
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
	const noteTexts = [...text.notes, ...(unlabelled.length ? [text.unlabelled] : [])];
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
