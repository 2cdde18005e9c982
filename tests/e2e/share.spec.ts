/**
 * Share cards and citations as other sites see them: every page's HTML (as built, both languages) names
 * its title, description and an `og:image` that exists in build/, is a 1200 × 630 PNG and is drawn in the
 * page's language; a card is a real chart (ink across it), and the cards stay out of the offline cache.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';

const BUILD = path.resolve('build');

function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = path.join(dir, name);
		if (statSync(p).isDirectory()) return name === '_app' ? [] : htmlFiles(p);
		return name.endsWith('.html') ? [p] : [];
	});
}

const meta = (html: string, attr: 'property' | 'name', key: string) =>
	new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html)?.[1] ?? null;

test('every page names a share card that exists, in its language, with its title and description', () => {
	const pages = htmlFiles(BUILD).filter((f) => /\/(en|zh)(\.html|\/)/.test(f.slice(BUILD.length)));
	expect(pages.length).toBeGreaterThan(40);
	const checked = new Set<string>();
	for (const file of pages) {
		const html = readFileSync(file, 'utf8');
		const where = path.relative(BUILD, file);
		const lang = /<html[^>]* lang="([a-z]+)/.exec(html)?.[1];
		const image = meta(html, 'property', 'og:image');
		expect(image, where).toMatch(/^https?:\/\/[^/]+\/og\/(en|zh)-[a-z0-9-]+\.png$/);
		const card = new URL(image!).pathname;
		expect(card.startsWith(`/og/${lang}-`), `${where}: ${card} in ${lang}`).toBe(true);
		expect(meta(html, 'property', 'og:title'), where).toBeTruthy();
		expect(meta(html, 'property', 'og:description'), where).toBeTruthy();
		expect(meta(html, 'name', 'twitter:card'), where).toBe('summary_large_image');
		// X/Twitter reads title, description and image from the og: tags when its own are absent
		expect(meta(html, 'name', 'twitter:image'), where).toBeNull();
		if (checked.has(card)) continue;
		checked.add(card);
		const png = PNG.sync.read(readFileSync(path.join(BUILD, card)));
		expect([png.width, png.height], card).toEqual([1200, 630]);
		// a chart, not a blank: ink (anything not near white) on both halves of the card
		let left = 0;
		let right = 0;
		for (let y = 0; y < png.height; y += 3)
			for (let x = 0; x < png.width; x += 3) {
				const i = (y * png.width + x) * 4;
				if (png.data[i] < 230 || png.data[i + 1] < 230 || png.data[i + 2] < 230) {
					if (x < png.width / 2) left++;
					else right++;
				}
			}
		expect(left, card).toBeGreaterThan(500);
		expect(right, card).toBeGreaterThan(200);
	}
	expect(checked.size).toBeGreaterThanOrEqual(30);
});

test('the served pages carry the cards, and the offline cache leaves them to the network', async ({
	page,
	request
}) => {
	await page.goto('/zh/cities/shanghai');
	const image = await page.locator('meta[property="og:image"]').getAttribute('content');
	const res = await request.get(new URL(image!).pathname);
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('image/png');
	const sw = await (await request.get('/service-worker.js')).text();
	expect(sw).toContain('/og/');
});

async function openCitation(page: import('@playwright/test').Page) {
	const figure = page.locator('figure.chart-frame').first();
	await expect(figure.locator('details.chart-download')).toBeVisible();
	await figure.locator('details.chart-download').evaluate((d) => ((d as HTMLDetailsElement).open = true));
	await figure.locator('button[data-export="cite"]').click();
	const cite = figure.getByTestId('chart-cite');
	await expect(cite).toBeVisible();
	return { figure, cite };
}

test('cite this chart: a sentence, CSL-JSON and BibTeX naming the chart, the article and the view', async ({
	page
}) => {
	await page.goto('/en?stacked=1');
	const { figure, cite } = await openCitation(page);
	const title = (await figure.locator('svg[data-variant="wide"] > title').textContent()) ?? '';
	const sentence = (await cite.locator('.cite-sentence').textContent()) ?? '';
	expect(sentence).toContain(title);
	expect(sentence).toContain('The Paper · Pengpai Research Institute');
	expect(sentence).toMatch(/\/en\?stacked=1#events-per-city/);
	await expect(cite.getByRole('heading')).toBeFocused();
	const [csl] = await Promise.all([page.waitForEvent('download'), cite.locator('[data-cite="csl"]').click()]);
	const items = JSON.parse(readFileSync(await csl.path(), 'utf8'));
	expect(items[0]).toMatchObject({ type: 'figure', title });
	expect(items[0].URL).toContain('/en?stacked=1#events-per-city');
	const [bib] = await Promise.all([page.waitForEvent('download'), cite.locator('[data-cite="bib"]').click()]);
	expect(bib.suggestedFilename()).toMatch(/\.bib$/);
	expect(readFileSync(await bib.path(), 'utf8')).toMatch(/^@misc\{cityinnovation\d{8},/);
	await cite.locator('[data-cite="close"]').click();
	await expect(figure.getByTestId('chart-cite')).toHaveCount(0);
});

test('a chart of an imported dataset is cited as the reader’s data, not the article’s', async ({ page }) => {
	await page.goto('/zh/import');
	await expect(page.locator('#events-file')).toBeEnabled();
	await page.locator('#events-file').setInputFiles({
		name: 'mine.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(
			'city,category,year,month,title_en\nLanzhou,computing,2024,4,Row one\nXining,computing,2025,5,Row two\n'
		)
	});
	await expect(page.getByTestId('import-summary')).toBeVisible();
	await page.locator('#dataset-name').fill('我的数据 2024');
	await page.getByTestId('import-save').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
	await page.goto('/zh');
	await expect(page.locator('#dataset-switcher-select')).toHaveValue(/^user-/);
	const { cite } = await openCitation(page);
	const sentence = (await cite.locator('.cite-sentence').textContent()) ?? '';
	expect(sentence).toContain('我的数据 2024');
	expect(sentence).not.toContain('澎湃');
});
