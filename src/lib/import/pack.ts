/**
 * A compact, transferable form of a Dataset: the events as typed-array columns over one shared string
 * table (distinct strings stored once, all in one string with offsets), the small collections as plain
 * records. This is what the import worker sends to the page (its buffers are transferred, not copied)
 * and what IndexedDB keeps, so a million events cross threads and reach storage in a few large pieces
 * rather than millions of objects. `unpack` rebuilds the records the views read. Pure; no DOM.
 */
import type { Dataset, EventKind, I18nText, InnovationEvent } from '../data/types';
import { GrowingU32 } from './tables';

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
	/** Absent in packs saved before the field existed (read as null). */
	documentEn?: Uint32Array;
	/** The event a year-less item is placed before ("此前"); absent in older packs. */
	before?: Uint32Array;
	/** The part of a combined dataset the event came from (`source.from`); absent in older packs. */
	from?: Uint32Array;
	noteZh: Uint32Array;
	noteEn: Uint32Array;
	groupId: Uint32Array;
	heading: Uint32Array;
	/** Actors of event i are actorZh/actorEn[actorStart[i] .. actorStart[i + 1]). */
	actorStart: Uint32Array;
	actorZh: Uint32Array;
	actorEn: Uint32Array;
	/** 0 = null (no year given). */
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
	| 'documentEn'
	| 'before'
	| 'from'
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
const OTHER_KIND = KIND_INDEX.get('other')!;
/** Strings joined together at a time while the table grows. */
const STRING_BATCH = 4096;

/**
 * One event's fields, flat, as the import's builder has them: it fills one such record row after row
 * and hands it to `EventPacker.push`, so accepting an event allocates no objects.
 */
export interface EventFields {
	id: string;
	cityId: string | null;
	national: boolean;
	categoryId: string;
	year: number | null;
	before: string | null;
	month: number | null;
	monthEnd: number | null;
	kind: EventKind;
	/** Parallel lists (the same length). */
	actorsZh: readonly string[];
	actorsEn: readonly string[];
	document: string | null;
	documentEn: string | null;
	titleZh: string;
	titleEn: string;
	/** Both or neither. */
	noteZh: string | null;
	noteEn: string | null;
	groupId: string | null;
	/** The combined dataset's part the event came from; absent or null for none. */
	from?: string | null;
	commentary: boolean;
	heading: string;
	bullet: number | null;
}

/** Grows typed columns as events are added; `finish` trims them and builds the string table. */
export class EventPacker {
	count = 0;
	#strings = new Map<string, number>([['', 0]]);
	/**
	 * The string table as it grows: strings are joined into one string per STRING_BATCH as soon as the
	 * batch is full, so a million ids and titles are a few hundred strings to the garbage collector
	 * (and no longer hold on to the decoded file text they were cut from).
	 */
	#joined: string[] = [];
	#batch: string[] = [];
	/** Start of each string in the concatenated text. */
	#starts = new GrowingU32();
	#length = 0;
	#cap: number;
	#u32: Record<U32Column, Uint32Array>;
	#year: Uint16Array;
	#month: Uint8Array;
	#monthEnd: Uint8Array;
	#kind: Uint8Array;
	#flags: Uint8Array;
	#actorStart = new GrowingU32();
	#actorZh = new GrowingU32();
	#actorEn = new GrowingU32();

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
			documentEn: u32(),
			before: u32(),
			from: u32(),
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
		this.#actorStart.push(0);
		this.#append('');
	}

	/** Number of strings in the table. */
	get strings(): number {
		return this.#starts.length;
	}

	#append(s: string): number {
		const k = this.#starts.length;
		this.#starts.push(this.#length);
		this.#length += s.length;
		this.#batch.push(s);
		if (this.#batch.length === STRING_BATCH) {
			this.#joined.push(this.#batch.join(''));
			this.#batch = [];
		}
		return k;
	}

	/** String k of the table. */
	stringAt(k: number): string {
		const b = Math.floor(k / STRING_BATCH);
		if (b === this.#joined.length) return this.#batch[k - b * STRING_BATCH];
		const starts = this.#starts.data;
		const base = starts[b * STRING_BATCH];
		const end = k + 1 < this.#starts.length ? starts[k + 1] : this.#length;
		return this.#joined[b].slice(starts[k] - base, end - base);
	}

	/** Index of a new table entry for a string that is rarely repeated (ids, titles, notes): no look-up. */
	once(s: string | null): number {
		if (s === null || s === '') return 0;
		return this.#append(s);
	}

	/** Index of a string in the table, shared with equal strings (null and '' → 0). */
	str(s: string | null): number {
		if (s === null || s === '') return 0;
		let k = this.#strings.get(s);
		if (k === undefined) {
			k = this.#append(s);
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
		this.push({
			id: e.id,
			cityId: e.cityId,
			national: e.scope === 'national',
			categoryId: e.categoryId,
			year: e.year,
			before: e.before,
			month: e.month,
			monthEnd: e.monthEnd,
			kind: e.kind,
			actorsZh: e.actors.map((a) => a.zh),
			actorsEn: e.actors.map((a) => a.en),
			document: e.document,
			documentEn: e.documentEn,
			titleZh: e.title.zh,
			titleEn: e.title.en,
			noteZh: e.note?.zh ?? null,
			noteEn: e.note?.en ?? null,
			groupId: e.groupId,
			from: e.source.from ?? null,
			commentary: e.source.section === 'commentary',
			heading: e.source.heading,
			bullet: e.source.bullet
		});
	}

	push(e: EventFields): void {
		if (this.count === this.#cap) this.#grow();
		const i = this.count++;
		const c = this.#u32;
		c.id[i] = this.once(e.id);
		c.cityId[i] = this.str(e.cityId);
		c.categoryId[i] = this.str(e.categoryId);
		const zh = this.once(e.titleZh);
		c.titleZh[i] = zh;
		c.titleEn[i] = e.titleEn === e.titleZh ? zh : this.once(e.titleEn);
		c.document[i] = this.once(e.document);
		c.documentEn[i] = this.once(e.documentEn);
		c.before[i] = this.str(e.before);
		c.from[i] = this.str(e.from ?? null);
		c.noteZh[i] = this.once(e.noteZh);
		c.noteEn[i] = this.once(e.noteEn);
		c.groupId[i] = this.str(e.groupId);
		c.heading[i] = this.str(e.heading);
		c.bullet[i] = e.bullet ?? 0;
		this.#year[i] = e.year ?? 0;
		this.#month[i] = e.month ?? 0;
		this.#monthEnd[i] = e.monthEnd ?? 0;
		this.#kind[i] = KIND_INDEX.get(e.kind) ?? OTHER_KIND;
		this.#flags[i] = (e.national ? 1 : 0) | (e.commentary ? 2 : 0);
		for (let a = 0; a < e.actorsZh.length; a++) {
			this.#actorZh.push(this.str(e.actorsZh[a]));
			this.#actorEn.push(this.str(e.actorsEn[a]));
		}
		this.#actorStart.push(this.#actorZh.length);
	}

	/** Sets event i's group (used when a group turns out to have a single member). */
	setGroup(i: number, groupId: string | null): void {
		this.#u32.groupId[i] = this.str(groupId);
	}

	groupOf(i: number): string | null {
		const k = this.#u32.groupId[i];
		return k === 0 ? null : this.stringAt(k);
	}

	/** Event i's id. */
	idOf(i: number): string {
		return this.stringAt(this.#u32.id[i]);
	}

	cityOf(i: number): string | null {
		const k = this.#u32.cityId[i];
		return k === 0 ? null : this.stringAt(k);
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
		const start = this.#actorStart.data;
		const zhs = this.#actorZh.data;
		const ens = this.#actorEn.data;
		if (!keep) {
			actorStart = start.slice(0, n + 1);
			actorZh = zhs.slice(0, this.#actorZh.length);
			actorEn = ens.slice(0, this.#actorEn.length);
		} else {
			let total = 0;
			for (const i of keep) total += start[i + 1] - start[i];
			actorStart = new Uint32Array(n + 1);
			actorZh = new Uint32Array(total);
			actorEn = new Uint32Array(total);
			let at = 0;
			keep.forEach((i, j) => {
				for (let k = start[i]; k < start[i + 1]; k++, at++) {
					actorZh[at] = zhs[k];
					actorEn[at] = ens[k];
				}
				actorStart[j + 1] = at;
			});
		}
		const strings = this.#starts.length;
		const offsets = new Uint32Array(strings + 1);
		offsets.set(this.#starts.data.subarray(0, strings));
		offsets[strings] = this.#length;
		const c = this.#u32;
		return {
			count: n,
			text: this.#joined.join('') + this.#batch.join(''),
			offsets,
			id: pick(c.id),
			cityId: pick(c.cityId),
			categoryId: pick(c.categoryId),
			titleZh: pick(c.titleZh),
			titleEn: pick(c.titleEn),
			document: pick(c.document),
			documentEn: pick(c.documentEn),
			before: pick(c.before),
			from: pick(c.from),
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

/** Rebuilds the event records (the views' shape), or only those at `indices`. */
export function unpackEvents(p: PackedEvents, indices?: readonly number[]): InnovationEvent[] {
	const { text, offsets } = p;
	const count = offsets.length - 1;
	let string: (k: number) => string;
	if (indices && indices.length * 8 < p.count) {
		// a sample: cut only the strings it uses
		string = (k) => text.slice(offsets[k], offsets[k + 1]);
	} else {
		const strings: string[] = new Array(count);
		for (let k = 0; k < count; k++) strings[k] = text.slice(offsets[k], offsets[k + 1]);
		string = (k) => strings[k];
	}
	const s = (k: number) => (k === 0 ? null : string(k));
	const n = indices ? indices.length : p.count;
	const events: InnovationEvent[] = new Array(n);
	for (let j = 0; j < n; j++) {
		const i = indices ? indices[j] : j;
		const title = { zh: string(p.titleZh[i]), en: string(p.titleEn[i]) };
		const a0 = p.actorStart[i];
		const a1 = p.actorStart[i + 1];
		let actors = EMPTY;
		if (a1 > a0) {
			actors = [];
			for (let k = a0; k < a1; k++) actors.push({ zh: string(p.actorZh[k]), en: string(p.actorEn[k]) });
		}
		const flags = p.flags[i];
		const noteZh = p.noteZh[i];
		events[j] = {
			id: string(p.id[i]),
			cityId: s(p.cityId[i]),
			scope: flags & 1 ? 'national' : 'city',
			categoryId: string(p.categoryId[i]),
			year: p.year[i] || null,
			before: p.before ? s(p.before[i]) : null,
			month: p.month[i] || null,
			monthEnd: p.monthEnd[i] || null,
			kind: PACKED_KINDS[p.kind[i]] ?? 'other',
			actors,
			document: s(p.document[i]),
			documentEn: p.documentEn ? s(p.documentEn[i]) : null,
			title,
			note: noteZh === 0 ? null : { zh: string(noteZh), en: string(p.noteEn[i]) },
			groupId: s(p.groupId[i]),
			source: {
				section: flags & 2 ? 'commentary' : 'events',
				heading: string(p.heading[i]),
				bullet: p.bullet[i] || null,
				...(p.from && p.from[i] ? { from: string(p.from[i]) } : {})
			}
		};
	}
	return events;
}

/** Events per city (national events left out), in order of each city's first event, without unpacking. */
export function cityCounts(p: PackedEvents): Map<string, number> {
	const tally = new Uint32Array(p.offsets.length);
	const order: number[] = [];
	for (let i = 0; i < p.count; i++) {
		const k = p.cityId[i];
		if (k !== 0 && tally[k]++ === 0) order.push(k);
	}
	return new Map(order.map((k) => [p.text.slice(p.offsets[k], p.offsets[k + 1]), tally[k]]));
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
		futureIndustries: p.futureIndustries,
		...(p.meta ? { meta: p.meta } : {})
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
		...(e.documentEn ? [e.documentEn] : []),
		...(e.before ? [e.before] : []),
		...(e.from ? [e.from] : []),
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
