/**
 * Every page in both languages: it loads without console errors, says which language it is in, passes
 * axe-core, keeps Chinese out of English pages (but for names marked lang="zh-CN" and shown beside their
 * English form) and English interface text out of Chinese pages, and shows its charts with JavaScript off.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { en } from '../../src/lib/i18n/messages/en';

const PAGES = ['', '/cities', '/cities/shenzhen', '/compare', '/industries', '/events', '/methodology'];
const HAN = /\p{Script=Han}/u;

/** Visible text of the page outside elements marked as Chinese (and outside the language switch). */
async function textOutsideChinese(page: import('@playwright/test').Page): Promise<string[]> {
	return page.evaluate(() => {
		const out: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || !n.textContent?.trim()) continue;
			if (el.closest('[lang^="zh"], script, style, [data-testid="lang-switch"]')) continue;
			const style = getComputedStyle(el);
			if (style.display === 'none' || style.visibility === 'hidden') continue;
			if (el.closest('.chart-variant') && !el.closest('svg')?.checkVisibility()) continue;
			out.push(n.textContent.trim());
		}
		return out;
	});
}

for (const lang of ['en', 'zh'] as const) {
	for (const path of PAGES) {
		const url = `/${lang}${path}`;
		test(`${url}: loads cleanly, right language, no axe violations`, async ({ page }) => {
			const errors: string[] = [];
			page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			page.on('pageerror', (e) => errors.push(e.message));
			const res = await page.goto(url);
			expect(res?.status()).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
			await page.waitForLoadState('networkidle');
			const axe = await new AxeBuilder({ page }).analyze();
			expect(
				axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
			).toEqual([]);
			expect(errors).toEqual([]);
		});
	}
}

for (const path of PAGES) {
	test(`/en${path}: no Chinese outside names marked as Chinese`, async ({ page }) => {
		await page.goto(`/en${path}`);
		await page.waitForLoadState('networkidle');
		const offending = (await textOutsideChinese(page)).filter((t) => HAN.test(t));
		expect(offending).toEqual([]);
	});

	test(`/zh${path}: no English interface text left untranslated`, async ({ page }) => {
		await page.goto(`/zh${path}`);
		await page.waitForLoadState('networkidle');
		const text = (await textOutsideChinese(page)).join('\n');
		// every English UI string long enough to be unambiguous, placeholders cut out
		const leaks = Object.entries(en)
			.filter(([key]) => key !== 'lang.switch' && key !== 'lang.name')
			.flatMap(([, v]) => v.split(/\{\w+\}/))
			.map((s) => s.trim())
			.filter((s) => s.length >= 12 && /[a-z]{4}/i.test(s))
			.filter((s) => text.includes(s));
		expect(leaks).toEqual([]);
	});

	test(`/zh${path}: charts are in the HTML with JavaScript off`, async ({ browser }) => {
		const ctx = await browser.newContext({ javaScriptEnabled: false });
		const page = await ctx.newPage();
		await page.goto(`/zh${path}`);
		const frames = page.locator('figure.chart-frame');
		const count = await frames.count();
		for (let i = 0; i < count; i++) {
			// exactly one drawing shows, the one laid out for the frame's column
			await expect(frames.nth(i).locator('svg.chart:visible')).toHaveCount(1);
		}
		await ctx.close();
	});
}

test('switching language keeps the view state', async ({ page }) => {
	await page.goto('/en/compare?cities=hefei,shenzhen,beijing');
	// the view has applied the address's state (the prerendered page shows the default cities)
	await expect(page.getByTestId('chosen-cities')).toContainText('Hefei');
	await expect(page.getByTestId('chosen-cities').locator('li')).toHaveCount(3);
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/\/zh\/compare\?cities=hefei,shenzhen,beijing$/);
	await expect(page.getByTestId('chosen-cities')).toContainText('合肥');
	await page.goto('/zh/industries?metric=mix&rows=count');
	await page.getByTestId('lang-switch').click();
	await expect(page).toHaveURL(/\/en\/industries\?metric=mix&rows=count$/);
});

test('numbers and dates follow the locale', async ({ page }) => {
	await page.goto('/zh/events');
	await expect(page.locator('body')).toContainText('2023年5月');
	await page.goto('/en/events');
	await expect(page.locator('body')).toContainText('May 2023');
});

test('the methodology states the counting rule and the Hong Kong note in both languages', async ({
	page
}) => {
	await page.goto('/en/methodology');
	const rule = page.getByTestId('counting-rule');
	await expect(rule).toContainText('The rule that reproduces the article’s figure');
	await expect(rule).toContainText('give 36');
	await expect(page.getByTestId('hongkong-note')).toContainText('include Hong Kong');
	await expect(page.getByTestId('hongkong-note')).toContainText('SAR government');
	await page.goto('/zh/methodology');
	await expect(page.getByTestId('counting-rule')).toContainText('能得出原文数字的规则');
	await expect(page.getByTestId('counting-rule')).toContainText('得出36件');
	await expect(page.getByTestId('hongkong-note')).toContainText('包括香港');
	await expect(page.getByTestId('hongkong-note')).toContainText('特区政府');
});
