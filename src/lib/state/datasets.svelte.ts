/**
 * Which dataset every view shows: the built-in one, or one the reader imported (kept in their browser).
 * One store for the whole app. On the server (prerendering) it is always the built-in dataset; in the
 * browser, once the page has loaded (`init`), it lists the saved datasets and reopens the one chosen last
 * (its id is remembered in localStorage).
 *
 * Saved datasets live in IndexedDB (`$lib/import/store`, loaded on demand so pages that never touch
 * imported data do not pay for it). Where IndexedDB is unavailable, datasets are kept in memory for the
 * session and `storage` says so. A dataset whose own write fails (storage full, too large to copy) is
 * kept in memory for the session and listed in `sessionOnly`; the store and every other saved dataset
 * carry on as before. A saved dataset that cannot be read (damaged, or saved by another
 * version) is listed in `unreadable`, never shown, and can be deleted. Datasets are immutable: switching
 * builds or reuses a whole Dataset object, never edits one, because the aggregation engine caches its
 * work per object.
 */
import { browser } from '$app/environment';
import { invalidate } from '$app/navigation';
import { builtinDataset } from '$lib/data/builtin';
import type { Dataset } from '$lib/data/types';
import type { PackedDataset } from '$lib/import/pack';
import type { SavedDataset, SavedMeta, SaveFailure, Unreadable } from '$lib/import/store';

export type { SavedMeta, SaveFailure, Unreadable };

/** Where `add` kept a dataset, and why not in the browser's storage when it could not. */
export type SaveResult = { kept: 'saved' } | { kept: 'session'; reason: SaveFailure | 'unavailable' };
export const BUILTIN_ID = 'builtin';
const ACTIVE_KEY = 'dataset.active';
/** How long a deleted dataset can be brought back. */
export const UNDO_MS = 10_000;

export type Storage = 'unknown' | 'indexeddb' | 'memory';

function remember(id: string): void {
	try {
		if (id === BUILTIN_ID) localStorage.removeItem(ACTIVE_KEY);
		else localStorage.setItem(ACTIVE_KEY, id);
	} catch {
		// storage unavailable: the choice lasts for this page only
	}
}

function remembered(): string {
	try {
		return localStorage.getItem(ACTIVE_KEY) ?? BUILTIN_ID;
	} catch {
		return BUILTIN_ID;
	}
}

const store = () => import('$lib/import/store');
const packing = () => import('$lib/import/pack');

/** What the root layout's `load` depends on for the dataset in view (see `src/routes/+layout.ts`). */
export const DATASET_DEPENDENCY = 'app:dataset';

let started: () => void = () => {};
/**
 * Resolves once the app is running (the root layout has hydrated). A switch made before then (the saved
 * choice reopened as the page loads, which on a slow phone can be before SvelteKit has started) reruns
 * the layout's `load` only after it, when the router can take it; called earlier, the rerun was lost and
 * the page went on showing the built-in data.
 */
const appStarted = new Promise<void>((resolve) => (started = resolve));

/** Called by the root layout once it has hydrated. */
export function markAppStarted(): void {
	started();
}

class DatasetStore {
	#active: Dataset = $state.raw(builtinDataset);
	/**
	 * The dataset in view. Pages do not read it here: the root layout's `load` hands it to them as page
	 * data, and a switch reruns that `load` (`invalidate`), so every page shows what the reader chose.
	 */
	get active(): Dataset {
		return this.#active;
	}
	set active(dataset: Dataset) {
		if (dataset === this.#active) return;
		this.#active = dataset;
		// after the app has started, and after the task that started it, so the rerun is the router's
		if (browser)
			void appStarted
				.then(() => new Promise((resolve) => setTimeout(resolve, 0)))
				.then(() => invalidate(DATASET_DEPENDENCY));
	}
	/** Id of the dataset in view ('builtin' or a saved dataset's id). */
	activeId: string = $state(BUILTIN_ID);
	/** Saved datasets, oldest first. */
	saved: SavedMeta[] = $state.raw([]);
	storage: Storage = $state('unknown');
	/** True once the saved list has been read (the switcher stays hidden until then). */
	ready = $state(false);
	/** Set while a saved dataset is being opened. */
	loading = $state(false);
	/** The last deleted dataset, while it can still be restored. */
	deleted: SavedMeta | null = $state.raw(null);
	/** Saved datasets that could not be read, until deleted or dismissed. */
	unreadable: Unreadable[] = $state.raw([]);
	/** Ids of datasets kept for this session only, because their write failed. */
	sessionOnly: ReadonlySet<string> = $state.raw(new Set());

	#memory = new Map<string, SavedDataset>();
	#opened = new Map<string, Dataset>();
	#undo: { saved: SavedDataset; timer: ReturnType<typeof setTimeout> } | null = null;
	#init: Promise<void> | null = null;

	/** Shows `dataset` in every view (not saved). */
	use(dataset: Dataset): void {
		this.active = dataset;
		this.activeId = dataset === builtinDataset ? BUILTIN_ID : dataset.id;
	}

	/** Back to the built-in data. */
	useBuiltin(): void {
		this.active = builtinDataset;
		this.activeId = BUILTIN_ID;
		if (browser) remember(BUILTIN_ID);
	}

	get isBuiltin(): boolean {
		return this.active === builtinDataset;
	}

	/** True when a dataset lasts for this session only (no storage here, or its own write failed). */
	isSessionOnly(id: string): boolean {
		return this.storage === 'memory' || this.sessionOnly.has(id);
	}

	/** Reads the saved list and reopens the remembered dataset. Safe to call more than once. */
	init(): Promise<void> {
		if (!browser) return Promise.resolve();
		this.#init ??= (async () => {
			try {
				const { listSaved } = await store();
				const { saved, unreadable } = await listSaved();
				this.saved = saved;
				this.unreadable = [...this.unreadable, ...unreadable];
				this.storage = 'indexeddb';
			} catch {
				this.storage = 'memory';
				this.saved = [];
			}
			this.ready = true;
			const id = remembered();
			if (id !== BUILTIN_ID) {
				if (this.saved.some((m) => m.id === id)) await this.select(id);
				else remember(BUILTIN_ID);
			}
		})();
		return this.#init;
	}

	async #packed(id: string): Promise<PackedDataset | null> {
		const kept = this.#memory.get(id);
		if (kept) return kept.packed;
		if (this.storage === 'memory') return null;
		const { loadSaved } = await store();
		return loadSaved(id);
	}

	/**
	 * A saved dataset's records, unpacked; null when they could not be read, in which case the dataset
	 * leaves the saved list for `unreadable`. A failure to reach the store (not the record) throws.
	 */
	async #open(id: string): Promise<Dataset | null> {
		let packed: PackedDataset | null;
		try {
			packed = await this.#packed(id);
		} catch (e) {
			if (!(e instanceof Error && e.name === 'UnreadableRecord')) throw e;
			packed = null;
		}
		let dataset: Dataset | null = null;
		if (packed) {
			const { unpack } = await packing();
			try {
				dataset = unpack(packed);
			} catch {
				dataset = null;
			}
		}
		if (!dataset) this.#markUnreadable(id);
		return dataset;
	}

	#markUnreadable(id: string): void {
		const meta = this.saved.find((m) => m.id === id);
		this.saved = this.saved.filter((m) => m.id !== id);
		if (!this.unreadable.some((u) => u.key === id))
			this.unreadable = [...this.unreadable, { key: id, name: meta?.name ?? null }];
	}

	/** Deletes a saved dataset that could not be read; false when even that failed. */
	async removeUnreadable(entry: Unreadable): Promise<boolean> {
		try {
			if (typeof entry.key === 'string' && this.#memory.delete(entry.key)) {
				// kept for the session only: nothing stored to delete
			} else if (this.storage === 'indexeddb') {
				const { deleteSaved } = await store();
				await deleteSaved(entry.key);
			}
		} catch {
			return false;
		}
		this.dismissUnreadable(entry);
		return true;
	}

	/** Stops reporting an unreadable dataset (until it is next read). */
	dismissUnreadable(entry: Unreadable): void {
		this.unreadable = this.unreadable.filter((u) => u !== entry);
	}

	/** Switches every view to a saved dataset (or 'builtin'); false if it could not be opened. */
	async select(id: string): Promise<boolean> {
		if (id === BUILTIN_ID) {
			this.useBuiltin();
			return true;
		}
		let dataset = this.#opened.get(id);
		if (!dataset) {
			this.loading = true;
			try {
				const opened = await this.#open(id);
				if (!opened) return false;
				dataset = opened;
				// keep only the last opened dataset in memory besides the active one
				this.#opened.clear();
				this.#opened.set(id, dataset);
			} catch {
				return false;
			} finally {
				this.loading = false;
			}
		}
		this.active = dataset;
		this.activeId = id;
		remember(id);
		return true;
	}

	/**
	 * Keeps a newly imported dataset (IndexedDB, or memory when unavailable) and shows it. Nothing
	 * existing is touched: the write adds new records only. `dataset` may be given as a function that
	 * builds the records from `packed`: it then runs while the browser writes. When the write fails, the
	 * dataset is kept for this session and the result says why; other saved datasets stay as they are.
	 */
	async add(meta: SavedMeta, packed: PackedDataset, dataset: Dataset | (() => Dataset)): Promise<SaveResult> {
		await this.init();
		let writing: Promise<void> | null = null;
		if (this.storage === 'indexeddb') {
			const { addSaved } = await store();
			writing = addSaved({ meta, packed });
		}
		const records = typeof dataset === 'function' ? dataset() : dataset;
		let result: SaveResult = { kept: 'saved' };
		if (writing) {
			try {
				await writing;
			} catch (e) {
				const { saveFailure } = await store();
				result = { kept: 'session', reason: saveFailure(e) };
			}
		} else result = { kept: 'session', reason: 'unavailable' };
		if (result.kept === 'session') {
			this.#memory.set(meta.id, { meta, packed });
			if (this.storage !== 'memory') this.sessionOnly = new Set([...this.sessionOnly, meta.id]);
		}
		this.saved = [...this.saved.filter((m) => m.id !== meta.id), meta];
		this.#opened.clear();
		this.#opened.set(meta.id, records);
		this.active = records;
		this.activeId = meta.id;
		// a session-only dataset cannot be reopened on the next visit
		remember(result.kept === 'saved' ? meta.id : BUILTIN_ID);
		return result;
	}

	async rename(id: string, name: string): Promise<void> {
		const clean = name.trim().slice(0, 120);
		if (!clean) return;
		const m = this.#memory.get(id);
		if (m) this.#memory.set(id, { ...m, meta: { ...m.meta, name: clean } });
		else if (this.storage === 'indexeddb') {
			const { renameSaved } = await store();
			await renameSaved(id, clean);
		}
		this.saved = this.saved.map((m) => (m.id === id ? { ...m, name: clean } : m));
	}

	/** Deletes a saved dataset; it can be restored with `undo()` for UNDO_MS. */
	async remove(id: string): Promise<void> {
		let removed: SavedDataset | null = this.#memory.get(id) ?? null;
		if (removed) this.#memory.delete(id);
		else if (this.storage === 'indexeddb') {
			const { deleteSaved } = await store();
			removed = await deleteSaved(id);
		}
		this.saved = this.saved.filter((m) => m.id !== id);
		this.#opened.delete(id);
		if (this.activeId === id) this.useBuiltin();
		this.#clearUndo();
		if (removed) {
			const timer = setTimeout(() => this.#clearUndo(), UNDO_MS);
			this.#undo = { saved: removed, timer };
			this.deleted = removed.meta;
		}
	}

	#clearUndo(): void {
		if (this.#undo) clearTimeout(this.#undo.timer);
		this.#undo = null;
		this.deleted = null;
	}

	/** Brings back the last deleted dataset. */
	async undo(): Promise<void> {
		const u = this.#undo;
		if (!u) return;
		this.#clearUndo();
		if (this.storage === 'indexeddb' && !this.sessionOnly.has(u.saved.meta.id)) {
			const { addSaved } = await store();
			await addSaved(u.saved);
		} else this.#memory.set(u.saved.meta.id, u.saved);
		this.saved = [...this.saved, u.saved.meta].sort((a, b) => a.created.localeCompare(b.created));
	}

	/** A saved dataset's records (for export), without switching to it. */
	async get(id: string): Promise<Dataset | null> {
		if (id === BUILTIN_ID) return builtinDataset;
		if (id === this.activeId) return this.active;
		const opened = this.#opened.get(id);
		if (opened) return opened;
		try {
			return await this.#open(id);
		} catch {
			return null;
		}
	}
}

export const datasets = new DatasetStore();

// Reopen the reader's last choice on every page, after the page has loaded (and so, normally, hydrated:
// the prerendered HTML shows the built-in data, and the switch is an ordinary update). The data switcher
// and the import page also call `init` from onMount; it runs once.
if (browser) {
	const start = () => setTimeout(() => void datasets.init(), 0);
	if (document.readyState === 'complete') start();
	else addEventListener('load', start, { once: true });
}
