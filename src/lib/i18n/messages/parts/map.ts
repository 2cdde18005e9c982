/**
 * Strings of the dot map.
 * `en` defines the keys; `map.zh.ts` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'map.title': '{cluster} cities hold {count} of the {total} events ({share})',
	'map.titleAll': '{cluster} cities hold all {total} events',
	'map.subtitle':
		'Innovation events per city in {period}, placed by latitude and longitude; circle area shows the number of events, colour the city cluster',
	'map.note': 'Positions only: no administrative boundaries, coastlines or borders are drawn.',
	'map.missingOne': '1 city without coordinates is not shown: {list}.',
	'map.missing': '{count} cities without coordinates are not shown: {list}.',
	'map.unlabelled': 'Cities without a label are named in the table and the tooltip.',
	'map.noCoordinates': 'No city in view has coordinates to place it on the map.',
	'map.sizeTitle': 'Events',
	'map.zero': 'None',
	'map.lonEast': '{deg}°E',
	'map.lonWest': '{deg}°W',
	'map.latNorth': '{deg}°N',
	'map.latSouth': '{deg}°S',
	'map.desc':
		'Dot map of {count} cities placed by latitude and longitude, circle area proportional to the number of events. {list}.',
	'map.table.province': 'Province',
	'map.table.lat': 'Latitude',
	'map.table.lon': 'Longitude',
	'map.dodged': 'Circles of nearby cities are moved apart; a thin line leads to a moved city’s position.'
} as const;
