import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const chosen = (page: Page) =>
	page
		.getByTestId('chosen-cities')
		.locator('li')
		.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-city')));

async function addCity(page: Page, query: string, id: string) {
	await page.getByLabel(/Find a city to add|查找并添加城市/).fill(query);
	await page.locator(`button[data-add="${id}"]`).click();
}

test.describe('compare', () => {
	test('pick three cities, reload, go back, and share the URL', async ({ page, browser }) => {
		await page.goto('/en/compare?cities=shanghai,beijing');
		await expect.poll(() => chosen(page)).toEqual(['shanghai', 'beijing']);
		await addCity(page, 'hefei', 'hefei'); // pinyin
		await expect(page).toHaveURL(/cities=shanghai,beijing,hefei$/);
		await expect.poll(() => chosen(page)).toEqual(['shanghai', 'beijing', 'hefei']);
		// the chart has one column per city
		const wide = page.locator('svg[data-chart="compare"][data-variant="wide"]');
		await expect(wide.locator('text', { hasText: 'Hefei' })).toHaveCount(1);

		await page.reload();
		await expect.poll(() => chosen(page)).toEqual(['shanghai', 'beijing', 'hefei']);

		await page.goBack();
		await expect(page).toHaveURL(/cities=shanghai,beijing$/);
		await expect.poll(() => chosen(page)).toEqual(['shanghai', 'beijing']);
		await page.goForward();
		await expect.poll(() => chosen(page)).toEqual(['shanghai', 'beijing', 'hefei']);

		const fresh = await browser.newContext();
		const other = await fresh.newPage();
		await other.goto(page.url());
		await expect.poll(() => chosen(other)).toEqual(['shanghai', 'beijing', 'hefei']);
		await fresh.close();
	});

	test('finds a city by Chinese name, English name or pinyin', async ({ page }) => {
		await page.goto('/zh/compare?cities=shanghai,beijing');
		await addCity(page, '深圳', 'shenzhen');
		await expect.poll(() => chosen(page)).toEqual(['shanghai', 'beijing', 'shenzhen']);
		await addCity(page, 'Hong Kong', 'hongkong');
		await expect.poll(() => chosen(page)).toEqual(['shanghai', 'beijing', 'shenzhen', 'hongkong']);
		// four is the most: the finder says so
		await page.getByLabel('查找并添加城市').fill('he');
		await expect(page.locator('#city-search-status')).toContainText('最多');
	});

	test('reorders and removes cities', async ({ page }) => {
		await page.goto('/en/compare?cities=shanghai,beijing,hangzhou');
		await page.getByRole('button', { name: 'Move Hangzhou left' }).click();
		await expect.poll(() => chosen(page)).toEqual(['shanghai', 'hangzhou', 'beijing']);
		await page.getByRole('button', { name: 'Remove Shanghai' }).click();
		await expect.poll(() => chosen(page)).toEqual(['hangzhou', 'beijing']);
		// two is the least: removing is no longer offered
		await expect(page.getByRole('button', { name: 'Remove Hangzhou' })).toBeDisabled();
	});

	test('all columns share one scale', async ({ page }) => {
		await page.goto('/en/compare?cities=shanghai,hefei');
		// the query is applied once the page has hydrated
		await expect(page.locator('[data-testid="chosen-cities"] li[data-city="hefei"]')).toBeVisible();
		const widths = await page
			.locator('svg[data-chart="compare"][data-variant="wide"] .mark rect:first-child')
			.evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
		// Hefei's single event draws a bar as long as any of Shanghai's fields with one event
		expect(Math.max(...widths)).toBeGreaterThan(Math.min(...widths));
		const html = await page.content();
		expect(html).toContain('Hefei');
	});

	test('hostile query strings produce a polite notice and nothing else', async ({ page }) => {
		const errors: string[] = [];
		let dialog = false;
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('dialog', async (d) => {
			dialog = true;
			await d.dismiss();
		});
		await page.goto(
			'/en/compare?cities=atlantis,,%3Cscript%3Ealert(1)%3C/script%3E,shanghai,shanghai,beijing,hefei,wuxi,suzhou'
		);
		const notice = page.getByTestId('url-notice');
		await expect(notice).toBeVisible();
		await expect(notice).toContainText('atlantis');
		await expect(notice).toContainText('<script>alert(1)</script>');
		await expect(page.locator('script:text("alert(1)")')).toHaveCount(0);
		await expect.poll(() => chosen(page)).toEqual(['shanghai', 'beijing', 'hefei', 'wuxi']);
		expect(dialog).toBe(false);
		expect(errors).toEqual([]);
	});

	test('passes axe in both languages', async ({ page }) => {
		// two full axe runs over three columns of charts: about 10 s each on a busy 2-core machine
		test.setTimeout(60_000);
		for (const lang of ['en', 'zh']) {
			await page.goto(`/${lang}/compare?cities=shanghai,shenzhen,beijing`);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
		}
	});

	test('a keyboard-only walk: find, add, open a mark', async ({ page }) => {
		await page.goto('/en/compare?cities=shanghai,beijing');
		// the finder shows once the page's frame can hear it (app.css `.js-only`): a reader reaches for it then
		const finder = page.getByLabel('Find a city to add');
		await expect(finder).toBeVisible();
		await finder.focus();
		await page.keyboard.type('shenz');
		await page.keyboard.press('Enter');
		await expect.poll(() => chosen(page)).toEqual(['shanghai', 'beijing', 'shenzhen']);
		// tab to the chart's keyboard layer and walk its marks
		const chart = page.locator('#compare .chart-keys');
		await chart.focus();
		await page.keyboard.press('ArrowRight');
		await expect(chart.locator('svg.chart:visible .chart-tooltip')).toBeVisible();
		await page.keyboard.press('Enter');
		// the evidence columns narrow to the events behind the mark
		const evidence = page.getByTestId('compare-evidence');
		await expect(evidence.getByRole('status')).toBeVisible();
		await expect(evidence.locator('li').first()).toBeVisible();
	});
});
