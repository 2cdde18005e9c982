/**
 * Strings of the category-mix and timeline charts.
 * `en` defines the keys; `charts.zh.ts` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'mix.title':
		'{field} is the biggest field overall ({share}); {city} leans furthest towards {cityField} ({cityShare} of its events)',
	'mix.titleSame':
		'{field} is the biggest field overall ({share}); {city} leans furthest towards it ({cityShare} of its events)',
	'mix.titleNoLean': '{field} is the biggest field overall ({share})',
	'mix.subtitleCount': 'Events per city in {period}, split by field, with the all-city average for reference',
	'mix.subtitleShare':
		'The {period} events of each city split by field, as shares of its total, with the all-city average for reference',
	'mix.average': 'All cities (average)',
	'mix.modeLabel': 'Show the bars as',
	'mix.modeCount': 'Counts',
	'mix.modeShare': 'Shares (100%)',
	'mix.desc':
		'Stacked bar chart of events by field for {cities} cities. Across them all, {field} is the biggest field, with {share} of events.',
	'mix.descLean':
		'Among cities with at least {min} events, {city} differs most from the average: {cityShare} of its events are in {cityField}, against {avgShare} across all cities.',
	'mix.markLabel': '{city}: {count} — {list}',
	'mix.segment': '{field}: {value}',
	'mix.table.total': 'Total events',
	'mix.table.percent': '{field} (%)',
	'mix.openLabel': '{city}: all events ({count})',
	'timeline.title': '{month} was the busiest {unit} ({count}); the source gives no month for {undated}',
	'timeline.titleTied':
		'{months} were the busiest {units} ({count} each); the source gives no month for {undated}',
	'timeline.titleDated': '{month} was the busiest {unit} ({count})',
	'timeline.titleTiedDated': '{months} were the busiest {units} ({count} each)',
	'timeline.titleUndated': 'The source gives no month for any of the {count}',
	'timeline.subtitle':
		'Innovation events of {period} by {unit} and city: each square is one event, coloured by field; a bar spans an event that ran over several months',
	'timeline.subtitleHeat':
		'Innovation events of {period} by {unit} and city: the darker the cell, the more events it holds',
	'timeline.quarter': 'Q{quarter}',
	'timeline.quarterLong': 'Q{quarter} {year}',
	'timeline.year': '{year}',
	'timeline.unit.month': 'month',
	'timeline.unit.quarter': 'quarter',
	'timeline.unit.year': 'year',
	'timeline.units.month': 'months',
	'timeline.units.quarter': 'quarters',
	'timeline.units.year': 'years',
	'timeline.undated': 'No month',
	'timeline.earlier': 'Earlier, no year',
	'timeline.earlierLong': 'earlier, year not given',
	'timeline.titleEarlier': '; {earlier} earlier, with no year given',
	'timeline.undatedLong': 'no month given',
	'timeline.national': 'National',
	'timeline.legendHeat': 'Events per cell',
	'timeline.bin': '{from}–{to}',
	'timeline.binOpen': '{from}+',
	'timeline.markLabel': '{row}, {month}: {count}',
	'timeline.range': '{title} ({from}–{to})',
	'timeline.more': '+{count} more',
	'timeline.desc':
		'{finding}. Grid of {total} by {unit} over {period} for {cities} cities; events without a month sit in a column after the last {unit}.',
	'timeline.descNational': 'National actions ({count}) have a row of their own at the bottom.',
	'timeline.descEarlier':
		'Items the source gives no year for, placing them only before another event ({count}), sit in a column of their own after it, apart from every year.',
	'timeline.table.total': 'Total'
} as const;
