/**
 * The UpSet plot of the cities' future-industry tracks, as a model: tracks per city on the left and, for
 * every group of cities, the tracks exactly that group shares (and no other city in view), largest groups
 * first. Owns the title (the tracks shared by the most cities), the description, the table, the marks (one
 * per group) and the geometry for any width. A group is chosen through `onchoose`; the page lists its tracks.
 */
import { upset, type UpsetIntersection } from '$lib/aggregate/overlap';
import type { Dataset, Locale } from '$lib/data/types';
import { formatList, formatNumber, translator } from '$lib/i18n';
import { BaseChartModel, type MarkAction, type MarkBox, type TipLine } from '../frame/model';
import { upsetFinding, upsetGeometry, type UpsetGeometry, type UpsetInput } from './geometry';

export interface UpSetModelInput {
	dataset: Dataset;
	locale: Locale;
	/** Cities to compare (their order is the row order); default every city with a future-industry list. */
	cities?: string[];
	/** Title override. */
	title?: string;
	/** Called with the group a reader chose (click, Enter or Space). */
	onchoose?: (intersection: UpsetIntersection) => void;
}

/** A group's key: its city ids joined by '+'. */
export const intersectionKey = (x: { cityIds: string[] }) => x.cityIds.join('+');

export class UpSetModel extends BaseChartModel<UpsetGeometry> {
	readonly chart = 'upset';
	readonly #in: UpSetModelInput;
	readonly #data: UpsetInput;
	readonly #byKey: Map<string, UpsetIntersection>;
	readonly #tips: Map<string, TipLine[]>;
	readonly #options: Omit<Parameters<typeof upsetGeometry>[1], 'width'>;

	constructor(input: UpSetModelInput) {
		super();
		this.#in = input;
		const { dataset, locale, cities, title } = input;
		const tr = translator(locale);
		const fmt = (v: number) => formatNumber(locale, v);
		const data = upset(dataset, cities);
		const cityName = new Map(dataset.cities.map((c) => [c.id, c.name[locale]]));
		const trackName = new Map(dataset.tracks.map((t) => [t.id, t.name[locale]]));
		const name = (id: string) => cityName.get(id) ?? id;
		const track = (id: string) => trackName.get(id) ?? id;
		/** A track name inside an English sentence: "Cell and gene technologies" → "cell and gene technologies". */
		const inSentence = (s: string) =>
			locale === 'en' && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
		const groupLabel = (x: UpsetIntersection) =>
			x.degree === 1
				? tr('upset.only', { city: name(x.cityIds[0]) })
				: formatList(locale, x.cityIds.map(name));
		const countLabel = (n: number) =>
			n === 1 ? tr('upset.trackCountOne') : tr('upset.trackCount', { count: fmt(n) });
		const markLabel = (x: UpsetIntersection) =>
			tr('upset.mark', { cities: groupLabel(x), count: countLabel(x.size) });

		this.#byKey = new Map(data.intersections.map((x) => [intersectionKey(x), x]));
		this.#data = {
			sets: data.sets.map((s) => ({ key: s.cityId, label: name(s.cityId), size: s.size })),
			intersections: data.intersections.map((x) => ({
				key: intersectionKey(x),
				cityIds: x.cityIds,
				size: x.size,
				degree: x.degree
			}))
		};
		this.#options = {
			formatValue: fmt,
			groupsCaption: tr('upset.axisGroups'),
			setsCaption: tr('upset.axisSets'),
			// only where some groups do not fit (phones): the other widths show every group
			cappedNote: (shown, total) => tr('upset.subtitleCapped', { shown: fmt(shown), total: fmt(total) })
		};

		const f = upsetFinding(data);
		const list = (ids: string[]) =>
			formatList(
				locale,
				ids.map((id) => inSentence(track(id)))
			);
		const finding = (() => {
			switch (f.kind) {
				case 'empty':
					return tr('upset.title.empty');
				case 'single':
					return tr('upset.title.single', { city: name(data.sets[0].cityId), count: fmt(data.sets[0].size) });
				case 'none':
					return tr('upset.title.none', { n: fmt(f.n) });
				default: {
					const k = fmt(f.k);
					const count = fmt(f.trackIds.length);
					if (f.trackIds.length === 1)
						return tr(f.all ? 'upset.title.oneAll' : 'upset.title.one', {
							k,
							track: inSentence(track(f.trackIds[0]))
						});
					if (f.trackIds.length <= 3)
						return tr(f.all ? 'upset.title.manyAll' : 'upset.title.many', {
							k,
							count,
							list: list(f.trackIds)
						});
					return tr(f.all ? 'upset.title.manyAllShort' : 'upset.title.manyShort', { k, count });
				}
			}
		})();

		this.text = { title: title ?? finding, subtitle: tr('upset.subtitle') };
		this.desc = tr('upset.desc', {
			n: fmt(data.sets.length),
			list: formatList(locale, data.intersections.map(markLabel))
		});
		this.table = {
			columns: [
				tr('upset.table.group'),
				tr('upset.table.degree'),
				tr('upset.table.size'),
				tr('upset.table.tracks')
			],
			numeric: [false, true, true, false],
			rows: data.intersections.map((x) => [
				groupLabel(x),
				x.degree,
				x.size,
				formatList(locale, x.trackIds.map(track))
			])
		};
		this.marks = data.intersections.map((x) => ({ key: intersectionKey(x), label: markLabel(x) }));
		this.#tips = new Map(
			data.intersections.map((x) => {
				const names = x.trackIds.map(track);
				const shown = names.length > 8 ? [...names.slice(0, 7), '…'] : names;
				return [
					intersectionKey(x),
					[{ text: groupLabel(x) }, { text: countLabel(x.size) }, ...shown.map((n) => ({ text: `· ${n}` }))]
				];
			})
		);
	}

	protected layout(width: number): UpsetGeometry {
		return upsetGeometry(this.#data, { width, ...this.#options });
	}

	/** The whole column: the group's bar and value on top down to the last row of dots. */
	box(key: string, g: UpsetGeometry): MarkBox | null {
		const x = g.intersections.find((i) => i.key === key);
		if (!x) return null;
		const top = x.barY - g.fontSize - 8;
		return { x: x.hit.x + 1, y: top, width: x.hit.width - 2, height: g.matrixY + g.matrixHeight + 2 - top };
	}

	tooltip(key: string): TipLine[] {
		return this.#tips.get(key) ?? [];
	}

	/**
	 * A group is several cities' (or one city's tracks no other city named), so choosing it highlights no
	 * city and opens no events: it goes to `onchoose`, which selects it and lets the page list its tracks.
	 */
	action(key: string): MarkAction {
		const x = this.#byKey.get(key);
		if (x) this.#in.onchoose?.(x);
		return {};
	}
}
