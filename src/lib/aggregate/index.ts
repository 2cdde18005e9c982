/**
 * The aggregation engine: from a Dataset and the filter panel's state to every figure the dashboard
 * shows. Plain TypeScript with no DOM, safe in a Web Worker (results are plain data and typed
 * arrays, so they survive postMessage), and never mutating its input.
 *
 * The events are encoded once per Dataset object into typed-array columns (`eventTable`), with a
 * tally of the distinct row codes and their counts, so each counting figure below is a single pass
 * of integer look-ups over that tally; datasets are treated as immutable.
 *
 * Rules every figure follows (details in each module):
 * - filter: lists are allowed sets (absent = no constraint); months keep events whose span
 *   overlaps the range; undated, national and commentary items each have a switch;
 * - countGroupsOnce: a count is of distinct actions per cell, so the per-city copies of one action
 *   count once in a total, a category, a cluster or a month, while each city counts its own copy;
 * - ranges: one mark per event, at its first month, flagged with its last month;
 * - all-city average: the pooled share across the cities in view;
 * - similarity: 1 on the diagonal, 0 between different cities when either has nothing.
 */

export { normaliseFilter, matchesFilter, eventPredicate, type Filter, type NormalisedFilter } from './filter';

/** Columnar encoding of the events (cached per Dataset) and the filter compiled against it. */
export {
	eventTable,
	compileFilter,
	NATIONAL,
	type EventTable,
	type CompiledFilter,
	type TallyMode
} from './table';

/** Ranking bars, cluster bars, headline totals, and the city × category × month cube. */
export {
	eventsPerCity,
	eventsPerCluster,
	eventTotals,
	eventCube,
	yearCounts,
	type YearCounts,
	type CityCountRow,
	type ClusterCountRow,
	type EventTotals,
	type EventCube
} from './counts';

/** Each city's share of events per category, against the pooled all-city average. */
export { categoryMix, type CategoryMix, type MixRow } from './mix';

/** Month-by-month rows per city plus the national row, with the event ids behind every cell. */
export {
	timeline,
	type Timeline,
	type TimelineRow,
	type TimelineRange,
	type TimelineOptions
} from './timeline';

/** The cities × future-industry-tracks matrix and its orderings. */
export {
	industryMatrix,
	orderByCluster,
	orderByCount,
	orderBySimilarity,
	orderTracksBySimilarity,
	seriate,
	type IndustryMatrix,
	type MatrixCell,
	type MatrixItem,
	type MatrixOptions
} from './matrix';

/** Shared and exclusive tracks, UpSet intersections, similarity matrices, nearest cities. */
export {
	trackSets,
	sharedTracks,
	exclusiveTracks,
	jaccard,
	cosine,
	upset,
	mostSimilar,
	type CityTracks,
	type SimilarityMatrix,
	type Upset,
	type UpsetIntersection,
	type SimilarCity,
	type MostSimilarOptions
} from './overlap';

/** Two to four cities side by side on a shared axis. */
export { compareCities, type Comparison, type CompareColumn } from './compare';

/** The event records behind any mark. */
export { eventsFor, type MarkSelector } from './events';
