/** Facts about the deployed dashboard that pages, charts and exports share. */
import { SOURCE } from '$lib/data/builtin';
import type { Locale } from '$lib/data/types';

/** Where the dashboard is published; exports made at build time carry it. Override with PUBLIC_SITE_URL. */
export const SITE_URL: string =
	(import.meta.env?.PUBLIC_SITE_URL as string | undefined) ?? 'http://localhost:4173';

/** The dashboard's absolute address for a path (in the browser, the address it is actually served from). */
export function absoluteUrl(pathAndQuery: string): string {
	const origin = typeof location !== 'undefined' ? location.origin : SITE_URL;
	return origin.replace(/\/$/, '') + pathAndQuery;
}

/** "澎湃新闻 · 澎湃研究所, 《…》, 2024-01-03" in the reader's language. */
export function sourceParts(locale: Locale) {
	return {
		outlet: SOURCE.outlet[locale],
		title: SOURCE.title[locale],
		date: SOURCE.date
	};
}
