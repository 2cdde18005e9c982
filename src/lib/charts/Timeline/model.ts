/**
 * The timeline, as a model: periods across (months, quarters or years, as the aggregate stepped the
 * data's span; a header line names the years over months and quarters), cities down, one square per
 * event coloured by field, a ranged event as a bar across its periods; events without a month in a column
 * of their own, items with no year ("earlier") in a last column set apart again, national events in a row
 * of their own at the bottom; above a row count, cells shaded by count instead. Owns the title (the
 * busiest month), the description, the table, the cells as marks and their tooltips, and the geometry for
 * any width. Reads the timeline the aggregation engine computed.
 */
import {
	STEP_MONTHS,
	type TimeStep,
	type Timeline,
	type TimelinePeriod,
	type TimelineRow
} from '$lib/aggregate/timeline';
import type { Dataset, Locale } from '$lib/data/types';
import {
	CHART_EVENT_COUNT,
	countPhrase,
	formatList,
	formatMonth,
	formatMonthShort,
	formatNumber,
	htmlLang,
	translator
} from '$lib/i18n';
import { yearsText } from '$lib/state/period';
import { categoryColour } from '../core/palette';
import type { LegendEntry } from '../frame/layout';
import { BaseChartModel, type MarkAction, type MarkBox, type TipLine } from '../frame/model';
import {
	heatBins,
	timelineFinding,
	timelineGeometry,
	timelineInput,
	type TimelineGeometry,
	type TimelineInputRow
} from './geometry';

export interface TimelineInput {
	dataset: Dataset;
	/** The timeline from `timeline(dataset, filter)` (with event ids, the default). */
	timeline: Timeline;
	locale: Locale;
	/** Above this many rows, cells show counts as shades instead of one square per event. */
	heatThreshold?: number;
	/** Keep city rows with no event. */
	showEmpty?: boolean;
	/** Title override. */
	title?: string;
}

/**
 * One column of the chart, in order: the periods, then the undated column, then (when some row has such
 * items) the earlier one. Everything that names or counts a column reads this list, so a longer time axis
 * (quarters, years) changes only where the list is made.
 */
export interface TimelineColumn {
	kind: 'period' | 'undated' | 'earlier';
	/** Index of the column's cell in a row (`TimelineInputRow.cells`, the aggregate's `eventIds`). */
	index: number;
	/** Header and table heading: "May" / "5月", "No month". */
	short: string;
	/** Header where there is room: "January" / "1月" (the year is in the subtitle or the year line). */
	name: string;
	/** In a cell's label: "May 2023" / "2023年5月", "no month given". */
	long: string;
	/** In the title: the month alone when the axis is one year ("May"), else `long`. */
	title: string;
}

/** A row's count in each column, by the column's index (periods, undated, earlier). */
const rowCounts = (r: TimelineRow): number[] => [...r.counts, r.undated, r.earlier];

/** A month without its year, for the title and a wide header: "May" / "5月" ("五月" is not used). */
function monthName(locale: Locale, year: number, month: number): string {
	return locale === 'zh'
		? formatMonthShort(locale, month)
		: new Intl.DateTimeFormat(htmlLang(locale), { month: 'long', timeZone: 'UTC' }).format(
				new Date(Date.UTC(year, month - 1, 1))
			);
}

/** A period's words: short and full header, in a cell's label, in the title. */
function periodWords(
	p: TimelinePeriod,
	step: TimeStep,
	locale: Locale,
	oneYear: boolean
): Omit<TimelineColumn, 'kind' | 'index'> {
	const tr = translator(locale);
	if (step === 'month') {
		const month = p.part as number;
		const long = formatMonth(locale, p.year, month);
		return {
			short: formatMonthShort(locale, month),
			name: monthName(locale, p.year, month),
			long,
			title: oneYear ? monthName(locale, p.year, month) : long
		};
	}
	if (step === 'quarter') {
		const long = tr('timeline.quarterLong', { year: String(p.year), quarter: String(p.part) });
		const short = tr('timeline.quarter', { quarter: String(p.part) });
		return { short, name: short, long, title: oneYear ? short : long };
	}
	const year = tr('timeline.year', { year: String(p.year) });
	return { short: String(p.year), name: year, long: year, title: year };
}

/** The chart's columns: the aggregate's periods, the undated column (unless the step is a year), the earlier one. */
export function timelineColumns(timeline: Timeline, locale: Locale): TimelineColumn[] {
	const tr = translator(locale);
	const nP = timeline.periods.length;
	const oneYear = timeline.years.length <= 1;
	const side = (kind: 'undated' | 'earlier', index: number, short: string, long: string): TimelineColumn => ({
		kind,
		index,
		short,
		name: short,
		long,
		title: long
	});
	return [
		...timeline.periods.map((p, i): TimelineColumn => ({
			kind: 'period',
			index: i,
			...periodWords(p, timeline.step, locale, oneYear)
		})),
		...(timeline.step !== 'year'
			? [side('undated', nP, tr('timeline.undated'), tr('timeline.undatedLong'))]
			: []),
		...(timeline.totals.earlier > 0
			? [side('earlier', nP + 1, tr('timeline.earlier'), tr('timeline.earlierLong'))]
			: [])
	];
}

/** Tooltips list this many of a cell's events, then "+N more". */
const TIP_EVENTS = 5;

export class TimelineModel extends BaseChartModel<TimelineGeometry> {
	readonly chart = 'timeline';
	readonly columns: TimelineColumn[];
	readonly #in: TimelineInput;
	readonly #rows: TimelineInputRow[];
	readonly #rowByKey: Map<string, TimelineInputRow>;
	readonly #columnByIndex: Map<number, TimelineColumn>;
	readonly #eventById: Map<string, Dataset['events'][number]>;
	readonly #tr;

	constructor(input: TimelineInput) {
		super();
		this.#in = input;
		const { dataset, timeline, locale, heatThreshold = 40, showEmpty = false, title } = input;
		const tr = translator(locale);
		this.#tr = tr;
		const cityById = new Map(dataset.cities.map((c) => [c.id, c]));
		const eventById = new Map(dataset.events.map((e) => [e.id, e]));
		this.#eventById = eventById;
		const categoryById = new Map(dataset.categories.map((c) => [c.id, c]));
		const categories = [...dataset.categories].sort((a, b) => a.order - b.order);
		const fmt = (v: number) => formatNumber(locale, v);
		const countText = (n: number) => countPhrase(locale, n, CHART_EVENT_COUNT);

		this.columns = timelineColumns(timeline, locale);
		this.#columnByIndex = new Map(this.columns.map((c) => [c.index, c]));

		// city rows in dataset order (empty ones left out unless asked for), then the national row
		const shown = timeline.rows.filter((r) => (r.cityId === null ? r.total > 0 : showEmpty || r.total > 0));
		const rowLabel = (cityId: string | null) =>
			cityId === null ? tr('timeline.national') : (cityById.get(cityId)?.name[locale] ?? cityId);
		// many rows: cells are shaded by count (the geometry's heat mode), so events need no colour
		const heat = shown.length > heatThreshold;
		this.#rows = timelineInput(
			shown,
			rowLabel,
			heat
				? () => ''
				: (id) => {
						const e = eventById.get(id);
						return categoryColour((e ? categoryById.get(e.categoryId)?.order : undefined) ?? 0);
					}
		);
		this.#rowByKey = new Map(this.#rows.map((r) => [r.key, r]));

		const finding = timelineFinding(timeline.totals);
		// the title names a year's months without their year (the subtitle gives it)
		const monthOnly = (m: number) => this.columns[m - 1]?.title ?? '';
		const findingText = (() => {
			const f = finding;
			if (f.total === 0) return tr('chart.noData');
			if (!f.months.length) return tr('timeline.titleUndated', { count: countText(f.undated) });
			const tied = f.months.length > 1;
			const params = {
				month: monthOnly(f.months[0]),
				months: formatList(locale, f.months.map(monthOnly)),
				count: countText(f.count),
				undated: countText(f.undated),
				unit: tr(`timeline.unit.${timeline.step}`),
				units: tr(`timeline.units.${timeline.step}`)
			};
			const base =
				f.undated > 0
					? tr(tied ? 'timeline.titleTied' : 'timeline.title', params)
					: tr(tied ? 'timeline.titleTiedDated' : 'timeline.titleDated', params);
			return f.earlier > 0 ? base + tr('timeline.titleEarlier', { earlier: countText(f.earlier) }) : base;
		})();

		// the span and step the subtitle and description name: "2023" by "month"
		const span = { period: yearsText(locale, timeline.years), unit: tr(`timeline.unit.${timeline.step}`) };
		// the heat shades depend on the data only (the largest cell), not on the width
		const bins = heat
			? heatBins(Math.max(0, ...this.#rows.flatMap((r) => r.cells.map((c) => c.length))))
			: [];
		this.text = {
			title: title ?? findingText,
			subtitle: tr(heat ? 'timeline.subtitleHeat' : 'timeline.subtitle', span),
			legend: heat
				? bins.map((b): LegendEntry => ({
						key: `bin-${b.from}`,
						label: b.from === b.to ? fmt(b.from) : tr('timeline.bin', { from: fmt(b.from), to: fmt(b.to) }),
						colour: b.colour
					}))
				: categories.map((c): LegendEntry => ({
						key: c.id,
						label: c.name[locale],
						colour: categoryColour(c.order)
					})),
			legendTitle: heat ? tr('timeline.legendHeat') : undefined
		};

		const nationalRow = shown.find((r) => r.cityId === null);
		this.desc = [
			tr('timeline.desc', {
				...span,
				finding: findingText,
				total: countText(timeline.totals.total),
				cities: fmt(shown.filter((r) => r.cityId !== null && r.total > 0).length)
			}),
			nationalRow ? tr('timeline.descNational', { count: countText(nationalRow.total) }) : '',
			timeline.totals.earlier > 0
				? tr('timeline.descEarlier', { count: countText(timeline.totals.earlier) })
				: ''
		]
			.filter(Boolean)
			.join(' ');

		this.table = {
			columns: [tr('chart.table.city'), ...this.columns.map((c) => c.short), tr('timeline.table.total')],
			numeric: [false, ...this.columns.map(() => true), true],
			rows: shown.map((r) => {
				const counts = rowCounts(r);
				return [rowLabel(r.cityId), ...this.columns.map((c) => counts[c.index]), r.total];
			})
		};

		// one keyboard stop per non-empty cell, row by row, column by column; a label is only worded when
		// the frame reads it (300 cities make thousands of cells)
		const label = (row: TimelineInputRow, c: number) => this.#cellLabel(row, c);
		this.marks = this.#rows.flatMap((row) =>
			this.columns.flatMap(({ index: c }) =>
				row.cells[c]?.length
					? [
							{
								key: `${row.key}|${c}`,
								get label() {
									return label(row, c);
								}
							}
						]
					: []
			)
		);
	}

	#cellLabel(row: TimelineInputRow, c: number): string {
		const { locale } = this.#in;
		return this.#tr('timeline.markLabel', {
			row: row.label,
			month: this.#columnByIndex.get(c)?.long ?? '',
			count: countPhrase(locale, row.cells[c].length, CHART_EVENT_COUNT)
		});
	}

	/** The non-empty cell a mark key (`${row key}|${column}`) names. */
	#cellOf(key: string): { row: TimelineInputRow; column: number } | null {
		const cut = key.lastIndexOf('|');
		const row = this.#rowByKey.get(key.slice(0, cut));
		const column = Number(key.slice(cut + 1));
		return row && row.cells[column]?.length ? { row, column } : null;
	}

	protected layout(width: number): TimelineGeometry {
		const { locale, heatThreshold = 40, timeline } = this.#in;
		const periods = this.columns.filter((c) => c.kind === 'period');
		const side = (kind: TimelineColumn['kind']) => this.columns.find((c) => c.kind === kind)?.short;
		const perYear = 12 / STEP_MONTHS[timeline.step];
		return timelineGeometry(this.#rows, {
			width,
			periodLabels: periods.map((c) => c.short),
			periodNames: periods.map((c) => c.name),
			periodGroups:
				timeline.step !== 'year' && timeline.years.length > 1
					? timeline.years.map((y) => ({
							label: this.#tr('timeline.year', { year: String(y) }),
							count: perYear
						}))
					: undefined,
			undatedLabel: side('undated') ?? '',
			earlierLabel: side('earlier'),
			heatThreshold,
			formatCount: (n) => formatNumber(locale, n)
		});
	}

	box(key: string, g: TimelineGeometry): MarkBox | null {
		const cell = g.cellIndex.get(key);
		return cell ? { x: cell.x, y: cell.y, width: cell.width, height: cell.height } : null;
	}

	/** The cell's label, then its first events by title (a ranged one with its months), then how many more. */
	tooltip(key: string): TipLine[] {
		const found = this.#cellOf(key);
		if (!found) return [];
		const { locale } = this.#in;
		const events = found.row.cells[found.column];
		const oneYear = this.#in.timeline.years.length <= 1;
		const shown = events.slice(0, TIP_EVENTS).map((ev): TipLine => {
			const e = this.#eventById.get(ev.id);
			const name = e?.title[locale] ?? ev.id;
			if (ev.lastPeriod === null || ev.lastPeriod <= found.column + 1 || e?.month == null || e.year == null)
				return { text: name };
			// a range within the one year shown by its months, else with their years (it may cross a year's end)
			const end = e.monthEnd ?? e.month;
			const endYear = end < e.month ? e.year + 1 : e.year;
			const within = oneYear && endYear === e.year;
			return {
				text: this.#tr('timeline.range', {
					title: name,
					from: within ? formatMonthShort(locale, e.month) : formatMonth(locale, e.year, e.month),
					to: within ? formatMonthShort(locale, end) : formatMonth(locale, endYear, end)
				})
			};
		});
		return [
			{ text: this.#cellLabel(found.row, found.column) },
			...shown,
			...(events.length > TIP_EVENTS
				? [{ text: this.#tr('timeline.more', { count: formatNumber(locale, events.length - TIP_EVENTS) }) }]
				: [])
		];
	}

	/**
	 * The row a cell (or a row, by its key) belongs to. The national row answers its own key, never a
	 * city's, so it dims with the other rows whenever a city is highlighted.
	 */
	cityOf(key: string): string {
		const cut = key.lastIndexOf('|');
		return cut < 0 ? key : key.slice(0, cut);
	}

	/** A cell lists its events under the chart (it does not highlight its city). */
	action(key: string): MarkAction {
		const found = this.#cellOf(key);
		if (!found) return {};
		return {
			open: {
				chart: this.chart,
				label: this.#cellLabel(found.row, found.column),
				eventIds: found.row.cells[found.column].map((e) => e.id)
			}
		};
	}
}
