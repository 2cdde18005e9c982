/**
 * The page's query string, for views whose state lives in the URL. Prerendered HTML is built without a
 * query string, so until the page has hydrated this reports an empty one: the first client render then
 * matches the server's HTML exactly, and the URL's state is applied as an ordinary update right after.
 */
import { onMount } from 'svelte';
import { page } from '$app/state';

export function useQuery(): { readonly params: URLSearchParams } {
	let hydrated = $state(false);
	onMount(() => {
		hydrated = true;
	});
	return {
		get params() {
			// an empty, never-mutated stand-in for the prerendered (query-less) state
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			return hydrated ? page.url.searchParams : new URLSearchParams();
		}
	};
}
