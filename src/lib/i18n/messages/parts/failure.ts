/**
 * Strings for when something fails: the chart download menu's progress and error lines, a saved dataset
 * that cannot be read, and a browser that does not let the dashboard keep imported data.
 * `en` defines the keys; `failure.zh.ts` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'download.status.working': 'Preparing…',
	'download.status.embedding': 'Embedding the font…',
	'download.status.selectLink': 'Copy the link below:',
	'download.status.done': 'Downloaded',
	'download.error.load': 'Part of the download could not be loaded. Check your connection and try again.',
	'download.status.shapes': 'Drawing the text as shapes…',
	'download.error.shapes':
		'The text could not be drawn as shapes. Try again, or download the SVG with editable text.',
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
		'This browser does not let the dashboard store data (as in a private window): data you import is kept only until this tab is closed.',
	'builtin.unavailable.title': 'The dashboard’s data could not be loaded',
	'builtin.unavailable.body':
		'The charts need the data file {file}, which did not arrive or was not the expected file. Check your connection and try again; the data files can also be downloaded from the methodology page.',
	'builtin.unavailable.retry': 'Try again',
	'view.unavailable':
		'The charts and tables on this page are complete, but its controls (filters, tooltips, downloads) could not be loaded. Check your connection and try again.'
} as const;
