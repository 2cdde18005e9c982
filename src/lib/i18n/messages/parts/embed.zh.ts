/**
 * The Chinese strings for the keys of `embed.ts`. A file of its own, so that each language's pages load
 * only that language's strings; the type checker keeps the keys the same.
 */
import type { en } from './embed';

export const zh: Record<keyof typeof en, string> = {
	'embed.heading': '嵌入此图',
	'embed.lead':
		'将以下代码粘贴到您的网页中：图表会随所在栏的宽度调整，框架高度也会自动适应图表。嵌入的是此图的默认视图（内置数据，中文版）。',
	'embed.code': '嵌入代码',
	'embed.copy': '复制代码',
	'embed.copied': '已复制嵌入代码。',
	'embed.copyFailed': '此处不允许复制：代码已选中，请按 Ctrl+C 或 ⌘C 复制。',
	'embed.preview': '打开嵌入页面',
	'embed.close': '关闭',
	'embed.viewOnSite': '在“{site}”查看此图及其数据',
	'embed.newTab': '（在新标签页中打开）'
};
