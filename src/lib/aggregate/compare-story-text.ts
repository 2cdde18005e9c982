/**
 * The compare story (`compare-story.ts`) in words, in either language: one plain sentence per
 * statement, each carrying the cities, events, fields and tracks it speaks of, so a page can link the
 * sentence to its events. Lists go through `formatList` ("A, B and C" / "A、B和C"), counts through
 * `countPhrase`; the strings are the `story.*` keys of `messages/parts/compareStory*.ts`.
 */
import type { Dataset, Locale } from '../data/types';
import { countPhrase, formatList, t, type CountForms, type MessageKey, type Params } from '../i18n';
import type {
	CityEvents,
	CityWords,
	CompareStory,
	MissingStatement,
	PairSimilarity,
	StoryItem
} from './compare-story';

export type SentenceKind =
	| 'fields.only'
	| 'fields.shared'
	| 'fields.all'
	| 'fields.noneShared'
	| 'fields.noEvents'
	| 'fields.missing'
	| 'fields.missingMore'
	| 'tracks.noList'
	| 'tracks.noneListed'
	| 'tracks.single'
	| 'tracks.only'
	| 'tracks.shared'
	| 'tracks.all'
	| 'tracks.noneShared'
	| 'tracks.missing'
	| 'tracks.missingMore'
	| 'similarity.tracks'
	| 'similarity.mix'
	| 'similarity.tooFew';

export interface StorySentence {
	kind: SentenceKind;
	text: string;
	/** The chosen cities the sentence is about (the pair, the group, the city), in chosen order. */
	cityIds: string[];
	/** The events behind it (the chosen cities' for fields; the peers' for a missing field). */
	eventIds: string[];
	/** The fields it names. */
	categoryIds: string[];
	/** The tracks it names. */
	trackIds: string[];
}

export interface StoryText {
	fields: StorySentence[];
	tracks: StorySentence[];
	similarity: StorySentence[];
}

const EVENTS: CountForms = { one: 'story.eventsOne', other: 'story.events' };
const TRACKS: CountForms = { one: 'story.tracksOne', other: 'story.tracks' };
const OTHER_CITIES: CountForms = { one: 'story.otherCitiesOne', other: 'story.otherCities' };
const FIELDS_MORE: CountForms = { one: 'story.fields.missingMoreOne', other: 'story.fields.missingMore' };
const TRACKS_MORE: CountForms = { one: 'story.tracks.missingMoreOne', other: 'story.tracks.missingMore' };

/** Similarity values as the industries page prints them (two decimals). */
const formatValue = (v: number) => v.toFixed(2);

/** The story's sentences in one language. `ds` is the dataset the story was computed from (for names). */
export function compareStoryText(story: CompareStory, ds: Dataset, locale: Locale): StoryText {
	const cityNames = new Map(ds.cities.map((c) => [c.id, c.name[locale]]));
	const categoryNames = new Map(ds.categories.map((c) => [c.id, c.name[locale]]));
	const trackNames = new Map(ds.tracks.map((c) => [c.id, c.name[locale]]));
	const city = (id: string) => cityNames.get(id) ?? id;
	const cities = (ids: string[]) => formatList(locale, ids.map(city));
	const tr = (key: MessageKey, params?: Params) => t(locale, key, params);
	const item = (names: Map<string, string>, id: string) => tr('story.item', { name: names.get(id) ?? id });
	const items = (names: Map<string, string>, list: { id: string }[]) =>
		formatList(
			locale,
			list.map((x) => item(names, x.id))
		);
	const eventsOf = (list: StoryItem<CityEvents>[]) =>
		list.flatMap((x) => x.cities.flatMap((c) => c.eventIds));
	const sentence = (
		kind: SentenceKind,
		text: string,
		more: Partial<Omit<StorySentence, 'kind' | 'text'>> = {}
	): StorySentence => ({ kind, text, cityIds: [], eventIds: [], categoryIds: [], trackIds: [], ...more });

	// ---- fields
	const f = story.fields;
	const fields: StorySentence[] = [];
	for (const id of f.noEvents)
		fields.push(
			sentence('fields.noEvents', tr('story.fields.noEvents', { city: city(id) }), { cityIds: [id] })
		);
	for (const o of f.only) {
		if (!o.items.length) continue;
		fields.push(
			sentence(
				'fields.only',
				tr('story.fields.only', { city: city(o.cityId), items: items(categoryNames, o.items) }),
				{
					cityIds: [o.cityId],
					eventIds: eventsOf(o.items),
					categoryIds: o.items.map((x) => x.id)
				}
			)
		);
	}
	for (const s of f.shared) {
		fields.push(
			sentence(
				'fields.shared',
				tr('story.fields.shared', {
					k: s.k,
					n: s.n,
					cities: cities(s.cityIds),
					items: items(categoryNames, s.items)
				}),
				{ cityIds: s.cityIds, eventIds: eventsOf(s.items), categoryIds: s.items.map((x) => x.id) }
			)
		);
	}
	if (f.all.length) {
		fields.push(
			sentence(
				'fields.all',
				tr(f.n === 2 ? 'story.fields.allTwo' : 'story.fields.all', {
					n: f.n,
					items: items(categoryNames, f.all)
				}),
				{ cityIds: f.cityIds, eventIds: eventsOf(f.all), categoryIds: f.all.map((x) => x.id) }
			)
		);
	}
	if (!f.shared.length && !f.all.length) {
		fields.push(
			sentence(
				'fields.noneShared',
				tr(f.n === 2 ? 'story.fields.noneSharedTwo' : 'story.fields.noneShared'),
				{
					cityIds: f.cityIds
				}
			)
		);
	}
	fields.push(
		...missingSentences(
			'fields',
			f.missing,
			f.cityIds,
			f.n === 2 ? 'story.fields.missingTwo' : 'story.fields.missing'
		)
	);

	// ---- tracks
	const k = story.tracks;
	const tracks: StorySentence[] = [];
	const listedNote = k.noList.length > 0;
	if (k.n === 0) {
		tracks.push(
			sentence('tracks.noneListed', tr('story.tracks.noneListed', { n: k.noList.length }), {
				cityIds: k.noList
			})
		);
	} else if (listedNote) {
		tracks.push(
			sentence(
				'tracks.noList',
				k.noList.length === 1
					? tr('story.tracks.noListOne', { city: city(k.noList[0]) })
					: tr('story.tracks.noList', { cities: cities(k.noList) }),
				{ cityIds: k.noList }
			)
		);
	}
	if (k.n === 1) {
		const o = k.only[0];
		tracks.push(
			sentence(
				'tracks.single',
				o.items.length
					? tr('story.tracks.single', {
							city: city(o.cityId),
							tracks: countPhrase(locale, o.items.length, TRACKS),
							items: items(trackNames, o.items)
						})
					: tr('story.tracks.singleEmpty', { city: city(o.cityId) }),
				{ cityIds: [o.cityId], trackIds: o.items.map((x) => x.id) }
			)
		);
	} else if (k.n >= 2) {
		for (const o of k.only) {
			if (!o.items.length) continue;
			tracks.push(
				sentence(
					'tracks.only',
					tr('story.tracks.only', { city: city(o.cityId), items: items(trackNames, o.items) }),
					{
						cityIds: [o.cityId],
						trackIds: o.items.map((x) => x.id)
					}
				)
			);
		}
		for (const s of k.shared) {
			tracks.push(
				sentence(
					'tracks.shared',
					tr(listedNote ? 'story.tracks.sharedListed' : 'story.tracks.shared', {
						k: s.k,
						n: s.n,
						cities: cities(s.cityIds),
						items: items(trackNames, s.items)
					}),
					{ cityIds: s.cityIds, trackIds: s.items.map((x) => x.id) }
				)
			);
		}
		if (k.all.length) {
			const key: MessageKey =
				k.n === 2
					? listedNote
						? 'story.tracks.allTwoListed'
						: 'story.tracks.allTwo'
					: listedNote
						? 'story.tracks.allListed'
						: 'story.tracks.all';
			tracks.push(
				sentence('tracks.all', tr(key, { n: k.n, items: items(trackNames, k.all) }), {
					cityIds: k.cityIds,
					trackIds: k.all.map((x) => x.id)
				})
			);
		}
		if (!k.shared.length && !k.all.length) {
			tracks.push(
				sentence(
					'tracks.noneShared',
					tr(k.n === 2 ? 'story.tracks.noneSharedTwo' : 'story.tracks.noneShared'),
					{
						cityIds: k.cityIds
					}
				)
			);
		}
	}
	if (k.n >= 1) {
		const key: MessageKey =
			k.n === 1
				? 'story.tracks.missingSingle'
				: k.n === 2
					? listedNote
						? 'story.tracks.missingTwoListed'
						: 'story.tracks.missingTwo'
					: listedNote
						? 'story.tracks.missingListed'
						: 'story.tracks.missing';
		tracks.push(...missingSentences('tracks', k.missing, k.cityIds, key));
	}

	// ---- similarity
	const similarity: StorySentence[] = [];
	for (const p of story.pairs) similarity.push(...pairSentences(p));

	return { fields, tracks, similarity };

	function missingSentences(
		area: 'fields' | 'tracks',
		m: MissingStatement<CityEvents> | MissingStatement<CityWords>,
		chosen: string[],
		key: MessageKey
	): StorySentence[] {
		const names = area === 'fields' ? categoryNames : trackNames;
		const out: StorySentence[] = m.items.map((x) => {
			const peerEvents =
				area === 'fields' ? (x.peers as CityEvents[]).flatMap((p) => p.eventIds) : ([] as string[]);
			return sentence(
				area === 'fields' ? 'fields.missing' : 'tracks.missing',
				tr(key, {
					n: chosen.length,
					city: chosen.length ? city(chosen[0]) : '',
					item: item(names, x.id),
					others: countPhrase(locale, x.peerCount, OTHER_CITIES)
				}),
				{
					cityIds: chosen,
					eventIds: peerEvents,
					categoryIds: area === 'fields' ? [x.id] : [],
					trackIds: area === 'tracks' ? [x.id] : []
				}
			);
		});
		if (m.more > 0) {
			out.push(
				sentence(
					area === 'fields' ? 'fields.missingMore' : 'tracks.missingMore',
					countPhrase(locale, m.more, area === 'fields' ? FIELDS_MORE : TRACKS_MORE),
					{ cityIds: chosen }
				)
			);
		}
		return out;
	}

	function pairSentences(p: PairSimilarity): StorySentence[] {
		const [a, b] = p.cityIds;
		const names = { a: city(a), b: city(b) };
		const out: StorySentence[] = [];
		if (p.tracks.value !== null) {
			out.push(
				sentence(
					'similarity.tracks',
					p.tracks.unionCount === 0
						? tr('story.sim.tracksEmpty', names)
						: tr('story.sim.tracks', {
								...names,
								shared: p.tracks.sharedCount,
								union: p.tracks.unionCount,
								value: formatValue(p.tracks.value)
							}),
					{ cityIds: [a, b] }
				)
			);
		}
		if (p.mix.value !== null) {
			out.push(
				sentence('similarity.mix', tr('story.sim.mix', { ...names, value: formatValue(p.mix.value) }), {
					cityIds: [a, b]
				})
			);
		} else {
			const reasons = p.cityIds
				.map((id, i) => ({ id, count: p.eventCounts[i] }))
				.filter((x) => x.count < story.minMixEvents)
				.map((x) =>
					tr('story.sim.cityEvents', { city: city(x.id), events: countPhrase(locale, x.count, EVENTS) })
				);
			out.push(
				sentence(
					'similarity.tooFew',
					tr('story.sim.tooFew', { ...names, reasons: formatList(locale, reasons), min: story.minMixEvents }),
					{ cityIds: [a, b] }
				)
			);
		}
		return out;
	}
}
