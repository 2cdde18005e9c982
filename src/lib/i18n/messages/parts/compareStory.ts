/**
 * Strings of the compare page's "differences and overlaps" (`aggregate/compare-story-text.ts`).
 * `en` defines the keys; `compareStory.zh.ts` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'story.item': '“{name}”',
	'story.events': '{count} events',
	'story.eventsOne': '1 event',
	'story.tracks': '{count} tracks',
	'story.tracksOne': '1 track',
	'story.otherCities': '{count} other cities',
	'story.otherCitiesOne': 'one other city',
	'story.fields.only': 'Fields only {city} has events in: {items}.',
	'story.fields.shared': 'Fields shared by {k} of {n} ({cities}): {items}.',
	'story.fields.all': 'Fields all {n} have events in: {items}.',
	'story.fields.allTwo': 'Fields both have events in: {items}.',
	'story.fields.noneShared': 'No two of them have events in the same field.',
	'story.fields.noneSharedTwo': 'The two have no field in common.',
	'story.fields.noEvents': '{city} has no events in this selection.',
	'story.fields.missing': 'None of the {n} has events in {item}, which {others} have.',
	'story.fields.missingTwo': 'Neither has events in {item}, which {others} have.',
	'story.fields.missingMore': '{count} more such fields are not listed.',
	'story.fields.missingMoreOne': 'One more such field is not listed.',
	'story.tracks.noList': '{cities} have no future-industry list in the source.',
	'story.tracks.noListOne': '{city} has no future-industry list in the source.',
	'story.tracks.noneListed':
		'None of the {n} has a future-industry list in the source, so their tracks cannot be compared.',
	'story.tracks.single': '{city} is the only one with a list and names {tracks}: {items}.',
	'story.tracks.singleEmpty': '{city} is the only one with a list, and it names no track.',
	'story.tracks.only': 'Tracks only {city} names: {items}.',
	'story.tracks.shared': 'Tracks named by {k} of {n} ({cities}): {items}.',
	'story.tracks.sharedListed': 'Tracks named by {k} of the {n} with a list ({cities}): {items}.',
	'story.tracks.all': 'Tracks all {n} name: {items}.',
	'story.tracks.allListed': 'Tracks all {n} with a list name: {items}.',
	'story.tracks.allTwo': 'Tracks both name: {items}.',
	'story.tracks.allTwoListed': 'Tracks both cities with a list name: {items}.',
	'story.tracks.noneShared': 'No two of them name the same track.',
	'story.tracks.noneSharedTwo': 'The two name no track in common.',
	'story.tracks.missing': 'None of the {n} names {item}, which {others} name.',
	'story.tracks.missingListed': 'None of the {n} with a list names {item}, which {others} name.',
	'story.tracks.missingTwo': 'Neither names {item}, which {others} name.',
	'story.tracks.missingTwoListed': 'Neither city with a list names {item}, which {others} name.',
	'story.tracks.missingSingle': '{city} does not name {item}, which {others} name.',
	'story.tracks.missingMore': '{count} more such tracks are not listed.',
	'story.tracks.missingMoreOne': 'One more such track is not listed.',
	'story.sim.tracks':
		'{a} and {b} have {shared} of the {union} tracks either names in common (Jaccard {value}).',
	'story.sim.tracksEmpty': '{a} and {b} both have a list, but neither names a track.',
	'story.sim.mix': '{a} and {b}: field-mix similarity {value} (cosine; 1 = the same mix).',
	'story.sim.tooFew':
		'{a} and {b}: too few events to compare their mix of fields ({reasons}; at least {min} each are needed).',
	'story.sim.cityEvents': '{city} has {events}'
} as const;
