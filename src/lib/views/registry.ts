/**
 * Every page's view, by name. This is the server's (and dev's and the tests') side: each view is imported
 * here and drawn into the prerendered HTML. The browser build replaces this module with
 * `registry.browser.ts` (see `browserVariants` in vite.config.ts), where each view is a chunk of its own,
 * loaded when the reader first reaches for it or when the app navigates to its page: opening a page loads
 * only its frame's script, since its HTML already shows the view.
 */
import CitiesIndex from './CitiesIndex.svelte';
import CityPage from './city/CityPage.svelte';
import Compare from './Compare.svelte';
import EventsView from './events/EventsView.svelte';
import Industries from './Industries.svelte';
import Methodology from './Methodology.svelte';
import Overview from './Overview.svelte';
import type { ViewName } from './route-views';

export type { ViewName };

/** A view: its component where it is bundled in (here), and a loader that resolves to it everywhere. */
export interface ViewRef<C> {
	component?: C;
	load(): Promise<{ default: C }>;
}

const ref = <C>(component: C): ViewRef<C> => ({
	component,
	load: () => Promise.resolve({ default: component })
});

export const views = {
	overview: ref(Overview),
	cities: ref(CitiesIndex),
	city: ref(CityPage),
	compare: ref(Compare),
	industries: ref(Industries),
	events: ref(EventsView),
	methodology: ref(Methodology)
} satisfies Record<ViewName, ViewRef<unknown>>;
