/** The dashboard-wide context: which dataset is in view. Set once by the root layout. */
import { getContext, setContext } from 'svelte';
import type { Dataset } from '$lib/data/types';

export interface DashboardContext {
	readonly dataset: Dataset;
	readonly datasetVersion: string;
	/** The reader's name for the dataset in view when it is one they imported; null for the built-in data. */
	readonly importedName: string | null;
}

const KEY = Symbol('dashboard');

export function setDashboard(ctx: DashboardContext): void {
	setContext(KEY, ctx);
}

export function getDashboard(): DashboardContext | undefined {
	return getContext<DashboardContext | undefined>(KEY);
}
