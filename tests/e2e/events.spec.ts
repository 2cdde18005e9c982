import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

interface RawEvent {
	id: string;
	cityId: string | null;
	categoryId: string;
	year: number | null;
	month: number | null;
	title: { zh: string; en: string };
	source: { section: string };
}
const events: RawEvent[] = JSON.parse(
	readFileSync(join(process.cwd(), 'src/lib/data/builtin/events.json'), 'utf8')
);
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

const rows = (page: Page) => page.locator('[data-testid="events-table"] tbody tr');
const rowIds = async (page: Page) =>
	(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-event') ?? ''))).sort();
/** The page has hydrated when the download button (JavaScript only) is there. */
const ready = (page: Page) => expect(page.getByTestId('events-download')).toBeVisible();
const ids = (list: RawEvent[]) => list.map((e) => e.id).sort();

test.describe('events explorer', () => {
	test('lists every event by default, in the prerendered HTML too', async ({ page, request }) => {
		const html = await (await request.get('/en/events')).text();
		expect((html.match(/<tr data-event=/g) ?? []).length).toBe(events.length);

		await page.goto('/en/events');
		await ready(page);
		await expect(rows(page)).toHaveCount(events.length);
		await expect(page.getByTestId('events-count')).toHaveText(
			`Showing ${events.length} of ${events.length} events`
		);
		await expect(page.getByTestId('events-count')).toHaveAttribute('role', 'status');
		await expect(page.locator('caption')).toContainText('sorted by Date');
		// every row names its source
		const first = rows(page).filter({ hasText: 'Hefei Advanced Light Source' });
		await expect(first).toContainText('Event list · 大科学装置 · bullet 2');
	});

	test('filters by city and field, keeps focus, updates the URL; reload and back restore the view', async ({
		page
	}) => {
		await page.goto('/en/events');
		await ready(page);
		const shanghai = page.getByRole('checkbox', { name: 'Shanghai' });
		await shanghai.check();
		await expect(page).toHaveURL(/\/en\/events\?city=shanghai$/);
		await expect(shanghai).toBeFocused();
		const shanghaiOrNational = events.filter((e) => e.cityId === 'shanghai' || e.cityId === null);
		await expect(rows(page)).toHaveCount(shanghaiOrNational.length);

		await page.getByRole('checkbox', { name: 'Urban computing power' }).check();
		await expect(page).toHaveURL(/\?city=shanghai&cat=computing$/);
		const expected = ids(shanghaiOrNational.filter((e) => e.categoryId === 'computing'));
		await expect.poll(() => rowIds(page)).toEqual(expected);
		await expect(page.getByTestId('events-count')).toHaveText(
			`Showing ${expected.length} of ${events.length} events`
		);

		// national events go when the scope is cities only
		await page.getByRole('radio', { name: 'Cities only' }).check();
		await expect(page).toHaveURL(/scope=city/);
		await expect
			.poll(() => rowIds(page))
			.toEqual(ids(events.filter((e) => e.cityId === 'shanghai' && e.categoryId === 'computing')));

		await page.reload();
		await ready(page);
		await expect(page.getByRole('checkbox', { name: 'Shanghai' })).toBeChecked();
		await expect(page.getByRole('radio', { name: 'Cities only' })).toBeChecked();
		await expect(rows(page)).toHaveCount(
			events.filter((e) => e.cityId === 'shanghai' && e.categoryId === 'computing').length
		);

		await page.goBack();
		await expect(page).toHaveURL(/\?city=shanghai&cat=computing$/);
		await expect.poll(() => rowIds(page)).toEqual(expected);
		await page.goBack();
		await expect(page).toHaveURL(/\?city=shanghai$/);
		await expect(rows(page)).toHaveCount(shanghaiOrNational.length);
		await expect(page.getByRole('checkbox', { name: 'Urban computing power' })).not.toBeChecked();

		await page.getByTestId('events-reset').click();
		await expect(page).toHaveURL(/\/en\/events$/);
		await expect(rows(page)).toHaveCount(events.length);
	});

	test('searches in Chinese and in English', async ({ page }) => {
		const cook = ids(events.filter((e) => e.id.includes('cook-visit')));
		await page.goto('/zh/events');
		await ready(page);
		const box = page.getByRole('searchbox');
		await box.fill('库克');
		await expect.poll(() => rowIds(page)).toEqual(cook);
		await expect(page).toHaveURL(/q=%E5%BA%93%E5%85%8B/);
		await expect(box).toBeFocused();
		await expect(page.getByTestId('events-count')).toHaveText(`显示 2 件,共 ${events.length} 件`);
		// one run of typing is one history entry: back returns to the list before it
		await box.blur();
		await page.goBack();
		await expect(page).toHaveURL(/\/zh\/events$/);
		await expect(rows(page)).toHaveCount(events.length);
		await expect(box).toHaveValue('');

		await page.goto('/en/events');
		await ready(page);
		await page.getByRole('searchbox').fill('TIM cook');
		await expect.poll(() => rowIds(page)).toEqual(cook);
		await expect(page).toHaveURL(/q=TIM\+cook/);
		// a city name finds the city's events
		await page.getByRole('searchbox').fill('hefei');
		await expect.poll(() => rowIds(page)).toEqual(ids(events.filter((e) => e.cityId === 'hefei')));
		await page.getByRole('searchbox').fill('no such event anywhere');
		await expect(page.getByTestId('events-empty')).toBeVisible();
	});

	test("keeps the items with no year ('earlier') apart: their own filter and date text", async ({ page }) => {
		await page.goto('/en/events');
		await ready(page);
		await expect(page.locator('tr[data-event="guangzhou-public-data-rules"] td').first()).toHaveText(
			'Earlier, year not given (before December 2023)'
		);
		const box = page.getByRole('checkbox', { name: 'Of these, include “earlier” items with no year' });
		await expect(box).toBeChecked();
		await box.click();
		await expect(page).toHaveURL(/earlier=0/);
		await expect(box).not.toBeChecked();
		await expect.poll(() => rowIds(page)).toEqual(ids(events.filter((e) => e.year !== null)));
		// the undated events of 2023 are still there
		await expect(page.locator('tr[data-event="national-llm-wave"]')).toHaveCount(1);
	});

	test('shows the English rendering beside a document title on English pages', async ({ page }) => {
		await page.goto('/en/events');
		const cell = page.locator('tr[data-event="national-computing-infrastructure-plan"] td.col-document');
		await expect(cell.locator('span[lang="zh-CN"]')).toHaveText('《算力基础设施高质量发展行动计划》');
		await expect(cell).toContainText(
			'《算力基础设施高质量发展行动计划》 (Action Plan for the High-Quality Development of Computing Infrastructure)'
		);
		await page.goto('/zh/events');
		await expect(
			page.locator('tr[data-event="national-computing-infrastructure-plan"] td.col-document')
		).not.toContainText('Action Plan');
	});

	test('sorts by date both ways from the column header', async ({ page }) => {
		await page.goto('/en/events');
		await ready(page);
		const dateHeader = page.locator('th').filter({ has: page.locator('button[data-column="date"]') });
		await expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
		await expect(rows(page).first().locator('td').first()).toHaveText('January 2023');
		// the items with no year ("earlier") close the list, after the undated of 2023
		await expect(rows(page).last().locator('td').first()).toHaveText(
			'Earlier, year not given (before an item of 2023)'
		);
		await expect(rows(page).nth(-4).locator('td').first()).toHaveText('No month');

		await dateHeader.getByRole('button').click();
		await expect(page).toHaveURL(/dir=desc/);
		await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
		await expect(dateHeader.getByRole('button')).toBeFocused();
		await expect(rows(page).first().locator('td').first()).toHaveText('December 2023');
		// the items with no year ("earlier") close the list, after the undated of 2023
		await expect(rows(page).last().locator('td').first()).toHaveText(
			'Earlier, year not given (before an item of 2023)'
		);
		await expect(rows(page).nth(-4).locator('td').first()).toHaveText('No month');

		await page.locator('button[data-column="city"]').click();
		await expect(page).toHaveURL(/sort=city$/);
		await expect(page.locator('th[aria-sort]')).toHaveCount(1);
		await expect(rows(page).first().locator('td').nth(1)).toHaveText('Beijing');
	});

	test('downloads exactly the rows shown as CSV', async ({ page }) => {
		await page.goto('/en/events?city=hefei,shanghai&scope=city&sort=title');
		await ready(page);
		const expected = events.filter((e) => e.cityId === 'hefei' || e.cityId === 'shanghai');
		await expect(rows(page)).toHaveCount(expected.length);
		const shownTitles = await rows(page).locator('th').allTextContents();

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('events-download').click()
		]);
		expect(download.suggestedFilename()).toBe('events_hefei-shanghai_en.csv');
		const path = await download.path();
		const text = readFileSync(path, 'utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const lines = text.slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe('Date,City,Cluster,Field,Event,Kind,Document,Source in the article');
		expect(lines).toHaveLength(expected.length + 1);
		// same rows, same order
		shownTitles.forEach((title, i) => expect(lines[i + 1]).toContain(title.trim()));
	});

	test('a hostile query shows a notice, runs nothing and logs no errors', async ({ page }) => {
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));

		await page.goto('/en/events?city=atlantis,,<script>alert(1)</script>&from=13');
		await ready(page);
		const notice = page.getByTestId('url-notice');
		await expect(notice).toBeVisible();
		await expect(notice).toContainText('atlantis');
		await expect(notice).toContainText('<script>alert(1)</script>');
		await expect(notice).toContainText('“13” in “from” is out of range');
		expect(await page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
		await expect(rows(page)).toHaveCount(events.length);
		expect(dialogs).toBe(0);
		expect(errors).toEqual([]);
	});

	test('the English page has no Chinese outside the verbatim names marked as Chinese', async ({ page }) => {
		await page.goto('/en/events');
		await ready(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		expect(HAN.test(await page.title())).toBe(false);
		const stray = await page.locator('.events-page').evaluate((root, pattern) => {
			const han = new RegExp(pattern);
			const found: string[] = [];
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				if (n.parentElement?.closest('[lang="zh-CN"]')) continue;
				if (han.test(n.textContent ?? '')) found.push(n.textContent ?? '');
			}
			for (const el of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
				for (const a of ['aria-label', 'placeholder', 'title']) {
					const v = el.getAttribute(a);
					if (v && han.test(v)) found.push(`${a}: ${v}`);
				}
			}
			return found;
		}, HAN.source);
		expect(stray).toEqual([]);
		// the verbatim names are there, and marked
		await expect(page.locator('td.col-document [lang="zh-CN"]').first()).toContainText('《');
	});

	for (const lang of ['zh', 'en'] as const) {
		test(`axe finds no violations (${lang})`, async ({ page }) => {
			await page.goto(`/${lang}/events?city=shanghai`);
			await ready(page);
			await expect(rows(page)).toHaveCount(
				events.filter((e) => e.cityId === 'shanghai' || e.cityId === null).length
			);
			const results = await new AxeBuilder({ page }).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
		});
	}

	// A static host sends the same prerendered page for any query, so without JavaScript a filter form could
	// only pretend: it is not offered, a note says so, and the full table is there with its column names.
	test('without JavaScript: the full table, a note instead of filters that could not apply', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/zh/events');
		await expect(rows(page)).toHaveCount(events.length);
		await expect(page.getByTestId('events-no-js')).toBeVisible();
		await expect(page.getByTestId('events-form')).toBeHidden();
		await expect(page.getByRole('button', { name: '应用筛选' })).toBeHidden();
		await expect(page.getByRole('button')).toHaveCount(0);
		await expect(page.locator('thead th').first()).toHaveText(/\S/);
		await context.close();
	});

	test('on a phone the filters fold away and the table scrolls inside its box', async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		await page.goto('/en/events');
		await ready(page);
		await expect(page.locator('details.events-filters')).not.toHaveAttribute('open', '');
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.getByText('Filters', { exact: true }).click();
		await expect(page.getByRole('searchbox')).toBeVisible();
		await context.close();
	});
});
