/**
 * Strings for when something fails: the chart download menu's progress and error lines, a saved dataset
 * that cannot be read, and a browser that does not let the dashboard keep imported data.
 * `en` defines the keys; `zh` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'download.status.working': 'Preparing…',
	'download.status.embedding': 'Embedding the font…',
	'download.status.selectLink': 'Copy the link below:',
	'download.status.done': 'Downloaded',
	'download.error.load': 'Part of the download could not be loaded. Check your connection and try again.',
	'download.error.font':
		'The font could not be embedded. Try again, or untick “{option}” to download without it.',
	'download.error.png': 'The PNG image could not be drawn. Try again, or download the SVG image.',
	'download.error.failed': 'The download could not be made. Try again.',
	'dataset.unreadable':
		'The saved dataset “{name}” could not be read. It may be damaged, or saved by another version of this dashboard. The rest of the dashboard still works.',
	'dataset.unreadableUnnamed':
		'A saved dataset could not be read. It may be damaged, or saved by another version of this dashboard. The rest of the dashboard still works.',
	'dataset.unreadableDelete': 'Delete it',
	'dataset.unreadableDismiss': 'Dismiss',
	'dataset.unreadableDeleteFailed': 'It could not be deleted. Reload the page and try again.',
	'dataset.memory': 'Imports not kept',
	'dataset.memoryLong':
		'This browser does not let the dashboard store data (as in a private window): data you import is kept only until this tab is closed.'
} as const;

export const zh: Record<keyof typeof en, string> = {
	'download.status.working': '正在生成…',
	'download.status.embedding': '正在嵌入字体…',
	'download.status.selectLink': '请复制下面的链接：',
	'download.status.done': '已下载',
	'download.error.load': '下载所需的部分未能加载。请检查网络连接后重试。',
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
		'此浏览器不允许仪表板保存数据（例如在隐私窗口中）：导入的数据只保留到关闭此标签页为止。'
};
