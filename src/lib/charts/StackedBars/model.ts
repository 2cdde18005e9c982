/**
 * The category mix, as a model: one bar per city stacked by field, as counts or 100% shares, with the
 * all-city average as a reference row. Owns the title (the biggest field and the city leaning furthest),
 * the description, the table, the marks and the geometry for any width.
 */
import { eventsFor } from '$lib/aggregate/events';
import type { Filter } from '$lib/aggregate/filter';
import { viewPeriod } from '$lib/state/period';
import type { CategoryMix } from '$lib/aggregate/mix';
import type { Dataset, Locale } from '$lib/data/types';
import {
	CHART_EVENT_COUNT,
	countPhrase,
	formatList,
	formatNumber,
	formatPercent,
	translator
} from '$lib/i18n';
import { categoryColour } from '../core/palette';
import { BaseChartModel, type MarkAction, type MarkBox, type TipLine } from '../frame/model';
import {
	mixFinding,
	mixGeometry,
	type MixBarRow,
	type MixCategory,
	type MixGeometry,
	type MixMode
} from './geometry';

export interface CategoryMixInput {
	dataset: Dataset;
	/** The mix from `categoryMix(dataset, filter)`. */
	mix: CategoryMix;
	/** The filter the mix was computed with; lists the events behind a bar. */
	filter?: Filter;
	locale: Locale;
	/** Counts or 100% shares. */
	mode?: MixMode;
	/** Shared axis maximum in count mode (compare view). */
	max?: number;
	/** Show cities with no event (as empty rows). */
	showZero?: boolean;
	/** Title override (compare columns, share cards). */
	title?: string;
}

/** The reference row's key: not a city, not a mark. */
export const AVERAGE_KEY = '__average';

export class CategoryMixModel extends BaseChartModel<MixGeometry> {
	readonly chart = 'category-mix';
	readonly #in: CategoryMixInput;
	readonly #tr;
	readonly #categories: MixCategory[];
	readonly #shown: CategoryMix['rows'];
	readonly #rows: MixBarRow[];
	readonly #average: MixBarRow | null;
	readonly #name: (id: string) => string;

	constructor(input: CategoryMixInput) {
		super();
		this.#in = input;
		const { dataset, mix, locale, mode = 'count', showZero = false, title } = input;
		const tr = (this.#tr = translator(locale));
		const cityById = new Map(dataset.cities.map((c) => [c.id, c]));
		const categoryById = new Map(dataset.categories.map((c) => [c.id, c]));
		const name = (this.#name = (id: string) => cityById.get(id)?.name[locale] ?? id);
		const fmt = (v: number) => formatNumber(locale, v);
		const pct = (s: number) => formatPercent(locale, s);

		const categories = (this.#categories = mix.categoryIds.map((id, k) => {
			const c = categoryById.get(id);
			return { key: id, label: c?.name[locale] ?? id, colour: categoryColour(c?.order ?? k) };
		}));
		// cities by total, most first; ties keep the dataset's order; the same order in both modes
		const shown = (this.#shown = mix.rows
			.map((r, i) => ({ r, i }))
			.filter(({ r }) => showZero || r.total > 0)
			.sort((a, b) => b.r.total - a.r.total || a.i - b.i)
			.map(({ r }) => r));
		this.#rows = shown.map((r) => ({ key: r.cityId, label: name(r.cityId), values: r.counts }));
		this.#average = shown.some((r) => r.total > 0)
			? { key: AVERAGE_KEY, label: tr('mix.average'), values: mix.average.counts }
			: null;
		const finding = mixFinding(mix);

		this.text = {
			title:
				title ??
				(finding
					? finding.lean
						? tr(finding.lean.category === finding.top ? 'mix.titleSame' : 'mix.title', {
								field: categories[finding.top].label,
								share: pct(finding.topShare),
								city: name(finding.lean.cityId),
								cityField: categories[finding.lean.category].label,
								cityShare: pct(finding.lean.share)
							})
						: tr('mix.titleNoLean', { field: categories[finding.top].label, share: pct(finding.topShare) })
					: tr('chart.noData')),
			subtitle: tr(mode === 'share' ? 'mix.subtitleShare' : 'mix.subtitleCount', {
				period: viewPeriod(locale, dataset, input.filter)
			}),
			legend: categories.map((c) => ({ key: c.key, label: c.label, colour: c.colour }))
		};
		this.desc = finding
			? [
					tr('mix.desc', {
						cities: fmt(shown.filter((r) => r.total > 0).length),
						field: categories[finding.top].label,
						share: pct(finding.topShare)
					}),
					finding.lean
						? tr('mix.descLean', {
								min: fmt(finding.minEvents),
								city: name(finding.lean.cityId),
								cityShare: pct(finding.lean.share),
								cityField: categories[finding.lean.category].label,
								avgShare: pct(finding.lean.averageShare)
							})
						: ''
				]
					.filter(Boolean)
					.join(' ')
			: tr('chart.noData');

		const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
		const shares = mode === 'share';
		this.table = {
			columns: [
				tr('chart.table.city'),
				tr('mix.table.total'),
				...categories.map((c) => (shares ? tr('mix.table.percent', { field: c.label }) : c.label))
			],
			numeric: [false, true, ...categories.map(() => true)],
			rows: [
				...shown.map((r) => [
					name(r.cityId),
					r.total,
					...(shares ? r.shares.map((s) => round(s * 100, 1)) : r.counts)
				]),
				...(this.#average
					? [
							[
								tr('mix.average'),
								round(
									mix.average.counts.reduce((a, v) => a + v, 0),
									2
								),
								...(shares
									? mix.average.shares.map((s) => round(s * 100, 1))
									: mix.average.counts.map((v) => round(v, 2)))
							]
						]
					: [])
			]
		};
		this.marks = shown.map((r) => ({
			key: r.cityId,
			label: tr('mix.markLabel', {
				city: name(r.cityId),
				count: this.#count(r.total),
				list: formatList(
					locale,
					this.#segments(r).map((x) =>
						tr('mix.segment', { field: x.c.label, value: shares ? pct(x.s) : fmt(x.v) })
					)
				)
			})
		}));
	}

	#count(n: number): string {
		return countPhrase(this.#in.locale, n, CHART_EVENT_COUNT);
	}

	#segments(r: CategoryMix['rows'][number]) {
		return this.#categories
			.map((c, k) => ({ c, v: r.counts[k] ?? 0, s: r.shares[k] ?? 0 }))
			.filter((x) => x.v > 0);
	}

	protected layout(width: number): MixGeometry {
		const { locale, mode = 'count', max } = this.#in;
		return mixGeometry(this.#rows, this.#categories, this.#average, {
			width,
			mode,
			max,
			formatValue: (v) => formatNumber(locale, v),
			formatShare: (s) => formatPercent(locale, s),
			formatAverage: (v) => formatNumber(locale, v, 1)
		});
	}

	box(key: string, g: MixGeometry): MarkBox | null {
		const bar = g.placed.find((b) => b.key === key && !b.isAverage);
		return bar ? { x: g.plotLeft, y: bar.y, width: bar.width, height: bar.height } : null;
	}

	tooltip(key: string): TipLine[] {
		const r = this.#shown.find((x) => x.cityId === key);
		if (!r) return [];
		const { locale } = this.#in;
		return [
			{ text: `${this.#name(key)} · ${this.#count(r.total)}` },
			...this.#segments(r).map((x) => ({
				text: this.#tr('mix.segment', {
					field: x.c.label,
					value: `${formatNumber(locale, x.v)} (${formatPercent(locale, x.s)})`
				})
			}))
		];
	}

	cityOf(key: string): string | null {
		return key === AVERAGE_KEY ? null : key;
	}

	action(key: string): MarkAction {
		const r = this.#shown.find((x) => x.cityId === key);
		if (!r) return {};
		const { dataset, filter = {} } = this.#in;
		return {
			city: key,
			open: {
				chart: this.chart,
				label: this.#tr('mix.openLabel', { city: this.#name(key), count: this.#count(r.total) }),
				eventIds: eventsFor(dataset, filter, { cityId: key }).map((e) => e.id)
			}
		};
	}
}
