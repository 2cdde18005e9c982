/**
 * The page's handle on the import worker: start an import of the chosen files, hear its progress, get
 * the outcome, or cancel it (the worker is terminated at once; nothing was stored, so nothing is undone).
 */
import type { WorkerFile, WorkerMessage, WorkerRequest } from './worker';
import type { ImportOutcome } from './pipeline';

export interface RunningImport {
	result: Promise<{ outcome: ImportOutcome; ms: number } | null>;
	cancel(): void;
}

export function startImport(
	files: WorkerFile[],
	options: { id: string; version: string },
	onProgress: (loaded: number, total: number) => void
): RunningImport {
	const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
	let settle: (value: { outcome: ImportOutcome; ms: number } | null) => void = () => {};
	let fail: (e: Error) => void = () => {};
	const result = new Promise<{ outcome: ImportOutcome; ms: number } | null>((resolve, reject) => {
		settle = resolve;
		fail = reject;
	});
	worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
		const m = event.data;
		if (m.type === 'progress') onProgress(m.loaded, m.total);
		else {
			worker.terminate();
			if (m.type === 'done') settle({ outcome: m.outcome, ms: m.ms });
			else fail(new Error(m.message));
		}
	};
	worker.onerror = (event) => {
		worker.terminate();
		fail(new Error(event.message || 'worker failed'));
	};
	const request: WorkerRequest = { files, ...options };
	worker.postMessage(request);
	return {
		result,
		cancel() {
			worker.terminate();
			settle(null);
		}
	};
}
