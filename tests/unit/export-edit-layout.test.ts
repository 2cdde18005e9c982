/**
 * The frame laid out for each export size (edit before export), for every chart family's default view in
 * both languages, with the reader's long title, subtitle and notes: the output has the size chosen; every
 * text block (title, subtitle lines, legend entries, source and notes lines) and the plot lie inside the
 * frame, and none overlaps another; fixed sizes are filled exactly, with the plot's type at least 1:1.
 */
import { describe, expect, it } from 'vitest';
import { categoryMix } from '../../src/lib/aggregate/mix';
import { compareCities } from '../../src/lib/aggregate/compare';
import { eventsPerCity } from '../../src/lib/aggregate/counts';
import { timeline } from '../../src/lib/aggregate/timeline';
import { EventsPerCityModel } from '../../src/lib/charts/BarChart/model';
import { CompareModel } from '../../src/lib/charts/Compare/model';
import { DotMapModel } from '../../src/lib/charts/DotMap/model';
import { IndustryMatrixModel } from '../../src/lib/charts/Matrix/model';
import { SimilarityChartModel } from '../../src/lib/charts/Similarity/model';
import { CategoryMixModel } from '../../src/lib/charts/StackedBars/model';
import { TimelineModel } from '../../src/lib/charts/Timeline/model';
import { UpSetModel } from '../../src/lib/charts/UpSet/model';
import { textWidth } from '../../src/lib/charts/core/text-width';
import {
	CSS_PX_PER_MM,
	FIXED_SIZES,
	MAX_TYPE_GAP,
	sizedFrame,
	type SizedFrame
} from '../../src/lib/charts/frame/edit-layout';
import { BOLD, REGULAR, type FrameText } from '../../src/lib/charts/frame/layout';
import type { ChartModel, PlotGeometry } from '../../src/lib/charts/frame/model';
import { sourceLine } from '../../src/lib/charts/frame/source';
import { builtinDataset as ds } from '../../src/lib/data/builtin';
import type { Locale } from '../../src/lib/data/types';
import { EDIT_SIZES, type EditSizeId } from '../../src/lib/state/export-edit';
import { defaultCities } from '../../src/lib/views/compare-state';

const FILTER = { includeCommentary: false };
const MODELS: Record<string, (locale: Locale) => ChartModel<PlotGeometry>> = {
	'events-per-city': (locale) =>
		new EventsPerCityModel({ dataset: ds, locale, rows: eventsPerCity(ds, FILTER) }),
	'category-mix': (locale) =>
		new CategoryMixModel({ dataset: ds, locale, mix: categoryMix(ds, FILTER), filter: FILTER }),
	timeline: (locale) => new TimelineModel({ dataset: ds, locale, timeline: timeline(ds, FILTER) }),
	'dot-map': (locale) =>
		new DotMapModel({ dataset: ds, locale, rows: eventsPerCity(ds, FILTER), filter: FILTER }),
	compare: (locale) =>
		new CompareModel({
			dataset: ds,
			locale,
			comparison: compareCities(ds, defaultCities(ds), FILTER),
			filter: FILTER
		}),
	'industry-matrix': (locale) => new IndustryMatrixModel({ dataset: ds, locale }),
	upset: (locale) => new UpSetModel({ dataset: ds, locale }),
	similarity: (locale) => new SimilarityChartModel({ dataset: ds, locale, filter: FILTER })
};

const EDITS: Record<Locale, { title: string; subtitle: string; notes: string }> = {
	en: {
		title: 'Shanghai and Beijing lead the country’s science and technology drive, with Shenzhen close behind',
		subtitle: 'Innovation events per city in 2023, from one article; national events left out',
		notes:
			'Note: Counted by the newsroom from the article’s list of events; a city’s commentary items are not included.'
	},
	zh: {
		title: '上海与北京领跑全国科创活动，深圳紧随其后，杭州与苏州位列第二梯队',
		subtitle: '2023 年各城市科创事件数，据一篇报道整理；不含全国性事件',
		notes: '注：由编辑部根据报道所列事件整理，不含各城市的评论性条目。'
	}
};

interface Box {
	what: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The text blocks and the plot of a sized frame, as boxes in the frame's layout units. */
function boxes(s: SizedFrame, g: PlotGeometry): Box[] {
	const L = s.layout;
	const fs = L.fontSizes;
	const lines = (
		what: string,
		block: { lines: string[]; y: number; lineHeight: number },
		size: number,
		k: number
	) =>
		block.lines.map((line, i) => ({
			what: `${what} "${line}"`,
			x: L.pad,
			// from the ascender to the descender of the line's font
			y: block.y + i * block.lineHeight - size * 0.9,
			width: textWidth(line, size * k),
			height: size * 1.15
		}));
	const legend = L.legend.entries.map((e) => ({
		what: `legend "${e.label}"`,
		x: e.x,
		y: e.y,
		width: L.legend.swatch + 5 + textWidth(e.label, fs.legend * REGULAR),
		height: fs.legend * 1.2
	}));
	return [
		...lines('title', L.title, fs.title, BOLD),
		...lines('subtitle', L.subtitle, fs.subtitle, REGULAR),
		...legend,
		...lines('footer', L.footer, fs.source, REGULAR),
		{ what: 'plot', x: s.plotX, y: s.plotY, width: s.plotWidth * s.plotScale, height: g.height * s.plotScale }
	];
}

const overlaps = (a: Box, b: Box) =>
	Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.01 &&
	Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.01;

function problems(s: SizedFrame, g: PlotGeometry): string[] {
	const found: string[] = [];
	const all = boxes(s, g);
	const { width, height } = s.layout;
	for (const b of all) {
		if (b.x < -0.01 || b.y < -0.01 || b.x + b.width > width + 0.01 || b.y + b.height > height + 0.01)
			found.push(`outside the frame: ${b.what} (${[b.x, b.y, b.width, b.height].map(Math.round)})`);
	}
	for (let i = 0; i < all.length; i++)
		for (let j = i + 1; j < all.length; j++)
			if (overlaps(all[i], all[j])) found.push(`overlap: ${all[i].what} × ${all[j].what}`);
	return found;
}

function layoutFor(
	model: ChartModel<PlotGeometry>,
	locale: Locale,
	size: EditSizeId,
	mm = 112,
	edited = true
) {
	const text: FrameText = {
		...model.text,
		source: model.text.source ?? sourceLine(locale, null),
		...(edited ? EDITS[locale] : {}),
		url: `https://example.org/${locale}#${model.chart}`
	};
	const s = sizedFrame(text, size, mm, (w) => model.geometry(w).height);
	return { s, g: model.geometry(s.plotWidth) };
}

describe('the frame at each export size', () => {
	for (const [chart, make] of Object.entries(MODELS)) {
		for (const locale of ['zh', 'en'] as const) {
			const model = make(locale);
			for (const size of EDIT_SIZES) {
				it(`${chart} (${locale}) at ${size}: the size chosen, everything inside, nothing overlapping`, () => {
					for (const edited of [true, false]) {
						const { s, g } = layoutFor(model, locale, size, 112, edited);
						expect(problems(s, g)).toEqual([]);
						// the layout drawn at its scale is the output
						expect(s.layout.width * s.scale).toBeCloseTo(s.width, 0);
						expect(s.layout.height * s.scale).toBeCloseTo(s.height, 0);
						if (size in FIXED_SIZES) {
							const fixed = FIXED_SIZES[size as keyof typeof FIXED_SIZES];
							expect([s.width, s.height, s.png.width, s.png.height]).toEqual([
								fixed.width,
								fixed.height,
								fixed.width,
								fixed.height
							]);
							expect(s.svgWidth).toBe(String(fixed.width));
							// the plot's type is never set smaller than 1:1 when it fits, nor far below the frame's
							// (the reader's long title, subtitle and notes may leave a tall plot a little less room)
							const plotType = s.plotScale * s.scale;
							expect(plotType).toBeGreaterThanOrEqual(edited ? 0.9 : 1 - 1e-6);
							if (plotType >= 1) expect(s.scale / plotType).toBeLessThanOrEqual(MAX_TYPE_GAP + 1e-6);
							// the title is set at least as large as on the page
							expect(s.layout.fontSizes.title * s.scale).toBeGreaterThanOrEqual(18);
						} else if (size === 'print') {
							expect(s.width).toBeCloseTo(112 * CSS_PX_PER_MM, 1);
							expect(s.svgWidth).toBe('112mm');
							expect(s.png.width).toBe(1323);
						} else {
							expect(s.width).toBe(Number(size));
							expect(s.plotScale).toBe(1);
							expect(s.png).toEqual({ width: s.width * 2, height: s.height * 2 });
						}
					}
				});
			}
		}
	}

	it('print: 300 dpi from the width in mm, both sides in proportion', () => {
		const model = MODELS['events-per-city']('en');
		for (const mm of [30, 90, 112, 180, 500]) {
			const { s } = layoutFor(model, 'en', 'print', mm);
			expect(s.png.width).toBe(Math.round((mm / 25.4) * 300));
			expect(Math.abs(s.png.height / s.png.width / (s.height / s.width) - 1)).toBeLessThan(0.005);
			expect(Number.parseFloat(s.svgHeight) / mm).toBeCloseTo(s.height / s.width, 3);
		}
	});

	it('is laid out again for the size, not scaled: each article width has its own plot width', () => {
		const model = MODELS['events-per-city']('en');
		const widths = (['640', '720', '960'] as const).map((size) => layoutFor(model, 'en', size).s.plotWidth);
		expect(widths).toEqual([616, 696, 936]);
	});

	it('a tall chart in a short frame keeps its type at 1:1 and fills the height to the pixel', () => {
		const model = MODELS['events-per-city']('zh');
		const { s, g } = layoutFor(model, 'zh', 'social');
		expect(s.height).toBe(675);
		expect(s.scale).toBeGreaterThan(1);
		expect(s.plotY + g.height * s.plotScale).toBeLessThanOrEqual(s.layout.height);
		// the footer's last line sits at the bottom of the frame
		const last = s.layout.footer.y + (s.layout.footer.lines.length - 1) * s.layout.footer.lineHeight;
		expect(s.layout.height - last).toBeLessThan(s.layout.pad + s.layout.fontSizes.source);
	});
});
