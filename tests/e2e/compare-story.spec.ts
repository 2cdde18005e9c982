/**
 * Compare, deepened (issue #24): each city's whole story side by side. Shanghai, Shenzhen and Hefei in both
 * languages, on a desktop and a phone: fields, timeline, tracks, similarity, the differences in words and
 * each city's events are on the page; choosing a bar narrows that city's events to the bar's; the address
 * reproduces the comparison in a fresh context; the default comparison is in the prerendered HTML.
 */
import { expect, test, type Page } from '@playwright/test';

const CITIES = 'shanghai,shenzhen,hefei';
const NAMES = {
	en: { shanghai: 'Shanghai', shenzhen: 'Shenzhen', hefei: 'Hefei' },
	zh: { shanghai: '上海', shenzhen: '深圳', hefei: '合肥' }
};
/** What the data says, worked out by hand (tests/unit/compare-story.test.ts): the pairs' shared fields. */
const SHARED = {
	en: ['Urban computing power', 'Venture capital and state-backed funds', 'Big-science facilities'],
	zh: ['城市算力', '创业投资与国资基金', '大科学装置']
};

async function sections(page: Page, lang: 'en' | 'zh') {
	await expect(page.locator('figure[data-chart="compare"]')).toHaveCount(1);
	await expect(page.locator('figure[data-chart="timeline"]')).toHaveCount(1);
	// Shenzhen is the only one of the three with a future-industry list
	await expect(page.locator('figure[data-chart="industry-matrix"]')).toHaveCount(1);
	await expect(page.getByTestId('compare-alike').locator('tbody tr')).toHaveCount(3);
	const words = page.getByTestId('compare-words');
	for (const field of SHARED[lang]) await expect(words).toContainText(field);
	const columns = page.getByTestId('compare-evidence').locator('.evidence-col');
	await expect(columns).toHaveCount(3);
	for (const [i, id] of CITIES.split(',').entries()) {
		await expect(columns.nth(i)).toHaveAttribute('data-city', id);
		await expect(columns.nth(i).locator('h3')).toHaveText(NAMES[lang][id as 'hefei']);
		await expect(columns.nth(i).locator('li').first()).toBeVisible();
	}
}

for (const lang of ['en', 'zh'] as const) {
	for (const width of [1440, 375]) {
		test(`/${lang}/compare at ${width} px: every section, and a bar narrows its city's events`, async ({
			browser
		}) => {
			const context = await browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			await page.goto(`/${lang}/compare?cities=${CITIES}`);
			await page.waitForLoadState('networkidle');
			await sections(page, lang);

			// Shanghai's big-science bar: three events, and only Shanghai's column keeps any
			const bar = page.locator('svg[data-chart="compare"]:visible .mark[data-key="shanghai:big-science"]');
			const y = await page.evaluate(() => window.scrollY);
			await bar.click();
			const evidence = page.getByTestId('compare-evidence');
			await expect(evidence.getByRole('status')).toBeVisible();
			await expect(evidence.locator('[data-city="shanghai"] li')).toHaveCount(3);
			await expect(evidence.locator('[data-city="shenzhen"] li')).toHaveCount(0);
			await expect(evidence.locator('[data-city="hefei"] li')).toHaveCount(0);
			// the page stays where the reader was
			expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThan(4);
			await evidence.getByRole('button').click();
			await expect(evidence.locator('[data-city="shenzhen"] li').first()).toBeVisible();

			// the address alone reproduces the comparison
			const fresh = await browser.newContext({ viewport: { width, height: 900 } });
			const again = await fresh.newPage();
			await again.goto(page.url());
			await sections(again, lang);
			await fresh.close();
			await context.close();
		});
	}
}

test('a sentence backed by events opens them in the columns', async ({ page }) => {
	await page.goto(`/en/compare?cities=${CITIES}`);
	const sentence = page.getByTestId('compare-words').locator('li', { hasText: 'Fields only Shenzhen' });
	await sentence.getByRole('button').click();
	const evidence = page.getByTestId('compare-evidence');
	await expect(evidence.getByRole('status')).toContainText('Fields only Shenzhen');
	await expect(evidence.locator('[data-city="shanghai"] li')).toHaveCount(0);
	await expect(evidence.locator('[data-city="shenzhen"] li').first()).toBeVisible();
});

test('the default comparison is whole in the prerendered HTML', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/en/compare');
	for (const chart of ['compare', 'timeline'])
		await expect(page.locator(`figure[data-chart="${chart}"]`)).toHaveCount(1);
	await expect(page.getByTestId('compare-alike').locator('tbody tr').first()).toBeVisible();
	await expect(page.getByTestId('compare-words').locator('li').first()).toBeVisible();
	await expect(page.getByTestId('compare-evidence').locator('.evidence-col li').first()).toBeVisible();
	await context.close();
});
