/**
 * Stand-in for SvelteKit's `$app/state` in the rendering harness, which mounts chart components outside
 * the app: the download menu only reads the page address, and only when a reader copies a link.
 */
export const page = {
	get url(): URL {
		return new URL(location.href);
	}
};
