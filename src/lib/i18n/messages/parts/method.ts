/**
 * Strings of the methodology page (and the crosswalk table the industries page shows too): loaded by those
 * pages only (`loadPageStrings`). `method.zh.ts` must have the same keys.
 */
export const en = {
	'method.title': 'Methodology',
	'method.lead':
		'Where the data comes from, how we counted, and how our records add up to the article’s own figures.',
	'method.source.heading': 'Source',
	'method.source.body':
		'Every built-in record comes from one article: {outlet}, {title}, published {date}. Its original web address is not known, so none is given. Facts and names are taken from it; every event title is written in our own words, in Chinese and English.',
	'method.rules.heading': 'Counting rules',
	'method.rules.one':
		'One event per action per city. A bullet that names several dated actions becomes several events.',
	'method.rules.group':
		'An action that names two cities is one event in each, sharing a group id, so it can be counted once when wanted.',
	'method.rules.national':
		'National actions (a State Council or ministry plan, the 30-plus language models) have no city. They appear on timelines, not in city counts.',
	'method.rules.commentary':
		'Items the article names only in its review and interview are marked “commentary”; views can include or leave them out. The overview leaves them out.',
	'method.rules.months':
		'The month is the one the article gives. Where it gives none the month stays unknown; a range such as May to June keeps both ends. An item the article only places “earlier” than another event (Guangzhou’s and Shenzhen’s public-data rules, Shanghai’s earlier future-industry plan) has no year and no month: it records the event it came before, and every timeline, filter and file keeps it apart from the events of 2023.',
	'method.reconcile.heading': 'From our records to the article’s “35 events, 15 cities”',
	'method.reconcile.lead':
		'Our {records} records roll back up into the article’s {bullets} bullets. This table is computed from the data.',
	'method.reconcile.bullet': 'Bullet',
	'method.reconcile.section': 'Section',
	'method.reconcile.cities': 'Cities',
	'method.reconcile.months': 'Months named',
	'method.reconcile.records': 'Records',
	'method.reconcile.counted': 'Counted as',
	'method.reconcile.total': 'Total',
	'method.reconcile.national': 'national',
	'method.reconcile.undated': 'no month',
	'method.reconcile.rule': 'The rule that gives 35',
	'method.reconcile.ruleLead': 'The rule that reproduces the article’s figure:',
	'method.reconcile.hongkong':
		'The article’s 15 cities include Hong Kong. Hong Kong’s one item is the memorandum on cross-border data flows in the Greater Bay Area, signed by a national body, the Cyberspace Administration of China, and the Hong Kong SAR government: an agreement between the two, not a measure Hong Kong took on its own. We record it under Hong Kong, as the article’s count of 15 needs; without it the event list names 14 cities.',
	'method.reconcile.variants': 'Other ways to count',
	'method.reconcile.variant': 'Rule',
	'method.reconcile.value': 'Count',
	'method.downloads.heading': 'Download the data',
	'method.downloads.lead':
		'The same validated records the pages use, as JSON and CSV, described by a Frictionless Data Package. The plain .csv files carry a byte-order mark so that Excel reads them as UTF-8; the -nobom.csv copies, without it, are what the data package lists for data tools (Frictionless, pandas, R).'
} as const;
