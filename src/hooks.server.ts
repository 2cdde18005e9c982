import type { Handle } from '@sveltejs/kit';
import { localeFromPath, htmlLang } from '$lib/i18n';

/** Sets `<html lang>` from the language prefix of the path (`/en/…`, `/zh/…`; `/` is Chinese). */
export const handle: Handle = async ({ event, resolve }) => {
	const locale = localeFromPath(event.url.pathname);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', htmlLang(locale))
	});
};
