/**
 * The import's Web Worker: reads the chosen files as streams (never whole in memory as bytes), decodes,
 * parses and checks them with `ImportJob`, reports progress, and sends back the outcome with the packed
 * dataset's buffers transferred rather than copied. The page cancels by terminating the worker. Nothing
 * here touches the network.
 */
import { transferables } from './pack';
import { ImportJob, MAX_FILE_BYTES, reread, type FileSpec, type ImportOutcome } from './pipeline';
import type { FileKind, Mapping } from './columns';

export interface WorkerFile {
	kind: FileKind;
	file: File;
	mapping?: Mapping;
}

export type WorkerRequest = { files: WorkerFile[]; id: string; version: string };

export type WorkerMessage =
	| { type: 'progress'; loaded: number; total: number }
	| { type: 'done'; outcome: ImportOutcome; ms: number; readMs: number; finishMs: number }
	| { type: 'error'; message: string };

const post = (message: WorkerMessage, transfer: Transferable[] = []) =>
	(self as unknown as Worker).postMessage(message, transfer);

async function run({ files, id, version }: WorkerRequest): Promise<void> {
	const started = performance.now();
	const total = files.reduce((s, f) => s + f.file.size, 0);
	const specs: FileSpec[] = files.map((f) => ({
		kind: f.kind,
		name: f.file.name,
		size: f.file.size,
		...(f.mapping ? { mapping: f.mapping } : {})
	}));
	for (;;) {
		const job = new ImportJob(specs, { id, version });
		let loaded = 0;
		let lastPost = 0;
		try {
			for (let i = 0; i < files.length; i++) {
				job.begin(i);
				if (files[i].file.size <= MAX_FILE_BYTES) {
					const reader = files[i].file.stream().getReader();
					for (;;) {
						const { done, value } = await reader.read();
						if (done) break;
						// a file refused on its first bytes (not text, say) is not read to its end
						if (!job.reading) {
							await reader.cancel();
							break;
						}
						job.push(value);
						loaded += value.length;
						const now = performance.now();
						if (now - lastPost > 50) {
							lastPost = now;
							post({ type: 'progress', loaded, total });
						}
					}
				}
				job.endFile();
			}
			post({ type: 'progress', loaded: total, total });
			const readMs = performance.now() - started;
			const outcome = job.finish();
			const ms = performance.now() - started;
			post(
				{ type: 'done', outcome, ms, readMs, finishMs: ms - readMs },
				outcome.packed ? transferables(outcome.packed) : []
			);
			return;
		} catch (e) {
			// read a file again: to look at its encoding, or as decided
			if (reread(specs, e)) continue;
			throw e;
		}
	}
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	run(event.data).catch((e: unknown) =>
		post({ type: 'error', message: e instanceof Error ? e.message : String(e) })
	);
};
