/**
 * The import templates as prerendered files, in both column languages from either page:
 * /zh/import/template-events-zh.csv, /en/import/template-futures-en.csv, …
 */
import { error } from '@sveltejs/kit';
import { template } from '$lib/import/export';
import { LOCALES } from '$lib/i18n';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

const TEMPLATE_FILES = [
	'template-events-zh.csv',
	'template-events-en.csv',
	'template-futures-zh.csv',
	'template-futures-en.csv'
] as const;

export const entries: EntryGenerator = () =>
	LOCALES.flatMap((lang) => TEMPLATE_FILES.map((file) => ({ lang, file })));

export const GET: RequestHandler = ({ params }) => {
	const m = /^template-(events|futures)-(zh|en)\.csv$/.exec(params.file);
	if (!m) error(404, 'Not found');
	return new Response(template(m[1] as 'events' | 'futures', m[2] as 'zh' | 'en'), {
		headers: { 'content-type': 'text/csv; charset=utf-8' }
	});
};
