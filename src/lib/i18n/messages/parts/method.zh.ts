/** The Chinese strings for the keys of `method.ts`; the type checker keeps the keys the same. */
import type { en } from './method';

export const zh: Record<keyof typeof en, string> = {
	'method.title': '方法说明',
	'method.lead': '数据从何而来、如何计数，以及我们的记录如何与原文的数字对上。',
	'method.source.heading': '资料来源',
	'method.source.body':
		'全部内置记录取自同一篇文章：{outlet}，{title}，{date} 发布。原文网址不详，故不列出。本项目只采用其中的事实与名称，事件标题均为本项目以中英文自拟。',
	'method.rules.heading': '计数规则',
	'method.rules.one': '每个城市的每项举措记为一个事件；一条中写有多个带日期举措的，拆成多个事件。',
	'method.rules.group':
		'同一举措涉及两座城市时，在每座城市各记一个事件，并共用一个分组编号，需要时可只计一次。',
	'method.rules.national':
		'全国性举措（国务院或部委的计划、三十多个大模型面市等）不属于任何城市，出现在时间线上，不计入城市统计。',
	'method.rules.commentary': '只在文章综述与访谈部分提到的事项标为“点评”，各视图可选择是否纳入；总览不纳入。',
	'method.rules.months':
		'月份以原文为准；原文未写月份的保持未知；“5月到6月”这样的区间保留起止两端。原文只说“此前”的事项（广州、深圳的公共数据管理办法，上海此前的未来产业计划）不记年份和月份，只记下它早于哪一事件；各时间线、筛选和数据文件都把它们与2023年的事件分开。',
	'method.reconcile.heading': '从记录到原文的“35件事，15座城市”',
	'method.reconcile.lead':
		'本数据集的 {records} 条记录可以还原为原文事件清单的 {bullets} 个条目。下表由数据计算得出。',
	'method.reconcile.bullet': '条目',
	'method.reconcile.section': '栏目',
	'method.reconcile.cities': '城市',
	'method.reconcile.months': '写明的月份',
	'method.reconcile.records': '记录数',
	'method.reconcile.counted': '计为',
	'method.reconcile.total': '合计',
	'method.reconcile.national': '全国',
	'method.reconcile.undated': '无月份',
	'method.reconcile.rule': '得出35件的规则',
	'method.reconcile.ruleLead': '能得出原文数字的规则：',
	'method.reconcile.hongkong':
		'原文的15座城市包括香港。香港只有一项：国家网信办和香港特区政府签订的大湾区数据跨境合作备忘录。这是国家机构与特区政府之间的协议，并非香港自行出台的措施。本数据集把它记在香港名下，这样才有原文的15座；不计它，事件清单只涉及14座城市。',
	'method.reconcile.variants': '其他计数方式',
	'method.reconcile.variant': '规则',
	'method.reconcile.value': '计数',
	'method.downloads.heading': '下载数据',
	'method.downloads.lead':
		'与页面所用相同的、经过校验的记录，提供 JSON 与 CSV 两种格式，并附 Frictionless 数据包说明。普通 .csv 文件带 BOM，Excel 可直接按 UTF-8 打开；不带 BOM 的 -nobom.csv 副本供数据工具（Frictionless、pandas、R）使用，数据包列出的即是它们。'
};
