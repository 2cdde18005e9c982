/**
 * Strings of the saved datasets every page offers (the data switcher, saving, deleting); the import page's
 * own strings are in `importPage.ts`.
 * `en` defines the keys; `data.zh.ts` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'datasets.label': 'Data',
	'datasets.builtin': 'Built-in (article)',
	'datasets.heading': 'Saved datasets',
	'datasets.lead': 'Saved in this browser. Choose one to show it on every page.',
	'datasets.none': 'No saved datasets yet.',
	'datasets.inView': 'in view',
	'datasets.use': 'Show',
	'datasets.rename': 'Rename',
	'datasets.renameLabel': 'New name for {name}',
	'datasets.renameSave': 'Save name',
	'datasets.renameCancel': 'Cancel',
	'datasets.delete': 'Delete',
	'datasets.deleteLabel': 'Delete {name}',
	'datasets.deleted': 'Deleted “{name}”.',
	'datasets.undo': 'Undo',
	'datasets.restored': 'Restored “{name}”.',
	'datasets.export': 'Download',
	'datasets.exportEvents': 'events (CSV)',
	'datasets.exportFutures': 'lists (CSV)',
	'datasets.exportJson': 'everything (JSON)',
	'datasets.counts': '{events} events · {cities} cities · {lists} lists',
	'datasets.loading': 'Opening the dataset…',
	'datasets.memory': 'this session only',
	'datasets.switched': 'Now showing: {name}',
	'datasets.openFailed': 'That dataset could not be opened.'
} as const;
