/**
 * The Chinese strings for the keys of `exportEdit.ts`, loaded with the "edit before export" panel; the type
 * checker keeps the keys the same.
 */
import type { en } from './exportEdit';

export const zh: Record<keyof typeof en, string> = {
	'edit.menu': '导出前编辑…',
	'edit.menuHint': '自定标题和注释、突出城市，选择文章、社交媒体或印刷尺寸。',
	'edit.heading': '导出前编辑',
	'edit.intro':
		'可修改文字、突出报道涉及的城市并选择尺寸：图表会按所选尺寸重新排版，预览即为下载的文件。编辑内容保存在网址中，复制的链接可重现此编辑。',
	'edit.title': '标题',
	'edit.titleHint': '写出结论。留空则沿用原标题。最多 {max} 个字符。',
	'edit.subtitle': '副标题',
	'edit.subtitleHint': '写明指标、单位和时间。留空则沿用原副标题。最多 {max} 个字符。',
	'edit.notes': '注释',
	'edit.notesHint': '显示在数据来源下方。最多 {max} 个字符。',
	'edit.notesLine': '注：{notes}',
	'edit.highlight': '突出显示城市（最多 {max} 个）',
	'edit.highlightHint': '勾选的城市保留颜色，其余城市淡化显示。',
	'edit.highlightNone': '此图没有可突出显示的城市。',
	'edit.highlightFull': '已突出显示 4 个城市：取消勾选一个后才能再选。',
	'edit.size': '尺寸',
	'edit.size.640': '文章配图，宽 640 像素',
	'edit.size.720': '文章配图，宽 720 像素',
	'edit.size.960': '文章配图，宽 960 像素',
	'edit.size.social': '社交媒体横图，1200 × 675 像素',
	'edit.size.square': '方图，1080 × 1080 像素',
	'edit.size.portrait': '竖图，1080 × 1350 像素',
	'edit.size.print': '印刷，按毫米设定宽度（PNG 为 300 dpi）',
	'edit.mm': '印刷宽度（毫米，{min}–{max}）',
	'edit.background': '背景',
	'edit.bg.white': '白色',
	'edit.bg.transparent': '透明',
	'edit.bg.dark': '深色',
	'edit.preview': '预览',
	'edit.files': '文件：SVG {svg} 像素，PNG {png} 像素',
	'edit.filesPrint': '文件：SVG {svg} 毫米，PNG {png} 像素（300 dpi）',
	'edit.downloadPng': 'PNG 图像，{size} 像素',
	'edit.copyLink': '复制此编辑的链接',
	'edit.linkCopied': '链接已复制，打开即可看到编辑后的图表。',
	'edit.reset': '全部重来',
	'edit.close': '关闭'
};
