/**
 * Saved datasets in the reader's browser (IndexedDB, plain API): a small `meta` store listed by the data
 * switcher on every page, and a `data` store with each packed dataset, read only when it is opened.
 * A new dataset is written in one transaction over both stores with `add`, so an import never changes an
 * existing record and a failed or interrupted write leaves nothing behind. When IndexedDB is unavailable
 * (some private windows), `openStore` rejects with `StoreUnavailable` and the caller keeps datasets in
 * memory for the session. Records are checked as they are read (`saved-check.ts`): one that is damaged or
 * was written by another version is reported as unreadable, never handed to a view.
 */
import type { DatasetMeta } from '../data/types';
import type { PackedDataset } from './pack';

export interface SavedMeta {
	id: string;
	name: string;
	/** ISO time of the import. */
	created: string;
	events: number;
	cities: number;
	lists: number;
	/** Names of the files it came from. */
	files: string[];
	/** The dataset's details (name, sources, licence, notes, parts), for the saved list; absent in older saves. */
	about?: DatasetMeta;
}

export interface SavedDataset {
	meta: SavedMeta;
	packed: PackedDataset;
}

const DB_NAME = 'city-innovation-data';
const DB_VERSION = 1;

/**
 * A saved record this version of the dashboard cannot read (damaged, or written by another version):
 * `key` deletes it, `name` is the dataset's name when the meta record still gives one.
 */
export interface Unreadable {
	key: IDBValidKey;
	name: string | null;
}

/** Thrown by `loadSaved` for a data record that is missing or cannot be read. */
export class UnreadableRecord extends Error {
	constructor(id: string) {
		super(`saved dataset ${id} cannot be read`);
		this.name = 'UnreadableRecord';
	}
}

export class StoreUnavailable extends Error {
	constructor(cause: unknown) {
		super(`IndexedDB unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
	}
}

/** Why a dataset could not be written: the reader is told which, in their language. */
export type SaveFailure =
	/** The browser's storage for this site is full (or, in some private windows, tiny). */
	| 'quota'
	/** The dataset is too large for the browser to copy into storage (structured clone or memory). */
	| 'tooLarge'
	/** Anything else: a closed or blocked database, a browser bug. */
	| 'failed';

/** The failure a write error amounts to. Pure: reads only the error's name and message. */
export function saveFailure(error: unknown): SaveFailure {
	const name = error instanceof Error || error instanceof DOMException ? error.name : '';
	const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
	if (name === 'QuotaExceededError' || /quota/i.test(message)) return 'quota';
	if (
		name === 'DataCloneError' ||
		name === 'RangeError' ||
		/too large|allocation|out of memory/i.test(message)
	)
		return 'tooLarge';
	return 'failed';
}

const promised = <T>(request: IDBRequest<T>): Promise<T> =>
	new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});

const done = (tx: IDBTransaction): Promise<void> =>
	new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
	});

let opening: Promise<IDBDatabase> | null = null;
/** The database once open, so a write can be handed over without waiting a turn. */
let opened: IDBDatabase | null = null;

export function openStore(): Promise<IDBDatabase> {
	opening ??= new Promise<IDBDatabase>((resolve, reject) => {
		let factory: IDBFactory;
		try {
			factory = globalThis.indexedDB;
			if (!factory) throw new Error('no indexedDB');
		} catch (e) {
			reject(new StoreUnavailable(e));
			return;
		}
		let request: IDBOpenDBRequest;
		try {
			request = factory.open(DB_NAME, DB_VERSION);
		} catch (e) {
			reject(new StoreUnavailable(e));
			return;
		}
		request.onupgradeneeded = () => {
			const db = request.result;
			if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta', { keyPath: 'id' });
			if (!db.objectStoreNames.contains('data')) db.createObjectStore('data');
		};
		request.onsuccess = () => {
			opened = request.result;
			opened.onclose = () => {
				opened = null;
				opening = null;
			};
			resolve(opened);
		};
		request.onerror = () => reject(new StoreUnavailable(request.error));
		request.onblocked = () => reject(new StoreUnavailable('blocked'));
	});
	opening.catch(() => (opening = null));
	return opening;
}

/** The meta record as saved, or null when it is not one (damaged, or from another version). */
export function checkMeta(value: unknown): SavedMeta | null {
	if (typeof value !== 'object' || value === null) return null;
	const m = value as Record<string, unknown>;
	const text = (v: unknown) => typeof v === 'string';
	const count = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
	if (!text(m.id) || !text(m.name) || !text(m.created)) return null;
	if (!count(m.events) || !count(m.cities) || !count(m.lists)) return null;
	if (!Array.isArray(m.files) || !m.files.every(text)) return null;
	return value as SavedMeta;
}

/** The saved datasets, oldest first, and the meta records that cannot be read (listed apart). */
/**
 * False when the browser says the dashboard's database does not exist (nothing was ever saved here), so
 * listing can skip creating it: a first visit writes nothing to the reader's storage and spends none of
 * the page's opening on it. Undefined when the browser cannot tell; then the database is opened as usual.
 */
async function databaseExists(factory: IDBFactory): Promise<boolean | undefined> {
	try {
		if (typeof factory.databases !== 'function') return undefined;
		return (await factory.databases()).some((d) => d.name === DB_NAME);
	} catch {
		return undefined;
	}
}

export async function listSaved(): Promise<{ saved: SavedMeta[]; unreadable: Unreadable[] }> {
	let factory: IDBFactory | undefined;
	try {
		factory = globalThis.indexedDB;
	} catch {
		factory = undefined;
	}
	if (!opened && factory && (await databaseExists(factory)) === false) return { saved: [], unreadable: [] };
	const db = await openStore();
	const store = db.transaction('meta').objectStore('meta');
	const [keys, all] = await Promise.all([promised(store.getAllKeys()), promised(store.getAll())]);
	const saved: SavedMeta[] = [];
	const unreadable: Unreadable[] = [];
	all.forEach((value: unknown, i) => {
		const meta = checkMeta(value);
		if (meta) saved.push(meta);
		else {
			const name = (value as { name?: unknown } | null)?.name;
			unreadable.push({ key: keys[i], name: typeof name === 'string' && name.trim() ? name : null });
		}
	});
	return { saved: saved.sort((a, b) => a.created.localeCompare(b.created)), unreadable };
}

/** A saved dataset's packed data; throws `UnreadableRecord` when it is missing or cannot be read. */
export async function loadSaved(id: string): Promise<PackedDataset> {
	const db = await openStore();
	const record: unknown = await promised(db.transaction('data').objectStore('data').get(id));
	// the check comes with the packed-format code the opening needs anyway, not with every page's list
	const { checkPacked } = await import('./saved-check');
	const packed = checkPacked(record);
	if (!packed) throw new UnreadableRecord(id);
	return packed;
}

/**
 * Writes a new dataset: both records in one transaction; fails (and writes nothing) if the id exists.
 * When the database is already open the records are handed to IndexedDB before this returns (the packed
 * dataset is a few large typed arrays and one string, so that is quick), and the browser commits them
 * while the caller goes on, for instance to build the views' records.
 */
export function addSaved({ meta, packed }: SavedDataset): Promise<void> {
	const write = (db: IDBDatabase) => {
		const tx = db.transaction(['meta', 'data'], 'readwrite');
		try {
			tx.objectStore('meta').add(meta);
			// a dataset too large to copy is refused here, at once (DataCloneError), not by the transaction
			tx.objectStore('data').add(packed, meta.id);
		} catch (e) {
			// the meta record alone would later read as a damaged dataset: write nothing
			tx.abort();
			throw e;
		}
		return done(tx);
	};
	if (opened) {
		try {
			return write(opened);
		} catch (e) {
			return Promise.reject(e);
		}
	}
	return openStore().then(write);
}

export async function renameSaved(id: string, name: string): Promise<void> {
	const db = await openStore();
	const tx = db.transaction('meta', 'readwrite');
	const store = tx.objectStore('meta');
	const meta = (await promised(store.get(id))) as SavedMeta | undefined;
	if (meta) store.put({ ...meta, name });
	await done(tx);
}

/** Deletes a dataset (or an unreadable record's key) and returns what it removed (for undo). */
export async function deleteSaved(id: IDBValidKey): Promise<SavedDataset | null> {
	const db = await openStore();
	const tx = db.transaction(['meta', 'data'], 'readwrite');
	const metaStore = tx.objectStore('meta');
	const dataStore = tx.objectStore('data');
	const meta = (await promised(metaStore.get(id))) as SavedMeta | undefined;
	const packed = (await promised(dataStore.get(id))) as PackedDataset | undefined;
	metaStore.delete(id);
	dataStore.delete(id);
	await done(tx);
	return meta && packed ? { meta, packed } : null;
}
