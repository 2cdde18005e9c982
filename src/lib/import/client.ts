/**
 * The page's handle on the import worker: start an import of the chosen files, hear its progress, get
 * the outcome, or cancel it (the worker is terminated at once; nothing was stored, so nothing is undone).
 *
 * Starting a module worker means fetching, compiling and running its bundle (the checks, the built-in
 * names it resolves against), which takes a noticeable part of a second on a slow machine. The import
 * page calls `prepareImport` when it opens, so a worker is already waiting when a file is chosen; each
 * worker runs one import and is then terminated, and the next one is prepared in the background.
 */
import type { WorkerFile, WorkerMessage, WorkerRequest } from './worker';
import type { ImportOutcome } from './pipeline';

export interface ImportResult {
	outcome: ImportOutcome;
	/** Time in the worker, from receiving the files to sending the outcome. */
	ms: number;
	/** Of which: reading, decoding and checking the rows; then the cross-row checks and packing. */
	readMs: number;
	finishMs: number;
}

export interface RunningImport {
	result: Promise<ImportResult | null>;
	cancel(): void;
}

const spawn = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

let spare: Worker | null = null;
let prepared = false;

/** Has a worker ready for the next import (and again after each one) until `releaseImport`. */
export function prepareImport(): void {
	prepared = true;
	spare ??= spawn();
}

/** Stops keeping a worker ready (the page is closing). */
export function releaseImport(): void {
	prepared = false;
	spare?.terminate();
	spare = null;
}

function next(): void {
	if (!prepared || spare) return;
	const later = globalThis.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
	later(() => {
		if (prepared) spare ??= spawn();
	});
}

export function startImport(
	files: WorkerFile[],
	options: { id: string; version: string },
	onProgress: (loaded: number, total: number) => void
): RunningImport {
	const worker = spare ?? spawn();
	spare = null;
	let settle: (value: ImportResult | null) => void = () => {};
	let fail: (e: Error) => void = () => {};
	const result = new Promise<ImportResult | null>((resolve, reject) => {
		settle = resolve;
		fail = reject;
	});
	const end = () => {
		worker.terminate();
		next();
	};
	worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
		const m = event.data;
		if (m.type === 'progress') onProgress(m.loaded, m.total);
		else {
			end();
			if (m.type === 'done') settle({ outcome: m.outcome, ms: m.ms, readMs: m.readMs, finishMs: m.finishMs });
			else fail(new Error(m.message));
		}
	};
	worker.onerror = (event) => {
		end();
		fail(new Error(event.message || 'worker failed'));
	};
	const request: WorkerRequest = { files, ...options };
	worker.postMessage(request);
	return {
		result,
		cancel() {
			end();
			settle(null);
		}
	};
}
