/** The dashboard-wide context: which dataset is in view. Set once by the root layout. */
import { getContext, setContext } from 'svelte';
import type { Dataset } from '$lib/data/types';

export interface DashboardContext {
	readonly dataset: Dataset;
	readonly datasetVersion: string;
}

const KEY = Symbol('dashboard');

export function setDashboard(ctx: DashboardContext): void {
	setContext(KEY, ctx);
}

export function getDashboard(): DashboardContext | undefined {
	return getContext<DashboardContext | undefined>(KEY);
}
