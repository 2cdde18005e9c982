import { error } from '@sveltejs/kit';
import { loadBuiltin } from '$lib/data/builtin';
import { isLocale, loadCatalogue, localeFromPath } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// Every page is prerendered: the HTML holds its finished charts and works with JavaScript off.
export const prerender = true;
export const trailingSlash = 'never';

/**
 * Before anything renders: the page's language strings (in the browser, only that language's) and the
 * built-in records (in the browser, one JSON file; on the server, imported).
 */
export const load: LayoutLoad = async ({ params, url }) => {
	const lang = (params as { lang?: string }).lang;
	const locale = isLocale(lang) ? lang : localeFromPath(url.pathname);
	const [, data] = await Promise.allSettled([loadCatalogue(locale), loadBuiltin()]);
	await loadCatalogue(locale); // rethrows if the strings did not arrive: nothing can be said without them
	if (data.status === 'rejected') error(503, 'The built-in data could not be loaded');
	return {};
};
