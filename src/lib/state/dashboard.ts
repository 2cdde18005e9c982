/** The dashboard-wide context: which dataset is in view. Set once by the root layout. */
import { getContext, setContext } from 'svelte';
import type { CreditText } from '$lib/data/meta';
import type { Dataset, DatasetMeta, Locale } from '$lib/data/types';

export interface DashboardContext {
	readonly dataset: Dataset;
	readonly datasetVersion: string;
	/** The reader's name for the dataset in view when it is one they imported; null for the built-in data. */
	readonly importedName: string | null;
	/**
	 * What the dataset in view says about itself (name, sources, licence, notes; for a combined dataset
	 * its parts): every credit (source lines, footer, exports) is read from it. Null only before the
	 * built-in records have arrived.
	 */
	readonly meta: DatasetMeta | null;
	/**
	 * The credit of an imported (or combined) dataset in words, once worded (the wording code loads only
	 * when such a dataset is in view); null for the built-in data, whose credit is the catalogue's.
	 */
	credit(locale: Locale): CreditText | null;
	/**
	 * Replaces the page's address without a navigation, as the router knows it (SvelteKit's shallow
	 * `replaceState`, provided by the root layout, so charts never import `$app/*`): the edit-before-export
	 * panel keeps its edit in the address as the reader types.
	 */
	readonly replaceAddress?: (url: string) => void;
}

const KEY = Symbol('dashboard');

export function setDashboard(ctx: DashboardContext): void {
	setContext(KEY, ctx);
}

export function getDashboard(): DashboardContext | undefined {
	return getContext<DashboardContext | undefined>(KEY);
}
