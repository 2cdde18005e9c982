/**
 * Every chart: present in the prerendered HTML (both widths), reachable by keyboard with a visible focus
 * and the same tooltip as hover, linked (choosing a city highlights it elsewhere), and opening a mark lists
 * the events behind it with their source.
 */
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
			const wide = layer.locator('svg[data-variant="wide"]');
			await expect(wide.locator('.chart-tooltip')).toBeVisible();
			// a visible focus mark on the active element
			await expect(wide.locator('.focus-ring, [data-export="omit"]').first()).toBeAttached();
			// the focus ring of the keyboard layer itself is visible (outline)
			const outline = await layer.evaluate((el) => getComputedStyle(el).outlineStyle);
			expect(outline).not.toBe('none');
			await page.keyboard.press('Escape');
			await expect(wide.locator('.chart-tooltip')).toHaveCount(0);
		}
	});
}

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
			await expect(page.locator('svg[data-variant="narrow"]').first()).toBeVisible();
			await expect(page.locator('svg[data-variant="wide"]').first()).toBeHidden();
		}
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, path).toBeLessThanOrEqual(1);
	}
	await ctx.close();
});
