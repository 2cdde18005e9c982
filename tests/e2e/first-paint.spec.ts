/**
 * A page's first paint is its final look. Opening a page hydrates only its frame; its view wakes when the
 * reader first reaches for it (Deferred.svelte), and its code may arrive seconds later on a slow
 * phone. Everything the page shows must therefore be styled by the prerendered HTML's own stylesheets,
 * not by ones that come with the view's code. For every page, in both languages, at a desktop and a phone
 * width: a screenshot as the page opened (loaded, fonts in, frame started, nobody has touched it, no view
 * code run) against one once the reader has reached for it (pointer over its title, focus inside it) and
 * its view is live. Outside the elements under the pointer and in focus, at most 0.5% of pixels may differ.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const PAGES = [
	'',
	'/cities',
	'/cities/shanghai',
	'/compare',
	'/industries',
	'/events',
	'/methodology',
	'/import',
	'/cities/atlantis' // the 404 page, with its suggestions
];
const LANGS = ['zh', 'en'] as const;
const WIDTHS = [
	{ width: 1440, height: 900 },
	{ width: 375, height: 740 }
];
/** Share of pixels allowed to differ outside the elements the reader pointed at and focused. */
const MAX_DIFF = 0.005;
/** Room around a masked element for its focus outline. */
const MARGIN = 6;

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The page as it stands: its web fonts in and two frames drawn since the last change. */
async function settled(page: Page) {
	await page.evaluate(async () => {
		await document.fonts.ready;
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
	});
}

const shot = (page: Page) => page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });

/** An element's box in the page's coordinates (as on a full-page screenshot). */
async function pageBox(page: Page, selector: string): Promise<Box | null> {
	return page.evaluate((sel) => {
		const el = document.querySelector(sel);
		if (!el) return null;
		const r = el.getBoundingClientRect();
		return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
	}, selector);
}

/** Pads an image to a size with opaque magenta, so pages of different heights differ where they differ. */
function padded(png: PNG, width: number, height: number): PNG {
	if (png.width === width && png.height === height) return png;
	const out = new PNG({ width, height });
	for (let i = 0; i < out.data.length; i += 4) out.data.set([255, 0, 255, 255], i);
	PNG.bitblt(png, out, 0, 0, png.width, png.height, 0, 0);
	return out;
}

/** Pixels that differ between two screenshots, outside the boxes (copied from the first into the second). */
function difference(before: PNG, after: PNG, masks: Box[]) {
	const width = Math.max(before.width, after.width);
	const height = Math.max(before.height, after.height);
	const a = padded(before, width, height);
	const b = padded(after, width, height);
	for (const box of masks) {
		const x0 = Math.max(0, Math.floor(box.x - MARGIN));
		const y0 = Math.max(0, Math.floor(box.y - MARGIN));
		const x1 = Math.min(width, Math.ceil(box.x + box.width + MARGIN));
		const y1 = Math.min(height, Math.ceil(box.y + box.height + MARGIN));
		for (let y = y0; y < y1; y++) {
			const start = (y * width + x0) * 4;
			b.data.set(a.data.subarray(start, (y * width + x1) * 4), start);
		}
	}
	const diff = new PNG({ width, height });
	const count = pixelmatch(a.data, b.data, diff.data, width, height, { threshold: 0.1 });
	return { count, share: count / (width * height), diff, width, height };
}

for (const lang of LANGS) {
	for (const path of PAGES) {
		for (const viewport of WIDTHS) {
			test(`/${lang}${path} at ${viewport.width} px: the first paint is the final look`, async ({
				browser
			}, testInfo) => {
				const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
				const page = await context.newPage();
				const problems: string[] = [];
				page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

				await page.goto(`/${lang}${path}`, { waitUntil: 'load' });
				// the frame has started (its script-only controls show from then on); the view has not been touched
				await expect(page.locator('html')).toHaveClass(/\bjs-ready\b/);
				const root = page.locator('.view-root');
				const hasView = (await root.count()) > 0;
				if (hasView) await expect(root).toHaveAttribute('data-view', 'static');
				await settled(page);
				const first = PNG.sync.read(await shot(page));
				if (hasView)
					await expect(root, 'nothing woke the view before the first look').toHaveAttribute(
						'data-view',
						'static'
					);

				// the reader reaches for the page: the pointer over its title, then focus on its first control
				const scope = hasView ? '.view-root' : 'main';
				const title = page.locator(`${scope} h1`).first();
				await title.hover();
				const focusable = `${scope} :is(a[href], button, input, select, textarea, summary, [tabindex="0"])`;
				const focused = await page.evaluate((sel) => {
					const el = [...document.querySelectorAll<HTMLElement>(sel)].find((e) => e.offsetParent);
					el?.setAttribute('data-first-paint-focus', '');
					el?.focus({ preventScroll: true });
					return Boolean(el);
				}, focusable);
				expect(focused, 'the page has something to focus').toBe(true);
				if (hasView) await expect(root).toHaveAttribute('data-view', 'live');
				await settled(page);
				const masks = [
					await pageBox(page, `${scope} h1`),
					await pageBox(page, '[data-first-paint-focus]')
				].filter((box): box is Box => box !== null);
				const last = PNG.sync.read(await shot(page));

				const { count, share, diff, width, height } = difference(first, last, masks);
				// kept beside the test's results, to look at (and attached to its report)
				const name = `${lang}${path.replaceAll('/', '-') || '-overview'}-${viewport.width}`;
				const images = { first, live: last, ...(share > MAX_DIFF ? { diff } : {}) };
				for (const [kind, png] of Object.entries(images)) {
					const file = testInfo.outputPath(`${name}-${kind}.png`);
					await writeFile(file, PNG.sync.write(png));
					if (share > MAX_DIFF)
						await testInfo.attach(`${name}-${kind}.png`, { path: file, contentType: 'image/png' });
				}
				console.log(`/${lang}${path} at ${viewport.width} px: ${(share * 100).toFixed(3)}% of pixels differ`);
				expect(
					share,
					`${count} of ${width}×${height} pixels differ (${(share * 100).toFixed(2)}%); first paint ` +
						`${first.width}×${first.height}, live ${last.width}×${last.height}`
				).toBeLessThanOrEqual(MAX_DIFF);
				expect(problems).toEqual([]);
				await context.close();
			});
		}
	}
}
