import { browser } from '$app/environment';
import { loadBuiltin } from '$lib/data/builtin';
import { isLocale, loadCatalogue, localeFromPath } from '$lib/i18n';
import { views } from '$lib/views/registry';
import { ROUTE_VIEWS } from '$lib/views/route-views';
import type { LayoutLoad } from './$types';

// Every page is prerendered: the HTML holds its finished charts and works with JavaScript off.
export const prerender = true;
export const trailingSlash = 'never';

/** The app has opened (its first page hydrated): later pages arrive by navigation. */
let opened = false;

/**
 * Before anything renders: the page's language strings (in the browser, only that language's) and the
 * built-in records (in the browser, one JSON file; on the server, imported). If the records do not arrive,
 * the page says so (a missing catalogue cannot be said in any language, so that failure is rethrown).
 * After a navigation inside the app there is no prerendered HTML for the new page's view, so its code is
 * loaded here too, before the page renders (the page that opened the app hydrates its view on first use).
 */
export const load: LayoutLoad = async ({ params, url, route }) => {
	const lang = (params as { lang?: string }).lang;
	const locale = isLocale(lang) ? lang : localeFromPath(url.pathname);
	const name = ROUTE_VIEWS[route.id ?? '']; // read every time: the load reruns when the route changes
	const view = browser && opened && name ? views[name].load() : undefined;
	opened = true;
	const [, data] = await Promise.allSettled([loadCatalogue(locale), loadBuiltin(), view]);
	await loadCatalogue(locale); // rethrows if the strings did not arrive: nothing can be said without them
	await view; // a page whose code did not arrive is an error page, as when its own module fails to load
	// Without the records no chart can be drawn: the layout says so in place of the page (see +layout.svelte)
	return { builtinUnavailable: data.status === 'rejected' };
};
