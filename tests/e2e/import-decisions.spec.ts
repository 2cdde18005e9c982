/**
 * New cities and fields are decisions: a file with an unknown field and unknown cities makes the preview
 * ask about each (with the rows that use it and a suggested match where a name matches), nothing can be
 * saved while a decision is incomplete, and after "use an existing field" for one value and "create a
 * new city" with names for another, the saved data shows the rows under the existing field and the new
 * city under the names given, in both languages. Screenshots of the decisions at phone and desktop
 * widths go to test-results/ for a person to look at.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURE = path.resolve('tests/fixtures/import/decisions.csv');
const csv = { name: 'decisions.csv', mimeType: 'text/csv', buffer: readFileSync(FIXTURE) };

const decision = (page: Page, value: string) =>
	page.locator(`fieldset[data-testid="decision"][data-value="${value}"]`);

async function pick(page: Page, lang: 'en' | 'zh') {
	await page.goto(`/${lang}/import`);
	await expect(page.locator('#events-file')).toBeEnabled();
	await page.locator('#events-file').setInputFiles(csv);
	await expect(page.getByTestId('import-decisions')).toBeVisible();
}

test.describe('unknown cities and fields are the reader’s decisions', () => {
	test('en: the preview lists each unknown value with its rows, a suggestion, and a choice', async ({
		page
	}) => {
		await pick(page, 'en');
		const all = page.locator('fieldset[data-testid="decision"]');
		await expect(all).toHaveCount(3);
		await expect(all.locator('legend')).toHaveText([
			'City in the file: Qianhai Town',
			'City in the file: Shànghǎi',
			'Field in the file: Quantum sensing'
		]);
		const town = decision(page, 'Qianhai Town');
		await expect(town).toContainText('Used in 2 rows (events row 3, 4)');
		// no name matches: "create" is preselected, with the value as both names
		await expect(town.getByRole('radio', { name: 'Create a new city' })).toBeChecked();
		await expect(town.getByLabel('Name in English')).toHaveValue('Qianhai Town');
		// a name that matches a known city once tone marks are ignored: the match is suggested and preselected
		const shanghai = decision(page, 'Shànghǎi');
		await expect(shanghai.getByTestId('decision-suggestion')).toHaveText(
			'Suggested: Shanghai · 上海, the same name.'
		);
		await expect(shanghai.getByRole('radio', { name: 'Use an existing city' })).toBeChecked();
		await expect(shanghai.getByTestId('decision-target')).toHaveValue('shanghai');
		const field = decision(page, 'Quantum sensing');
		await expect(field).toContainText('Used in 2 rows (events row 3, 5)');

		// an incomplete decision stops the save, and says why in the reader's language
		await field.getByRole('radio', { name: 'Use an existing field' }).check();
		await expect(field.getByTestId('decision-issue')).toHaveText(
			'Choose the existing one to use, or create a new one.'
		);
		await expect(page.getByTestId('import-save')).toBeDisabled();
		await expect(page.getByTestId('decisions-pending')).toContainText('(1 left)');
		await town.getByLabel('Name in English').fill(' ');
		await expect(town.getByTestId('decision-issue')).toHaveText('Give the name in English.');
		await expect(page.getByTestId('decisions-pending')).toContainText('(2 left)');
		await field.getByTestId('decision-target').selectOption('future-industries');
		await town.getByLabel('Name in English').fill('Qianhai New Town');
		await expect(page.getByTestId('decisions-pending')).toHaveCount(0);
		await expect(page.getByTestId('import-save')).toBeEnabled();

		for (const width of [375, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			await page.getByTestId('import-decisions').scrollIntoViewIfNeeded();
			await page
				.getByTestId('import-decisions')
				.screenshot({ path: `test-results/import-decisions-en-${width}.png` });
			// nothing in the decisions runs past the screen's width
			const overflow = await page
				.getByTestId('import-decisions')
				.evaluate((el) =>
					[...el.querySelectorAll('*')].some((n) => n.getBoundingClientRect().right > innerWidth + 1)
				);
			expect(overflow, `${width}px`).toBe(false);
		}
	});

	test('zh: map one value, create another with names, save; the data shows both in both languages', async ({
		page
	}) => {
		await pick(page, 'zh');
		const field = decision(page, 'Quantum sensing');
		await expect(field.locator('legend')).toHaveText('文件中的领域：Quantum sensing');
		await expect(field).toContainText('用于 2 行（事件第 3、5 行）');
		await field.getByRole('radio', { name: '归入已有领域' }).check();
		await expect(page.getByTestId('import-save')).toBeDisabled();
		await expect(page.getByTestId('decisions-pending')).toHaveText(
			'请先对上面的新城市或新领域作出决定，再保存（还剩 1 项）。'
		);
		await field
			.getByTestId('decision-target')
			.selectOption({ label: '布局未来产业 · Future-industry planning' });
		const town = decision(page, 'Qianhai Town');
		await town.getByLabel('中文名称').fill('前海新城');
		await town.getByLabel('英文名称').fill('Qianhai New Town');
		await expect(town.getByRole('radio', { name: '新建城市' })).toBeChecked();
		await page.setViewportSize({ width: 375, height: 900 });
		await page
			.getByTestId('import-decisions')
			.screenshot({ path: 'test-results/import-decisions-zh-375.png' });
		await page.getByTestId('import-save').click();
		await expect(page.getByTestId('import-saved')).toBeVisible();

		// English: the rows that said "Quantum sensing" are under the existing field; no such field was made
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto('/en/events');
		await expect(page.getByTestId('events-download')).toBeVisible();
		await expect(page.getByRole('checkbox', { name: 'Quantum sensing' })).toHaveCount(0);
		await expect(page.getByRole('checkbox', { name: 'Qianhai New Town' })).toBeVisible();
		await expect(page.getByRole('checkbox', { name: 'Qianhai Town' })).toHaveCount(0);
		await page.getByRole('checkbox', { name: 'Future-industry planning' }).check();
		const rows = page.locator('[data-testid="events-table"] tbody tr');
		await expect(rows).toHaveCount(2);
		await expect(rows.filter({ hasText: 'Qianhai quantum' })).toContainText('Qianhai New Town');
		await expect(rows.filter({ hasText: 'Shanghai quantum' })).toContainText('Shanghai');

		// Chinese: the new city under its Chinese name
		await page.goto('/zh/events');
		await expect(page.getByTestId('events-download')).toBeVisible();
		await expect(page.getByRole('checkbox', { name: '前海新城' })).toBeVisible();
		await page.getByRole('checkbox', { name: '布局未来产业' }).check();
		await expect(
			page.locator('[data-testid="events-table"] tbody tr').filter({ hasText: '前海量子' })
		).toContainText('前海新城');
	});
});
