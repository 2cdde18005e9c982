import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

interface CityRecord {
	id: string;
	name: { zh: string; en: string };
}
interface EventRecord {
	id: string;
	cityId: string | null;
	title: { zh: string; en: string };
}
interface FutureList {
	cityId: string;
	items: { name: { zh: string; en: string } }[];
}
const readJson = <T>(file: string): T =>
	JSON.parse(readFileSync(new URL(`../../src/lib/data/builtin/${file}`, import.meta.url), 'utf8')) as T;
const cities = readJson<CityRecord[]>('cities.json');
const events = readJson<EventRecord[]>('events.json');
const futureIndustries = readJson<FutureList[]>('future-industries.json');
const cityIds = new Set(cities.map((c) => c.id));
const langs = ['zh', 'en'] as const;

/** Text as it reads in the page, from the HTML's text (entities decoded). */
const decode = (html: string) =>
	html
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

test.describe('city profiles', () => {
	test('there is a city in the data to test', () => {
		expect(cities.length).toBe(15);
	});

	for (const lang of langs) {
		test(`every city has a prerendered profile in ${lang} listing its events`, async ({ request }) => {
			for (const city of cities) {
				const res = await request.get(`/${lang}/cities/${city.id}`);
				expect(res.status(), `/${lang}/cities/${city.id}`).toBe(200);
				const html = decode(await res.text());
				expect(html).toContain(city.name[lang]);
				const own = events.filter((e) => e.cityId === city.id);
				expect(own.length, `${city.id} has events`).toBeGreaterThan(0);
				for (const e of own) expect(html, `${lang}/${city.id}: ${e.id}`).toContain(e.title[lang]);
			}
		});

		test(`the cities index in ${lang} links every profile`, async ({ page }) => {
			const res = await page.goto(`/${lang}/cities`);
			expect(res?.status()).toBe(200);
			const links = page.locator('.city-list a');
			await expect(links).toHaveCount(cities.length);
			const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
			expect(new Set(hrefs)).toEqual(new Set(cities.map((c) => `/${lang}/cities/${c.id}`)));
		});
	}

	test('the English profile names the city in both languages', async ({ page }) => {
		await page.goto('/en/cities/shanghai');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.locator('h1')).toHaveText(/Shanghai\s+上海/);
		await expect(page.locator('h1 [lang="zh-CN"]')).toHaveText('上海');
		await expect(page.getByTestId('city-stats')).toContainText('Events in 2023');
	});

	test('Shenzhen lists its 8 future industries with their tracks; Shanghai has no list', async ({ page }) => {
		const list = futureIndustries.find((l) => l.cityId === 'shenzhen');
		expect(list?.items.length).toBe(8);
		await page.goto('/en/cities/shenzhen');
		const items = page.getByTestId('future-industries').locator(':scope > li');
		await expect(items).toHaveCount(8);
		for (const item of list?.items ?? []) {
			await expect(page.getByTestId('future-industries')).toContainText(item.name.en);
		}
		await expect(items.first().locator('.future-tracks li').first()).toContainText(
			/Match: (exact|partial|broad)/
		);
		await page.goto('/en/cities/shanghai');
		await expect(page.getByTestId('future-industries')).toHaveCount(0);
	});

	test('events are in date order with the undated last, commentary marked', async ({ page }) => {
		await page.goto('/en/cities/shanghai');
		const items = page.getByTestId('city-events').locator(':scope > li');
		const dates = await items.locator('.event-when').allTextContents();
		const firstUndated = dates.findIndex((d) => d.includes('No month given'));
		expect(firstUndated).toBeGreaterThan(0);
		// the undated of 2023, then the item the article only places "earlier", with no year, last of all
		expect(dates.at(-1)).toContain('Earlier, year not given');
		for (const d of dates.slice(firstUndated, -1)) expect(d).toContain('No month given');
		// a document title: the Chinese 《…》 with its English rendering beside it
		await expect(
			page.locator('li[data-event="shanghai-computing-dispatch-guidance"] dd').first()
		).toBeVisible();
		await expect(page.locator('li[data-event="shanghai-computing-dispatch-guidance"]')).toContainText(
			'《上海市推进算力资源统一调度指导意见》 (Guiding Opinions of Shanghai on Unified Scheduling of Computing Resources)'
		);
		const commentary = page.locator('.city-events > li.is-commentary');
		await expect(commentary).toHaveCount(1);
		await expect(commentary).toContainText('Commentary');
		await expect(items.first()).toContainText(/Source\s*Event list/);
	});

	test('the compare shortcut links to /{lang}/compare?cities=<this>,<other>', async ({ request }) => {
		for (const lang of langs) {
			for (const id of ['shenzhen', 'shanghai', 'wuhu']) {
				const html = await (await request.get(`/${lang}/cities/${id}`)).text();
				const block = html.slice(html.indexOf('data-testid="compare-links"'));
				const hrefs = [...block.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).slice(0, 3);
				expect(hrefs.length, `${lang}/${id}`).toBe(3);
				for (const href of hrefs) {
					const m = new RegExp(`^/${lang}/compare\\?cities=${id},([a-z]+)$`).exec(href);
					expect(m, href).not.toBeNull();
					expect(cityIds.has(m?.[1] ?? '')).toBe(true);
					expect(m?.[1]).not.toBe(id);
				}
				expect(new Set(hrefs).size).toBe(3);
			}
		}
	});

	test('without JavaScript a city page still shows its events', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/zh/cities/beijing');
		const own = events.filter((e) => e.cityId === 'beijing');
		await expect(page.getByTestId('city-events').locator(':scope > li')).toHaveCount(own.length);
		await expect(page.getByTestId('city-events')).toContainText(own[0].title.zh);
		await context.close();
	});

	for (const path of ['/en/cities/shanghai', '/zh/cities/shanghai', '/en/cities', '/zh/cities']) {
		test(`axe finds no violations on ${path}`, async ({ page }) => {
			await page.goto(path);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
		});
	}
});

test.describe('not-found pages', () => {
	// the language of an address outside /zh/ and /en/ is the reader's: here, the browser's English
	test.use({ locale: 'en-US' });

	test('an unknown city is a 404 that suggests the closest city', async ({ page, request }) => {
		const res = await request.get('/en/cities/shangai');
		expect(res.status()).toBe(404);
		await page.goto('/en/cities/shangai');
		// the 404 page is served at this deeper path, so its scripts and styles must load from absolute paths
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByTestId('unknown-city')).toContainText('shangai');
		const first = page.getByTestId('city-suggestions').getByRole('link').first();
		await expect(first).toHaveText('Shanghai');
		await expect(first).toHaveAttribute('href', '/en/cities/shanghai');
	});

	test('Chinese characters find the Chinese name', async ({ page }) => {
		await page.goto('/zh/cities/%E4%B8%8A');
		await expect(page.getByTestId('city-suggestions').getByRole('link').first()).toHaveText('上海');
	});

	test('an unknown value is shown as text only, shortened', async ({ page }) => {
		const hostile = encodeURIComponent('<img src=x onerror=alert(1)>' + 'x'.repeat(80));
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		const res = await page.goto(`/en/cities/${hostile}`);
		expect(res?.status()).toBe(404);
		const value = page.locator('.not-found-value');
		await expect(value).toContainText('<img src=x');
		expect((await value.textContent())?.length).toBeLessThanOrEqual(40);
		await expect(page.locator('.not-found img')).toHaveCount(0);
		expect(dialogs).toBe(0);
	});

	test('the 404 page speaks the language of the path', async ({ page, request }) => {
		for (const [path, lang, heading] of [
			['/en/nowhere', 'en', 'Page not found'],
			['/zh/nowhere', 'zh-CN', '页面未找到'],
			['/nowhere', 'en', 'Page not found']
		] as const) {
			expect((await request.get(path)).status(), path).toBe(404);
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.locator('h1')).toHaveText(heading);
			await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
			await expect(page.locator('.not-found-links a').first()).toHaveAttribute(
				'href',
				lang === 'en' ? '/en' : '/zh'
			);
		}
	});

	test('the prerendered 404 pages exist for both languages and the root', async ({ request }) => {
		for (const path of ['/en/404', '/zh/404', '/404']) {
			const html = await (await request.get(path)).text();
			expect(html, path).toContain('name="robots" content="noindex"');
			expect(html, path).toContain('data-testid="not-found"');
		}
	});
});

test('a document named in an English note is marked as Chinese, with its English rendering beside it', async ({
	page
}) => {
	await page.goto('/en/cities/wenzhou');
	const note = page.locator('li[data-event="wenzhou-key-industry-fund"] .event-note').first();
	await expect(note.locator('span[lang="zh-CN"]')).toHaveText('《温州市重点产业发展基金管理办法》');
	await expect(note).toContainText(
		'《温州市重点产业发展基金管理办法》 (Wenzhou Measures for the Management of the Key Industry Development Fund)'
	);
});
