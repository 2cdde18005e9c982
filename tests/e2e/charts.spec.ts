/**
 * Every chart: present in the prerendered HTML (both widths), reachable by keyboard with a visible focus
 * and the same tooltip as hover, linked (choosing a city highlights it elsewhere), and opening a mark lists
 * the events behind it with their source.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

const PAGES = ['/en', '/zh/industries', '/en/compare', '/zh/cities/shanghai'];

for (const path of PAGES) {
	test(`keyboard reaches the marks of every chart on ${path} and shows their tooltip`, async ({ page }) => {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		const layers = page.locator('figure.chart-frame .chart-keys[tabindex="0"]');
		const n = await layers.count();
		expect(n).toBeGreaterThan(0);
		for (let i = 0; i < n; i++) {
			const layer = layers.nth(i);
			await layer.focus();
			await expect(layer).toBeFocused();
			await page.keyboard.press('ArrowRight');
			const wide = layer.locator('svg.chart:visible');
			await expect(wide.locator('.chart-tooltip')).toBeVisible();
			// a visible focus mark on the active element
			await expect(wide.locator('.focus-ring')).toBeVisible();
			// the focus ring of the keyboard layer itself is visible (outline)
			const outline = await layer.evaluate((el) => getComputedStyle(el).outlineStyle);
			expect(outline).not.toBe('none');
			await page.keyboard.press('Escape');
			await expect(wide.locator('.chart-tooltip')).toHaveCount(0);
		}
	});
}

test('marks that exist only for interaction are left out of the exported SVG', async ({ page }) => {
	await page.goto('/en');
	const figure = page.locator('figure[data-chart="timeline"]');
	const wide = figure.locator('svg.chart:visible');
	// the keyboard puts a tooltip and a focus ring on the chart; its pointer targets are there once it runs
	const layer = figure.locator('.chart-keys[tabindex="0"]');
	await layer.focus();
	await page.keyboard.press('ArrowRight');
	await expect(wide.locator('.chart-tooltip')).toBeVisible();
	const omitted = await wide.locator('[data-export="omit"]').count();
	expect(omitted, 'elements marked to be left out, on the page').toBeGreaterThan(1);
	await expect(wide.locator('.hits[data-export="omit"]')).toHaveCount(1);
	// what the chart draws for everyone: shapes outside the marked elements
	const SHAPES = 'path, circle, rect, line, polyline, polygon';
	const drawn = await wide.evaluate(
		(svg, shapes) =>
			[...svg.querySelectorAll(shapes)].filter((el) => !el.closest('[data-export="omit"]')).length,
		SHAPES
	);
	expect(drawn).toBeGreaterThan(10);

	// the download menu, opened without moving focus off the chart's marks
	await figure.locator('details.chart-download').evaluate((d) => ((d as HTMLDetailsElement).open = true));
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		figure.locator('button[data-export="svg"]').dispatchEvent('click')
	]);
	const text = await readFile(await file.path(), 'utf8');
	// they were on the page while it was exported
	await expect(wide.locator('.chart-tooltip')).toBeVisible();
	await expect(wide.locator('.hits')).toHaveCount(1);
	const found = await page.evaluate(
		([svgText, shapes]) => {
			const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
			return {
				omit: doc.querySelectorAll('[data-export="omit"]').length,
				hits: doc.querySelectorAll('.hits').length,
				tooltips: doc.querySelectorAll('.chart-tooltip').length,
				rings: doc.querySelectorAll('.focus-ring').length,
				shapes: doc.querySelectorAll(shapes).length
			};
		},
		[text, SHAPES] as const
	);
	const { shapes, ...interactive } = found;
	expect(interactive).toEqual({ omit: 0, hits: 0, tooltips: 0, rings: 0 });
	// everything else is kept (the file adds its legend and source line)
	expect(shapes).toBeGreaterThanOrEqual(drawn);
});

test('hovering a bar shows the same tooltip as the keyboard', async ({ page }) => {
	await page.goto('/en');
	const chart = page.locator('svg[data-chart="events-per-city"][data-variant="wide"]');
	await chart.locator('.mark').first().hover();
	await expect(chart.locator('.chart-tooltip')).toContainText('Shanghai');
});

test('Enter on a mark lists the events behind it, each with its source', async ({ page }) => {
	await page.goto('/en');
	const layer = page.locator('#events-per-city .chart-keys');
	await layer.focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('Enter');
	const list = page.getByTestId('opened-events');
	await expect(list).toBeVisible();
	await expect(list.locator('li')).toHaveCount(10);
	await expect(list.locator('li').first()).toContainText('Source');
});

test('choosing a city in one chart highlights it in the others', async ({ page }) => {
	await page.goto('/en');
	await page
		.locator('svg[data-chart="events-per-city"][data-variant="wide"] .mark[data-key="beijing"]')
		.click();
	// the other cities' bars are dimmed in the bar chart and the mix chart
	await expect(
		page.locator('svg[data-chart="events-per-city"][data-variant="wide"] .mark[data-key="shanghai"]')
	).toHaveAttribute('opacity', '0.35');
	const mixShanghai = page.locator(
		'svg[data-chart="category-mix"][data-variant="wide"] [data-key="shanghai"]'
	);
	await expect(mixShanghai.first()).toHaveAttribute('opacity', /0\.\d+/);
});

test('charts switch to their phone layout at 375 px without horizontal scrolling', async ({ browser }) => {
	const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
	const page = await ctx.newPage();
	for (const path of [
		'/zh',
		'/en/industries',
		'/en/compare',
		'/zh/cities/beijing',
		'/zh/events',
		'/en/methodology'
	]) {
		await page.goto(path);
		if (await page.locator('figure.chart-frame').count()) {
			await expect(page.locator('svg[data-variant="phone"]').first()).toBeVisible();
			await expect(page.locator('svg[data-variant="wide"]').first()).toBeHidden();
		}
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, path).toBeLessThanOrEqual(1);
	}
	await ctx.close();
});
