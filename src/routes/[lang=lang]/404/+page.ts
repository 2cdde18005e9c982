import { LOCALES } from '$lib/i18n';
import type { EntryGenerator } from './$types';

// Written to build/{lang}/404.html, which the static server sends (status 404) for unknown paths.
export const prerender = true;

export const entries: EntryGenerator = () => LOCALES.map((lang) => ({ lang }));
