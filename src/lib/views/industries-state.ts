/** The industries page's state as it lives in the URL: matrix sort orders, similarity metric, chosen intersection. */
import type { ColOrder, RowOrder } from '$lib/charts/Matrix/geometry';
import type { SimilarityMetric } from '$lib/charts/Similarity/geometry';
import { parseEnum, parseText, toQuery, type UrlNotice } from '$lib/state/url';

export interface IndustriesState {
	rows: RowOrder;
	cols: ColOrder;
	metric: SimilarityMetric;
	/** Key of the chosen UpSet intersection: its city ids joined by '+'. */
	set: string | null;
	notices: UrlNotice[];
}

export const ROW_ORDERS: readonly RowOrder[] = ['cluster', 'count', 'similarity'];
export const COL_ORDERS: readonly ColOrder[] = ['count', 'similarity'];
export const METRICS: readonly SimilarityMetric[] = ['tracks', 'mix'];

export function parseIndustriesState(
	params: URLSearchParams,
	knownCities: ReadonlySet<string>
): IndustriesState {
	const rows = parseEnum(params, 'rows', ROW_ORDERS, 'cluster');
	const cols = parseEnum(params, 'cols', COL_ORDERS, 'count');
	const metric = parseEnum(params, 'metric', METRICS, 'tracks');
	const setRaw = parseText(params, 'set', 200);
	const notices = [...rows.notices, ...cols.notices, ...metric.notices, ...setRaw.notices];
	let set: string | null = null;
	if (setRaw.value) {
		const ids = setRaw.value.split(/[+ ]/).filter(Boolean);
		if (ids.length && ids.every((id) => knownCities.has(id)) && new Set(ids).size === ids.length) {
			set = ids.join('+');
		} else {
			notices.push({ param: 'set', value: setRaw.value.slice(0, 40), reason: 'unknown' });
		}
	}
	return { rows: rows.value, cols: cols.value, metric: metric.value, set, notices };
}

export function industriesQuery(s: Omit<IndustriesState, 'notices'>): string {
	return toQuery([
		['rows', s.rows, 'cluster'],
		['cols', s.cols, 'count'],
		['metric', s.metric, 'tracks'],
		['set', s.set]
	]);
}
