/**
 * The whole comparison as one sheet: the compare page's charts (each as drawn for export, 720 px wide)
 * stacked under one heading, followed by the differences and overlaps in words and one source line, as a
 * single `<svg>` that `standaloneSvg` then makes a standalone file like every chart's. Pure: markup in,
 * markup out (the charts are nested `<svg>` elements, which browsers, librsvg and Inkscape all place).
 */
import { BACKGROUND, fontStack, INK, INK_MUTED } from '$lib/charts/core/palette';
import { wrap } from '$lib/charts/core/text-width';
// text measured wider than the estimate, as the chart frame measures it
import { BOLD, REGULAR } from '$lib/charts/frame/layout';
import type { Comparison } from '$lib/aggregate/compare';
import type { CompareStory } from '$lib/aggregate/compare-story';
import type { Dataset, Locale } from '$lib/data/types';
import { translator } from '$lib/i18n';
import { escapeXml, getAttr, sanitisedSvgTree, serialiseNode, setAttr } from './svg';

export interface SheetInput {
	locale: Locale;
	title: string;
	/** Said to screen readers and in the file's <desc>. */
	description: string;
	/** Each chart's `<svg>` markup, in page order. */
	charts: string[];
	/** Headed lists of sentences (the differences and overlaps in words). */
	sections: { heading: string; lines: string[] }[];
	source: string;
	width?: number;
}

const PAD = 16;
const GAP = 20;

export function comparisonSheet(input: SheetInput): string {
	const width = input.width ?? 720;
	const inner = width - PAD * 2;
	const parts: string[] = [];
	const text = (x: number, y: number, s: string, attrs = '') =>
		`<text x="${x}" y="${y}"${attrs}>${escapeXml(s)}</text>`;
	let y = PAD;

	const titleSize = 20;
	for (const line of wrap(input.title, inner, titleSize * BOLD, 4)) {
		y += titleSize * 1.3;
		parts.push(text(PAD, Math.round(y), line, ` font-size="${titleSize}" font-weight="700"`));
	}
	y += GAP / 2;

	for (const markup of input.charts) {
		const svg = sanitisedSvgTree(markup);
		const w = Number(getAttr(svg, 'width'));
		const h = Number(getAttr(svg, 'height'));
		if (!(w > 0 && h > 0)) continue;
		const scale = Math.min(1, inner / w);
		setAttr(svg, 'x', String(PAD));
		setAttr(svg, 'y', String(Math.round(y)));
		setAttr(svg, 'width', String(Math.round(w * scale)));
		setAttr(svg, 'height', String(Math.round(h * scale)));
		// the nested chart keeps its own title and description for assistive technology
		svg.attrs = svg.attrs.filter(([k]) => k !== 'xmlns' && k !== 'class' && k !== 'style');
		parts.push(serialiseNode(svg));
		y += Math.round(h * scale) + GAP;
	}

	const bodySize = 13;
	const lineHeight = Math.round(bodySize * 1.45);
	for (const section of input.sections) {
		if (!section.lines.length) continue;
		y += bodySize * 1.3;
		parts.push(text(PAD, Math.round(y), section.heading, ` font-size="15" font-weight="700"`));
		y += 4;
		for (const sentence of section.lines) {
			const lines = wrap(sentence, inner - 14, bodySize * REGULAR);
			lines.forEach((line, i) => {
				y += lineHeight;
				parts.push(text(PAD + 14, Math.round(y), line, ` font-size="${bodySize}"`));
				if (i === 0) parts.push(text(PAD, Math.round(y), '•', ` font-size="${bodySize}"`));
			});
			y += 4;
		}
		y += GAP / 2;
	}

	const sourceSize = 11;
	const source: string[] = [];
	for (const line of wrap(input.source, inner, sourceSize * REGULAR)) {
		y += Math.round(sourceSize * 1.45);
		source.push(text(PAD, Math.round(y), line));
	}
	// the sheet's own source line (standaloneSvg prints the address under it)
	parts.push(
		`<g class="chart-source muted" font-size="${sourceSize}" fill="${INK_MUTED}">${source.join('')}</g>`
	);
	const height = Math.ceil(y + PAD);
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" class="chart sheet" data-chart="comparison" width="${width}" height="${height}"` +
		` viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="sheet-title sheet-desc"` +
		` font-family="${escapeXml(fontStack(input.locale))}" fill="${INK}">` +
		`<title id="sheet-title">${escapeXml(input.title)}</title><desc id="sheet-desc">${escapeXml(input.description)}</desc>` +
		`<rect class="chart-bg" width="${width}" height="${height}" fill="${BACKGROUND}"/>` +
		parts.join('') +
		`</svg>`
	);
}

/** The comparison's data as one long table: each city's events per field, its tracks, each pair's likeness. */
export function comparisonRows(input: {
	comparison: Comparison;
	story: CompareStory;
	dataset: Dataset;
	locale: Locale;
}): (string | number)[][] {
	const { comparison, story, dataset, locale } = input;
	const tr = translator(locale);
	const cityName = new Map(dataset.cities.map((c) => [c.id, c.name[locale]]));
	const categoryName = new Map(dataset.categories.map((c) => [c.id, c.name[locale]]));
	const trackName = new Map(dataset.tracks.map((t) => [t.id, t.name[locale]]));
	const name = (id: string) => cityName.get(id) ?? id;
	const rows: (string | number)[][] = [
		[
			tr('story.csv.kind'),
			tr('story.csv.city'),
			tr('story.csv.other'),
			tr('story.csv.item'),
			tr('story.csv.value')
		]
	];
	for (const col of comparison.columns)
		comparison.categoryIds.forEach((id, k) =>
			rows.push([
				tr('story.csv.events'),
				name(col.cityId),
				'',
				categoryName.get(id) ?? id,
				col.byCategory[k] ?? 0
			])
		);
	for (const id of comparison.cityIds) {
		const tracks = new Set(
			dataset.futureIndustries
				.filter((l) => l.cityId === id)
				.flatMap((l) => l.items.flatMap((it) => it.tracks.map((t) => t.trackId)))
		);
		for (const t of tracks) rows.push([tr('story.csv.track'), name(id), '', trackName.get(t) ?? t, 1]);
	}
	const round = (v: number) => Math.round(v * 1000) / 1000;
	for (const p of story.pairs) {
		const [a, b] = p.cityIds.map(name);
		rows.push([tr('story.csv.simTracks'), a, b, '', p.tracks.value === null ? '' : round(p.tracks.value)]);
		rows.push([tr('story.csv.simMix'), a, b, '', p.mix.value === null ? '' : round(p.mix.value)]);
	}
	return rows;
}
