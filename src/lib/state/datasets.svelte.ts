/**
 * Which dataset every view shows: the built-in one, or one the reader imported (kept in their browser).
 * One store for the whole app. On the server (prerendering) it is always the built-in dataset; in the
 * browser the import feature can switch it, and every page follows.
 */
import { builtinDataset } from '$lib/data/builtin';
import type { Dataset } from '$lib/data/types';

class DatasetStore {
	/** The dataset in view. */
	active: Dataset = $state.raw(builtinDataset);

	/** Shows `dataset` in every view. */
	use(dataset: Dataset): void {
		this.active = dataset;
	}

	/** Back to the built-in data. */
	useBuiltin(): void {
		this.active = builtinDataset;
	}

	get isBuiltin(): boolean {
		return this.active === builtinDataset;
	}
}

export const datasets = new DatasetStore();
