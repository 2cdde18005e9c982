/**
 * Strings of the compare and industries pages and their charts.
 * `en` defines the keys; `pages.zh.ts` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'compare.title': 'Compare cities',
	'compare.lead':
		'Put two to four cities side by side. Every column uses the same scale, so bars compare at a glance.',
	'compare.picker.label': 'Find a city to add',
	'compare.picker.placeholder': 'Chinese or English name, or pinyin (e.g. hefei)',
	'compare.picker.add': 'Add {city}',
	'compare.picker.full': 'Four cities are the most that fit side by side. Remove one to add another.',
	'compare.picker.none': 'No city matches “{query}”.',
	'compare.picker.already': '{city} is already compared.',
	'compare.picker.results': 'Matching cities',
	'compare.chosen': 'Cities compared',
	'compare.remove': 'Remove {city}',
	'compare.left': 'Move {city} left',
	'compare.right': 'Move {city} right',
	'compare.needTwo': 'Choose at least two cities to compare.',
	'compare.chart.title': '{city} has the most events of the {n} cities compared ({count})',
	'compare.chart.titleTie': '{cities} have the most events of the {n} cities compared ({count} each)',
	'compare.chart.subtitle':
		'Events per field in {period}, on one scale for every city. Outlined: the only city of these with events in that field.',
	'compare.chart.desc': 'Small multiples of events per field for {cities}. {details}.',
	'compare.chart.only': 'only this city',
	'compare.chart.total': '{count} in all',
	'compare.diff.heading': 'What sets each city apart',
	'compare.diff.fields': 'Fields only this city has',
	'compare.diff.tracks': 'Future-industry tracks only this city has',
	'compare.diff.noList': 'No future-industry list in the source',
	'compare.diff.none': 'None',
	'compare.shared.heading': 'What they share',
	'compare.shared.fields': 'Fields every city has',
	'compare.shared.tracks': 'Tracks every city has',
	'compare.table.field': 'Field',
	'compare.timeline.heading': 'When it happened',
	'industries.title': 'Future industries',
	'industries.lead':
		'Which future industries each city has bet on, in its own words, and where those bets overlap. Lists come from the cities the source names: {cities}.',
	'industries.matrix.heading': 'Who bets on what',
	'industries.upset.heading': 'Where the bets overlap',
	'industries.upset.chosen': 'Tracks shared by exactly {cities}',
	'industries.upset.hint': 'Choose an intersection in the chart to list its tracks here.',
	'industries.similarity.heading': 'How alike the cities are',
	'industries.crosswalk.heading': 'From each city’s words to the tracks',
	'overview.reading.heading': 'What the data shows',
	'overview.reading.lead':
		'In {period} the source records {events} innovation events in {cities} cities, plus {national} national ones.',
	'overview.reading.top':
		'{first} was the busiest city with {count} events, followed by {second} ({count2}).',
	'overview.reading.cluster': 'Cities of the {cluster} account for {share} of the city events.',
	'overview.reading.field': 'The most common field is {field} ({share} of events).',
	'overview.reading.month':
		'{month} was the busiest {unit} ({count} events); {undated} events carry no month.',
	'overview.reading.monthEarlier':
		'{month} was the busiest {unit} ({count} events); {undated} events carry no month, and {earlier} “earlier” items give no year at all.',
	'overview.reading.tracks':
		'{lists} cities published future-industry lists; the only track all of them name is {track}.',
	'overview.reading.tracksNone':
		'{lists} cities published future-industry lists, and no track is named by all of them.',
	'overview.options': 'Chart options',
	'overview.commentary': 'Include items named only in the commentary of the article',
	'overview.stacked': 'Split the bars by field',
	'overview.section.cities': 'Events per city',
	'overview.section.map': 'Where the cities are',
	'overview.section.mix': 'Which fields',
	'overview.section.timeline': 'When',
	'events.opened.heading': 'Events behind “{label}”',
	'events.opened.listed': 'Events behind “{label}”: {count}, listed on this page.',
	'events.opened.show': 'Show the list',
	'events.opened.close': 'Close the list',
	'events.opened.source': 'Source',
	'events.opened.sectionEvents': 'Event list',
	'events.opened.sectionCommentary': 'Commentary',
	'events.opened.bullet': 'bullet {n}',
	'events.opened.noMonth': 'Month not given',
	'events.opened.national': 'National'
} as const;
