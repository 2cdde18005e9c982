/**
 * The dot map, as a model: each city placed by latitude and longitude, circle area proportional to its
 * events, colour by city cluster. Owns the title (the leading cluster's share), the notes (positions only,
 * cities without coordinates), the description, the table, the marks and the geometry for any width.
 */
import type { CityCountRow } from '$lib/aggregate/counts';
import { eventsFor } from '$lib/aggregate/events';
import type { Filter } from '$lib/aggregate/filter';
import { viewPeriod } from '$lib/state/period';
import type { Dataset, Locale } from '$lib/data/types';
import {
	CHART_EVENT_COUNT,
	countPhrase,
	formatList,
	formatNumber,
	formatPercent,
	translator
} from '$lib/i18n';
import { clusterColour } from '../core/palette';
import { BaseChartModel, type MarkAction, type MarkBox, type TipLine } from '../frame/model';
import {
	dotMapGeometry,
	type DotMapGeometry,
	type DotMapText,
	type MapCity,
	type MapCluster
} from './geometry';

export interface DotMapInput {
	/** The dataset the rows were counted from (names, clusters, coordinates, events). */
	dataset: Dataset;
	/** Events per city, as `eventsPerCity(dataset, filter)` returns them; zero rows are drawn hollow. */
	rows: CityCountRow[];
	locale: Locale;
	/** The filter the rows were counted with; used to list the events behind a dot. */
	filter?: Filter;
	/** Title override; by default the title states the leading cluster's share. */
	title?: string;
}

export class DotMapModel extends BaseChartModel<DotMapGeometry> {
	readonly chart = 'dot-map';
	readonly #in: DotMapInput;
	readonly #cities: MapCity[];
	readonly #clusters: MapCluster[];
	readonly #mapText: DotMapText;
	readonly #tips: Map<string, TipLine[]>;

	constructor(input: DotMapInput) {
		super();
		this.#in = input;
		const { dataset, rows, locale, title } = input;
		const tr = translator(locale);
		const cityById = new Map(dataset.cities.map((c) => [c.id, c]));
		const clusterById = new Map(dataset.clusters.map((c) => [c.id, c]));
		const name = (id: string) => cityById.get(id)?.name[locale] ?? id;
		const fmt = (v: number) => formatNumber(locale, v);
		const countText = (n: number) => countPhrase(locale, n, CHART_EVENT_COUNT);
		const colourOf = (clusterId: string) => clusterColour(clusterId, clusterById.get(clusterId)?.order ?? 0);
		const clusterName = (id: string) => clusterById.get(id)?.name[locale] ?? id;

		const cities: MapCity[] = rows.map((r) => {
			const city = cityById.get(r.cityId);
			return {
				key: r.cityId,
				label: name(r.cityId),
				clusterId: city?.cluster ?? '',
				colour: colourOf(city?.cluster ?? ''),
				lat: city?.lat ?? null,
				lon: city?.lon ?? null,
				value: r.count
			};
		});
		const missing = cities.filter((c) => c.lat === null || c.lon === null);
		const located = cities.filter((c) => c.lat !== null && c.lon !== null);
		const clustersInView = [...new Set(cities.map((c) => c.clusterId))]
			.map((id) => clusterById.get(id))
			.filter((c) => c !== undefined)
			.sort((a, b) => a.order - b.order);
		this.#cities = cities;
		this.#clusters = clustersInView.map((c) => ({
			key: c.id,
			label: c.name[locale],
			colour: colourOf(c.id)
		}));

		// the cluster with the most events (ties: the dashboard's cluster order) and its share of all
		const total = rows.reduce((s, r) => s + r.count, 0);
		let best: { id: string; count: number } | null = null;
		for (const c of clustersInView) {
			const count = rows
				.filter((r) => cityById.get(r.cityId)?.cluster === c.id)
				.reduce((s, r) => s + r.count, 0);
			if (!best || count > best.count) best = { id: c.id, count };
		}

		const notes = [
			tr('map.note'),
			...(missing.length === 1
				? [tr('map.missingOne', { list: missing[0].label })]
				: missing.length > 1
					? [
							tr('map.missing', {
								count: fmt(missing.length),
								list: formatList(
									locale,
									missing.map((c) => c.label)
								)
							})
						]
					: []),
			...(located.length === 0 && rows.length > 0 ? [tr('map.noCoordinates')] : [])
		];

		this.text = {
			title:
				title ??
				(best && total > 0
					? best.count === total
						? tr('map.titleAll', { cluster: clusterName(best.id), total: fmt(total) })
						: tr('map.title', {
								cluster: clusterName(best.id),
								count: fmt(best.count),
								total: fmt(total),
								share: formatPercent(locale, best.count / total)
							})
					: tr('chart.noData')),
			subtitle: tr('map.subtitle', { period: viewPeriod(locale, dataset, input.filter) }),
			legend: clustersInView
				.filter((c) => located.some((x) => x.clusterId === c.id))
				.map((c) => ({ key: c.id, label: c.name[locale], colour: colourOf(c.id), shape: 'circle' as const }))
		};

		this.desc = [
			tr('map.desc', {
				count: fmt(located.length),
				list: formatList(
					locale,
					located.map((c) => `${c.label} ${countText(c.value)}`)
				)
			}),
			...notes
		].join(' ');

		this.table = {
			columns: [
				tr('chart.table.city'),
				tr('chart.table.cluster'),
				tr('map.table.province'),
				tr('map.table.lat'),
				tr('map.table.lon'),
				tr('chart.table.events')
			],
			numeric: [false, false, false, true, true, true],
			rows: rows.map((r) => {
				const city = cityById.get(r.cityId);
				return [
					name(r.cityId),
					clusterById.get(city?.cluster ?? '')?.name[locale] ?? '',
					city?.province[locale] ?? '',
					city?.lat ?? null,
					city?.lon ?? null,
					r.count
				];
			})
		};

		// keyboard order: north to south, then west to east, so arrow keys sweep the map like reading
		this.marks = [...located]
			.sort((a, b) => (b.lat ?? 0) - (a.lat ?? 0) || (a.lon ?? 0) - (b.lon ?? 0))
			.map((c) => ({ key: c.key, label: `${c.label}: ${countText(c.value)}` }));

		this.#tips = new Map(
			cities.map((c) => [
				c.key,
				[
					{ text: `${c.label} · ${countText(c.value)}` },
					{
						text: [clusterName(c.clusterId), cityById.get(c.key)?.province[locale] ?? '']
							.filter(Boolean)
							.join(' · ')
					}
				]
			])
		);

		this.#mapText = {
			sizeTitle: tr('map.sizeTitle'),
			zero: tr('map.zero'),
			notes,
			unlabelled: tr('map.unlabelled'),
			dodged: tr('map.dodged'),
			lon: (deg: number) => (deg >= 0 ? tr('map.lonEast', { deg }) : tr('map.lonWest', { deg: -deg })),
			lat: (deg: number) => (deg >= 0 ? tr('map.latNorth', { deg }) : tr('map.latSouth', { deg: -deg })),
			formatValue: fmt
		};
	}

	protected layout(width: number): DotMapGeometry {
		return dotMapGeometry(this.#cities, this.#clusters, { width, text: this.#mapText });
	}

	box(key: string, g: DotMapGeometry): MarkBox | null {
		const dot = g.dots.find((d) => d.key === key);
		if (!dot) return null;
		const r = Math.max(dot.r, 4);
		return { x: dot.x - r, y: dot.y - r, width: r * 2, height: r * 2 };
	}

	tooltip(key: string): TipLine[] {
		return this.#tips.get(key) ?? [];
	}

	cityOf(key: string): string {
		return key;
	}

	/** A dot highlights its city everywhere and lists its events; choosing it again clears both. */
	action(key: string, selectedCity: string | null): MarkAction {
		if (selectedCity === key) return { city: key, open: null };
		const { dataset, filter = {} } = this.#in;
		return {
			city: key,
			open: {
				chart: this.chart,
				label: this.marks.find((m) => m.key === key)?.label ?? key,
				eventIds: eventsFor(dataset, filter, { cityId: key }).map((e) => e.id)
			}
		};
	}
}
