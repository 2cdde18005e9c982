import { expect, test } from '@playwright/test';

test.describe('home page', () => {
	test('the prerendered HTML already holds the events-per-city chart', async ({ request }) => {
		const res = await request.get('/zh');
		expect(res.status()).toBe(200);
		const html = await res.text();
		expect(html).toMatch(/<svg[^>]+data-chart="events-per-city"/);
		// bars are in the HTML, one per city with events
		expect((html.match(/class="mark/g) ?? []).length).toBeGreaterThan(5);
		expect(html).toContain('澎湃新闻');
	});

	test('the root address serves the overview with its chart, without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		const chart = page.locator('svg[data-chart="events-per-city"][data-variant="wide"]');
		await expect(chart).toBeVisible();
		await expect(chart.locator('.mark').first()).toBeVisible();
		await expect(page.getByTestId('source-citation')).toContainText('2024-01-03');
		await context.close();
	});

	test('the English overview is in English and cites the source', async ({ page }) => {
		await page.goto('/en');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.locator('h1')).toHaveText(/at a glance/);
		const chart = page.locator('svg[data-chart="events-per-city"][data-variant="wide"]');
		await expect(chart.locator('title')).toHaveText(/has the most events/);
		await expect(page.getByTestId('source-citation')).toContainText('The Paper');
	});

	test('the first visit follows the browser language', async ({ browser }) => {
		const en = await browser.newContext({ locale: 'en-US' });
		const p1 = await en.newPage();
		await p1.goto('/');
		await expect(p1).toHaveURL(/\/en$/, { timeout: 15_000 });
		await en.close();
		const zh = await browser.newContext({ locale: 'zh-CN' });
		const p2 = await zh.newPage();
		await p2.goto('/');
		await expect(p2).toHaveURL(/\/zh$/, { timeout: 15_000 });
		await zh.close();
	});

	test('the language choice is remembered', async ({ browser }) => {
		const ctx = await browser.newContext({ locale: 'en-US' });
		const page = await ctx.newPage();
		await page.goto('/en');
		await page.getByTestId('lang-switch').click();
		// the redirect waits for hydration and the other language's strings: slow on a loaded machine
		await expect(page).toHaveURL(/\/zh$/, { timeout: 15_000 });
		await page.goto('/');
		await expect(page).toHaveURL(/\/zh$/, { timeout: 15_000 });
		await ctx.close();
	});

	test("the language choice is remembered when made before the page's script has run", async ({
		browser
	}) => {
		const ctx = await browser.newContext({ locale: 'en-US' });
		const page = await ctx.newPage();
		// the page's scripts arrive only once the reader has followed the link: the app has not started
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/**/*.js', async (route) => {
			await released;
			await route.continue().catch(() => {});
		});
		await page.goto('/en', { waitUntil: 'domcontentloaded' });
		await expect(page.locator('html')).not.toHaveClass(/js-ready/);
		await page.getByTestId('lang-switch').click();
		await expect(page).toHaveURL(/\/zh$/);
		release();
		await page.unroute('**/_app/**/*.js');
		await page.goto('/');
		await expect(page).toHaveURL(/\/zh$/, { timeout: 15_000 });
		await ctx.close();
	});
});
