/**
 * The embed pages' only script (`EMBED_SCRIPT`: it tells the host page the chart's height), as a file of
 * its own so the pages' Content-Security-Policy allows it as 'self' without an inline hash.
 */
import { EMBED_SCRIPT } from '$lib/embed/protocol';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () =>
	new Response(EMBED_SCRIPT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
