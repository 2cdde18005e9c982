/**
 * The columns an imported file may have, and how a file's header is matched to them. Column names are
 * recognised in Chinese or English, ignoring case, spaces, underscores and brackets ("城市", "City",
 * "cityId", "标题（中文）", "title_zh"); what is not recognised the reader maps by hand on the import page.
 * The canonical names are the public files' columns (`src/lib/data/files.ts`), plus a few that describe
 * cities and categories the built-in data does not know. Pure; no DOM.
 */
import { EVENT_COLUMNS, FUTURE_INDUSTRY_COLUMNS } from '../data/files';
import { matchKey } from './values';

export type FileKind = 'events' | 'futures';

/** Columns beyond the public events.csv that describe each event's city and category. */
export const EVENT_EXTRA_COLUMNS = [
	'city_zh',
	'city_en',
	'city_pinyin',
	'province_zh',
	'province_en',
	'cluster',
	'cluster_zh',
	'cluster_en',
	'lat',
	'lon',
	'category_zh',
	'category_en',
	'source_from'
] as const;

/** Columns beyond the public future-industries.csv (the city as in events, track names, match reasons). */
export const FUTURE_EXTRA_COLUMNS = [
	'city_zh',
	'city_en',
	'city_pinyin',
	'province_zh',
	'province_en',
	'cluster',
	'cluster_zh',
	'cluster_en',
	'lat',
	'lon',
	'track_names_zh',
	'track_names_en',
	'reasons_zh',
	'reasons_en'
] as const;

/** Columns read but never written: one title or date for both languages. */
const EVENT_READ_ONLY = ['title', 'date', 'note'] as const;

export type EventField =
	(typeof EVENT_COLUMNS)[number] | (typeof EVENT_EXTRA_COLUMNS)[number] | (typeof EVENT_READ_ONLY)[number];
export type FutureField = (typeof FUTURE_INDUSTRY_COLUMNS)[number] | (typeof FUTURE_EXTRA_COLUMNS)[number];
export type Field = EventField | FutureField;

export const EVENT_FIELDS: readonly EventField[] = [
	...EVENT_COLUMNS,
	...EVENT_EXTRA_COLUMNS,
	...EVENT_READ_ONLY
];
export const FUTURE_FIELDS: readonly FutureField[] = [...FUTURE_INDUSTRY_COLUMNS, ...FUTURE_EXTRA_COLUMNS];

/** Other names each column goes by (matched after `matchKey`). The canonical name always matches. */
const ALIASES: Record<Field, string[]> = {
	id: ['编号', '事件编号', 'eventid', '事件id', 'ID号'],
	cityId: [
		'city',
		'城市',
		'城市id',
		'城市代码',
		'cityid',
		'城市编号',
		'所在城市',
		'地区',
		'城市名',
		'城市名称'
	],
	scope: ['范围', '层级', '级别', 'level'],
	categoryId: ['category', '类别', '领域', '分类', '类别id', '领域id', 'field', 'sector', '方向'],
	year: ['年份', '年', '年度'],
	before: ['早于', '此前', 'earlierthan', 'beforeevent'],
	month: ['月份', '月', '月度'],
	monthEnd: ['monthend', 'endmonth', 'month_end', '结束月份', '截止月份', '止月', '结束月'],
	kind: ['type', '类型', '种类', '事件类型', 'kindofaction'],
	title_zh: ['标题（中文）', '中文标题', '标题中文', 'titlechinese', 'chinesetitle', '名称（中文）'],
	title_en: ['标题（英文）', '英文标题', '标题英文', 'titleenglish', 'englishtitle', '名称（英文）'],
	document: ['文件', '文件名', '文件名称', '政策文件', '文件标题', 'doc', 'documenttitle'],
	document_en: ['文件（英文）', '文件英文名', '英文文件名', 'documentenglish', 'documenttitle_en'],
	actors_zh: ['actors', '主体', '参与方', '相关方', '机构', '主体（中文）', '参与主体', 'actorschinese'],
	actors_en: ['主体（英文）', '参与方（英文）', 'actorsenglish'],
	groupId: ['group', '组', '分组', '组编号', 'groupid'],
	source_section: ['section', '来源类型', '部分', '来源部分', 'sourcesection'],
	source_heading: ['source', 'heading', '来源', '出处', '小标题', '来源标题', 'sourceheading'],
	source_bullet: ['bullet', '条目', '条目序号', '来源序号', 'sourcebullet'],
	source_from: ['sourcefrom', '来源数据集'],
	note_zh: ['备注（中文）', '中文备注', '说明（中文）'],
	note_en: ['备注（英文）', '英文备注', '说明（英文）'],
	note: ['备注', '说明', '注释', 'notes', 'remark', 'remarks', 'comment'],
	city_zh: [
		'城市（中文）',
		'城市中文名',
		'中文城市名',
		'citychinese',
		'cityname_zh',
		'citynamezh',
		'城市名（中文）'
	],
	city_en: [
		'城市（英文）',
		'城市英文名',
		'英文城市名',
		'cityenglish',
		'cityname_en',
		'citynameen',
		'城市名（英文）'
	],
	city_pinyin: ['pinyin', '拼音', '城市拼音'],
	province_zh: ['province', '省份', '省', '所在省份', '省（中文）', '省份（中文）'],
	province_en: ['省份（英文）', '省（英文）', 'provinceenglish'],
	cluster: ['城市群', '区域', '群', 'region', 'clusterid', '城市群id'],
	cluster_zh: ['城市群（中文）', '城市群名称'],
	cluster_en: ['城市群（英文）'],
	lat: ['latitude', '纬度', '緯度', 'y'],
	lon: ['lng', 'long', 'longitude', '经度', '經度', 'x'],
	category_zh: ['类别（中文）', '领域（中文）', '类别名称', '领域名称', 'categorychinese', 'categoryname_zh'],
	category_en: ['类别（英文）', '领域（英文）', 'categoryenglish', 'categoryname_en'],
	title: ['标题', '事件', '事项', '名称', '事件名称', '内容', 'name', 'event', 'headline', 'summary'],
	date: ['日期', '时间', '发生时间', '日期（年月）', 'when', 'time'],
	position: ['位置', '序号', '排序', '顺序', 'order', 'rank', 'no', 'number'],
	item_zh: [
		'item',
		'产业',
		'产业（中文）',
		'未来产业',
		'产业名称',
		'名称',
		'industry',
		'industry_zh',
		'条目'
	],
	item_en: ['产业（英文）', '英文名称', 'industry_en', 'itemenglish'],
	trackIds: ['tracks', 'track', '赛道', '赛道id', 'trackid', '对应赛道'],
	matches: ['match', '匹配', '对应程度', '匹配程度', 'strength'],
	track_names_zh: ['赛道名称', '赛道（中文）', 'tracknames', 'tracknameszh'],
	track_names_en: ['赛道（英文）', 'tracknamesen'],
	reasons_zh: ['reason', 'reasons', '理由', '原因', '对应理由'],
	reasons_en: ['理由（英文）', 'reasonsen']
};

/** The column index for each field (or -1 when the file has none). */
export type Mapping = Record<string, number>;

export function fieldsOf(kind: FileKind): readonly Field[] {
	return kind === 'events' ? EVENT_FIELDS : FUTURE_FIELDS;
}

/**
 * Matches a header row to the fields of a file kind. Exact canonical names win over aliases; each column
 * is used for at most one field, and each field takes the first column that matches.
 */
export function matchHeader(header: readonly string[], kind: FileKind): Mapping {
	const fields = fieldsOf(kind);
	const keys = header.map(matchKey);
	const mapping: Mapping = {};
	const used = new Set<number>();
	for (const f of fields) mapping[f] = -1;
	// pass 1: canonical names; pass 2: aliases
	for (const pass of [0, 1]) {
		for (const f of fields) {
			if (mapping[f] !== -1) continue;
			const names = pass === 0 ? [matchKey(f)] : ALIASES[f].map(matchKey);
			const i = keys.findIndex((k, j) => !used.has(j) && k !== '' && names.includes(k));
			if (i >= 0) {
				mapping[f] = i;
				used.add(i);
			}
		}
	}
	return mapping;
}

/**
 * What a usable file needs, as groups of fields of which at least one must be mapped: an events file
 * needs a city (unless every event is national), a category, a title and a year (or a date); a
 * future-industry file a city, an item and its tracks.
 */
export const REQUIRED: Record<FileKind, { name: string; anyOf: Field[] }[]> = {
	events: [
		{ name: 'city', anyOf: ['cityId', 'city_zh', 'city_en'] },
		{ name: 'category', anyOf: ['categoryId', 'category_zh', 'category_en'] },
		{ name: 'title', anyOf: ['title_zh', 'title_en', 'title'] },
		{ name: 'year', anyOf: ['year', 'date'] }
	],
	futures: [
		{ name: 'city', anyOf: ['cityId', 'city_zh', 'city_en'] },
		{ name: 'item', anyOf: ['item_zh', 'item_en'] },
		{ name: 'tracks', anyOf: ['trackIds', 'track_names_zh', 'track_names_en'] }
	]
};

/** The required groups a mapping leaves unmapped. */
export function missingRequired(mapping: Mapping, kind: FileKind): string[] {
	return REQUIRED[kind].filter((g) => g.anyOf.every((f) => (mapping[f] ?? -1) < 0)).map((g) => g.name);
}
