/**
 * The built site on a plain static host, not `scripts/serve.js`: a file server (sirv, with no options
 * beyond `.html` extensions) that answers every unknown address with the root `build/404.html` and status
 * 404, as GitHub Pages and most CDNs do. That one page must work for any address: it speaks the address's
 * language (its first path segment, else the reader's saved or browser choice, else Chinese), suggests the
 * closest cities under /cities/, and raises no error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sirv from 'sirv';

const BUILD = join(process.cwd(), 'build');
let server: Server;
let origin: string;

test.beforeAll(async () => {
	const files = sirv(BUILD, { extensions: ['html'] });
	const notFound = readFileSync(join(BUILD, '404.html'));
	server = createServer((req, res) =>
		files(req, res, () => {
			res.statusCode = 404;
			res.setHeader('Content-Type', 'text/html; charset=utf-8');
			res.end(notFound);
		})
	);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

/** Page errors and console errors, collected from the start. */
function watch(page: Page): string[] {
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console: ${m.text()}`);
	});
	return problems;
}

/** Console errors the browser itself logs for the 404 status of the document, which is what we want. */
const expected = (problems: string[]) =>
	problems.filter((p) => !/Failed to load resource: .*404 \(Not Found\)/.test(p));

const CASES = [
	{ lang: 'en', html: 'en', title: 'Page not found', city: 'Nanjing', home: '/en' },
	{ lang: 'zh', html: 'zh-CN', title: '页面未找到', city: '南京', home: '/zh' }
] as const;

test.describe('the root 404 page on a plain static host', () => {
	for (const { lang, html, title, city, home } of CASES) {
		test(`/${lang}/cities/atlantis shows the ${lang} 404 with the closest cities, and no error`, async ({
			browser
		}, testInfo) => {
			// a reader whose saved choice is the other language: the address's language still wins
			const context = await browser.newContext({ serviceWorkers: 'block' });
			await context.addInitScript(
				(other) => localStorage.setItem('lang', other),
				lang === 'en' ? 'zh' : 'en'
			);
			const page = await context.newPage();
			const problems = watch(page);
			const res = await page.goto(`${origin}/${lang}/cities/atlantis`);
			expect(res?.status()).toBe(404);
			await expect(page.locator('html')).toHaveClass(/\bjs-ready\b/);
			await expect(page.locator('html')).toHaveAttribute('lang', html);
			await expect(page.locator('main h1')).toHaveText(title);
			await expect(page.getByTestId('unknown-city')).toContainText('atlantis');
			const first = page.getByTestId('city-suggestions').getByRole('link').first();
			await expect(first).toHaveText(city);
			await expect(first).toHaveAttribute('href', `/${lang}/cities/nanjing`);
			await expect(page.locator('.not-found-links a').first()).toHaveAttribute('href', home);
			// the frame speaks it too: the header's link home, and the switch offers the same address
			await expect(page.locator('header a.brand')).toHaveAttribute('href', home);
			await expect(page.locator('a.lang-switch')).toHaveAttribute(
				'href',
				`/${lang === 'en' ? 'zh' : 'en'}/cities/atlantis`
			);
			await page.screenshot({ path: testInfo.outputPath(`root-404-${lang}.png`) });
			expect(expected(problems)).toEqual([]);
			await context.close();
		});
	}

	for (const [languages, saved, lang, title] of [
		[['en-GB', 'en'], null, 'en', 'Page not found'],
		[['zh-CN', 'zh'], null, 'zh', '页面未找到'],
		[['en-GB', 'en'], 'zh', 'zh', '页面未找到']
	] as const) {
		test(`an address outside /zh/ and /en/ (browser ${languages[0]}, saved ${saved}) is in ${lang}`, async ({
			browser
		}) => {
			const context = await browser.newContext({ serviceWorkers: 'block', locale: languages[0] });
			if (saved) await context.addInitScript((s) => localStorage.setItem('lang', s), saved);
			const page = await context.newPage();
			const problems = watch(page);
			const res = await page.goto(`${origin}/nowhere/at/all`);
			expect(res?.status()).toBe(404);
			await expect(page.locator('html')).toHaveClass(/\bjs-ready\b/);
			await expect(page.locator('main h1')).toHaveText(title);
			await expect(page.locator('.not-found-links a').first()).toHaveAttribute('href', `/${lang}`);
			expect(expected(problems)).toEqual([]);
			await context.close();
		});
	}

	test('known pages are served as files, and links from the 404 lead to them', async ({ page }) => {
		const problems = watch(page);
		await page.goto(`${origin}/en/cities/atlantis`);
		await page.getByTestId('city-suggestions').getByRole('link').first().click();
		await expect(page).toHaveURL(`${origin}/en/cities/nanjing`);
		await expect(page.locator('main h1')).toContainText('Nanjing');
		expect(expected(problems)).toEqual([]);
	});
});
