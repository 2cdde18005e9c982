/**
 * Strings of embedding a chart: the menu's embed panel (loaded with the panel, when first asked for) and
 * the embed page (drawn on the server only: it runs no app script). The menu's own entry, `embed.button`,
 * is in the core catalogue. `en` defines the keys; `embed.zh.ts` must have exactly the same ones.
 */
export const en = {
	'embed.heading': 'Embed this chart',
	'embed.lead':
		'Paste this code into your page: the chart fits the width of its column and the frame takes its height. It shows the chart’s default view with the built-in data, in English.',
	'embed.code': 'Embed code',
	'embed.copy': 'Copy the code',
	'embed.copied': 'Embed code copied.',
	'embed.copyFailed': 'Copying was not allowed here: the code is selected, copy it with Ctrl+C or ⌘C.',
	'embed.preview': 'Open the embed page',
	'embed.close': 'Close',
	'embed.viewOnSite': 'See this chart and its data on {site}',
	'embed.newTab': ' (opens in a new tab)'
} as const;
