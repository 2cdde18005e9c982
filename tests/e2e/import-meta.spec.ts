/**
 * Every dataset carries its own metadata, in both languages: the import asks for it (name from the
 * file, one source row to fill, "add source", "not public", licence, notes), refuses bad details with
 * the field named in the reader's language while keeping everything typed, and then every chart's
 * source line, the footer, the SVG export's <metadata> and the chart CSV name the dataset's sources —
 * never the article. Details are also read from a datapackage.json. Screenshots of the form at 375 and
 * 1440 px go to test-results/ for a person to look at.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

const CSV = [
	'城市,城市（英文）,类别,年份,月份,标题（中文）,标题（英文）',
	'兰州,Lanzhou,城市算力,2024,3,兰州算力中心,Lanzhou computing centre',
	'兰州,Lanzhou,大科学装置,2025,5,兰州装置,Lanzhou facility',
	'上海,Shanghai,城市算力,2024,7,上海算力,Shanghai computing',
	'上海,Shanghai,城市算力,2025,2,上海算力二期,Shanghai computing II'
].join('\n');

const T = {
	en: {
		name: 'Name for this dataset',
		title: 'Title',
		publisher: 'Publisher',
		date: 'Date',
		licence: 'Licence',
		notes: 'Notes',
		badDate: 'Check the dataset details: source 1 › date: must be a date as YYYY, YYYY-MM or YYYY-MM-DD.',
		article: /The Paper|Pengpai/
	},
	zh: {
		name: '数据集名称',
		title: '标题',
		publisher: '发布者',
		date: '日期',
		licence: '许可',
		notes: '备注',
		badDate: '请检查数据集说明：来源 1 › 日期：须为“年”“年-月”或“年-月-日”格式的日期。',
		article: /澎湃/
	}
} as const;

const PUBLISHER = 'Lanzhou Policy Lab';
const TITLE = 'Gansu policy gazette';

async function pickCsv(page: Page, lang: 'en' | 'zh') {
	await page.goto(`/${lang}/import`);
	await expect(page.locator('#events-file')).toBeEnabled();
	await page
		.locator('#events-file')
		.setInputFiles({ name: 'lanzhou-policies.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
	await expect(page.getByTestId('meta-form')).toBeVisible();
}

async function download(page: Page, figure: Locator, kind: string): Promise<string> {
	await figure.locator('details.chart-download').evaluate((d) => ((d as HTMLDetailsElement).open = true));
	const [file] = await Promise.all([
		page.waitForEvent('download', { timeout: 60_000 }),
		figure.locator(`button[data-export="${kind}"]`).click()
	]);
	return (await readFile(await file.path())).toString('utf8');
}

for (const lang of ['en', 'zh'] as const) {
	const t = T[lang];
	test(`${lang}: the import asks for the dataset's details; charts, footer, SVG and CSV credit its sources, not the article`, async ({
		page
	}) => {
		// many page loads, imports and downloads: more than the default 30 s on a busy machine
		test.setTimeout(180_000);
		await pickCsv(page, lang);
		const form = page.getByTestId('meta-form');
		// the name comes from the file; one empty source row to fill
		await expect(form.getByLabel(t.name)).toHaveValue('lanzhou-policies');
		await expect(form.getByTestId('meta-source')).toHaveCount(1);
		const first = form.getByTestId('meta-source').nth(0);
		await first.getByLabel(t.title, { exact: true }).fill(TITLE);
		await first.getByLabel(t.publisher).fill(PUBLISHER);
		await first.getByLabel(t.date, { exact: true }).fill('March 2025');
		await first.getByTestId('source-not-public').check();
		await form.getByTestId('add-source').click();
		await expect(form.getByTestId('meta-source')).toHaveCount(2);
		await form
			.getByTestId('meta-source')
			.nth(1)
			.getByLabel(t.title, { exact: true })
			.fill('Field interviews');
		await form.getByLabel(t.licence).fill('CC-BY-4.0');
		await form.getByLabel(t.notes).fill('Coded by two readers.');

		for (const width of [375, 1440]) {
			await page.setViewportSize({ width, height: 1000 });
			await form.scrollIntoViewIfNeeded();
			await form.screenshot({ path: `test-results/import-meta-${lang}-${width}.png` });
			const overflow = await form.evaluate((el) =>
				[...el.querySelectorAll('*')].some((n) => n.getBoundingClientRect().right > innerWidth + 1)
			);
			expect(overflow, `${width}px: nothing past the screen's edge`).toBe(false);
		}

		// a bad date: the field is named in the reader's language, nothing is saved, nothing typed is lost
		await page.getByTestId('import-save').click();
		await expect(page.getByTestId('import-message')).toHaveText(t.badDate);
		await expect(page.getByTestId('import-saved')).toHaveCount(0);
		await expect(first.getByLabel(t.date, { exact: true })).toHaveAttribute('aria-invalid', 'true');
		await expect(first.getByLabel(t.publisher)).toHaveValue(PUBLISHER);
		await first.getByLabel(t.date, { exact: true }).fill('2025-03');
		await page.getByTestId('import-save').click();
		await expect(page.getByTestId('import-saved')).toBeVisible();

		// the saved list shows the details
		const item = page.getByTestId('saved-datasets').locator('li.is-active');
		await expect(item.getByTestId('saved-about')).toContainText(PUBLISHER);
		await expect(item.getByTestId('saved-about')).toContainText('CC-BY-4.0');

		// every chart of the overview credits the dataset's sources
		await page.goto(`/${lang}`);
		const figures = page.locator('figure.chart-frame');
		await expect(figures.first()).toBeVisible();
		await expect(page.locator('svg.chart:visible .chart-source').first()).toContainText(PUBLISHER);
		const sources = await page.locator('svg.chart:visible .chart-source').allTextContents();
		expect(sources.length).toBeGreaterThan(0);
		for (const s of sources) {
			expect(s).toContain(TITLE);
			expect(s).toContain('Field interviews');
			expect(s).not.toMatch(t.article);
		}
		const footer = page.getByTestId('source-citation');
		await expect(footer).toContainText(PUBLISHER);
		await expect(footer).not.toContainText(t.article);

		// the SVG export's metadata and the CSV name the dataset and its sources
		const figure = figures.first();
		await figure.scrollIntoViewIfNeeded();
		const svg = await download(page, figure, 'svg');
		expect(svg).toMatch(/<dataset name="lanzhou-policies" licence="CC-BY-4.0">/);
		expect(svg).toContain(
			`<source title="${TITLE}" publisher="${PUBLISHER}" date="2025-03" url="${lang === 'zh' ? '未公开' : 'not public'}"`
		);
		expect(svg).not.toMatch(t.article);
		const csv = await download(page, figure, 'csv');
		const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(header.split(',').at(-1)).toBe(lang === 'zh' ? '资料来源' : 'Source');
		expect(row).toContain(PUBLISHER);
		expect(csv).not.toMatch(t.article);
	});

	test(`${lang}: details are read from a datapackage.json`, async ({ page }) => {
		// many page loads, imports and downloads: more than the default 30 s on a busy machine
		test.setTimeout(180_000);
		await pickCsv(page, lang);
		const descriptor = {
			profile: 'data-package',
			title: 'City policies 2024',
			sources: [{ title: 'Municipal gazettes', path: 'https://gov.example/gazette' }],
			licenses: [{ name: 'CC0-1.0', title: 'Public domain dedication' }],
			description: 'Twelve cities.',
			resources: []
		};
		await page.locator('#meta-file').setInputFiles({
			name: 'datapackage.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(descriptor), 'utf8')
		});
		const form = page.getByTestId('meta-form');
		await expect(form.getByLabel(t.name)).toHaveValue('City policies 2024');
		await expect(form.getByTestId('meta-source').nth(0).getByLabel(t.title, { exact: true })).toHaveValue(
			'Municipal gazettes'
		);
		await expect(form.getByLabel(t.licence)).toHaveValue('Public domain dedication');
		await page.getByTestId('import-save').click();
		await expect(page.getByTestId('import-saved')).toBeVisible();
		await page.goto(`/${lang}/cities`);
		await expect(page.getByTestId('source-citation')).toContainText('Municipal gazettes');
	});
}
