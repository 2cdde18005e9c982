import { browser } from '$app/environment';
import { builtinDataset, loadBuiltin } from '$lib/data/builtin';
import { DATASET_DEPENDENCY, datasets } from '$lib/state/datasets.svelte';
import { addressLocale, isLocale, loadCatalogue, localeFromPath, type Locale } from '$lib/i18n';
import { views } from '$lib/views/registry';
import { ROUTE_VIEWS } from '$lib/views/route-views';
import type { LayoutLoad } from './$types';

// Every page is prerendered: the HTML holds its finished charts and works with JavaScript off.
export const prerender = true;
export const trailingSlash = 'never';

/** The app has opened (its first page hydrated): later pages arrive by navigation. */
let opened = false;

/** The language the prerendered page was drawn in, as its `<html lang>` says. */
function drawnLocale(): Locale {
	return document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
}

/** The reader's language for an address with no language of its own: their saved choice, else the browser's. */
function readerLocale(url: URL): Locale {
	let saved: string | null = null;
	try {
		saved = localStorage.getItem('lang');
	} catch {
		// storage unavailable (a private window): the browser's language decides
	}
	return addressLocale(url.pathname, saved, navigator.languages ?? [navigator.language]);
}

/**
 * Before anything renders: the page's language strings (in the browser, only that language's), the
 * dataset in view (page data: pages and views get it from `data`) and the built-in records (in the browser, one JSON file; on the server, imported). If the records do not arrive,
 * the page says so (a missing catalogue cannot be said in any language, so that failure is rethrown).
 * After a navigation inside the app there is no prerendered HTML for the new page's view, so its code is
 * loaded here too, before the page renders (the page that opened the app hydrates its view on first use).
 */
export const load: LayoutLoad = async ({ params, url, route, depends }) => {
	depends(DATASET_DEPENDENCY); // rerun when the reader switches datasets
	const lang = (params as { lang?: string }).lang;
	// An address no route matches (in the browser: a static host sent a 404 page for it) speaks its own
	// language, or the reader's when it has none
	const locale = isLocale(lang)
		? lang
		: browser && route.id === null
			? readerLocale(url)
			: localeFromPath(url.pathname);
	// The language the page's HTML is in, which hydration must match before the page can speak `locale`.
	// They differ only where one file answers many addresses: the root 404 page, drawn in Chinese, which a
	// static host may send for /en/… as well (see "Deploying" in the README).
	const drawn = browser && !opened ? drawnLocale() : locale;
	const name = ROUTE_VIEWS[route.id ?? '']; // read every time: the load reruns when the route changes
	const view = browser && opened && name ? views[name].load() : undefined;
	opened = true;
	const [, , data] = await Promise.allSettled([
		loadCatalogue(drawn),
		loadCatalogue(locale),
		loadBuiltin(),
		view
	]);
	// rethrows if the strings did not arrive: nothing can be said without them
	await Promise.all([loadCatalogue(drawn), loadCatalogue(locale)]);
	await view; // a page whose code did not arrive is an error page, as when its own module fails to load
	// Without the records no chart can be drawn: the layout says so in place of the page (see +layout.svelte)
	// The dataset in view: the built-in one on the server (every page is drawn with it), in the browser the
	// reader's choice, a saved one reopened from IndexedDB once the page has loaded (datasets.svelte.ts)
	const dataset = browser ? datasets.active : builtinDataset;
	return { builtinUnavailable: data.status === 'rejected', locale, drawnLocale: drawn, dataset };
};
