/**
 * The address of the view on screen, as exports print it and "copy link" copies it: built from the view's
 * parsed state (`?cities=shanghai,shenzhen`), never the address as typed, so an export carries no unknown
 * parameters, no made-up text and nothing the view did not use. Each view with state in the URL provides
 * its query; a chart outside such a view prints its page's path alone.
 */
import { getContext, setContext } from 'svelte';

const KEY = Symbol('view-address');

/** Called by a view: `query` returns its state as a canonical query string ('' for the default view). */
export function provideViewQuery(query: () => string): void {
	setContext(KEY, query);
}

/** The canonical query of the view around the caller ('' when no view provides one). */
export function viewQuery(): () => string {
	return getContext<(() => string) | undefined>(KEY) ?? (() => '');
}
