/**
 * Compact indexes and growable columns for the import's per-row bookkeeping. A file of a million events
 * needs "have we seen this id / these cells before, and in which event?" a million times; a `Map` of a
 * million strings or numbers costs several cache misses per look-up, re-hashes as it grows and leaves the
 * garbage collector a million entries to trace. These keep the same answers in a few typed arrays:
 * open addressing with linear probing, and the key itself compared only when a 32-bit hash matches.
 * Pure; no DOM.
 */

/** 32-bit FNV-1a hash of a string's UTF-16 code units, for the string index below. */
export function stringHash(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** A Uint32Array that doubles as values are pushed. */
export class GrowingU32 {
	length = 0;
	data: Uint32Array;
	constructor(capacity = 1024) {
		this.data = new Uint32Array(Math.max(16, capacity));
	}
	push(v: number): void {
		if (this.length === this.data.length) {
			const next = new Uint32Array(this.data.length * 2);
			next.set(this.data);
			this.data = next;
		}
		this.data[this.length++] = v;
	}
}

/** A Float64Array that doubles as values are pushed (53-bit row hashes). */
export class GrowingF64 {
	length = 0;
	data: Float64Array;
	constructor(capacity = 1024) {
		this.data = new Float64Array(Math.max(16, capacity));
	}
	push(v: number): void {
		if (this.length === this.data.length) {
			const next = new Float64Array(this.data.length * 2);
			next.set(this.data);
			this.data = next;
		}
		this.data[this.length++] = v;
	}
}

/** Slots are event number + 1 (0 = empty); the table is kept at most half full. */
function slots(n: number): Int32Array {
	let cap = 1024;
	while (cap < n * 2) cap *= 2;
	return new Int32Array(cap);
}

/**
 * A string-keyed map for the look-ups made on every row (a row's year, month, city and category cells).
 * Each cell is a new string, and a `Map` must have the engine hash it before the look-up; hashing its few
 * characters here and comparing the key only on a matching hash is about twice as fast in Chromium.
 */
export class StringMap<V> {
	#slots = slots(0);
	#hashes = new Uint32Array(this.#slots.length);
	#keys: string[] = [];
	#values: V[] = [];

	get size(): number {
		return this.#keys.length;
	}

	get(key: string): V | undefined {
		const h = stringHash(key);
		const mask = this.#slots.length - 1;
		for (let i = h & mask; ; i = (i + 1) & mask) {
			const k = this.#slots[i];
			if (k === 0) return undefined;
			if (this.#hashes[i] === h && this.#keys[k - 1] === key) return this.#values[k - 1];
		}
	}

	/** Adds a key not yet present. */
	set(key: string, value: V): void {
		if ((this.#keys.length + 1) * 2 > this.#slots.length) this.#grow();
		this.#keys.push(key);
		this.#values.push(value);
		this.#place(stringHash(key), this.#keys.length);
	}

	#place(h: number, slot: number): void {
		const mask = this.#slots.length - 1;
		let i = h & mask;
		while (this.#slots[i] !== 0) i = (i + 1) & mask;
		this.#slots[i] = slot;
		this.#hashes[i] = h;
	}

	#grow(): void {
		const old = this.#slots;
		const oldHashes = this.#hashes;
		this.#slots = slots(this.#keys.length + 1);
		this.#hashes = new Uint32Array(this.#slots.length);
		for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.#place(oldHashes[i], old[i]);
	}
}

/**
 * Distinct strings (event ids) → the event that first had each. The keys are not kept here: `keyOf`
 * reads an event's key back from the caller's own store when a 32-bit hash matches.
 */
export class StringIndex {
	size = 0;
	#slots = slots(0);
	#hashes = new Uint32Array(this.#slots.length);
	constructor(readonly keyOf: (value: number) => string) {}

	/** The value stored for `key`, or -1. */
	get(key: string): number {
		const h = stringHash(key);
		const mask = this.#slots.length - 1;
		for (let i = h & mask; ; i = (i + 1) & mask) {
			const v = this.#slots[i];
			if (v === 0) return -1;
			if (this.#hashes[i] === h && this.keyOf(v - 1) === key) return v - 1;
		}
	}

	/** Stores `value` (≥ 0, and `keyOf(value)` must give `key`) for a key not yet present. */
	set(key: string, value: number): void {
		if ((this.size + 1) * 2 > this.#slots.length) this.#grow();
		this.#place(stringHash(key), value + 1);
		this.size++;
	}

	#place(h: number, slot: number): void {
		const mask = this.#slots.length - 1;
		let i = h & mask;
		while (this.#slots[i] !== 0) i = (i + 1) & mask;
		this.#slots[i] = slot;
		this.#hashes[i] = h;
	}

	#grow(): void {
		const old = this.#slots;
		const oldHashes = this.#hashes;
		this.#slots = slots(this.size + 1);
		this.#hashes = new Uint32Array(this.#slots.length);
		for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.#place(oldHashes[i], old[i]);
	}
}

/**
 * Distinct 53-bit row hashes → the event that first had each. The hashes themselves live in the
 * caller's column (`hashOf`, by event number), so a slot holds only the event number.
 */
export class HashIndex {
	size = 0;
	#slots = slots(0);
	constructor(readonly hashOf: GrowingF64) {}

	/** The event whose row hash is `hash`, or -1. */
	get(hash: number): number {
		const mask = this.#slots.length - 1;
		const column = this.hashOf.data;
		for (let i = hash & mask; ; i = (i + 1) & mask) {
			const v = this.#slots[i];
			if (v === 0) return -1;
			if (column[v - 1] === hash) return v - 1;
		}
	}

	/** Records that event `value` (whose hash is already in `hashOf`) has a hash not yet present. */
	set(hash: number, value: number): void {
		if ((this.size + 1) * 2 > this.#slots.length) this.#grow();
		this.#place(hash, value + 1);
		this.size++;
	}

	#place(hash: number, slot: number): void {
		const mask = this.#slots.length - 1;
		let i = hash & mask;
		while (this.#slots[i] !== 0) i = (i + 1) & mask;
		this.#slots[i] = slot;
	}

	#grow(): void {
		const old = this.#slots;
		this.#slots = slots(this.size + 1);
		const column = this.hashOf.data;
		for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.#place(column[old[i] - 1], old[i]);
	}
}
