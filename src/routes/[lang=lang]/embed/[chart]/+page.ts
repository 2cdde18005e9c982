import type { EntryGenerator, PageLoad } from './$types';

/**
 * A chart alone, for other sites to frame: its default view with the built-in data, prerendered. No app
 * script runs here (`csr = false`): the HTML is the finished chart, and the page loads only `/embed.js`,
 * which tells the host its height. So none of the dashboard's state, filters or views come with it.
 */
export const csr = false;

/**
 * What the page draws comes from `embed-page.ts`, imported on the server only. The browser never runs
 * this route's code, but the app's client build still bundles it, and any module imported here (the
 * charts, the share tags, even the i18n module) would change how the chunks every other page opens with
 * are split: it cost those pages 0.3–0.5 KB. With `import.meta.env.SSR` false, the client build drops it.
 */
async function embedPage() {
	if (import.meta.env.SSR) return import('./embed-page');
	throw new Error('Embed pages are drawn on the server'); // (not `error()`: see above)
}

/** Every exportable chart in both languages. */
export const entries: EntryGenerator = async () => (await embedPage()).entries();

export const load: PageLoad = async ({ params, parent }) =>
	(await embedPage()).load(params.chart, await parent());
