import type { Handle } from '@sveltejs/kit';
import { localeFromPath, htmlLang } from '$lib/i18n';
// Validates the built-in dataset before anything is prerendered: a bad record fails the build.
import '$lib/data/validated';
// Prerendering and the endpoints use both languages' strings.
import '$lib/i18n/all';

/** Geometry attributes whose numbers are rounded in the HTML (sub-pixel digits only cost bytes). */
const GEOMETRY_ATTR =
	/\s(x|y|x1|x2|y1|y2|cx|cy|r|rx|width|height|d|transform|points|dy|dx|viewBox)="([^"]*)"/g;

/** Rounds every number in SVG geometry attributes to two decimals. */
export function roundSvgNumbers(html: string): string {
	return html.replace(
		GEOMETRY_ATTR,
		(_, name: string, value: string) =>
			` ${name}="${value.replace(/(\d+\.\d\d)\d+/g, (n) => String(Math.round(Number(n) * 100) / 100))}"`
	);
}

/** An embed page runs no app script, so it must not fetch the records the app's pages preload. */
const EMBED_PAGE = /^\/(zh|en)\/embed\//;
const DATASET_PRELOAD = /<link rel="preload" href="[^"]*\/data\/dataset\.json"[^>]*>\s*/;

/**
 * Sets `<html lang>` from the language prefix of the path (`/en/…`, `/zh/…`; `/` is Chinese), and keeps
 * the prerendered HTML lean.
 */
export const handle: Handle = async ({ event, resolve }) => {
	const locale = localeFromPath(event.url.pathname);
	const embed = EMBED_PAGE.test(event.url.pathname);
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			const page = roundSvgNumbers(html.replace('%lang%', htmlLang(locale)));
			return embed ? page.replace(DATASET_PRELOAD, '') : page;
		}
	});
};
