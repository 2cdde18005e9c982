/**
 * The Chinese strings for the keys of `data.ts`. A file of its own, so that each language's pages load
 * only that language's strings; the type checker keeps the keys the same.
 */
import type { en } from './data';

export const zh: Record<keyof typeof en, string> = {
	'datasets.label': '数据',
	'datasets.builtin': '内置（文章）',
	'datasets.heading': '已保存的数据集',
	'datasets.lead': '保存在本浏览器中。选择一个，即在所有页面显示。',
	'datasets.none': '还没有保存的数据集。',
	'datasets.inView': '正在显示',
	'datasets.use': '显示',
	'datasets.rename': '重命名',
	'datasets.renameLabel': '{name} 的新名称',
	'datasets.renameSave': '保存名称',
	'datasets.renameCancel': '取消',
	'datasets.delete': '删除',
	'datasets.deleteLabel': '删除 {name}',
	'datasets.deleted': '已删除“{name}”。',
	'datasets.undo': '撤销',
	'datasets.restored': '已恢复“{name}”。',
	'datasets.export': '下载',
	'datasets.exportEvents': '事件（CSV）',
	'datasets.exportFutures': '清单（CSV）',
	'datasets.exportJson': '全部（JSON）',
	'datasets.counts': '{events} 个事件 · {cities} 个城市 · {lists} 份清单',
	'datasets.loading': '正在打开数据集…',
	'datasets.memory': '仅限本次会话',
	'datasets.switched': '现在显示：{name}',
	'datasets.openFailed': '无法打开该数据集。'
};
