/**
 * The Chinese strings for the keys of `charts.ts`. A file of its own, so that each language's pages load
 * only that language's strings; the type checker keeps the keys the same.
 */
import type { en } from './charts';

export const zh: Record<keyof typeof en, string> = {
	'mix.title': '{field}占比最高（{share}），{city}最偏重{cityField}（占其事件的 {cityShare}）',
	'mix.titleSame': '{field}占比最高（{share}），{city}在这一领域最为集中（占其事件的 {cityShare}）',
	'mix.titleNoLean': '{field}占比最高（{share}）',
	'mix.subtitleCount': '{period}各城市科创事件数，按领域分段，并列出全部城市的平均值作对照',
	'mix.subtitleShare':
		'{period}各城市科创事件的领域构成（以各城市事件总数为 100%），并列出全部城市的平均值作对照',
	'mix.average': '全部城市（平均）',
	'mix.modeLabel': '条形显示方式',
	'mix.modeCount': '件数',
	'mix.modeShare': '占比（100%）',
	'mix.desc': '{cities} 个城市按领域分段的堆叠条形图。总体来看，{field}是最大的领域，占全部事件的 {share}。',
	'mix.descLean':
		'在事件数不少于 {min} 件的城市中，{city}与平均水平差别最大：其 {cityShare} 的事件属于{cityField}，而全部城市的平均占比为 {avgShare}。',
	'mix.markLabel': '{city}：{count}——{list}',
	'mix.segment': '{field}：{value}',
	'mix.table.total': '事件总数',
	'mix.table.percent': '{field}（%）',
	'mix.openLabel': '{city}：全部事件（{count}）',
	'timeline.title': '{month}是事件最多的{unit}（{count}），另有 {undated}未注明月份',
	'timeline.titleTied': '{months}是事件最多的{units}（各 {count}），另有 {undated}未注明月份',
	'timeline.titleDated': '{month}是事件最多的{unit}（{count}）',
	'timeline.titleTiedDated': '{months}是事件最多的{units}（各 {count}）',
	'timeline.titleUndated': '全部 {count}均未注明月份',
	'timeline.subtitle':
		'{period}各城市科创事件（按{unit}）：每个方块代表一件事件，颜色表示领域；横条表示跨越数月的事件',
	'timeline.subtitleHeat': '{period}各城市科创事件（按{unit}）：格子颜色越深，事件越多',
	'timeline.quarter': '{quarter}季度',
	'timeline.quarterLong': '{year}年第{quarter}季度',
	'timeline.year': '{year}年',
	'timeline.unit.month': '月份',
	'timeline.unit.quarter': '季度',
	'timeline.unit.year': '年份',
	'timeline.units.month': '月份',
	'timeline.units.quarter': '季度',
	'timeline.units.year': '年份',
	'timeline.undated': '月份不详',
	'timeline.earlier': '年份不详（此前）',
	'timeline.earlierLong': '此前，未给出年份',
	'timeline.titleEarlier': '；{earlier}在此前，年份不详',
	'timeline.undatedLong': '月份不详',
	'timeline.national': '全国',
	'timeline.legendHeat': '每格事件数',
	'timeline.bin': '{from}–{to}',
	'timeline.binOpen': '{from} 及以上',
	'timeline.markLabel': '{row}，{month}：{count}',
	'timeline.range': '{title}（{from}至{to}）',
	'timeline.more': '另有 {count} 件',
	'timeline.desc':
		'{finding}。按{unit}排列{period} {cities} 个城市的事件，共 {total}；未注明月份的事件列在最后一个{unit}之后的一栏。',
	'timeline.descNational': '全国性举措（{count}）单列在最下方一行。',
	'timeline.descEarlier': '原文只说“此前”、未给出年份的事项（{count}）另列一栏，放在其后，不计入任何年份。',
	'timeline.table.total': '合计'
};
