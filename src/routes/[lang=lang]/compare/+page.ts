import { isLocale, loadCompareStrings } from '$lib/i18n';
import type { PageLoad } from './$types';

/** The page's own strings (the differences in words; a chunk no other page loads), before it renders. */
export const load: PageLoad = async ({ params }) => {
	if (isLocale(params.lang)) await loadCompareStrings(params.lang);
};
