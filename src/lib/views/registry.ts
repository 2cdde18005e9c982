/**
 * Every page's view, by name, each a chunk of its own loaded with `import()`: in the browser on first use
 * (`Deferred.svelte`) or before the app renders its page after a navigation (the root layout's `load`),
 * so opening a page from its address loads none of them; its prerendered HTML already shows the view.
 *
 * On the server every view is drawn into the page's HTML, so all are loaded before any page renders (the
 * `import.meta.env.SSR` branch, which the browser build drops). Importing them with `import()` on the
 * server as in the browser is also what tells SvelteKit that the views' chunks are drawn: it links their
 * stylesheets from the prerendered HTML, so a page's first paint is its final look.
 */
import type { Component } from 'svelte';
import type { ViewName } from './route-views';

export type { ViewName };

/** A view: its component once loaded, and a loader that resolves to it (asked for once). */
export interface ViewRef<C> {
	component?: C;
	load(): Promise<{ default: C }>;
}

function lazy<C>(load: () => Promise<{ default: C }>): ViewRef<C> {
	const view: ViewRef<C> = {
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

export const views = {
	overview: lazy(() => import('./Overview.svelte')),
	cities: lazy(() => import('./CitiesIndex.svelte')),
	city: lazy(() => import('./city/CityPage.svelte')),
	compare: lazy(() => import('./Compare.svelte')),
	industries: lazy(() => import('./Industries.svelte')),
	events: lazy(() => import('./events/EventsView.svelte')),
	methodology: lazy(() => import('./Methodology.svelte'))
} satisfies Record<ViewName, ViewRef<unknown>>;

const server = import.meta.env.SSR ? await import('svelte/server') : undefined;
if (import.meta.env.SSR) await Promise.all(Object.values(views).map((view) => view.load()));

/**
 * In the browser, a stand-in for the view's HTML: an empty comment. A page hydrating an `{@html}` block
 * whose value differs from the server's keeps the server's HTML (Svelte's documented behaviour, whose
 * `hydration_html_changed` warning `Deferred.svelte` silences); an empty string would not do, as Svelte
 * reads it as "nothing to adopt". Mounted afresh (after a navigation), the block is just the comment.
 */
const STAND_IN = '<!---->';

/**
 * The view's HTML and head as the server draws them (`render` from `svelte/server`, the same output a
 * standalone `hydrate()` adopts later), with the page's contexts; in the browser, a stand-in.
 */
export function drawView<Props extends Record<string, unknown>>(
	view: ViewRef<Component<Props>>,
	props: Props,
	context: Map<unknown, unknown>
): { head: string; body: string } {
	if (!server || !view.component) return { head: STAND_IN, body: STAND_IN };
	const { head, body } = server.render(view.component, { props, context });
	return { head, body };
}
