import { isLocale, loadCompareStrings, loadIndustryStrings } from '$lib/i18n';
import type { PageLoad } from './$types';

/**
 * The page's own strings (the differences in words) and the track matrix's, chunks only the pages showing
 * them load, before it renders.
 */
export const load: PageLoad = async ({ params }) => {
	if (isLocale(params.lang))
		await Promise.all([loadCompareStrings(params.lang), loadIndustryStrings(params.lang)]);
};
