/**
 * Compare, deepened (issue #24): each city's whole story side by side. Shanghai, Shenzhen and Hefei in both
 * languages, on a desktop and a phone: fields, timeline, tracks, similarity, the differences in words and
 * each city's events are on the page; choosing a bar narrows that city's events to the bar's; the address
 * reproduces the comparison in a fresh context; the default comparison is in the prerendered HTML.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { inspectSvg } from './svg-checks';

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

async function sections(page: Page, lang: 'en' | 'zh', narrowed = false) {
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
		if (!narrowed) await expect(columns.nth(i).locator('li').first()).toBeVisible();
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
			// the choice is in the address, which alone reproduces the narrowed comparison
			await expect(page).toHaveURL(/[?&]open=compare%3Ashanghai%3Abig-science/);
			const fresh = await browser.newContext({ viewport: { width, height: 900 } });
			const again = await fresh.newPage();
			await again.goto(page.url());
			await sections(again, lang, true);
			const evidenceAgain = again.getByTestId('compare-evidence');
			await expect(evidenceAgain.getByRole('status')).toBeVisible();
			await expect(evidenceAgain.locator('[data-city="shanghai"] li')).toHaveCount(3);
			await expect(evidenceAgain.locator('[data-city="shenzhen"] li')).toHaveCount(0);
			await fresh.close();

			// back to every event, and the address with it
			await evidence.getByRole('button').click();
			await expect(evidence.locator('[data-city="shenzhen"] li').first()).toBeVisible();
			await expect(page).not.toHaveURL(/[?&]open=/);
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
	await expect(page).toHaveURL(/[?&]open=compare-story%3Afields\.\d+/);
});

test('a crafted open= names no mark: the comparison shows every event, and says nothing odd', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	for (const open of [
		'compare%3A__proto__',
		'timeline%3Aconstructor',
		'compare-story%3Afields.999',
		'%3Cimg%3E%3Ax'
	]) {
		await page.goto(`/en/compare?cities=${CITIES}&open=${open}`);
		const evidence = page.getByTestId('compare-evidence');
		await expect(evidence.locator('[data-city="shenzhen"] li').first()).toBeVisible();
		await expect(evidence.getByRole('status')).toHaveCount(0);
	}
	expect(errors).toEqual([]);
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

for (const lang of ['en', 'zh'] as const) {
	test(`/${lang}/compare: the whole comparison downloads as one sheet and its data`, async ({
		page
	}, testInfo) => {
		test.setTimeout(60_000);
		await page.goto(`/${lang}/compare?cities=${CITIES}`);
		const sheet = page.getByTestId('compare-sheet');
		const get = async (kind: string) => {
			const [file] = await Promise.all([
				page.waitForEvent('download'),
				sheet.locator(`button[data-export="sheet-${kind}"]`).click()
			]);
			return { name: file.suggestedFilename(), data: await readFile(await file.path()) };
		};
		const svg = await get('svg');
		expect(svg.name).toBe(`comparison_shanghai-shenzhen-hefei_${lang}.svg`);
		const text = svg.data.toString('utf8');
		const info = await inspectSvg(page, text);
		expect(info.error).toBeNull();
		expect(info.bad).toEqual([]);
		expect(info.ns).toBe('http://www.w3.org/2000/svg');
		expect(info.viewBox).toBe(`0 0 ${info.width} ${info.height}`);
		expect(info.url).toBe(`${new URL(page.url()).origin}/${lang}/compare?cities=${CITIES}`);
		for (const name of Object.values(NAMES[lang])) expect(info.title).toContain(name);
		// the page's three charts, each whole, in the sheet
		for (const chart of ['compare', 'timeline', 'industry-matrix'])
			expect(text).toMatch(new RegExp(`<svg[^>]*data-chart="${chart}"`));
		for (const field of SHARED[lang]) expect(text).toContain(field);
		expect(text).toMatch(lang === 'zh' ? /澎湃新闻/ : /The Paper/);
		// librsvg draws it (the tool a CMS converts SVG with)
		const file = testInfo.outputPath(svg.name);
		await writeFile(file, svg.data);
		const png = execFileSync('rsvg-convert', ['-w', '720', file]);
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect(png.readUInt32BE(20)).toBeGreaterThan(info.height * 0.9);

		const raster = await get('png');
		expect(raster.name).toBe(svg.name.replace(/\.svg$/, '.png'));
		expect(raster.data.readUInt32BE(16)).toBe(Math.round(info.width * 2));

		const csv = await get('csv');
		const csvText = csv.data.toString('utf8');
		expect(csvText.charCodeAt(0)).toBe(0xfeff);
		expect(csvText.split('\r\n').length).toBeGreaterThan(3 * 8);
	});
}
