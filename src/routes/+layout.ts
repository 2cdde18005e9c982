import { isLocale, loadCatalogue, localeFromPath } from '$lib/i18n';
import type { LayoutLoad } from './$types';

// Every page is prerendered: the HTML holds its finished charts and works with JavaScript off.
export const prerender = true;
export const trailingSlash = 'never';

/** The page's language strings arrive before anything renders (in the browser, only that language's). */
export const load: LayoutLoad = async ({ params, url }) => {
	const lang = (params as { lang?: string }).lang;
	await loadCatalogue(isLocale(lang) ? lang : localeFromPath(url.pathname));
	return {};
};
