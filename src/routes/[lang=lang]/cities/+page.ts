import { LOCALES } from '$lib/i18n';
import type { EntryGenerator } from './$types';

export const prerender = true;

/** Both languages, whether or not a link to the index has been crawled yet. */
export const entries: EntryGenerator = () => LOCALES.map((lang) => ({ lang }));
