/**
 * Every page's view, by name. This is the server's (and dev's and the tests') side: each view is drawn
 * into the prerendered HTML, so its component is at hand synchronously. The browser build replaces this
 * module with `registry.browser.ts` (see `browserVariants` in vite.config.ts), where each view is a chunk
 * of its own, loaded when the reader first reaches for it or when the app navigates to its page: opening a
 * page loads only its frame's script, since its HTML already shows the view.
 *
 * The views are imported here the same way as in the browser, each with `import()` (awaited before this
 * module is done, so nothing has to wait for them later). That is what tells SvelteKit that the views'
 * chunks are drawn on the server: it then links their stylesheets from the prerendered HTML, so a page's
 * first paint is its final look, while their scripts still load only when the view is used.
 */
import type { ViewName } from './route-views';

export type { ViewName };

/** A view: its component where it is bundled in (here), and a loader that resolves to it everywhere. */
export interface ViewRef<C> {
	component?: C;
	load(): Promise<{ default: C }>;
}

const ref = <C>(module: { default: C }): ViewRef<C> => ({
	component: module.default,
	load: () => Promise.resolve(module)
});

const [overview, cities, city, compare, industries, events, methodology] = await Promise.all([
	import('./Overview.svelte'),
	import('./CitiesIndex.svelte'),
	import('./city/CityPage.svelte'),
	import('./Compare.svelte'),
	import('./Industries.svelte'),
	import('./events/EventsView.svelte'),
	import('./Methodology.svelte')
]);

export const views = {
	overview: ref(overview),
	cities: ref(cities),
	city: ref(city),
	compare: ref(compare),
	industries: ref(industries),
	events: ref(events),
	methodology: ref(methodology)
} satisfies Record<ViewName, ViewRef<unknown>>;
