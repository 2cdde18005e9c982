/**
 * Strings of the city profile pages, the cities index and the not-found page.
 * `en` defines the keys; `city.zh.ts` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'city.index.title': 'Cities',
	'city.index.lead':
		'The {count} cities the article names, grouped by city cluster, with the events each had in {period}. Pick a city for its profile.',
	'city.index.leadImported':
		'The {count} cities of “{name}”, grouped by city cluster, with the events each has. Pick a city for its profile.',
	'city.index.clusterCities': '{count} cities',
	'city.index.clusterCitiesOne': '1 city',
	'city.eventCount': '{count} events',
	'city.eventCountOne': '1 event',
	'city.eventCountNone': 'no events',

	'city.profile': 'City profile',
	'city.allCities': 'All cities',
	'city.description':
		'{name} in {period}: {count}, in {fields} of {total} fields, and how it compares with other cities.',
	'city.province': 'Province',
	'city.cluster': 'City cluster',
	'city.stat.events': 'Events in {period}',
	'city.stat.rank': 'Rank among cities',
	'city.stat.rankValue': '{rank} of {total}',
	'city.stat.rankTied': 'Joint {rank} of {total}',
	'city.stat.fields': 'Fields covered',
	'city.stat.fieldsValue': '{count} of {total}',
	'city.stat.commentary':
		'Figures count the event list only; {count} commentary items below are listed but not counted.',
	'city.stat.commentaryOne':
		'Figures count the event list only; 1 commentary item below is listed but not counted.',

	'city.events.heading': 'Events',
	'city.events.lead': 'In date order; items the article gives no month for come last.',
	'city.events.none': 'No events are recorded for this city.',
	'city.events.undated': 'No month given',
	'city.events.field': 'Field',
	'city.events.kind': 'Type',
	'city.events.document': 'Document',
	'city.events.source': 'Source',
	'city.events.sectionEvents': 'Event list',
	'city.events.sectionCommentary': 'Commentary',
	'city.events.bullet': 'bullet {n}',
	'city.events.commentary': 'Commentary',
	'city.events.commentaryNote':
		"From the article's commentary, not its event list: listed here, not counted in the figures.",
	'city.events.shared': 'The same action was also recorded for {cities}.',

	'city.kind.facility': 'Facility',
	'city.kind.computing-centre': 'Computing centre',
	'city.kind.policy': 'Policy',
	'city.kind.regulation': 'Regulation',
	'city.kind.plan': 'Plan',
	'city.kind.fund': 'Fund',
	'city.kind.visit': 'Visit',
	'city.kind.donation': 'Donation',
	'city.kind.expo': 'Expo',
	'city.kind.agreement': 'Agreement',
	'city.kind.model-release': 'Model release',
	'city.kind.pilot': 'Pilot',
	'city.kind.other': 'Other',

	'city.mix.heading': 'Fields, against the average',
	'city.years.heading': 'Year by year',
	'city.years.caption': 'Events of {city} per field and year, and the change from {from} to {to}',
	'city.years.field': 'Field',
	'city.years.total': 'All fields',
	'city.mix.lead': "Share of {name}'s events in each field, next to the share across all cities' events.",
	'city.mix.leans':
		'{name} leans most towards {field}: {share} of its events, against {average} across all cities.',
	'city.mix.caption': 'Events by field: {name} and all cities',
	'city.mix.field': 'Field',
	'city.mix.events': 'Events',
	'city.mix.shareOf': '{name} share',
	'city.mix.average': 'All cities',
	'city.mix.difference': 'Difference (points)',
	'city.mix.barsLabel': 'Shares by field, {name} against all cities',

	'city.future.heading': 'Future-industry list',
	'city.future.lead':
		"{name}'s own list of {count} future industries, each mapped to the dashboard's shared tracks, with how closely it matches and why.",
	'city.future.none': 'The article gives no future-industry list for {name}.',
	'city.future.industry': 'Industry (its own words)',
	'city.future.tracks': 'Tracks',
	'city.future.match': 'Match',
	'city.future.reason': 'Why',
	'city.match.exact': 'exact',
	'city.match.partial': 'partial',
	'city.match.broad': 'broad',

	'city.similar.heading': 'Most similar cities',
	'city.similar.byTracks': 'By future-industry tracks',
	'city.similar.byTracksLead':
		'Tracks in common over tracks listed by either (Jaccard index), among the cities with a list.',
	'city.similar.byMix': 'By mix of fields',
	'city.similar.byMixLead': 'How alike the two cities’ events per field are (cosine similarity).',
	'city.similar.score': 'similarity {value}',
	'city.similar.shared': 'shared: {list}',
	'city.similar.none': 'No other city is alike on this measure.',

	'city.compare.heading': 'Compare with…',
	'city.compare.lead': 'Open {name} side by side with one of the cities most like it.',
	'city.compare.link': '{name} and {other}',

	'city.notFound.title': 'Page not found',
	'city.notFound.body': 'There is no page at this address.',
	'city.notFound.unknownCity': 'No city in the dashboard is called {value}.',
	'city.notFound.suggest': 'Cities with a similar name',
	'city.notFound.allCities': 'See all cities',
	'city.notFound.home': 'Go to the overview',
	'city.notFound.errorTitle': 'Something went wrong',
	'city.notFound.errorBody':
		'This page could not be shown (error {status}). The rest of the dashboard still works.',
	'city.notFound.errorMessage': 'Message: {message}'
} as const;
