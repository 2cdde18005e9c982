/**
 * The harness's data: seeded synthetic datasets from src/lib/aggregate/synthetic.ts at the sizes the
 * performance targets name, built in the page before anything is timed.
 *
 * - matrix: 300 cities × 60 tracks. The generator gives each city 3–10 future industries of 1–3 tracks
 *   (about a fifth of the grid filled, like the real lists); `dense` adds one more item per city that
 *   covers every remaining track, so all 18,000 cells are drawn — the size of the Plot reference figure.
 * - timeline: 300 cities and 100,000 events over ten years (2023–2032; the axis steps by year), with
 *   national, undated, ranged (some across a year's end) and year-less ones.
 */
import { syntheticDataset } from '$lib/aggregate/synthetic';
import type { Dataset, MatchStrength } from '$lib/data/types';

export const SEED = 2023;
const STRENGTHS: MatchStrength[] = ['exact', 'partial', 'broad'];

export function matrixDataset(dense: boolean): Dataset {
	const ds = syntheticDataset({ seed: SEED, cities: 300, tracks: 60, events: 1000 });
	if (!dense) return ds;
	return {
		...ds,
		id: `${ds.id}-dense`,
		futureIndustries: ds.futureIndustries.map((list, c) => {
			const named = new Set(list.items.flatMap((it) => it.tracks.map((t) => t.trackId)));
			const rest = ds.tracks.filter((t) => !named.has(t.id));
			return {
				...list,
				items: [
					...list.items,
					{
						name: { zh: `其他产业${c}`, en: `Other industries ${c}` },
						tracks: rest.map((t, k) => ({
							trackId: t.id,
							match: STRENGTHS[(c + k) % 3],
							reason: { zh: '编辑对应', en: 'editorial mapping' }
						}))
					}
				]
			};
		})
	};
}

export function timelineDataset(): Dataset {
	return syntheticDataset({ seed: SEED, cities: 300, tracks: 60, events: 100_000, years: 10 });
}
