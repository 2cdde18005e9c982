/**
 * Size budgets, checked on the built site in a real browser: the JavaScript and CSS each page actually
 * loads (gzip, as served), and the overview's HTML. A failing budget names the files that make it up,
 * largest first, so the chunk that grew is obvious.
 */
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUILD = join(process.cwd(), 'build');
const KB = 1024;
/**
 * JavaScript: opening any page loads at most 62 KB (gzip, everything the page fetches until the network is
 * idle). That is Svelte's and SvelteKit's runtime (≈ 31 KB), the page's language strings (≈ 11 KB) and its
 * frame; the view's own code (charts, d3, the aggregation engine) is a chunk of its own, loaded when the
 * reader first reaches for the view (Deferred.svelte), since the prerendered HTML already shows it.
 * What a page has loaded once the reader has used it is checked too, against a ratchet just above today's
 * largest figure, so nothing grows unnoticed there either. The overview was ≈ 108 KB, and is ≈ 112 KB since
 * its views gained the "earlier, no year" timeline column, capped address notices, canonical export
 * addresses, share-card heads, the text-as-shapes and citation entries of the download menu (the citation
 * panel itself loads on first use) and the dataset as page data; the ratchet moved from 110 to 114 KB. The
 * chart layer's redesign (a model per chart, the shared frame parts, four width variants' layouts, wrapped and
 * upright Chinese labels, the dot map's dodging) brought the overview to ≈ 116 KB; the ratchet was 118 KB.
 * Time as a dimension (the period filter and picker, the timeline's steps and year line, change between
 * years) brought it to ≈ 121 KB; the ratchet is 122 KB. On opening, the header now names the years of the
 * data in view and the core strings gained the period's words: pages that also load a part of their own
 * (compare, industries, methodology) opened with 60.4–60.7 KB. In the same round each dataset came to carry
 * its own credit (the footer and the frame word it: ≈ 0.5 KB on opening), every chart's menu gained "Edit
 * before export" and "Embed this chart" (their panels and strings load on first use; the entries, their
 * loaders and the address helper the edit panel keeps its state with stay: ≈ 0.5 KB), and the in-use views
 * the edit panel's frame hooks and the period picker. Opening now measures 58.7–61.7 KB and the overview in
 * use ≈ 124 KB: the opening budget is 62 KB and the ratchet 125 KB. The next saving is the charts' strings,
 * which every page loads with the core though only the views use them (≈ 3 KB gzip).
 */
/**
 * HTML: the overview, the page with the most charts, at most 32 KB as served (gzip). Every chart is in it
 * four times, laid out for phone, tablet, desktop and wide columns (src/lib/charts/frame/variants.ts), so it
 * is final before any script runs; the four drawings share most of their words and compress well (≈ 25 KB
 * gzip for ≈ 270 KB of markup). Measured raw it was held to 150 KB when there were two drawings.
 */
/**
 * Embed pages (a chart alone, framed by other sites) run no app script: they are prerendered with
 * `csr = false` and load only /embed.js, which tells the host their height (≈ 0.3 KB). Their budget is
 * 40 KB, so a change that brings the app's runtime to them fails here.
 */
const BUDGET = {
	js: 62 * KB,
	jsInUse: 125 * KB,
	css: 15 * KB,
	overviewHtmlGzip: 32 * KB,
	embedJs: 40 * KB
};
const PAGES = [
	'/',
	'/zh',
	'/en',
	'/en/cities',
	'/zh/cities/shanghai',
	'/en/compare',
	'/zh/industries',
	'/en/events',
	'/zh/methodology'
];

/** Gzip size of a built file: its precompressed .gz when the build wrote one, else gzip -9 now. */
function gzipSize(pathname: string): number {
	const file = join(BUILD, decodeURIComponent(pathname));
	if (existsSync(file + '.gz')) return statSync(file + '.gz').size;
	return gzipSync(readFileSync(file), { level: 9 }).length;
}

const fmt = (files: { path: string; size: number }[]) =>
	files
		.sort((a, b) => b.size - a.size)
		.map((f) => `  ${(f.size / KB).toFixed(1).padStart(6)} KB  ${f.path}`)
		.join('\n');

const total = (files: Map<string, number>) => [...files.values()].reduce((sum, size) => sum + size, 0);
const list = (files: Map<string, number>) => fmt([...files].map(([path, size]) => ({ path, size })));
const kb = (size: number) => (size / KB).toFixed(1);

/**
 * Waits until every script the page has fetched so far (its resource timing entries, written once a file
 * has arrived) has been counted here, so a response still on its way to the test is not left out.
 */
async function counted(page: Page, js: Map<string, number>) {
	await expect
		.poll(async () => {
			const fetched = await page.evaluate(() =>
				performance
					.getEntriesByType('resource')
					.map((entry) => new URL(entry.name))
					.filter((url) => url.origin === location.origin && url.pathname.endsWith('.js'))
					.map((url) => url.pathname)
			);
			return fetched.filter((path) => !js.has(path));
		})
		.toEqual([]);
}

for (const path of PAGES) {
	test(`budget: JS and CSS (gzip) within their budgets on ${path}`, async ({ page }) => {
		let js = new Map<string, number>();
		const css = new Map<string, number>();
		page.on('response', (res) => {
			const url = new URL(res.url());
			if (url.origin !== new URL(page.url() || res.url()).origin) return;
			const type = res.request().resourceType();
			if (type === 'script' || url.pathname.endsWith('.js')) js.set(url.pathname, gzipSize(url.pathname));
			if (type === 'stylesheet' || url.pathname.endsWith('.css'))
				css.set(url.pathname, gzipSize(url.pathname));
		});
		await page.goto(path, { waitUntil: 'networkidle' });
		await expect(page.locator('svg.chart, main h1').first()).toBeVisible();
		// the frame has started (its dataset switcher is drawn by the script only), and what it fetched is in:
		// on a busy machine the network can fall idle before the app's start requests its strings and data
		await expect(page.getByTestId('dataset-switcher')).toBeVisible();
		await page.waitForLoadState('networkidle');
		await counted(page, js);
		const opened = new Map(js);
		// then use the page the way a reader does first: hover a mark (or the events filters, or the title),
		// which loads and wakes the view
		js = new Map(opened);
		await page
			.locator('svg.chart .mark, [data-testid="events-form"], main h1')
			.first()
			.hover({ timeout: 2000 })
			.catch(() => {});
		// the view has woken (its code loaded and hydrated), so "in use" counts it
		await expect(page.locator('.view-root')).toHaveAttribute('data-view', 'live');
		await page.waitForLoadState('networkidle');
		await counted(page, js);
		const inUse = js;
		console.log(
			`${path}: JS ${kb(total(opened))} KB on opening in ${opened.size} files (budget ${kb(BUDGET.js)} KB), ` +
				`${kb(total(inUse))} KB in use (ceiling ${kb(BUDGET.jsInUse)} KB), CSS ${kb(total(css))} KB`
		);
		expect(
			total(opened),
			`JavaScript loaded by opening ${path} is ${kb(total(opened))} KB gzip (budget ${kb(BUDGET.js)} KB):\n${list(opened)}`
		).toBeLessThanOrEqual(BUDGET.js);
		expect(
			total(inUse),
			`JavaScript on ${path} in use is ${kb(total(inUse))} KB gzip (ceiling ${kb(BUDGET.jsInUse)} KB):\n${list(inUse)}`
		).toBeLessThanOrEqual(BUDGET.jsInUse);
		expect(
			total(css),
			`CSS on ${path} is ${kb(total(css))} KB gzip (budget 15 KB):\n${list(css)}`
		).toBeLessThanOrEqual(BUDGET.css);
	});
}

for (const path of ['/zh/embed/events-per-city', '/en/embed/timeline', '/zh/embed/industry-matrix']) {
	test(`budget: JS and CSS (gzip) within the embed budgets on ${path}`, async ({ page }) => {
		const js = new Map<string, number>();
		const css = new Map<string, number>();
		page.on('response', (res) => {
			const url = new URL(res.url());
			if (url.origin !== new URL(page.url() || res.url()).origin) return;
			const type = res.request().resourceType();
			if (type === 'script' || url.pathname.endsWith('.js')) js.set(url.pathname, gzipSize(url.pathname));
			if (type === 'stylesheet' || url.pathname.endsWith('.css'))
				css.set(url.pathname, gzipSize(url.pathname));
		});
		await page.goto(path, { waitUntil: 'networkidle' });
		await expect(page.locator('svg.chart:visible')).toHaveCount(1);
		await counted(page, js);
		// the height script is what it loads (so the measurement is not of a page that loaded nothing)
		expect([...js.keys()]).toContain('/embed.js');
		console.log(`${path}: JS ${kb(total(js))} KB on opening in ${js.size} files, CSS ${kb(total(css))} KB`);
		expect(
			total(js),
			`JavaScript loaded by opening ${path} is ${kb(total(js))} KB gzip (budget ${kb(BUDGET.embedJs)} KB):\n${list(js)}`
		).toBeLessThanOrEqual(BUDGET.embedJs);
		expect(
			total(css),
			`CSS on ${path} is ${kb(total(css))} KB gzip (budget 15 KB):\n${list(css)}`
		).toBeLessThanOrEqual(BUDGET.css);
	});
}

test('budget: the overview HTML ≤ 32 KB gzip', async () => {
	for (const file of ['index.html', 'zh.html', 'en.html']) {
		const size = gzipSync(readFileSync(join(BUILD, file))).length;
		expect(size, `${file} is ${(size / KB).toFixed(1)} KB gzip (budget 32 KB)`).toBeLessThanOrEqual(
			BUDGET.overviewHtmlGzip
		);
	}
});

/**
 * Main-thread work as a page opens (vite.config.ts): every script carries V8's compile hint, so Chromium
 * compiles it off the main thread while it downloads, and SvelteKit's start does not append preload links
 * for route nodes (its eager import of the error page's node did, costing more than the start itself on a
 * slow phone). Times are measured by `npm run lighthouse`, not here; these are the two settings behind them.
 */
for (const path of ['/zh/events', '/en']) {
	test(`opening ${path}: scripts carry the compile hint; no preload links are added for route nodes`, async ({
		page
	}) => {
		const scripts = new Map<string, string>();
		const reading: Promise<void>[] = [];
		page.on('response', (res) => {
			const url = new URL(res.url());
			if (res.request().resourceType() === 'script' || url.pathname.endsWith('.js'))
				reading.push(res.text().then((body) => void scripts.set(url.pathname, body)));
		});
		const html = await (await page.request.get(path)).text();
		await page.goto(path, { waitUntil: 'networkidle' });
		await Promise.all(reading);
		const opened = [...scripts].filter(([p]) => p.startsWith('/_app/immutable/'));
		expect(opened.length, 'the page loads its scripts').toBeGreaterThan(3);
		const unhinted = opened.filter(([, body]) => !body.startsWith('//# allFunctionsCalledOnLoad\n'));
		expect(
			unhinted.map(([p]) => p),
			'scripts without the compile hint on their first line'
		).toEqual([]);
		const inHtml = new Set(
			[...html.matchAll(/<link\b[^>]*>/g)]
				.filter((m) => m[0].includes('rel="modulepreload"'))
				.map((m) => /href="([^"]+)"/.exec(m[0])?.[1] ?? '')
		);
		expect(inHtml.size, 'the prerendered page preloads its own chunks').toBeGreaterThan(3);
		const now = await page.$$eval('head link[rel="modulepreload"]', (links) =>
			links.map((l) => new URL(l.getAttribute('href') ?? '', location.href).pathname)
		);
		const addedNodes = now.filter((href) => !inHtml.has(href) && /\/nodes\/\d+\./.test(href));
		expect(addedNodes, 'preload links the start appended for route nodes').toEqual([]);
	});
}
