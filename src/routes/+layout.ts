import { loadBuiltin } from '$lib/data/builtin';
import { isLocale, loadCatalogue, localeFromPath } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// Every page is prerendered: the HTML holds its finished charts and works with JavaScript off.
export const prerender = true;
export const trailingSlash = 'never';

/**
 * Before anything renders: the page's language strings (in the browser, only that language's) and the
 * built-in records (in the browser, one JSON file; on the server, imported). If the records do not arrive,
 * the page says so (a missing catalogue cannot be said in any language, so that failure is rethrown).
 */
export const load: LayoutLoad = async ({ params, url }) => {
	const lang = (params as { lang?: string }).lang;
	const locale = isLocale(lang) ? lang : localeFromPath(url.pathname);
	const [, data] = await Promise.allSettled([loadCatalogue(locale), loadBuiltin()]);
	await loadCatalogue(locale); // rethrows if the strings did not arrive: nothing can be said without them
	// Without the records no chart can be drawn: the layout says so in place of the page (see +layout.svelte)
	return { builtinUnavailable: data.status === 'rejected' };
};
