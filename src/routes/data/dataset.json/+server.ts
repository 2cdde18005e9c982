/**
 * The whole built-in dataset in one JSON file: what the pages load in the browser (see
 * `builtin.browser.ts`), prerendered from the same validated records the server renders with.
 */
import { builtinRaw } from '$lib/data/builtin';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () =>
	new Response(JSON.stringify(builtinRaw), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' }
	});
