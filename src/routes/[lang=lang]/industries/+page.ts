import { isLocale, loadIndustryStrings } from '$lib/i18n';
import type { PageLoad } from './$types';

/** The future-industry charts' strings (a chunk only the pages showing them load), before it renders. */
export const load: PageLoad = async ({ params }) => {
	if (isLocale(params.lang)) await loadIndustryStrings(params.lang);
};
