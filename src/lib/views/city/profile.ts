/**
 * Everything a city profile shows, computed from the dataset by the aggregation engine: the city's
 * events in date order, its headline figures, its category mix against the all-city average, its
 * future-industry list, and the cities most like it. Plain TypeScript, no DOM.
 *
 * The figures follow the overview: commentary items are listed on the profile but not counted.
 */
import { eventsPerCity } from '$lib/aggregate/counts';
import { eventsFor } from '$lib/aggregate/events';
import type { Filter } from '$lib/aggregate/filter';
import { categoryMix, type CategoryMix } from '$lib/aggregate/mix';
import { mostSimilar, sharedTracks, type SimilarCity } from '$lib/aggregate/overlap';
import type { Category, City, Cluster, Dataset, FutureIndustryList, InnovationEvent } from '$lib/data/types';

/** The filter every counted figure on a profile uses (the overview's: commentary left out). */
export const COUNTED: Filter = { includeCommentary: false };

export interface MixLine {
	category: Category;
	count: number;
	share: number;
	averageShare: number;
}

export interface SimilarByTracks extends SimilarCity {
	/** Track ids both cities list, in dataset track order. */
	shared: string[];
}

export interface CityProfile {
	city: City;
	cluster: Cluster | undefined;
	/** Every event of the city (commentary included), dated ones by month, undated ones last. */
	events: InnovationEvent[];
	/** Counted events (commentary left out). */
	count: number;
	commentaryCount: number;
	/** Competition rank by counted events (1 = most). */
	rank: number;
	/** Another city has the same count. */
	rankTied: boolean;
	cityCount: number;
	/** Fields (categories) with at least one counted event. */
	fieldsCovered: number;
	fieldCount: number;
	/** Per field in the article's order: the city's count and share next to the all-city share. */
	mix: MixLine[];
	/** The same, shaped for the category-mix chart: the city's row and the all-city average. */
	mixForChart: CategoryMix;
	futureIndustries: FutureIndustryList | null;
	/** Most similar by future-industry tracks (only when the city has a list; cities sharing none left out). */
	similarByTracks: SimilarByTracks[];
	/** Most similar by category mix (cities with nothing in common left out). */
	similarByMix: SimilarCity[];
	/** Up to three cities to compare with: by tracks first, then by mix. */
	compareWith: string[];
}

/**
 * Date order: by first month, then last month; undated after them, then the items with no year
 * (placed only "earlier" than another event); ties keep the dataset's order.
 * Returns a new array.
 */
export function chronological(events: readonly InnovationEvent[]): InnovationEvent[] {
	const key = (e: InnovationEvent) =>
		e.year === null
			? [2, 0, 0]
			: e.month === null
				? [1, 0, 0]
				: [0, e.year * 12 + e.month, e.monthEnd ?? e.month];
	return events
		.map((e, i) => ({ e, k: key(e), i }))
		.sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
		.map(({ e }) => e);
}

/** The profile of one city, or null when the dataset has no city with this id. */
export function cityProfile(ds: Dataset, cityId: string, n = 3): CityProfile | null {
	const city = ds.cities.find((c) => c.id === cityId);
	if (!city) return null;

	const ranking = eventsPerCity(ds, COUNTED);
	const own = ranking.find((r) => r.cityId === cityId);
	const count = own?.count ?? 0;
	const rank = own?.rank ?? ranking.length;

	const categories = [...ds.categories].sort((a, b) => a.order - b.order);
	const mixAll = categoryMix(ds, COUNTED);
	const row = mixAll.rows.find((r) => r.cityId === cityId);
	const mix: MixLine[] = mixAll.categoryIds.map((id, k) => ({
		category: categories.find((c) => c.id === id) ?? {
			id,
			name: { zh: id, en: id },
			order: k
		},
		count: row?.counts[k] ?? 0,
		share: row?.shares[k] ?? 0,
		averageShare: mixAll.average.shares[k] ?? 0
	}));

	const futureIndustries = ds.futureIndustries.find((l) => l.cityId === cityId) ?? null;
	const similarByTracks: SimilarByTracks[] = futureIndustries
		? mostSimilar(ds, cityId, { by: 'tracks', n })
				.filter((s) => s.score > 0)
				.map((s) => ({ ...s, shared: sharedTracks(ds, [cityId, s.cityId]) }))
		: [];
	const similarByMix =
		count > 0 ? mostSimilar(ds, cityId, { by: 'mix', n, filter: COUNTED }).filter((s) => s.score > 0) : [];
	const compareWith = [
		...new Set([...similarByTracks.map((s) => s.cityId), ...similarByMix.map((s) => s.cityId)])
	].slice(0, 3);

	return {
		city,
		cluster: ds.clusters.find((c) => c.id === city.cluster),
		events: chronological(eventsFor(ds, {}, { cityId })),
		count,
		commentaryCount: ds.events.filter((e) => e.cityId === cityId && e.source.section === 'commentary').length,
		rank,
		rankTied: ranking.some((r) => r.cityId !== cityId && r.count === count),
		cityCount: ranking.length,
		fieldsCovered: mix.filter((m) => m.count > 0).length,
		fieldCount: mix.length,
		mix,
		mixForChart: {
			categoryIds: mixAll.categoryIds,
			rows: row ? [row] : [],
			average: mixAll.average
		},
		futureIndustries,
		similarByTracks,
		similarByMix,
		compareWith
	};
}

/** The other cities a shared action (same groupId) was also recorded for, in dataset order. */
export function sharedWith(ds: Dataset, event: InnovationEvent): string[] {
	if (event.groupId === null) return [];
	return ds.events
		.filter((e) => e.groupId === event.groupId && e.cityId !== null && e.cityId !== event.cityId)
		.map((e) => e.cityId as string);
}

/** The compare page's address for two cities, exactly `/{lang}/compare?cities=a,b`. */
export function compareHref(lang: string, cityId: string, otherId: string): string {
	return `/${lang}/compare?cities=${encodeURIComponent(cityId)},${encodeURIComponent(otherId)}`;
}

/** Cities grouped by cluster in the clusters' order, each with its counted events (most first). */
export function citiesByCluster(
	ds: Dataset
): { cluster: Cluster; cities: { city: City; count: number }[] }[] {
	const counts = new Map(eventsPerCity(ds, COUNTED).map((r) => [r.cityId, r.count]));
	return [...ds.clusters]
		.sort((a, b) => a.order - b.order)
		.map((cluster) => ({
			cluster,
			cities: ds.cities
				.filter((c) => c.cluster === cluster.id)
				.map((city, i) => ({ city, count: counts.get(city.id) ?? 0, i }))
				.sort((a, b) => b.count - a.count || a.i - b.i)
				.map(({ city, count }) => ({ city, count }))
		}))
		.filter((g) => g.cities.length > 0);
}
