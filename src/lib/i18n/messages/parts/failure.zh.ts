/**
 * The Chinese strings for the keys of `failure.ts`. A file of its own, so that each language's pages load
 * only that language's strings; the type checker keeps the keys the same.
 */
import type { en } from './failure';

export const zh: Record<keyof typeof en, string> = {
	'download.status.working': '正在生成…',
	'download.status.embedding': '正在嵌入字体…',
	'download.status.selectLink': '请复制下面的链接：',
	'download.status.done': '已下载',
	'download.error.load': '下载所需的部分未能加载。请检查网络连接后重试。',
	'download.status.shapes': '正在将文字转为图形…',
	'download.error.shapes': '未能将文字转为图形。请重试，或下载文字可编辑的 SVG。',
	'download.error.font': '未能嵌入字体。请重试，或取消勾选“{option}”后下载。',
	'download.error.png': '未能生成 PNG 图片。请重试，或改为下载 SVG 图片。',
	'download.error.failed': '未能生成下载文件，请重试。',
	'dataset.unreadable':
		'无法读取已保存的数据集“{name}”。它可能已损坏，或由其他版本的仪表板保存。仪表板的其他部分仍可正常使用。',
	'dataset.unreadableUnnamed':
		'有一个已保存的数据集无法读取。它可能已损坏，或由其他版本的仪表板保存。仪表板的其他部分仍可正常使用。',
	'dataset.unreadableDelete': '删除该数据集',
	'dataset.unreadableDismiss': '关闭',
	'dataset.unreadableDeleteFailed': '未能删除。请刷新页面后重试。',
	'dataset.memory': '导入不保存',
	'dataset.memoryLong':
		'此浏览器不允许仪表板保存数据（例如在隐私窗口中）：导入的数据只保留到关闭此标签页为止。',
	'builtin.unavailable.title': '未能加载仪表板的数据',
	'builtin.unavailable.body':
		'图表需要数据文件 {file}，但它未能送达或不是预期的文件。请检查网络后重试；数据文件也可在“方法说明”页下载。',
	'builtin.unavailable.retry': '重试',
	'view.unavailable': '本页的图表和表格是完整的，但其交互功能（筛选、提示、下载）未能加载。请检查网络后重试。'
};
