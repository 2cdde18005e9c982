/**
 * A seeded generator of valid, dashboard-shaped datasets far larger than the built-in one, for
 * property tests and the benchmark: up to 300 cities in clusters with coordinates, 8 categories,
 * any number of events (national, commentary, undated, ranged and grouped ones among them),
 * tracks and future-industry lists with matches. Same options → same dataset.
 *
 * Records share their read-only sub-objects (titles, sources, empty actor lists) to keep a million
 * events affordable in memory; nothing in the engine mutates them.
 */
import { randomLcg } from 'd3-random';
import type {
	City,
	Cluster,
	Dataset,
	EventKind,
	EventSource,
	FutureIndustryList,
	I18nText,
	InnovationEvent,
	MatchStrength,
	Track
} from '../data/types';

export interface SyntheticOptions {
	seed?: number;
	/** 1–300 (default 30). */
	cities?: number;
	/** Default 4. */
	clusters?: number;
	/** 1–193 (default 8). */
	categories?: number;
	/** Default 1,000. */
	events?: number;
	/** Default 60. */
	tracks?: number;
	/** Share of cities with a future-industry list (default 1). */
	listShare?: number;
	/** Shares of event kinds (defaults: national 0.03, commentary 0.1, undated 0.08, ranged 0.05, grouped 0.04). */
	national?: number;
	commentary?: number;
	undated?: number;
	ranged?: number;
	grouped?: number;
	/**
	 * Years the events spread over, from 2023 (default 1: every event in 2023). With more than one,
	 * a ranged event may cross a year's end, and `noYear` of the events have no year at all.
	 */
	years?: number;
	/** Share of events with no year ("earlier"), only with `years` > 1 (default 0.01). */
	noYear?: number;
}

const KINDS: EventKind[] = [
	'facility',
	'computing-centre',
	'policy',
	'plan',
	'fund',
	'visit',
	'expo',
	'other'
];
const STRENGTHS: MatchStrength[] = ['exact', 'partial', 'broad'];

const text = (zh: string, en: string): I18nText => ({ zh, en });

export function syntheticDataset(options: SyntheticOptions = {}): Dataset {
	const seed = options.seed ?? 1;
	const nCities = Math.min(300, Math.max(1, options.cities ?? 30));
	const nClusters = Math.max(1, options.clusters ?? 4);
	const nCategories = Math.min(193, Math.max(1, options.categories ?? 8));
	const nEvents = Math.max(0, options.events ?? 1000);
	const nTracks = Math.max(0, options.tracks ?? 60);
	const listShare = options.listShare ?? 1;
	const pNational = options.national ?? 0.03;
	const pCommentary = options.commentary ?? 0.1;
	const pUndated = options.undated ?? 0.08;
	const nYears = Math.min(40, Math.max(1, Math.round(options.years ?? 1)));
	const pNoYear = nYears > 1 ? (options.noYear ?? 0.01) : 0;
	const pRanged = options.ranged ?? 0.05;
	const pGrouped = options.grouped ?? 0.04;
	const random = randomLcg(seed);
	const int = (n: number) => Math.floor(random() * n);

	const clusters: Cluster[] = Array.from({ length: nClusters }, (_, i) => ({
		id: `cl${i}`,
		name: text(`城市群${i}`, `Cluster ${i}`),
		order: i
	}));
	const cities: City[] = Array.from({ length: nCities }, (_, i) => ({
		id: `city${String(i).padStart(3, '0')}`,
		name: text(`城市${i}`, `City ${i}`),
		pinyin: `chengshi${i}`,
		province: text(`省${i % 31}`, `Province ${i % 31}`),
		cluster: clusters[int(nClusters)].id,
		lat: 20 + random() * 25,
		lon: 100 + random() * 22
	}));
	const categories = Array.from({ length: nCategories }, (_, i) => ({
		id: `cat${i}`,
		name: text(`类别${i}`, `Category ${i}`),
		order: i
	}));
	const tracks: Track[] = Array.from({ length: nTracks }, (_, i) => ({
		id: `track${String(i).padStart(2, '0')}`,
		name: text(`赛道${i}`, `Track ${i}`),
		description: text(`赛道${i}说明`, `What track ${i} covers`)
	}));

	// skewed activity, as in the real data: a few cities account for most events
	const weights = cities.map((_, i) => 1 / (1 + i * 0.15) + random() * 0.2);
	const cumulative: number[] = [];
	let acc = 0;
	for (const w of weights) cumulative.push((acc += w));
	const pickCity = (): number => {
		const x = random() * acc;
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (cumulative[mid] < x) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	const catWeights = categories.map((_, k) => 1 + ((k * 7) % 5));
	const catTotal = catWeights.reduce((s, w) => s + w, 0);
	const pickCategory = (): number => {
		let x = random() * catTotal;
		for (let k = 0; k < catWeights.length; k++) if ((x -= catWeights[k]) < 0) return k;
		return catWeights.length - 1;
	};

	const titles = categories.map((c, k) => text(`${c.name.zh}事件`, `Event in category ${k}`));
	const eventsSource: EventSource = { section: 'events', heading: '标题', bullet: 1 };
	const commentarySource: EventSource = { section: 'commentary', heading: '点评', bullet: null };
	const noActors: I18nText[] = [];
	const undatedNote = text('此前', 'earlier');

	const events: InnovationEvent[] = [];
	let group = 0;
	while (events.length < nEvents) {
		const national = random() < pNational;
		const k = pickCategory();
		const categoryId = categories[k].id;
		const undated = random() < pUndated;
		// one year keeps the single-year sequence of draws (and so the datasets tests were written on)
		const year = nYears === 1 ? 2023 : random() < pNoYear ? null : 2023 + int(nYears);
		const month = undated || year === null ? null : 1 + int(12);
		const monthEnd =
			month === null
				? null
				: nYears === 1
					? month < 12 && random() < pRanged
						? month + 1 + int(12 - month)
						: null
					: random() < pRanged && year !== null && year < 2023 + nYears - 1
						? ((month + int(11)) % 12) + 1 // 1–11 months on, possibly into the next year
						: null;
		const commentary = random() < pCommentary;
		const kind = KINDS[int(KINDS.length)];
		// one action naming 2–3 cities becomes one record per city sharing a groupId
		const copies = !national && nCities > 1 && random() < pGrouped ? 2 + int(Math.min(2, nCities - 1)) : 1;
		const groupId = copies > 1 ? `g${group++}` : null;
		const used = new Set<number>();
		for (let j = 0; j < copies && events.length < nEvents; j++) {
			let c = national ? -1 : pickCity();
			while (c >= 0 && used.has(c)) c = (c + 1) % nCities;
			used.add(c);
			events.push({
				id: `e${events.length}`,
				cityId: c < 0 ? null : cities[c].id,
				scope: c < 0 ? 'national' : 'city',
				categoryId,
				year,
				before: year === null ? 'e0' : null,
				month,
				monthEnd,
				kind,
				actors: noActors,
				document: null,
				documentEn: null,
				title: titles[k],
				note: undated || year === null ? undatedNote : null,
				groupId,
				source: commentary ? commentarySource : eventsSource
			});
		}
	}

	const futureIndustries: FutureIndustryList[] = [];
	for (let c = 0; c < nCities; c++) {
		if (random() >= listShare || nTracks === 0) continue;
		const nItems = 3 + int(8);
		const items = Array.from({ length: nItems }, (_, j) => {
			const nMatches = 1 + int(3);
			// popular tracks come up more often, so cities overlap as real lists do
			const matched = new Set<number>();
			while (matched.size < Math.min(nMatches, nTracks)) matched.add(Math.floor(nTracks * random() ** 2));
			return {
				name: text(`产业${c}-${j}`, `Industry ${c}-${j}`),
				tracks: [...matched].map((t) => ({
					trackId: tracks[t].id,
					match: STRENGTHS[int(3)],
					reason: text('编辑对应', 'editorial mapping')
				}))
			};
		});
		futureIndustries.push({ cityId: cities[c].id, items });
	}

	return {
		id: `synthetic-${seed}-${nEvents}`,
		version: '0',
		cities,
		clusters,
		categories,
		events,
		tracks,
		futureIndustries
	};
}
