/**
 * The overview's one-paragraph reading of the data, generated from the aggregates (never typed in), so
 * it stays true for any dataset, including one a user imports.
 */
import { eventsPerCity, eventsPerCluster, eventTotals } from '$lib/aggregate/counts';
import type { Filter } from '$lib/aggregate/filter';
import { sharedTracks } from '$lib/aggregate/overlap';
import { timeline } from '$lib/aggregate/timeline';
import type { Dataset, Locale } from '$lib/data/types';
import { formatMonth, formatNumber, formatPercent, translator } from '$lib/i18n';
import { viewPeriod, yearsText } from '$lib/state/period';

export function overviewReading(ds: Dataset, filter: Filter, locale: Locale): string[] {
	const tr = translator(locale);
	const n = (v: number) => formatNumber(locale, v);
	const name = (id: string) => ds.cities.find((c) => c.id === id)?.name[locale] ?? id;
	const totals = eventTotals(ds, filter);
	const cities = eventsPerCity(ds, filter).filter((r) => r.count > 0);
	const out: string[] = [
		tr('overview.reading.lead', {
			period: viewPeriod(locale, ds, filter),
			events: n(totals.city),
			cities: n(cities.length),
			national: n(totals.national)
		})
	];
	if (cities.length >= 2) {
		out.push(
			tr('overview.reading.top', {
				first: name(cities[0].cityId),
				count: n(cities[0].count),
				second: name(cities[1].cityId),
				count2: n(cities[1].count)
			})
		);
	}
	const clusters = eventsPerCluster(ds, filter);
	const cityTotal = clusters.reduce((s, c) => s + c.count, 0);
	if (clusters[0] && cityTotal > 0) {
		const cluster = ds.clusters.find((c) => c.id === clusters[0].clusterId);
		out.push(
			tr('overview.reading.cluster', {
				cluster: cluster?.name[locale] ?? clusters[0].clusterId,
				share: formatPercent(locale, clusters[0].count / cityTotal)
			})
		);
	}
	const categories = [...ds.categories].sort((a, b) => a.order - b.order);
	let top = -1;
	totals.byCategory.forEach((v, k) => {
		if (top < 0 || v > totals.byCategory[top]) top = k;
	});
	if (top >= 0 && totals.total > 0) {
		out.push(
			tr('overview.reading.field', {
				field: categories[top].name[locale],
				share: formatPercent(locale, totals.byCategory[top] / totals.total)
			})
		);
	}
	const tl = timeline(ds, filter, { ids: false });
	const counts = tl.totals.counts;
	const busiest = counts.indexOf(Math.max(...counts));
	if (counts[busiest] > 0) {
		// items with no year ("earlier", 此前) are not in any month of the year, nor among its undated
		// the busiest period of the timeline's step: a month, a quarter or a year
		const p = tl.periods[busiest];
		const params = {
			month:
				tl.step === 'month'
					? formatMonth(locale, p.year, p.part as number)
					: tl.step === 'quarter'
						? tr('timeline.quarterLong', { year: String(p.year), quarter: String(p.part) })
						: yearsText(locale, [p.year]),
			unit: tr(`timeline.unit.${tl.step}`),
			count: n(counts[busiest]),
			undated: n(tl.totals.undated),
			earlier: n(tl.totals.earlier)
		};
		out.push(
			tl.totals.earlier > 0
				? tr('overview.reading.monthEarlier', params)
				: tr('overview.reading.month', params)
		);
	}
	const lists = ds.futureIndustries.filter((l) => l.items.length > 0).map((l) => l.cityId);
	if (lists.length >= 2) {
		const shared = sharedTracks(ds, lists);
		out.push(
			shared.length
				? tr('overview.reading.tracks', {
						lists: n(lists.length),
						track: shared
							.map((id) => ds.tracks.find((t) => t.id === id)?.name[locale] ?? id)
							.join(locale === 'zh' ? '、' : ', ')
					})
				: tr('overview.reading.tracksNone', { lists: n(lists.length) })
		);
	}
	return out;
}
