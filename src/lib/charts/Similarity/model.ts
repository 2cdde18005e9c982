/**
 * City × city similarity heatmap, as a model: how alike the cities' future-industry tracks are (Jaccard),
 * or their mix of fields (cosine of event counts by field). Owns the title (the most alike pair), the
 * description, the table, the cells as keyboard stops with their tooltips, and the geometry for any width.
 * Cities with too few events for a mix (geometry.ts MIN_MIX_EVENTS) are shown hatched, never as alike.
 */
import type { Filter } from '$lib/aggregate/filter';
import type { Dataset, Locale } from '$lib/data/types';
import { CHART_EVENT_COUNT, countPhrase, formatList, formatNumber, translator } from '$lib/i18n';
import { BaseChartModel, type MarkAction, type MarkBox, type TipLine } from '../frame/model';
import {
	formatSimilarity,
	MIN_MIX_EVENTS,
	mostSimilarPair,
	similarityGeometry,
	similarityModel,
	type SimilarityGeometry,
	type SimilarityMetric,
	type SimilarityModel
} from './geometry';

export interface SimilarityInput {
	dataset: Dataset;
	locale: Locale;
	/** 'tracks': Jaccard on future-industry tracks; 'mix': cosine on the mix of fields. */
	metric?: SimilarityMetric;
	/** Cities in view; default every city (with a list for 'tracks', with events for 'mix'). */
	cities?: string[];
	/** For 'mix': the filter the counts are taken under. */
	filter?: Filter;
	/** Title override. */
	title?: string;
}

export class SimilarityChartModel extends BaseChartModel<SimilarityGeometry> {
	readonly chart = 'similarity';
	readonly #data: SimilarityModel;
	readonly #index: Map<string, number>;
	readonly #locale: Locale;
	readonly #tr;
	readonly #legendTitle: string;
	readonly #diagonalLabel: string;

	constructor(input: SimilarityInput) {
		super();
		const { dataset, locale, metric = 'tracks', cities, filter, title } = input;
		const tr = translator(locale);
		const fmt = (v: number) => formatNumber(locale, v);
		const data = similarityModel(dataset, { metric, locale, cities, filter });
		this.#data = data;
		this.#locale = locale;
		this.#tr = tr;
		this.#index = new Map(data.cities.map((c, i) => [c.key, i]));
		const label = (i: number) => data.cities[i]?.label ?? '';
		const thin = data.thin.some(Boolean);
		this.#legendTitle = tr(metric === 'tracks' ? 'similarity.legend.tracks' : 'similarity.legend.mix');
		// the hatch also stands for a city with too few events for a mix: the legend says so
		this.#diagonalLabel = thin
			? tr('similarity.diagonalThin', { min: fmt(MIN_MIX_EVENTS) })
			: tr('similarity.diagonal');
		/** Between two sentences: a space in English, nothing after a Chinese full stop. */
		const sep = locale === 'zh' ? '' : ' ';

		const pair = mostSimilarPair(data);
		this.text = {
			title:
				title ??
				(pair
					? tr(metric === 'tracks' ? 'similarity.title.tracks' : 'similarity.title.mix', {
							a: label(pair.a),
							b: label(pair.b),
							value: formatSimilarity(pair.value)
						})
					: tr('similarity.title.none')),
			subtitle:
				metric === 'tracks'
					? tr('similarity.subtitle.tracks', { n: fmt(data.cities.length) }) +
						(data.leftOut.length
							? sep + tr('similarity.subtitle.tracksMissing', { m: fmt(data.leftOut.length) })
							: '')
					: tr('similarity.subtitle.mix')
		};

		// pairs of different cities compared (a thin city is compared with no one)
		const pairs: { a: number; b: number; v: number }[] = [];
		const n = data.cities.length;
		for (let i = 0; i < n; i++)
			for (let j = i + 1; j < n; j++)
				if (!data.thin[i] && !data.thin[j]) pairs.push({ a: i, b: j, v: data.values[i][j] });
		const top = [...pairs].sort((x, y) => y.v - x.v || x.a - y.a || x.b - y.b).slice(0, 3);
		this.desc = tr('similarity.desc', {
			n: fmt(n),
			pairs: formatList(
				locale,
				top.map((p) => tr('similarity.pair', { a: label(p.a), b: label(p.b), value: formatSimilarity(p.v) }))
			)
		});

		const rows: (string | number | null)[][] = [];
		for (let i = 0; i < n; i++)
			for (let j = i + 1; j < n; j++) {
				const compared = !data.thin[i] && !data.thin[j];
				const row: (string | number | null)[] = [
					label(i),
					label(j),
					compared ? Math.round(data.values[i][j] * 100) / 100 : null
				];
				if (data.shared) row.push(data.shared[i][j]);
				rows.push(row);
			}
		this.table = {
			columns: [
				tr('chart.table.city'),
				tr('similarity.table.other'),
				tr('similarity.table.value'),
				...(data.shared ? [tr('similarity.table.shared')] : [])
			],
			numeric: [false, false, true, true],
			rows
		};

		this.marks = data.cities.flatMap((a, i) =>
			data.cities
				.map((b, j) => ({ b, j }))
				.filter(({ j }) => j !== i)
				.map(({ b, j }) => ({ key: `${a.key}|${b.key}`, label: this.#markLabel(i, j) }))
		);
	}

	/** The pair in one line, for the live region. */
	#markLabel(i: number, j: number): string {
		const tr = this.#tr;
		const d = this.#data;
		const a = d.cities[i].label;
		const b = d.cities[j].label;
		if (d.thin[i] || d.thin[j]) return tr('similarity.tip.thinMark', { a, b });
		const value = formatSimilarity(d.values[i][j]);
		if (!d.shared) return tr('similarity.tip.mix', { a, b, value });
		const count = d.shared[i][j];
		return count === 1
			? tr('similarity.tip.tracksOne', { a, b, value })
			: tr('similarity.tip.tracks', { a, b, value, count: formatNumber(this.#locale, count) });
	}

	#pair(key: string): [number, number] | null {
		const [row, col] = key.split('|');
		const i = this.#index.get(row);
		const j = this.#index.get(col);
		return i === undefined || j === undefined ? null : [i, j];
	}

	protected layout(width: number): SimilarityGeometry {
		return similarityGeometry(this.#data, {
			width,
			legendTitle: this.#legendTitle,
			diagonalLabel: this.#diagonalLabel
		});
	}

	box(key: string, g: SimilarityGeometry): MarkBox | null {
		const p = this.#pair(key);
		return p
			? { x: g.gridX + p[1] * g.cell, y: g.gridY + p[0] * g.cell, width: g.cell, height: g.cell }
			: null;
	}

	/** The city's row, outlined while the city is highlighted on the page. */
	rowBox(city: string, g: SimilarityGeometry): MarkBox | null {
		const i = this.#index.get(city);
		const n = this.#data.cities.length;
		return i === undefined
			? null
			: { x: g.gridX, y: g.gridY + i * g.cell, width: g.cell * n, height: g.cell };
	}

	/** The pair, the measure and its value, then what it rests on (shared tracks, or each city's events). */
	tooltip(key: string): TipLine[] {
		const p = this.#pair(key);
		if (!p) return [];
		const [i, j] = p;
		const tr = this.#tr;
		const d = this.#data;
		const a = d.cities[i].label;
		const b = d.cities[j].label;
		if (i === j) return [{ text: tr('similarity.tip.self', { a }) }];
		const lines: TipLine[] = [{ text: tr('similarity.tip.head', { a, b }) }];
		lines.push({
			text:
				d.thin[i] || d.thin[j]
					? tr('similarity.tip.thin', { min: formatNumber(this.#locale, MIN_MIX_EVENTS) })
					: tr('similarity.tip.value', {
							measure: this.#legendTitle,
							value: formatSimilarity(d.values[i][j])
						})
		});
		if (d.shared) {
			const count = d.shared[i][j];
			lines.push({
				text:
					count === 1
						? tr('similarity.tip.sharedOne')
						: tr('similarity.tip.shared', { count: formatNumber(this.#locale, count) })
			});
		}
		if (d.events) {
			const events = (k: number) => countPhrase(this.#locale, d.events?.[k] ?? 0, CHART_EVENT_COUNT);
			lines.push({ text: tr('similarity.tip.events', { a, b, na: events(i), nb: events(j) }) });
		}
		return lines;
	}

	/** Choosing a cell highlights its row's city across the page; choosing it again clears it. */
	action(key: string): MarkAction {
		return { city: key.split('|')[0] };
	}
}
