/**
 * Events per city, as a model: ranked bars coloured by city cluster, or stacked by field. Owns the title
 * (who leads, by how much), the description, the table, the marks and the geometry for any width.
 */
import type { CityCountRow } from '$lib/aggregate/counts';
import { eventsFor } from '$lib/aggregate/events';
import type { Filter } from '$lib/aggregate/filter';
import { viewPeriod } from '$lib/state/period';
import type { Dataset, Locale } from '$lib/data/types';
import { CHART_EVENT_COUNT, countPhrase, formatList, formatNumber, translator } from '$lib/i18n';
import { categoryColour, clusterColour } from '../core/palette';
import { BaseChartModel, type MarkAction, type MarkBox, type TipLine } from '../frame/model';
import { barGeometry, type BarGeometry, type BarRow } from './geometry';

export interface EventsPerCityInput {
	dataset: Dataset;
	rows: CityCountRow[];
	locale: Locale;
	/** Stack each bar by field instead of colouring it by cluster. */
	stacked?: boolean;
	/** Shared axis maximum (compare view). */
	max?: number;
	/** Show cities with no event. */
	showZero?: boolean;
	/** Title override (compare columns). */
	title?: string;
	/** The filter the counts were taken under: choosing a bar lists exactly the events it counts. */
	filter?: Filter;
}

export class EventsPerCityModel extends BaseChartModel<BarGeometry> {
	readonly chart = 'events-per-city';
	readonly #in: EventsPerCityInput;
	readonly #shown: CityCountRow[];
	readonly #rows: BarRow[];
	readonly #name: (id: string) => string;
	readonly #fmt: (v: number) => string;
	readonly #categories;

	constructor(input: EventsPerCityInput) {
		super();
		this.#in = input;
		const { dataset, rows, locale, stacked = false, showZero = false, title } = input;
		const tr = translator(locale);
		const cityById = new Map(dataset.cities.map((c) => [c.id, c]));
		const clusterById = new Map(dataset.clusters.map((c) => [c.id, c]));
		const categories = [...dataset.categories].sort((a, b) => a.order - b.order);
		const shown = rows.filter((r) => showZero || r.count > 0);
		const name = (id: string) => cityById.get(id)?.name[locale] ?? id;
		const fmt = (v: number) => formatNumber(locale, v);
		this.#shown = shown;
		this.#name = name;
		this.#fmt = fmt;
		this.#categories = categories;

		this.#rows = shown.map((r) => {
			const city = cityById.get(r.cityId);
			const cluster = city ? clusterById.get(city.cluster) : undefined;
			return {
				key: r.cityId,
				label: name(r.cityId),
				value: r.count,
				colour: clusterColour(city?.cluster ?? '', cluster?.order ?? 0),
				segments: stacked
					? categories
							.map((c, k) => ({
								key: c.id,
								value: r.byCategory[k] ?? 0,
								colour: categoryColour(c.order),
								label: c.name[locale]
							}))
							.filter((s) => s.value > 0)
					: undefined
			};
		});

		const usedClusters = [...new Set(shown.map((r) => cityById.get(r.cityId)?.cluster ?? ''))]
			.map((id) => clusterById.get(id))
			.filter((c) => c !== undefined)
			.sort((a, b) => a.order - b.order);

		this.text = {
			title:
				title ??
				(shown.length >= 2
					? tr('bars.title', {
							first: name(shown[0].cityId),
							count: fmt(shown[0].count),
							second: name(shown[1].cityId),
							count2: fmt(shown[1].count)
						})
					: shown.length === 1
						? tr('bars.titleSingle', { first: name(shown[0].cityId), count: fmt(shown[0].count) })
						: tr('chart.noData')),
			subtitle: tr(stacked ? 'bars.subtitleStacked' : 'bars.subtitle', {
				period: viewPeriod(locale, dataset, input.filter)
			}),
			legend: stacked
				? categories.map((c) => ({ key: c.id, label: c.name[locale], colour: categoryColour(c.order) }))
				: usedClusters.map((c) => ({
						key: c.id,
						label: c.name[locale],
						colour: clusterColour(c.id, c.order)
					}))
		};
		this.desc = tr('bars.desc', {
			list: formatList(
				locale,
				shown.map((r) => `${name(r.cityId)} ${countPhrase(locale, r.count, CHART_EVENT_COUNT)}`)
			)
		});
		this.table = {
			columns: [
				tr('chart.table.city'),
				tr('chart.table.cluster'),
				tr('chart.table.rank'),
				tr('chart.table.events'),
				...(stacked ? categories.map((c) => c.name[locale]) : [])
			],
			numeric: [false, false, true, true, ...categories.map(() => stacked)],
			rows: shown.map((r) => [
				name(r.cityId),
				clusterById.get(cityById.get(r.cityId)?.cluster ?? '')?.name[locale] ?? '',
				r.rank,
				r.count,
				...(stacked ? r.byCategory : [])
			])
		};
		this.marks = shown.map((r) => ({ key: r.cityId, label: `${name(r.cityId)}: ${r.count}` }));
	}

	protected layout(width: number): BarGeometry {
		return barGeometry(this.#rows, { width, max: this.#in.max, formatValue: this.#fmt });
	}

	box(key: string, g: BarGeometry): MarkBox | null {
		const bar = g.placed.find((b) => b.key === key);
		return bar ? { x: g.plotLeft, y: bar.y, width: bar.width, height: bar.height } : null;
	}

	tooltip(key: string): TipLine[] {
		const r = this.#shown.find((x) => x.cityId === key);
		if (!r) return [];
		const locale = this.#in.locale;
		return [
			{ text: `${this.#name(key)} · ${countPhrase(locale, r.count, CHART_EVENT_COUNT)}` },
			...this.#categories
				.map((c, k) => ({ c, v: r.byCategory[k] ?? 0 }))
				.filter((x) => x.v > 0)
				.map((x) => ({ text: `${x.c.name[locale]}: ${this.#fmt(x.v)}` }))
		];
	}

	cityOf(key: string): string {
		return key;
	}

	/** A bar highlights its city everywhere and lists its events; choosing it again clears both. */
	action(key: string, selectedCity: string | null): MarkAction {
		if (selectedCity === key) return { city: key, open: null };
		const { dataset, filter = {} } = this.#in;
		const ids = eventsFor(dataset, filter, { cityId: key })
			.filter((e) => e.cityId === key)
			.map((e) => e.id);
		return { city: key, open: { chart: this.chart, label: this.#name(key), eventIds: ids } };
	}
}
