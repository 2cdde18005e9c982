/**
 * A compact, transferable form of a Dataset: the events as typed-array columns over one shared string
 * table (distinct strings stored once, all in one string with offsets), the small collections as plain
 * records. This is what the import worker sends to the page (its buffers are transferred, not copied)
 * and what IndexedDB keeps, so a million events cross threads and reach storage in a few large pieces
 * rather than millions of objects. `unpack` rebuilds the records the views read. Pure; no DOM.
 */
import type { Dataset, EventKind, I18nText, InnovationEvent } from '../data/types';

export const PACK_FORMAT = 'city-innovation-packed/1';

export interface PackedEvents {
	count: number;
	/** Every distinct string, concatenated; string k is text.slice(offsets[k], offsets[k + 1]). String 0 is ''. */
	text: string;
	offsets: Uint32Array;
	/** Per event: index into the string table (0 = null). */
	id: Uint32Array;
	cityId: Uint32Array;
	categoryId: Uint32Array;
	titleZh: Uint32Array;
	titleEn: Uint32Array;
	document: Uint32Array;
	noteZh: Uint32Array;
	noteEn: Uint32Array;
	groupId: Uint32Array;
	heading: Uint32Array;
	/** Actors of event i are actorZh/actorEn[actorStart[i] .. actorStart[i + 1]). */
	actorStart: Uint32Array;
	actorZh: Uint32Array;
	actorEn: Uint32Array;
	year: Uint16Array;
	/** 0 = null. */
	month: Uint8Array;
	monthEnd: Uint8Array;
	/** Index into PACKED_KINDS. */
	kind: Uint8Array;
	/** bit 0: national scope; bit 1: commentary section. */
	flags: Uint8Array;
	/** 0 = null. */
	bullet: Uint32Array;
}

export interface PackedDataset extends Omit<Dataset, 'events'> {
	format: typeof PACK_FORMAT;
	events: PackedEvents;
}

type U32Column =
	| 'id'
	| 'cityId'
	| 'categoryId'
	| 'titleZh'
	| 'titleEn'
	| 'document'
	| 'noteZh'
	| 'noteEn'
	| 'groupId'
	| 'heading'
	| 'bullet';

/**
 * The kinds in the schema's order (a unit test checks they match `EVENT_KINDS`). Listed here so that
 * every page, which unpacks a saved dataset, does not load the schema library.
 */
export const PACKED_KINDS: readonly EventKind[] = [
	'facility',
	'computing-centre',
	'policy',
	'regulation',
	'plan',
	'fund',
	'visit',
	'donation',
	'expo',
	'agreement',
	'model-release',
	'pilot',
	'other'
];
const KIND_INDEX = new Map<EventKind, number>(PACKED_KINDS.map((k, i) => [k, i]));

/** Grows typed columns as events are added; `finish` trims them and builds the string table. */
export class EventPacker {
	count = 0;
	#strings = new Map<string, number>([['', 0]]);
	#list: string[] = [''];
	#cap: number;
	#u32: Record<U32Column, Uint32Array>;
	#year: Uint16Array;
	#month: Uint8Array;
	#monthEnd: Uint8Array;
	#kind: Uint8Array;
	#flags: Uint8Array;
	#actorStart: number[] = [0];
	#actorZh: number[] = [];
	#actorEn: number[] = [];

	constructor(capacity = 1024) {
		this.#cap = Math.max(16, capacity);
		const u32 = () => new Uint32Array(this.#cap);
		this.#u32 = {
			id: u32(),
			cityId: u32(),
			categoryId: u32(),
			titleZh: u32(),
			titleEn: u32(),
			document: u32(),
			noteZh: u32(),
			noteEn: u32(),
			groupId: u32(),
			heading: u32(),
			bullet: u32()
		};
		this.#year = new Uint16Array(this.#cap);
		this.#month = new Uint8Array(this.#cap);
		this.#monthEnd = new Uint8Array(this.#cap);
		this.#kind = new Uint8Array(this.#cap);
		this.#flags = new Uint8Array(this.#cap);
	}

	/** Index of a new table entry for a string that is rarely repeated (ids, titles, notes): no look-up. */
	once(s: string | null): number {
		if (s === null || s === '') return 0;
		this.#list.push(s);
		return this.#list.length - 1;
	}

	/** Index of a string in the table, shared with equal strings (null and '' → 0). */
	str(s: string | null): number {
		if (s === null || s === '') return 0;
		let k = this.#strings.get(s);
		if (k === undefined) {
			k = this.#list.length;
			this.#list.push(s);
			this.#strings.set(s, k);
		}
		return k;
	}

	#grow(): void {
		const cap = this.#cap * 2;
		const grow = <T extends Uint8Array | Uint16Array | Uint32Array>(a: T): T => {
			const b = new (a.constructor as new (n: number) => T)(cap);
			b.set(a);
			return b;
		};
		for (const key of Object.keys(this.#u32) as U32Column[]) this.#u32[key] = grow(this.#u32[key]);
		this.#year = grow(this.#year);
		this.#month = grow(this.#month);
		this.#monthEnd = grow(this.#monthEnd);
		this.#kind = grow(this.#kind);
		this.#flags = grow(this.#flags);
		this.#cap = cap;
	}

	add(e: InnovationEvent): void {
		if (this.count === this.#cap) this.#grow();
		const i = this.count++;
		const c = this.#u32;
		c.id[i] = this.once(e.id);
		c.cityId[i] = this.str(e.cityId);
		c.categoryId[i] = this.str(e.categoryId);
		c.titleZh[i] = this.once(e.title.zh);
		c.titleEn[i] = e.title.en === e.title.zh ? c.titleZh[i] : this.once(e.title.en);
		c.document[i] = this.once(e.document);
		c.noteZh[i] = this.once(e.note?.zh ?? null);
		c.noteEn[i] = this.once(e.note?.en ?? null);
		c.groupId[i] = this.str(e.groupId);
		c.heading[i] = this.str(e.source.heading);
		c.bullet[i] = e.source.bullet ?? 0;
		this.#year[i] = e.year;
		this.#month[i] = e.month ?? 0;
		this.#monthEnd[i] = e.monthEnd ?? 0;
		this.#kind[i] = KIND_INDEX.get(e.kind) ?? KIND_INDEX.get('other')!;
		this.#flags[i] = (e.scope === 'national' ? 1 : 0) | (e.source.section === 'commentary' ? 2 : 0);
		for (const a of e.actors) {
			this.#actorZh.push(this.str(a.zh));
			this.#actorEn.push(this.str(a.en));
		}
		this.#actorStart.push(this.#actorZh.length);
	}

	/** Sets event i's group (used when a group turns out to have a single member). */
	setGroup(i: number, groupId: string | null): void {
		this.#u32.groupId[i] = this.str(groupId);
	}

	groupOf(i: number): string | null {
		const k = this.#u32.groupId[i];
		return k === 0 ? null : this.#list[k];
	}

	cityOf(i: number): string | null {
		const k = this.#u32.cityId[i];
		return k === 0 ? null : this.#list[k];
	}

	/** The packed columns, leaving out events whose `drop` flag is set. */
	finish(drop?: Uint8Array): PackedEvents {
		let keep: number[] | null = null;
		if (drop && drop.some((d, i) => i < this.count && d)) {
			keep = [];
			for (let i = 0; i < this.count; i++) if (!drop[i]) keep.push(i);
		}
		const n = keep ? keep.length : this.count;
		const pick = <T extends Uint8Array | Uint16Array | Uint32Array>(a: T): T => {
			if (!keep) return a.slice(0, n) as T;
			const b = new (a.constructor as new (n: number) => T)(n);
			for (let j = 0; j < n; j++) b[j] = a[keep[j]];
			return b;
		};
		let actorStart: Uint32Array;
		let actorZh: Uint32Array;
		let actorEn: Uint32Array;
		if (!keep) {
			actorStart = Uint32Array.from(this.#actorStart);
			actorZh = Uint32Array.from(this.#actorZh);
			actorEn = Uint32Array.from(this.#actorEn);
		} else {
			const start = [0];
			const zh: number[] = [];
			const en: number[] = [];
			for (const i of keep) {
				for (let k = this.#actorStart[i]; k < this.#actorStart[i + 1]; k++) {
					zh.push(this.#actorZh[k]);
					en.push(this.#actorEn[k]);
				}
				start.push(zh.length);
			}
			actorStart = Uint32Array.from(start);
			actorZh = Uint32Array.from(zh);
			actorEn = Uint32Array.from(en);
		}
		const offsets = new Uint32Array(this.#list.length + 1);
		let at = 0;
		this.#list.forEach((s, k) => {
			offsets[k] = at;
			at += s.length;
		});
		offsets[this.#list.length] = at;
		const c = this.#u32;
		return {
			count: n,
			text: this.#list.join(''),
			offsets,
			id: pick(c.id),
			cityId: pick(c.cityId),
			categoryId: pick(c.categoryId),
			titleZh: pick(c.titleZh),
			titleEn: pick(c.titleEn),
			document: pick(c.document),
			noteZh: pick(c.noteZh),
			noteEn: pick(c.noteEn),
			groupId: pick(c.groupId),
			heading: pick(c.heading),
			bullet: pick(c.bullet),
			actorStart,
			actorZh,
			actorEn,
			year: pick(this.#year),
			month: pick(this.#month),
			monthEnd: pick(this.#monthEnd),
			kind: pick(this.#kind),
			flags: pick(this.#flags)
		};
	}
}

export function pack(dataset: Dataset): PackedDataset {
	const packer = new EventPacker(dataset.events.length);
	for (const e of dataset.events) packer.add(e);
	return { ...dataset, format: PACK_FORMAT, events: packer.finish() };
}

const EMPTY: I18nText[] = [];

/** Rebuilds the event records (the views' shape), or only those at `indices`. Repeated titles share one object. */
export function unpackEvents(p: PackedEvents, indices?: readonly number[]): InnovationEvent[] {
	const { text, offsets } = p;
	const strings: string[] = new Array(offsets.length - 1);
	for (let k = 0; k < strings.length; k++) strings[k] = text.slice(offsets[k], offsets[k + 1]);
	const s = (k: number) => (k === 0 ? null : strings[k]);
	const titles = new Map<number, I18nText>();
	const n = indices ? indices.length : p.count;
	const events: InnovationEvent[] = new Array(n);
	for (let j = 0; j < n; j++) {
		const i = indices ? indices[j] : j;
		const zh = p.titleZh[i];
		const en = p.titleEn[i];
		const key = zh * strings.length + en;
		let title = titles.get(key);
		if (!title) {
			title = { zh: strings[zh], en: strings[en] };
			titles.set(key, title);
		}
		const a0 = p.actorStart[i];
		const a1 = p.actorStart[i + 1];
		let actors = EMPTY;
		if (a1 > a0) {
			actors = [];
			for (let k = a0; k < a1; k++) actors.push({ zh: strings[p.actorZh[k]], en: strings[p.actorEn[k]] });
		}
		const flags = p.flags[i];
		const noteZh = p.noteZh[i];
		events[j] = {
			id: strings[p.id[i]],
			cityId: s(p.cityId[i]),
			scope: flags & 1 ? 'national' : 'city',
			categoryId: strings[p.categoryId[i]],
			year: p.year[i],
			month: p.month[i] || null,
			monthEnd: p.monthEnd[i] || null,
			kind: PACKED_KINDS[p.kind[i]] ?? 'other',
			actors,
			document: s(p.document[i]),
			title,
			note: noteZh === 0 ? null : { zh: strings[noteZh], en: strings[p.noteEn[i]] },
			groupId: s(p.groupId[i]),
			source: {
				section: flags & 2 ? 'commentary' : 'events',
				heading: strings[p.heading[i]],
				bullet: p.bullet[i] || null
			}
		};
	}
	return events;
}

export function unpack(p: PackedDataset): Dataset {
	return {
		id: p.id,
		version: p.version,
		cities: p.cities,
		clusters: p.clusters,
		categories: p.categories,
		events: unpackEvents(p.events),
		tracks: p.tracks,
		futureIndustries: p.futureIndustries
	};
}

/** The buffers to list in postMessage's transfer argument. */
export function transferables(p: PackedDataset): ArrayBuffer[] {
	const e = p.events;
	return [
		e.offsets,
		e.id,
		e.cityId,
		e.categoryId,
		e.titleZh,
		e.titleEn,
		e.document,
		e.noteZh,
		e.noteEn,
		e.groupId,
		e.heading,
		e.actorStart,
		e.actorZh,
		e.actorEn,
		e.year,
		e.month,
		e.monthEnd,
		e.kind,
		e.flags,
		e.bullet
	].map((a) => a.buffer as ArrayBuffer);
}
