/**
 * Compare, as a model: events per field for 2–4 cities as aligned small multiples on one shared scale,
 * the fields only one of them has outlined. Owns the title (who has the most), the description, the table,
 * the marks and the geometry for any width.
 */
import type { Comparison } from '$lib/aggregate/compare';
import { eventsFor } from '$lib/aggregate/events';
import type { Filter } from '$lib/aggregate/filter';
import { viewPeriod } from '$lib/state/period';
import type { Dataset, Locale } from '$lib/data/types';
import { formatList, formatNumber, translator } from '$lib/i18n';
import { categoryColour } from '../core/palette';
import { BaseChartModel, type MarkAction, type MarkBox, type TipLine } from '../frame/model';
import { compareGeometry, type CompareGeometry, type CompareInput } from './geometry';

export interface CompareChartInput {
	dataset: Dataset;
	comparison: Comparison;
	locale: Locale;
	filter?: Filter;
}

export class CompareModel extends BaseChartModel<CompareGeometry> {
	readonly chart = 'compare';
	/** Each field's colour, by id. */
	readonly colours: Map<string, string>;
	readonly #in: CompareChartInput;
	readonly #geometryInput: CompareInput;
	readonly #tr;

	constructor(input: CompareChartInput) {
		super();
		this.#in = input;
		const { dataset, comparison, locale } = input;
		const tr = (this.#tr = translator(locale));
		const fmt = (v: number) => formatNumber(locale, v);
		const cityById = new Map(dataset.cities.map((c) => [c.id, c]));
		const cityName = (id: string) => cityById.get(id)?.name[locale] ?? id;
		const categoryById = new Map(dataset.categories.map((c) => [c.id, c]));
		const categories = comparison.categoryIds.map((id) => ({
			id,
			label: categoryById.get(id)?.name[locale] ?? id,
			order: categoryById.get(id)?.order ?? 0
		}));
		this.colours = new Map(categories.map((c) => [c.id, categoryColour(c.order)]));
		this.#geometryInput = {
			categories: categories.map((c) => ({ id: c.id, label: c.label })),
			columns: comparison.columns.map((c) => ({
				cityId: c.cityId,
				label: cityName(c.cityId),
				total: c.total,
				byCategory: c.byCategory,
				unique: c.uniqueCategories
			})),
			max: comparison.axisMax
		};

		const leaders = comparison.columns.filter((c) => c.total === comparison.totalMax && c.total > 0);
		const n = comparison.columns.length;
		this.text = {
			title:
				leaders.length === 1
					? tr('compare.chart.title', { city: cityName(leaders[0].cityId), n, count: fmt(leaders[0].total) })
					: tr('compare.chart.titleTie', {
							cities: formatList(
								locale,
								leaders.map((l) => cityName(l.cityId))
							),
							n,
							count: fmt(comparison.totalMax)
						}),
			subtitle: tr('compare.chart.subtitle', { period: viewPeriod(locale, dataset, input.filter) })
		};
		this.desc = tr('compare.chart.desc', {
			cities: formatList(
				locale,
				comparison.columns.map((c) => cityName(c.cityId))
			),
			details: comparison.columns
				.map(
					(c) =>
						`${cityName(c.cityId)}: ${categories
							.map((cat, k) => (c.byCategory[k] ? `${cat.label} ${c.byCategory[k]}` : ''))
							.filter(Boolean)
							.join(', ')}`
				)
				.join('; ')
		});
		this.table = {
			columns: [tr('compare.table.field'), ...comparison.columns.map((c) => cityName(c.cityId))],
			numeric: [false, ...comparison.columns.map(() => true)],
			rows: [
				...categories.map((cat, k) => [cat.label, ...comparison.columns.map((c) => c.byCategory[k])]),
				[tr('chart.table.events'), ...comparison.columns.map((c) => c.total)]
			]
		};
		this.marks = comparison.columns.flatMap((c) =>
			categories
				.map((cat, k) => ({ cat, v: c.byCategory[k] }))
				.filter((x) => x.v > 0)
				.map((x) => ({
					key: `${c.cityId}:${x.cat.id}`,
					label: `${cityName(c.cityId)} · ${x.cat.label}: ${fmt(x.v)}`
				}))
		);
	}

	protected layout(width: number): CompareGeometry {
		return compareGeometry(this.#geometryInput, width);
	}

	#cell(key: string, g: CompareGeometry) {
		return g.cells.find((c) => c.key === key && c.value > 0);
	}

	box(key: string, g: CompareGeometry): MarkBox | null {
		const cell = this.#cell(key, g);
		return cell ? { x: cell.x - 1, y: cell.y - 1, width: cell.width + 2, height: cell.height + 2 } : null;
	}

	tooltip(key: string): TipLine[] {
		const label = this.marks.find((m) => m.key === key)?.label;
		if (!label) return [];
		const unique = this.#geometryInput.columns.some(
			(c) => key.startsWith(`${c.cityId}:`) && c.unique.includes(key.slice(c.cityId.length + 1))
		);
		return [{ text: label }, ...(unique ? [{ text: this.#tr('compare.chart.only') }] : [])];
	}

	cityOf(key: string): string | null {
		return this.#geometryInput.columns.find((c) => key.startsWith(`${c.cityId}:`))?.cityId ?? null;
	}

	/** A cell lists the events of that city in that field. */
	action(key: string): MarkAction {
		const column = this.#geometryInput.columns.find((c) => key.startsWith(`${c.cityId}:`));
		if (!column) return {};
		const cityId = column.cityId;
		const categoryId = key.slice(cityId.length + 1);
		const events = eventsFor(this.#in.dataset, this.#in.filter ?? {}, { cityId, categoryId });
		return {
			open: {
				chart: this.chart,
				label: this.marks.find((m) => m.key === key)?.label ?? key,
				eventIds: events.map((e) => e.id)
			}
		};
	}
}
