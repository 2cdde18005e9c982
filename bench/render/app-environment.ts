/** Stand-in for SvelteKit's `$app/environment` in the rendering harness: it always runs in the browser. */
export const browser = true;
export const building = false;
export const dev = false;
export const version = 'bench';
