/**
 * Every page's view in the browser build (the server side is `registry.ts`, whose types this module
 * follows): each view is a chunk of its own, loaded on first use (`Deferred.browser.svelte`) or before the
 * app renders its page after a navigation (the root layout's `load`). Opening a page from its address
 * loads none of them: its prerendered HTML already shows the view.
 */
import type { ViewRef, views as serverViews } from './registry';
export type { ViewName, ViewRef } from './registry';

type Views = typeof serverViews;
type Loaded<K extends keyof Views> = Views[K] extends ViewRef<infer C> ? C : never;

/** Memoised so the chunk is asked for once, and a loaded view is at hand synchronously afterwards. */
function lazy<K extends keyof Views>(load: () => Promise<{ default: Loaded<K> }>): ViewRef<Loaded<K>> {
	const view: ViewRef<Loaded<K>> = {
		load() {
			const pending = load().then((module) => {
				view.component = module.default;
				return module;
			});
			view.load = () => pending;
			return pending;
		}
	};
	return view;
}

export const views: { [K in keyof Views]: ViewRef<Loaded<K>> } = {
	overview: lazy<'overview'>(() => import('./Overview.svelte')),
	cities: lazy<'cities'>(() => import('./CitiesIndex.svelte')),
	city: lazy<'city'>(() => import('./city/CityPage.svelte')),
	compare: lazy<'compare'>(() => import('./Compare.svelte')),
	industries: lazy<'industries'>(() => import('./Industries.svelte')),
	events: lazy<'events'>(() => import('./events/EventsView.svelte')),
	methodology: lazy<'methodology'>(() => import('./Methodology.svelte'))
};
