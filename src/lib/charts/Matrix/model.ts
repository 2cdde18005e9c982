/**
 * City × industry matrix, as a model: which canonical future-industry tracks each city's own list maps to,
 * and how closely. Owns the title (the track every city names, or the most named), the description, the
 * table, the cells as keyboard stops, each cell's tooltip (the city's own words, with the Chinese original
 * on English pages) and the geometry for any width.
 */
import type { Dataset, Locale, MatchStrength } from '$lib/data/types';
import { formatList, formatNumber, translator } from '$lib/i18n';
import { frameLayout } from '../frame/layout';
import { BaseChartModel, type MarkAction, type MarkBox, type TipLine } from '../frame/model';
import { FRAME_VARIANTS } from '../frame/variants';
import {
	matrixGeometry,
	matrixModel,
	type ColOrder,
	type MatrixGeometry,
	type MatrixModel,
	type ModelCell,
	type RowOrder
} from './geometry';

export interface IndustryMatrixInput {
	dataset: Dataset;
	locale: Locale;
	/** Cities in view; default every city with a future-industry list. */
	cities?: string[];
	/** Row order: by city cluster, by number of tracks, or similar cities together. */
	rowOrder?: RowOrder;
	/** Column order: by number of cities, or tracks named by the same cities together. */
	colOrder?: ColOrder;
	/** Title override. */
	title?: string;
}

/** A cell's key: its row (city) and column (track). */
export const cellKey = (row: string, col: string) => `${row}|${col}`;

export class IndustryMatrixModel extends BaseChartModel<MatrixGeometry> {
	readonly chart = 'industry-matrix';
	readonly #in: IndustryMatrixInput;
	readonly #data: MatrixModel;
	readonly #cells: Map<string, ModelCell>;
	readonly #rowLabel: Map<string, string>;
	readonly #colLabel: Map<string, string>;
	readonly #tr;
	readonly #fmt: (v: number) => string;

	constructor(input: IndustryMatrixInput) {
		super();
		this.#in = input;
		const { dataset, locale, cities, rowOrder = 'cluster', colOrder = 'count', title } = input;
		const tr = translator(locale);
		const fmt = (v: number) => formatNumber(locale, v);
		const data = matrixModel(dataset, { locale, cities, rowOrder, colOrder });
		this.#tr = tr;
		this.#fmt = fmt;
		this.#data = data;
		this.#cells = new Map(data.cells.map((c) => [cellKey(c.row, c.col), c]));
		const rowLabel = (this.#rowLabel = new Map(data.rows.map((r) => [r.key, r.label])));
		const colLabel = (this.#colLabel = new Map(data.cols.map((c) => [c.key, c.label])));
		const matchName = (m: MatchStrength) => tr(`matrix.match.${m}`);

		// the subtitle says so when a variant labels only every nth row or column
		const thinned = FRAME_VARIANTS.some((v) => {
			const g = this.geometry(frameLayout({ title: '', source: '' }, v.width, 0).plot.width);
			return g.rowEvery > 1 || g.colEvery > 1;
		});
		/** Between two sentences: a space in English, nothing after a Chinese full stop. */
		const sep = locale === 'zh' ? '' : ' ';
		this.text = {
			title: title ?? this.#findTitle(),
			subtitle:
				tr('matrix.subtitle', { tracks: fmt(data.cols.length) }) +
				(thinned ? sep + tr('matrix.subtitleThinned') : '')
		};
		this.desc = tr('matrix.desc', {
			cities: fmt(data.rows.length),
			tracks: fmt(data.cols.length),
			list: formatList(
				locale,
				data.rows.map((r) => tr('matrix.descCity', { city: r.label, count: fmt(r.total) }))
			)
		});
		this.table = {
			columns: [
				tr('chart.table.city'),
				tr('matrix.table.track'),
				tr('matrix.table.match'),
				tr('matrix.table.words')
			],
			numeric: [false, false, false, false],
			rows: data.cells.map((c) => [
				rowLabel.get(c.row) ?? c.row,
				colLabel.get(c.col) ?? c.col,
				matchName(c.match),
				c.items.map((it) => it.name[locale]).join('; ')
			])
		};
		// one keyboard stop per cell; a label is only worded when the frame reads it (up to 18,000 cells)
		this.marks = data.cells.map((c) => ({
			key: cellKey(c.row, c.col),
			get label() {
				return tr('matrix.mark', {
					city: rowLabel.get(c.row) ?? c.row,
					track: colLabel.get(c.col) ?? c.col,
					match: matchName(c.match)
				});
			}
		}));
	}

	#findTitle(): string {
		const tr = this.#tr;
		const fmt = this.#fmt;
		const { rows, cols, cells } = this.#data;
		const n = rows.length;
		if (n === 0 || cells.length === 0) return tr('matrix.title.empty');
		if (n === 1) return tr('matrix.title.single', { city: rows[0].label, count: fmt(rows[0].total) });
		const all = cols.filter((c) => c.total === n);
		if (all.length === 1) return tr('matrix.title.all', { n: fmt(n), track: all[0].label });
		if (all.length > 1) return tr('matrix.title.allMany', { n: fmt(n), count: fmt(all.length) });
		const top = cols.reduce((a, b) => (b.total > a.total ? b : a), cols[0]);
		return tr('matrix.title.top', { track: top.label, count: fmt(top.total), n: fmt(n) });
	}

	protected layout(width: number): MatrixGeometry {
		const tr = this.#tr;
		return matrixGeometry(this.#data, {
			width,
			legendTitle: tr('matrix.legendTitle'),
			matchLabels: {
				exact: tr('matrix.legend.exact'),
				partial: tr('matrix.legend.partial'),
				broad: tr('matrix.legend.broad')
			},
			totalLabel: tr('matrix.total'),
			formatValue: this.#fmt
		});
	}

	box(key: string, g: MatrixGeometry): MarkBox | null {
		const c = this.#cells.get(key);
		const i = c && g.rowIndex.get(c.row);
		const j = c && g.colIndex.get(c.col);
		if (i === undefined || j === undefined) return null;
		return { x: g.gridX + j * g.colStep, y: g.gridY + i * g.rowStep, width: g.colStep, height: g.rowStep };
	}

	/** The city's row, outlined while the city is highlighted on the page. */
	rowBox(city: string, g: MatrixGeometry): MarkBox | null {
		const i = g.rowIndex.get(city);
		return i === undefined
			? null
			: { x: g.gridX, y: g.gridY + i * g.rowStep, width: g.gridWidth, height: g.rowStep };
	}

	/** City and track, how closely they match, then the city's own words (with the Chinese original). */
	tooltip(key: string): TipLine[] {
		const c = this.#cells.get(key);
		if (!c) return [];
		const tr = this.#tr;
		const locale = this.#in.locale;
		const matchName = (m: MatchStrength) => tr(`matrix.match.${m}`);
		return [
			{
				text: tr('matrix.tip.head', {
					city: this.#rowLabel.get(c.row) ?? c.row,
					track: this.#colLabel.get(c.col) ?? c.col
				})
			},
			{ text: tr('matrix.tip.match', { match: matchName(c.match) }) },
			...(c.items.length ? [{ text: tr('matrix.tip.words') }] : []),
			...c.items.map((it) => ({
				text: tr('matrix.tip.item', { name: it.name[locale], match: matchName(it.match) }),
				zh: locale === 'en' ? it.name.zh : undefined
			}))
		];
	}

	/** Choosing a cell highlights its city (its row) across the page; choosing it again clears it. */
	action(key: string): MarkAction {
		const city = this.#cells.get(key)?.row;
		return city ? { city } : {};
	}
}
