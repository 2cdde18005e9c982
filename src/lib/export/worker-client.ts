/**
 * Request and answer over a Web Worker: each request gets an id, its answer (or error) settles its
 * promise, and a worker that fails is dropped (every waiting request rejects) so the next request starts
 * a new one. The worker answers `{ id, …result }` or `{ id, error }`. Used by the export's font subsetter
 * and its text-as-shapes drawer.
 */
export interface WorkerClient<Req, Res> {
	request(message: Req, transfer?: Transferable[]): Promise<Res>;
}

export function workerClient<Req extends object, Res>(
	create: () => Worker,
	/** The result in an answer, or undefined when it carries none. */
	pick: (answer: Record<string, unknown>) => Res | undefined,
	failed: string
): WorkerClient<Req, Res> {
	let worker: Worker | undefined;
	let nextId = 0;
	const pending = new Map<number, { resolve: (r: Res) => void; reject: (e: Error) => void }>();
	const start = (): Worker => {
		if (worker) return worker;
		const w = create();
		w.onmessage = (e: MessageEvent<Record<string, unknown> & { id: number; error?: string }>) => {
			const job = pending.get(e.data.id);
			pending.delete(e.data.id);
			const result = pick(e.data);
			if (result !== undefined) job?.resolve(result);
			else job?.reject(new Error(e.data.error ?? failed));
		};
		w.onerror = (e) => {
			for (const job of pending.values()) job.reject(new Error(e.message || failed));
			pending.clear();
			w.terminate();
			worker = undefined;
		};
		return (worker = w);
	};
	return {
		request(message, transfer = []) {
			const id = nextId++;
			return new Promise<Res>((resolve, reject) => {
				pending.set(id, { resolve, reject });
				start().postMessage({ ...message, id }, transfer);
			});
		}
	};
}
