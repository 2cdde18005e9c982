import { isLocale, loadImportStrings } from '$lib/i18n';
import type { EntryGenerator, PageLoad } from './$types';

// Prerendered in both languages; the import itself runs in the browser.
export const prerender = true;
export const entries: EntryGenerator = () => [{ lang: 'zh' }, { lang: 'en' }];

/** The page's own strings (a chunk no other page loads), before it renders. */
export const load: PageLoad = async ({ params }) => {
	if (isLocale(params.lang)) await loadImportStrings(params.lang);
};
