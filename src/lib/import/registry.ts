/**
 * The cities, categories, clusters and tracks an import refers to. Seeded with a base dataset (the
 * built-in one, or the collections of a whole dataset given as JSON), it resolves what a row names — an
 * id, a Chinese or an English name, with or without 市 — to a record, and creates a record for a name it
 * does not know, with an id slugged from the English name or pinyin (or a short hash of a Chinese-only
 * name). Base records are never changed in place: a row that describes a known city makes a new object.
 * Pure; no DOM.
 */
import type { Category, City, Cluster, Dataset, I18nText, Track } from '../data/types';
import { CHINA_BBOX } from '../data/schema';
import { halfWidth, hasCjk, matchKey, shortHash, SLUG, slugify } from './values';

export const OTHER_CLUSTER: Cluster = { id: 'other', name: { zh: '其他', en: 'Other' }, order: 999 };
export const NO_PROVINCE: I18nText = { zh: '未注明', en: 'Not given' };
export const IMPORTED_REASON: I18nText = { zh: '由导入文件给出', en: 'Given in the imported file' };

export interface CityInfo {
	/** The city column: an id or a name. */
	ref: string;
	zh: string;
	en: string;
	pinyin: string;
	provinceZh: string;
	provinceEn: string;
	cluster: string;
	clusterZh: string;
	clusterEn: string;
	/** Both or neither (the caller checks). */
	lat: number | null;
	lon: number | null;
}

export const insideChina = (lat: number, lon: number): boolean =>
	lat >= CHINA_BBOX.latMin &&
	lat <= CHINA_BBOX.latMax &&
	lon >= CHINA_BBOX.lonMin &&
	lon <= CHINA_BBOX.lonMax;

const titleCase = (slug: string) =>
	slug
		.split('-')
		.filter(Boolean)
		.map((w) => w[0].toUpperCase() + w.slice(1))
		.join(' ');

/** Names for a new record from what the row gives: (ref, zh, en) → { zh, en }, both non-empty. */
function namesFrom(ref: string, zh: string, en: string): I18nText {
	const refZh = ref && hasCjk(ref) ? ref : '';
	const refEn = ref && !hasCjk(ref) ? (SLUG.test(ref) ? titleCase(ref) : ref) : '';
	const z = zh || refZh || en || refEn;
	const e = en || refEn || zh || refZh;
	return { zh: z, en: e };
}

interface Kind<T extends { id: string }> {
	records: Map<string, T>;
	keys: Map<string, string>;
	used: Set<string>;
	created: string[];
	/** Ids whose description a row has already given (first description wins). */
	described: Set<string>;
	/** For each created record: the value in the file that no known record matched. */
	given: Map<string, string>;
}

function kind<T extends { id: string }>(): Kind<T> {
	return {
		records: new Map(),
		keys: new Map(),
		used: new Set(),
		created: [],
		described: new Set(),
		given: new Map()
	};
}

/**
 * Answers remembered by three strings (a row's id or name column and its Chinese and English names).
 * Nested maps rather than one joined key: a look-up hashes the cells as they are, with no new string per row.
 */
class Memo {
	#byRef = new Map<string, Map<string, Map<string, string>>>();
	get(ref: string, zh: string, en: string): string | undefined {
		return this.#byRef.get(ref)?.get(zh)?.get(en);
	}
	set(ref: string, zh: string, en: string, id: string): void {
		let byZh = this.#byRef.get(ref);
		if (!byZh) this.#byRef.set(ref, (byZh = new Map()));
		let byEn = byZh.get(zh);
		if (!byEn) byZh.set(zh, (byEn = new Map()));
		byEn.set(en, id);
	}
}

export class Registry {
	readonly cities = kind<City>();
	readonly categories = kind<Category>();
	readonly clusters = kind<Cluster>();
	readonly tracks = kind<Track>();
	readonly includeAll: boolean;
	readonly base: Dataset;
	/** Rows name the same city and category the same way again and again: remember the answer. */
	#cityCache = new Memo();
	#categoryCache = new Memo();

	/** `includeAll`: every base record goes into the result (a whole dataset); else only those used. */
	constructor(base: Dataset, includeAll: boolean) {
		this.base = base;
		this.includeAll = includeAll;
		for (const c of base.cities)
			this.#put(this.cities, c, [c.id, c.name.zh, c.name.en, c.pinyin, ...(c.aliases ?? [])]);
		for (const c of base.categories) this.#put(this.categories, c, [c.id, c.name.zh, c.name.en]);
		for (const c of base.clusters) this.#put(this.clusters, c, [c.id, c.name.zh, c.name.en]);
		for (const t of base.tracks) this.#put(this.tracks, t, [t.id, t.name.zh, t.name.en]);
	}

	#put<T extends { id: string }>(k: Kind<T>, record: T, names: string[]): void {
		k.records.set(record.id, record);
		for (const name of names) {
			const key = matchKey(name);
			if (key && !k.keys.has(key)) k.keys.set(key, record.id);
			// 上海市 ↔ 上海
			if (key.endsWith('市') && key.length > 2 && !k.keys.has(key.slice(0, -1)))
				k.keys.set(key.slice(0, -1), record.id);
		}
	}

	/** An id given exactly wins over names; then names in the order given. */
	#find<T extends { id: string }>(k: Kind<T>, names: string[]): string | null {
		const ref = names[0] ? halfWidth(names[0]) : '';
		if (ref && k.records.has(ref)) return ref;
		if (ref && k.records.has(ref.toLowerCase()) && SLUG.test(ref.toLowerCase())) return ref.toLowerCase();
		for (const name of names) {
			if (!name) continue;
			const key = matchKey(name);
			if (!key) continue;
			const id = k.keys.get(key) ?? (key.endsWith('市') ? k.keys.get(key.slice(0, -1)) : undefined);
			if (id !== undefined) return id;
		}
		return null;
	}

	#newId<T extends { id: string }>(
		k: Kind<T>,
		ref: string,
		names: I18nText,
		prefix: string,
		extra = ''
	): string {
		const r = halfWidth(ref).toLowerCase();
		let id = SLUG.test(r) ? r : slugify(names.en) || slugify(extra) || `${prefix}-${shortHash(names.zh)}`;
		if (!SLUG.test(id)) id = `${prefix}-${shortHash(names.zh + names.en)}`;
		let n = 2;
		const stem = id;
		while (k.records.has(id)) id = `${stem}-${n++}`;
		return id;
	}

	/** A known city by any of its names, or null. */
	findCity(info: Pick<CityInfo, 'ref' | 'zh' | 'en'>): string | null {
		return this.#find(this.cities, [info.ref, info.zh, info.en]);
	}

	/** The city an earlier row named with the same id and names, if any (no record is made or changed). */
	knownCity(ref: string, zh: string, en: string): string | undefined {
		return this.#cityCache.get(ref, zh, en);
	}

	/** The city a row names, created if new; its first description in the file fills in its record. */
	city(info: CityInfo): string {
		const k = this.cities;
		const cached = this.#cityCache.get(info.ref, info.zh, info.en);
		if (cached !== undefined) return cached;
		const id = this.#city(info);
		this.#cityCache.set(info.ref, info.zh, info.en, id);
		k.used.add(id);
		return id;
	}

	#city(info: CityInfo): string {
		const k = this.cities;
		let id = this.findCity(info);
		if (id === null) {
			const name = namesFrom(halfWidth(info.ref), info.zh, info.en);
			id = this.#newId(k, info.ref, name, 'city', info.pinyin);
			const record: City = {
				id,
				name,
				pinyin: pinyinOf(info.pinyin, id),
				province: this.#province(info) ?? NO_PROVINCE,
				cluster: this.cluster(info.cluster, info.clusterZh, info.clusterEn) ?? OTHER_CLUSTER.id,
				lat: info.lat,
				lon: info.lon
			};
			this.#put(k, record, [record.id, name.zh, name.en, record.pinyin]);
			k.created.push(id);
			k.given.set(id, halfWidth(info.ref || info.zh || info.en));
			k.described.add(id);
		} else if (!k.described.has(id)) {
			k.described.add(id);
			const old = k.records.get(id)!;
			const given = info.zh !== '' || info.en !== '' || info.lat !== null || info.cluster || info.clusterZh;
			if (given || info.provinceZh || info.provinceEn || info.pinyin) {
				const record: City = {
					...old,
					name: { zh: info.zh || old.name.zh, en: info.en || old.name.en },
					pinyin: info.pinyin ? pinyinOf(info.pinyin, old.pinyin) : old.pinyin,
					province: this.#province(info) ?? old.province,
					cluster: this.cluster(info.cluster, info.clusterZh, info.clusterEn) ?? old.cluster,
					lat: info.lat ?? old.lat,
					lon: info.lon ?? old.lon
				};
				k.records.set(id, record);
				this.#put(k, record, [record.name.zh, record.name.en]);
			}
		}
		k.used.add(id);
		return id;
	}

	#province(info: CityInfo): I18nText | null {
		if (!info.provinceZh && !info.provinceEn) return null;
		return { zh: info.provinceZh || info.provinceEn, en: info.provinceEn || info.provinceZh };
	}

	/** A cluster by id or name, created if new; null when nothing is given. */
	cluster(ref: string, zh: string, en: string): string | null {
		const k = this.clusters;
		if (!ref && !zh && !en) return null;
		let id = this.#find(k, [ref, zh, en]);
		if (id === null) {
			const name = namesFrom(halfWidth(ref), zh, en);
			id = this.#newId(k, ref, name, 'cluster');
			this.#put(k, { id, name, order: 500 + k.created.length }, [id, name.zh, name.en]);
			k.created.push(id);
		}
		k.used.add(id);
		return id;
	}

	/** A category by id or name, created if new. */
	category(ref: string, zh: string, en: string): string {
		const cached = this.#categoryCache.get(ref, zh, en);
		if (cached !== undefined) return cached;
		const id = this.#category(ref, zh, en);
		this.#categoryCache.set(ref, zh, en, id);
		return id;
	}

	#category(ref: string, zh: string, en: string): string {
		const k = this.categories;
		let id = this.#find(k, [ref, zh, en]);
		if (id === null) {
			const name = namesFrom(halfWidth(ref), zh, en);
			id = this.#newId(k, ref, name, 'category');
			this.#put(k, { id, name, order: 500 + k.created.length }, [id, name.zh, name.en]);
			k.created.push(id);
			k.given.set(id, halfWidth(ref || zh || en));
		}
		k.used.add(id);
		return id;
	}

	/** A track by id or name; `created` says whether it was new. */
	track(ref: string, zh: string, en: string): { id: string; created: boolean } {
		const k = this.tracks;
		let id = this.#find(k, [ref, zh, en]);
		let created = false;
		if (id === null) {
			const name = namesFrom(halfWidth(ref), zh, en);
			id = this.#newId(k, ref, name, 'track');
			this.#put(k, { id, name, description: name }, [id, name.zh, name.en]);
			k.created.push(id);
			created = true;
		}
		k.used.add(id);
		return { id, created };
	}

	cityRecord(id: string): City | undefined {
		return this.cities.records.get(id);
	}

	/** The collections for the result, in a fixed order: base order first, then in order of first mention. */
	collections(): Pick<Dataset, 'cities' | 'clusters' | 'categories' | 'tracks'> {
		const pick = <T extends { id: string }>(k: Kind<T>, all: boolean): T[] => {
			const out: T[] = [];
			for (const [id, r] of k.records) if (all || k.used.has(id)) out.push(r);
			return out;
		};
		const cities = pick(this.cities, this.includeAll);
		const clusterIds = new Set(cities.map((c) => c.cluster));
		if (clusterIds.has(OTHER_CLUSTER.id) && !this.clusters.records.has(OTHER_CLUSTER.id))
			this.clusters.records.set(OTHER_CLUSTER.id, OTHER_CLUSTER);
		let clusters = [...this.clusters.records.values()].filter((c) => this.includeAll || clusterIds.has(c.id));
		let categories = pick(this.categories, this.includeAll);
		if (!this.includeAll) {
			// positions 0, 1, 2… in the base's order, new ones after in order of first mention
			clusters = clusters.sort((a, b) => a.order - b.order).map((c, i) => ({ ...c, order: i }));
			categories = categories.sort((a, b) => a.order - b.order).map((c, i) => ({ ...c, order: i }));
		}
		// every base track stays available to the industry views; new ones follow
		const tracks = [...this.tracks.records.values()];
		return { cities, clusters, categories, tracks };
	}
}

/** Toneless lower-case letters only ('Hé Féi' → 'hefei'); falls back to the id's letters, then 'city'. */
export function pinyinOf(raw: string, fallback: string): string {
	const p = halfWidth(raw)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/ü/g, 'v')
		.replace(/[^a-z]/g, '');
	if (p) return p;
	const f = fallback.replace(/[^a-z]/g, '');
	return f || 'city';
}
