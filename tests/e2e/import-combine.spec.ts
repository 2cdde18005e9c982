/**
 * Combining with the built-in data, in both languages: an import "alongside the built-in data" shows
 * its cities and fields matched to the built-in ones (上海 by its id once the import recognised it, a
 * new city kept separate), with the conflicts listed; saved, the combination shows Shanghai (built-in
 * events and the reader's) beside an imported city in one compare chart on one scale, and every source
 * line names both sources. Two saved datasets combine from the saved list too. Screenshots of the
 * confirmation table at 375 and 1440 px go to test-results/.
 */
import { expect, test, type Page } from '@playwright/test';

const CSV = [
	'城市,城市（英文）,类别,年份,月份,标题（中文）,标题（英文）',
	'兰州,Lanzhou,城市算力,2024,3,兰州算力中心,Lanzhou computing centre',
	'兰州,Lanzhou,大科学装置,2025,5,兰州装置,Lanzhou facility',
	'上海,Shanghai,城市算力,2024,7,上海算力,Shanghai computing'
].join('\n');

const PUBLISHER = 'Lanzhou Policy Lab';

async function importWithSource(
	page: Page,
	lang: 'en' | 'zh',
	name: string,
	text: string,
	publisher: string
) {
	await page.goto(`/${lang}/import`);
	await expect(page.locator('#events-file')).toBeEnabled();
	await page
		.locator('#events-file')
		.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
	const form = page.getByTestId('meta-form');
	await expect(form).toBeVisible();
	const source = form.getByTestId('meta-source').nth(0);
	await source.getByLabel(lang === 'zh' ? '标题' : 'Title', { exact: true }).fill(`${publisher} report`);
	await source.getByLabel(lang === 'zh' ? '发布者' : 'Publisher').fill(publisher);
}

for (const lang of ['en', 'zh'] as const) {
	test(`${lang}: alongside the built-in data, compare Shanghai (built-in) with an imported city on one scale`, async ({
		page
	}) => {
		// many page loads, imports and downloads: more than the default 30 s on a busy machine
		test.setTimeout(180_000);
		await importWithSource(page, lang, 'lanzhou.csv', CSV, PUBLISHER);
		await page.getByTestId('import-alongside').check();
		const panel = page.getByTestId('combine-panel');
		await expect(panel).toBeVisible();
		const cities = panel.getByTestId('combine-cities');
		// Shanghai is matched to the built-in city (by its id); Lanzhou is new: kept separate
		const shanghai = cities.locator('tr[data-value="shanghai"]');
		await expect(shanghai.locator('select')).toHaveValue('shanghai');
		await expect(shanghai.getByTestId('match-by')).toHaveText(lang === 'zh' ? '编号' : 'id');
		const lanzhou = cities.locator('tr[data-value="lanzhou"]');
		await expect(lanzhou.locator('select')).toHaveValue('');
		await expect(lanzhou.getByTestId('match-by')).toHaveText(lang === 'zh' ? '未匹配' : 'no match');
		await expect(panel.getByTestId('combine-conflicts')).toBeVisible();
		await expect(panel.getByTestId('combine-count')).toContainText(
			lang === 'zh' ? '内置数据' : 'built-in data'
		);

		for (const width of [375, 1440]) {
			await page.setViewportSize({ width, height: 1000 });
			await panel.scrollIntoViewIfNeeded();
			await panel.screenshot({ path: `test-results/import-combine-${lang}-${width}.png` });
			const overflow = await panel.evaluate((el) =>
				[...el.querySelectorAll('*')]
					.filter((n) => !n.closest('.table-scroll'))
					.some((n) => n.getBoundingClientRect().right > innerWidth + 1)
			);
			expect(overflow, `${width}px`).toBe(false);
		}

		await page.getByTestId('import-save').click();
		await expect(page.getByTestId('import-saved')).toBeVisible();

		// every page works on the combination, and credits both sources
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		for (const path of ['', '/cities', '/cities/lanzhou', '/events', '/industries']) {
			await page.goto(`/${lang}${path}`);
			await expect(page.getByTestId('source-citation'), path).toContainText(PUBLISHER);
			await expect(page.getByTestId('source-citation'), path).toContainText(
				lang === 'zh' ? '澎湃' : 'The Paper'
			);
			// the cities index is a list (no chart): the imported city is in it
			if (path === '/cities')
				await expect(page.locator('main'), path).toContainText(lang === 'zh' ? '兰州' : 'Lanzhou');
			else if (path !== '/events')
				await expect(page.locator('svg.chart:visible').first(), path).toBeVisible();
		}
		await page.goto(`/${lang}/events`);
		await expect(page.locator('main')).toContainText(
			lang === 'zh' ? '兰州算力中心' : 'Lanzhou computing centre'
		);
		expect(errors).toEqual([]);

		await page.goto(`/${lang}/compare?cities=shanghai,lanzhou`);
		const chart = page.locator('svg.chart[data-chart="compare"]:visible').first();
		await expect(chart).toBeVisible();
		// one chart, one scale: both cities are columns of the same drawing
		await expect(
			chart.locator('text', { hasText: lang === 'zh' ? '上海' : 'Shanghai' }).first()
		).toBeVisible();
		await expect(
			chart.locator('text', { hasText: lang === 'zh' ? '兰州' : 'Lanzhou' }).first()
		).toBeVisible();
		// the source line names both sources
		const source = chart.locator('.chart-source');
		await expect(source).toContainText(PUBLISHER);
		await expect(source).toContainText(lang === 'zh' ? '澎湃' : 'The Paper');
		await expect(page.getByTestId('source-citation')).toContainText(PUBLISHER);

		// the events page lists the built-in Shanghai events and the imported one together
		await page.goto(`/${lang}/cities/shanghai`);
		await expect(page.locator('main')).toContainText(lang === 'zh' ? '上海算力' : 'Shanghai computing');
	});

	test(`${lang}: two saved datasets combine from the saved list`, async ({ page }) => {
		// many page loads, imports and downloads: more than the default 30 s on a busy machine
		test.setTimeout(180_000);
		await importWithSource(page, lang, 'one.csv', CSV, PUBLISHER);
		await page.getByTestId('import-save').click();
		await expect(page.getByTestId('import-saved')).toBeVisible();
		const other = [
			'城市,城市（英文）,类别,年份,月份,标题（中文）,标题（英文）',
			'兰州市,Lanzhou City,城市算力,2023,1,兰州早期项目,Lanzhou early project'
		].join('\n');
		await importWithSource(page, lang, 'two.csv', other, 'Second Lab');
		await page.getByTestId('import-save').click();
		await expect(page.getByTestId('import-saved')).toBeVisible();

		const list = page.getByTestId('saved-datasets');
		const boxes = list.locator('input[data-testid^="pick-"]');
		await expect(boxes).toHaveCount(2);
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		await list.getByTestId('combine-picked').click();
		const panel = list.getByTestId('combine-panel');
		await expect(panel).toBeVisible();
		// 兰州市 / Lanzhou City of the second is the first's 兰州 (the same name, less its 市 / city)
		const row = panel.getByTestId('combine-cities').locator('tbody tr').first();
		await expect(row.locator('select')).toHaveValue('lanzhou');
		await expect(row.getByTestId('match-by')).toHaveText(lang === 'zh' ? '中文名' : 'Chinese name');
		await list.getByTestId('combine-save').click();
		await expect(list.locator('li')).toHaveCount(3);
		await page.goto(`/${lang}/cities/lanzhou`);
		const source = page.locator('svg.chart:visible .chart-source').first();
		await expect(source).toContainText(PUBLISHER);
		await expect(source).toContainText('Second Lab');
		await expect(source).not.toContainText(lang === 'zh' ? '澎湃' : 'The Paper');
	});
}
