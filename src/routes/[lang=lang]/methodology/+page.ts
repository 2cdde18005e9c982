import { isLocale, loadMethodStrings } from '$lib/i18n';
import type { PageLoad } from './$types';

/** The methodology's own strings (a chunk no other page loads), before it renders. */
export const load: PageLoad = async ({ params }) => {
	if (isLocale(params.lang)) await loadMethodStrings(params.lang);
};
