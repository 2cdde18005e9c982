/**
 * A multi-year file through the page, as an analyst brings one: events of 2023 to 2025 (the same month
 * in three years, a range across a year's end, a 2024 event without a month) imported and saved; then
 * the header and the overview name the span, the timeline keeps the years apart (a year line over its
 * quarters), the period filter in the address narrows every figure, and a city page and the events list
 * date each event with its year. Both languages. Screenshots go to test-results/ for a person to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const csv = {
	name: 'multi-year.csv',
	mimeType: 'text/csv',
	buffer: readFileSync(path.resolve('tests/fixtures/import/multi-year.csv'))
};

const WORDS = {
	en: {
		name: 'Name for this dataset',
		span: '2023–2025',
		years: ['2023', '2024', '2025'],
		heading2024: 'City innovation in 2024 at a glance',
		feb: ['February 2023', 'February 2024', 'February 2025'],
		range: 'November 2023 – February 2024',
		field: 'Field',
		change: 'Change 2023–2025'
	},
	zh: {
		name: '数据集名称',
		span: '2023–2025年',
		years: ['2023年', '2024年', '2025年'],
		heading2024: '2024年城市科创一览',
		feb: ['2023年2月', '2024年2月', '2025年2月'],
		range: '2023年11月 – 2024年2月',
		field: '领域',
		change: '2023–2025年变化'
	}
} as const;

async function importMultiYear(page: Page, lang: 'en' | 'zh') {
	await page.goto(`/${lang}/import`);
	await expect(page.locator('#events-file')).toBeEnabled();
	await page.locator('#events-file').setInputFiles(csv);
	await expect(page.getByTestId('import-summary')).toBeVisible();
	await page.getByLabel(WORDS[lang].name).fill('Cities 2023–2025');
	await page.getByTestId('import-save').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
}

const timeline = (page: Page) => page.locator('section[aria-labelledby="sec-timeline"] svg.chart:visible');

/** The x positions of the Shanghai row's event marks in the visible timeline. */
const shanghaiCells = (page: Page) =>
	timeline(page)
		.locator('g.row[data-row="shanghai"] rect.event')
		.evaluateAll((rects) => [...new Set(rects.map((r) => Math.round(Number(r.getAttribute('x')))))]);

for (const lang of ['en', 'zh'] as const) {
	test(`${lang}: a 2023–2025 file keeps its years apart on every page, and the period filter narrows them`, async ({
		page
	}) => {
		// one import and five pages in one story: more than the default 30 s on a busy machine
		test.setTimeout(120_000);
		const w = WORDS[lang];
		await page.setViewportSize({ width: 1280, height: 900 });
		await importMultiYear(page, lang);

		// the overview: the header and the heading name the span; the timeline has a line of years
		await page.goto(`/${lang}/`);
		await expect(page.getByTestId('header-period')).toHaveText(w.span);
		await expect(page.locator('h1')).toContainText(w.span);
		await expect(timeline(page).locator('text.period-group')).toHaveText([...w.years]);
		// Shanghai's February events of three years, and its November range, sit in four different cells
		await expect.poll(() => shanghaiCells(page).then((xs) => xs.length)).toBe(4);
		await page.screenshot({ path: `test-results/time-overview-${lang}.png`, fullPage: true });

		// the period filter: 2024 alone, chosen in the page, goes into the address and narrows the figures
		await page.locator('select[name="from"]').selectOption('2024');
		await expect(page).toHaveURL(/from=2024-01/);
		await page.locator('select[name="to"]').selectOption('2024');
		await expect(page).toHaveURL(/from=2024-01&to=2024-12/);
		await expect(page.locator('h1')).toHaveText(w.heading2024);
		// one year: months across, no year line; Shanghai has the range carried in and February 2024
		await expect(timeline(page).locator('text.period-group')).toHaveCount(0);
		await expect.poll(() => shanghaiCells(page).then((xs) => xs.length)).toBe(2);
		// the address alone reproduces it
		await page.goto(`/${lang}/?from=2024&to=2024`);
		await expect(page.locator('h1')).toHaveText(w.heading2024);

		// a city page dates each event with its year
		await page.goto(`/${lang}/cities/shanghai`);
		const events = page.locator('section:has(#city-events)');
		for (const date of w.feb) await expect(events).toContainText(date);
		await expect(events).toContainText(w.range);
		// change between years per field (big science 1, 1, 0; computing 1, 0, 1), and in all fields
		const years = page.getByTestId('year-table');
		await expect(years.locator('thead th')).toHaveText([w.field, ...w.years, w.change]);
		await expect(years.locator('tr.total td')).toHaveText(['2', '1', '1', '−1']);

		// on a phone the table scrolls inside itself, not the page
		await page.setViewportSize({ width: 375, height: 800 });
		await expect
			.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= innerWidth))
			.toBe(true);
		await years.screenshot({ path: `test-results/time-city-years-${lang}-375.png` });
		await page.goto(`/${lang}/`);
		await timeline(page).screenshot({ path: `test-results/time-timeline-${lang}-375.png` });
		await page.setViewportSize({ width: 1280, height: 900 });

		// compare two cities of the file: each city's events per year, on one table
		await page.goto(`/${lang}/compare?cities=shanghai,beijing`);
		const compared = page.getByTestId('year-table');
		await expect(compared.locator('tbody tr[data-row="shanghai"] td')).toHaveText(['2', '1', '1', '−1']);
		await expect(compared.locator('tbody tr[data-row="beijing"] td')).toHaveText(['0', '2', '1', '+1']);

		// the events list: 2025 only
		await page.goto(`/${lang}/events?from=2025-01&to=2025-12`);
		await expect(page.getByTestId('events-download')).toBeVisible();
		const rows = page.locator('table tbody tr');
		await expect(rows).toHaveCount(4);
		await expect(page.locator('select[name="from"]')).toHaveValue('2025');
	});
}
