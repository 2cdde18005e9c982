/**
 * Files the import page hands back: a dataset as CSV (the public events.csv and future-industries.csv
 * columns, followed by the columns that describe each city and category so the file imports again
 * with nothing lost) or as one JSON file (every collection), the templates in Chinese or English
 * column names with example rows, and the report of rejected rows. Every CSV goes through the shared
 * `toCsv` (byte-order mark, formula neutralisation). Pure; no DOM.
 */
import { EVENT_COLUMNS, eventRow, FUTURE_INDUSTRY_COLUMNS, LIST_SEPARATOR } from '../data/files';
import { metaOf } from '../data/meta';
import type { Dataset, Locale } from '../data/types';
import { toCsv } from '../export/csv';
import type { RejectedRow } from './build';
import { EVENT_EXTRA_COLUMNS, FUTURE_EXTRA_COLUMNS } from './columns';

const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export const EXPORT_EVENT_COLUMNS = [...EVENT_COLUMNS, ...EVENT_EXTRA_COLUMNS] as const;
export const EXPORT_FUTURE_COLUMNS = [...FUTURE_INDUSTRY_COLUMNS, ...FUTURE_EXTRA_COLUMNS] as const;

/** events.csv columns, then each event's city (names, province, cluster, coordinates) and category names. */
export function eventsCsvFull(ds: Dataset): string {
	const cities = new Map(ds.cities.map((c) => [c.id, c]));
	const clusters = new Map(ds.clusters.map((c) => [c.id, c]));
	const categories = new Map(ds.categories.map((c) => [c.id, c]));
	const rows = ds.events.map((e) => {
		const city = e.cityId === null ? undefined : cities.get(e.cityId);
		const cluster = city ? clusters.get(city.cluster) : undefined;
		const category = categories.get(e.categoryId);
		return [
			...eventRow(e),
			city?.name.zh,
			city?.name.en,
			city?.pinyin,
			city?.province.zh,
			city?.province.en,
			city?.cluster,
			cluster?.name.zh,
			cluster?.name.en,
			city?.lat,
			city?.lon,
			category?.name.zh,
			category?.name.en,
			e.source.from
		].map(cell);
	});
	return toCsv([[...EXPORT_EVENT_COLUMNS], ...rows], { bom: true });
}

/** future-industries.csv columns, then the city's names, the tracks' names and the match reasons. */
export function futuresCsvFull(ds: Dataset): string {
	const cities = new Map(ds.cities.map((c) => [c.id, c]));
	const clusters = new Map(ds.clusters.map((c) => [c.id, c]));
	const tracks = new Map(ds.tracks.map((t) => [t.id, t]));
	const rows = ds.futureIndustries.flatMap((list) => {
		const city = cities.get(list.cityId);
		const cluster = city ? clusters.get(city.cluster) : undefined;
		return list.items.map((item, i) =>
			[
				list.cityId,
				i + 1,
				item.name.zh,
				item.name.en,
				item.tracks.map((t) => t.trackId).join(LIST_SEPARATOR),
				item.tracks.map((t) => t.match).join(LIST_SEPARATOR),
				city?.name.zh,
				city?.name.en,
				city?.pinyin,
				city?.province.zh,
				city?.province.en,
				city?.cluster,
				cluster?.name.zh,
				cluster?.name.en,
				city?.lat,
				city?.lon,
				item.tracks.map((t) => tracks.get(t.trackId)?.name.zh ?? t.trackId).join(LIST_SEPARATOR),
				item.tracks.map((t) => tracks.get(t.trackId)?.name.en ?? t.trackId).join(LIST_SEPARATOR),
				item.tracks.map((t) => t.reason.zh).join(LIST_SEPARATOR),
				item.tracks.map((t) => t.reason.en).join(LIST_SEPARATOR)
			].map(cell)
		);
	});
	return toCsv([[...EXPORT_FUTURE_COLUMNS], ...rows], { bom: true });
}

/**
 * The whole dataset as one JSON file (the import page reads it back as it is): its metadata (name,
 * sources, licence, notes, and for a combined dataset its parts, which each event names in
 * `source.from`) and every collection, years and months of events as they are.
 */
export function datasetJson(ds: Dataset, name: string): string {
	const meta = metaOf(ds, name);
	return `${JSON.stringify(
		{
			format: 'city-innovation-dataset/1',
			name,
			meta: ds.id === 'builtin' ? meta : { ...meta, name },
			id: ds.id,
			version: ds.version,
			clusters: ds.clusters,
			cities: ds.cities,
			categories: ds.categories,
			events: ds.events,
			tracks: ds.tracks,
			futureIndustries: ds.futureIndustries
		},
		null,
		1
	)}\n`;
}

/** Template columns: [canonical name, Chinese name]; both are recognised on import. */
const EVENT_TEMPLATE: [string, string][] = [
	['id', '编号'],
	['cityId', '城市'],
	['city_en', '城市（英文）'],
	['categoryId', '类别'],
	['year', '年份'],
	['month', '月份'],
	['monthEnd', '结束月份'],
	['kind', '类型'],
	['title_zh', '标题（中文）'],
	['title_en', '标题（英文）'],
	['document', '文件'],
	['actors_zh', '主体（中文）'],
	['actors_en', '主体（英文）'],
	['source_heading', '来源'],
	['note_zh', '备注（中文）'],
	['note_en', '备注（英文）'],
	['province_zh', '省份'],
	['cluster', '城市群'],
	['lat', '纬度'],
	['lon', '经度']
];

const EVENT_EXAMPLES: Record<string, string>[] = [
	{
		id: 'sh-2024-01',
		cityId: '上海',
		categoryId: '大科学装置',
		year: '2024',
		month: '3',
		kind: 'facility',
		title_zh: '上海某大科学装置开工',
		title_en: 'Shanghai: construction of a big-science facility begins',
		source_heading: '我的来源',
		note_zh: '示例行',
		note_en: 'Example row'
	},
	{
		id: 'wh-2024-01',
		cityId: '武汉',
		city_en: 'Wuhan',
		categoryId: '城市算力',
		year: '2024',
		month: '5月',
		monthEnd: '6月',
		kind: 'policy',
		title_zh: '武汉发布算力行动方案',
		title_en: 'Wuhan issues a computing-power action plan',
		document: '《武汉市算力行动方案》',
		actors_zh: '武汉市人民政府',
		actors_en: 'Wuhan Municipal Government',
		province_zh: '湖北省',
		cluster: '长江中游',
		lat: '30.5928',
		lon: '114.3055'
	},
	{
		id: 'cn-2025-01',
		cityId: '全国',
		categoryId: 'ai-models',
		year: '2025',
		month: 'May',
		kind: 'regulation',
		title_zh: '全国性的人工智能管理规定',
		title_en: 'A national rule on AI services'
	}
];

const FUTURE_TEMPLATE: [string, string][] = [
	['cityId', '城市'],
	['city_en', '城市（英文）'],
	['position', '序号'],
	['item_zh', '产业（中文）'],
	['item_en', '产业（英文）'],
	['trackIds', '赛道'],
	['matches', '匹配程度'],
	['reasons_zh', '理由']
];

const FUTURE_EXAMPLES: Record<string, string>[] = [
	{
		cityId: '武汉',
		city_en: 'Wuhan',
		position: '1',
		item_zh: '量子科技',
		item_en: 'Quantum technology',
		trackIds: 'quantum',
		matches: 'exact',
		reasons_zh: '名称一致'
	},
	{
		cityId: '武汉',
		city_en: 'Wuhan',
		position: '2',
		item_zh: '脑机接口与类脑智能',
		item_en: 'Brain-computer interfaces',
		trackIds: '脑科学与类脑智能; ai',
		matches: 'exact; partial',
		reasons_zh: '脑机接口属脑科学; 涉及人工智能'
	}
];

/** A template to fill in: header in the reader's language, example rows. */
export function template(kind: 'events' | 'futures', locale: Locale): string {
	const columns = kind === 'events' ? EVENT_TEMPLATE : FUTURE_TEMPLATE;
	const examples = kind === 'events' ? EVENT_EXAMPLES : FUTURE_EXAMPLES;
	const header = columns.map(([en, zh]) => (locale === 'zh' ? zh : en));
	const rows = examples.map((ex) => columns.map(([key]) => ex[key] ?? ''));
	return toCsv([header, ...rows], { bom: true });
}

/** One line per problem of each rejected row: where, what, why — then the row's original cells. */
export function rejectedReport(
	rejected: RejectedRow[],
	problemsOf: (row: RejectedRow) => { column: string; value: string; reason: string }[],
	headers: Record<string, string[]>,
	labels: { file: string; row: string; column: string; value: string; reason: string }
): string {
	const width = Math.max(
		0,
		...Object.values(headers).map((h) => h.length),
		...rejected.map((r) => r.cells.length)
	);
	const anyHeader = Object.values(headers)[0] ?? [];
	const header = [
		labels.file,
		labels.row,
		labels.column,
		labels.value,
		labels.reason,
		...Array.from({ length: width }, (_, i) => anyHeader[i] ?? `#${i + 1}`)
	];
	const lines: string[][] = [header];
	for (const r of rejected) {
		const found = problemsOf(r);
		const list = found.length ? found : [{ column: '', value: '', reason: '' }];
		for (const p of list) lines.push([r.file, String(r.row), p.column, p.value, p.reason, ...r.cells]);
	}
	return toCsv(lines, { bom: true });
}
