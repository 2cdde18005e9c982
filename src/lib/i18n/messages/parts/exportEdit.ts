/**
 * Strings of "edit before export": the download menu's entry and the panel, a chunk of its own that the
 * menu loads when the chart's view starts (never on opening a page: the opening JavaScript budget).
 * `exportEdit.zh.ts` has exactly the same keys.
 */
export const en = {
	'edit.menu': 'Edit before export…',
	'edit.menuHint': 'Your title and notes, highlighted cities, sizes for articles, social posts and print.',
	'edit.heading': 'Edit before export',
	'edit.intro':
		'Change the words, highlight the cities your story is about and pick a size: the chart is laid out again for it, and the preview is the file you download. The address keeps your edit, so a copied link opens it again.',
	'edit.title': 'Title',
	'edit.titleHint': 'State the finding. Leave empty to keep the chart’s own title. Up to {max} characters.',
	'edit.subtitle': 'Subtitle',
	'edit.subtitleHint': 'Measure, unit, period. Leave empty to keep the chart’s own. Up to {max} characters.',
	'edit.notes': 'Notes',
	'edit.notesHint': 'Printed under the source line. Up to {max} characters.',
	'edit.notesLine': 'Note: {notes}',
	'edit.highlight': 'Highlight cities (up to {max})',
	'edit.highlightHint': 'The cities you tick stay in colour; the others are muted.',
	'edit.highlightNone': 'This chart has no cities to highlight.',
	'edit.highlightFull': 'Four cities are highlighted: untick one to choose another.',
	'edit.size': 'Size',
	'edit.size.640': 'Article, 640 px wide',
	'edit.size.720': 'Article, 720 px wide',
	'edit.size.960': 'Article, 960 px wide',
	'edit.size.social': 'Social post, 1200 × 675 px',
	'edit.size.square': 'Square, 1080 × 1080 px',
	'edit.size.portrait': 'Portrait, 1080 × 1350 px',
	'edit.size.print': 'Print, a width in mm (PNG at 300 dpi)',
	'edit.mm': 'Print width in mm ({min}–{max})',
	'edit.background': 'Background',
	'edit.bg.white': 'White',
	'edit.bg.transparent': 'Transparent',
	'edit.bg.dark': 'Dark',
	'edit.preview': 'Preview',
	'edit.files': 'Files: SVG {svg} px, PNG {png} px',
	'edit.filesPrint': 'Files: SVG {svg} mm, PNG {png} px (300 dpi)',
	'edit.downloadPng': 'PNG image, {size} px',
	'edit.copyLink': 'Copy link to this edit',
	'edit.linkCopied': 'Link copied: it opens this edited chart.',
	'edit.reset': 'Start again',
	'edit.close': 'Close'
};
