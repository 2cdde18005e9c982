/**
 * Category mix: what share of each city's events falls in each field (facilities, computing,
 * funds, …), against the all-city average, for the stacked 100% bars and the deviation chart.
 */
import type { Dataset } from '../data/types';
import { eventsPerCity } from './counts';
import type { Filter } from './filter';
import { eventTable } from './table';

export interface MixRow {
	cityId: string;
	total: number;
	/** Per category, aligned to `categoryIds`. */
	counts: number[];
	/** counts / total; sums to 1 when total > 0, all zeros otherwise. */
	shares: number[];
	/** shares − average.shares (zeros for a city with no events, which has no mix to compare). */
	deltaFromAverage: number[];
}

export interface CategoryMix {
	categoryIds: string[];
	/** Cities in view, in dataset order. */
	rows: MixRow[];
	average: {
		/** Mean count per city in view (cities with no events included in the mean). */
		counts: number[];
		/**
		 * The all-city average share: pooled across the cities in view, i.e. all their events in a
		 * category over all their events (a city with many events weighs more than one with few;
		 * the mean of per-city shares would let a city with a single event swing the average).
		 */
		shares: number[];
	};
}

function sharesOf(counts: number[], total: number): number[] {
	if (total <= 0) return counts.map(() => 0);
	const shares = counts.map((v) => v / total);
	// fold the floating-point remainder into the largest share so the row sums to exactly 1
	let sum = 0;
	let big = 0;
	for (let k = 0; k < shares.length; k++) {
		sum += shares[k];
		if (shares[k] > shares[big]) big = k;
	}
	shares[big] += 1 - sum;
	return shares;
}

/**
 * Category mix per city in view. Counts are each city's own events (with `countGroupsOnce` a city
 * still counts its copy of a shared action, so the filter's group rule changes nothing here), and
 * the average is computed from these rows.
 */
export function categoryMix(ds: Dataset, filter: Filter = {}): CategoryMix {
	const t = eventTable(ds);
	const nk = t.categoryIds.length;
	const perCity = eventsPerCity(ds, filter);
	const cityOrder = new Map(t.cityIds.map((id, i) => [id, i]));
	perCity.sort((a, b) => (cityOrder.get(a.cityId) ?? 0) - (cityOrder.get(b.cityId) ?? 0));

	const pooled = new Array<number>(nk).fill(0);
	let pooledTotal = 0;
	for (const r of perCity) {
		for (let k = 0; k < nk; k++) pooled[k] += r.byCategory[k];
		pooledTotal += r.count;
	}
	const averageShares = sharesOf(pooled, pooledTotal);
	const nCities = perCity.length;
	const rows: MixRow[] = perCity.map((r) => {
		const shares = sharesOf(r.byCategory, r.count);
		return {
			cityId: r.cityId,
			total: r.count,
			counts: r.byCategory,
			shares,
			deltaFromAverage: r.count > 0 ? shares.map((s, k) => s - averageShares[k]) : shares.map(() => 0)
		};
	});
	return {
		categoryIds: [...t.categoryIds],
		rows,
		average: {
			counts: pooled.map((v) => (nCities > 0 ? v / nCities : 0)),
			shares: averageShares
		}
	};
}
