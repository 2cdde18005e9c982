/**
 * When something fails, the reader is told in the page's language and the rest of the dashboard keeps
 * working: a saved dataset that is damaged or from another version; a damaged data file given to the
 * import, and data files the service worker cannot fetch; parts of the download menu (the PNG drawer, the
 * font embedder, the font files, the subsetter) that do not arrive, with a retry that works once they do;
 * a browser without IndexedDB; a page whose code fails to load during navigation (the error page).
 *
 * The service worker is blocked (except in its own test) so that every request reaches `page.route`.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

test.use({ serviceWorkers: 'block' });

/** Collects what would show the page broke or something ran that should not have. */
function watch(page: Page, { console: includeConsole = true } = {}) {
	const problems: string[] = [];
	page.on('dialog', async (d) => {
		problems.push(`dialog: ${d.message()}`);
		await d.dismiss();
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	if (includeConsole)
		page.on('console', (m) => {
			// a request the test itself made fail is reported by the browser; anything else is a problem
			if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
				problems.push(`console: ${m.text()}`);
		});
	return problems;
}

/**
 * Makes the site's JavaScript files that contain `marker` fail to load (a network error) while `blocked`
 * is set. Chunk names are content hashes, so the chunk is found by what it holds.
 */
async function blockChunk(page: Page, marker: string) {
	const state = { blocked: true, hits: 0 };
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (state.blocked && body.includes(marker)) {
			state.hits++;
			await route.abort('internetdisconnected');
			return;
		}
		await route.fulfill({ response, body });
	});
	return state;
}

async function openMenu(figure: Locator) {
	await figure.locator('details.chart-download').evaluate((d) => ((d as HTMLDetailsElement).open = true));
}

/** Clicks an export button and returns the download's suggested name, or fails after `timeout`. */
async function download(page: Page, figure: Locator, kind: string, timeout = 60_000) {
	await openMenu(figure);
	const [file] = await Promise.all([
		page.waitForEvent('download', { timeout }),
		figure.locator(`button[data-export="${kind}"]`).click()
	]);
	return file;
}

async function expectExportError(figure: Locator, text: string) {
	const status = figure.getByTestId('export-status');
	await expect(status).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
	await expect(status).toHaveText(text);
	// the menu is usable again: open, buttons enabled
	await expect(figure.locator('details.chart-download')).toHaveAttribute('open', '');
	await expect(figure.locator('button[data-export="svg"]')).toBeEnabled();
}

test.describe('download menu: a part that does not arrive', () => {
	test.describe.configure({ timeout: 120_000 });

	test('the PNG drawer fails to load: a clear message, the rest works, and a retry works', async ({
		page
	}) => {
		const problems = watch(page);
		const png = await blockChunk(page, 'The chart image could not be drawn');
		await page.goto('/en');
		const figure = page.locator('figure.chart-frame').first();
		await openMenu(figure);
		await figure.locator('button[data-export="png2"]').click();
		await expectExportError(
			figure,
			'Part of the download could not be loaded. Check your connection and try again.'
		);
		expect(png.hits).toBeGreaterThan(0);
		// no raw error text reaches the reader
		await expect(figure.getByTestId('export-status')).not.toContainText('dynamically imported');

		// the other downloads still work
		expect((await download(page, figure, 'svg')).suggestedFilename()).toMatch(/\.svg$/);
		expect((await download(page, figure, 'csv')).suggestedFilename()).toMatch(/\.csv$/);
		await expect(figure.getByTestId('export-status')).toHaveText('Downloaded');

		// and the rest of the dashboard: navigate in the app and back
		await page.getByRole('link', { name: 'Compare', exact: true }).click();
		await expect(page.locator('svg[data-chart="compare"]:visible')).toBeVisible();
		await page.getByRole('link', { name: 'Overview', exact: true }).click();
		const again = page.locator('figure.chart-frame').first();
		await expect(again).toBeVisible();
		// the overview reached by a link inside the app is mounted and running before its menu is used
		await expect(page.locator('.view-root')).toHaveAttribute('data-view', 'live');
		await expect(page).toHaveURL(/\/en$/);

		// once the file arrives, the same button works
		png.blocked = false;
		const file = await download(page, again, 'png2');
		expect(file.suggestedFilename()).toMatch(/\.png$/);
		await expect(again.getByTestId('export-status')).toHaveText('Downloaded');
		expect(problems).toEqual([]);
	});

	test('the font embedder fails to load (zh): a Chinese message, the plain SVG works, retry works', async ({
		page
	}) => {
		const problems = watch(page);
		const font = await blockChunk(page, 'Noto Sans SC Export');
		await page.goto('/zh');
		const figure = page.locator('figure.chart-frame').first();
		await openMenu(figure);
		await figure.locator('input[data-export="embed-font"]').check();
		await figure.locator('button[data-export="svg"]').click();
		await expectExportError(figure, '下载所需的部分未能加载。请检查网络连接后重试。');
		expect(font.hits).toBeGreaterThan(0);

		await figure.locator('input[data-export="embed-font"]').uncheck();
		expect((await download(page, figure, 'svg')).suggestedFilename()).toMatch(/_zh\.svg$/);
		await expect(figure.getByTestId('export-status')).toHaveText('已下载');

		font.blocked = false;
		await openMenu(figure);
		await figure.locator('input[data-export="embed-font"]').check();
		const file = await download(page, figure, 'svg');
		const text = await readText(file);
		expect(text).toContain('@font-face');
		expect(problems).toEqual([]);
	});

	test('the font files are missing, then damaged (zh): the message names the way out, retry works', async ({
		page,
		context
	}) => {
		const problems = watch(page);
		let mode: 'missing' | 'damaged' | 'ok' = 'missing';
		// context.route also sees the font worker's requests
		await context.route(/\/noto-sans-sc-[^/]*\.woff$/, async (route) => {
			if (mode === 'missing') await route.fulfill({ status: 404, body: 'not here' });
			else if (mode === 'damaged')
				await route.fulfill({ status: 200, contentType: 'font/woff', body: 'wOFF but not really a font' });
			else await route.continue();
		});
		await page.goto('/zh');
		const figure = page.locator('figure.chart-frame').first();
		await openMenu(figure);
		await figure.locator('input[data-export="embed-font"]').check();
		const message = '未能嵌入字体。请重试，或取消勾选“嵌入字体”后下载。';
		await figure.locator('button[data-export="svg"]').click();
		await expectExportError(figure, message);

		mode = 'damaged';
		await figure.locator('button[data-export="png2"]').click();
		await expectExportError(figure, message);

		// without the font, the SVG downloads as usual
		await figure.locator('input[data-export="embed-font"]').uncheck();
		expect((await download(page, figure, 'svg')).suggestedFilename()).toMatch(/\.svg$/);

		mode = 'ok';
		await openMenu(figure);
		await figure.locator('input[data-export="embed-font"]').check();
		expect(await readText(await download(page, figure, 'svg'))).toContain('@font-face');
		expect(problems).toEqual([]);
	});

	test('the font subsetter does not arrive: a message, and a retry fetches it again', async ({
		page,
		context
	}) => {
		const problems = watch(page);
		let blocked = true;
		await context.route(/harfbuzz-subset[^/]*\.wasm$/, async (route) => {
			if (blocked) await route.abort('internetdisconnected');
			else await route.continue();
		});
		await page.goto('/en');
		const figure = page.locator('figure.chart-frame').first();
		await openMenu(figure);
		await figure.locator('input[data-export="embed-font"]').check();
		await figure.locator('button[data-export="svg"]').click();
		await expectExportError(
			figure,
			'The font could not be embedded. Try again, or untick “Embed font” to download without it.'
		);
		blocked = false;
		expect(await readText(await download(page, figure, 'svg'))).toContain('@font-face');
		expect(problems).toEqual([]);
	});
});

async function readText(file: import('@playwright/test').Download): Promise<string> {
	const { readFile } = await import('node:fs/promises');
	return readFile(await file.path(), 'utf8');
}

/* ---------------------------------------------------------------- saved datasets that cannot be read */

const GOOD = [
	'城市,城市（英文）,类别,年份,月份,标题（中文）,标题（英文）,纬度,经度',
	`雄安,Xiong'an,城市算力,2024,3,雄安算力中心,Xiong'an computing centre,39.0,115.9`,
	`兰州,Lanzhou,城市算力,2025,2025-07,兰州算力,Lanzhou computing,,`
].join('\n');

async function importAndSave(page: Page, label: string, lang: 'en' | 'zh' = 'en') {
	// the picker is enabled once the page has hydrated; a file set before that would go unread
	await expect(page.locator('#events-file')).toBeEnabled();
	await page
		.locator('#events-file')
		.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD, 'utf8') });
	await expect(page.getByTestId('import-summary')).toBeVisible();
	await page.getByLabel(lang === 'en' ? 'Name for this dataset' : '数据集名称').fill(label);
	await page.getByTestId('import-save').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
}

type Damage = 'truncated' | 'version' | 'garbage' | 'no-data' | 'bad-meta';

/**
 * Writes damaged copies of the saved dataset `from` straight into IndexedDB, as a browser might leave
 * them: its typed columns and string table cut short, another format version, a data record that is not
 * a dataset, a meta record without its data, a meta record without a usable name.
 */
async function writeDamaged(
	page: Page,
	from: string,
	copies: { id: string; name: string; damage: Damage }[]
) {
	await page.evaluate(
		async ({ from, copies }) => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open('city-innovation-data', 1);
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			const read = (store: string, key: string) =>
				new Promise<Record<string, unknown>>((resolve, reject) => {
					const req = db.transaction(store).objectStore(store).get(key);
					req.onsuccess = () => resolve(req.result);
					req.onerror = () => reject(req.error);
				});
			const meta = await read('meta', from);
			const data = await read('data', from);
			const tx = db.transaction(['meta', 'data'], 'readwrite');
			for (const { id, name, damage } of copies) {
				const copy = structuredClone(data) as Record<string, unknown> & {
					events: Record<string, unknown> & { text: string; titleZh: Uint32Array; offsets: Uint32Array };
				};
				if (damage === 'bad-meta') {
					tx.objectStore('meta').put({ id, name: 42, created: null });
					tx.objectStore('data').put(copy, id);
					continue;
				}
				tx.objectStore('meta').put({ ...meta, id, name });
				if (damage === 'no-data') continue;
				if (damage === 'truncated') {
					copy.events.text = copy.events.text.slice(0, 7);
					copy.events.titleZh = copy.events.titleZh.subarray(0, 1);
					copy.events.offsets = copy.events.offsets.subarray(0, 3);
				}
				if (damage === 'version') copy.format = 'city-innovation-packed/0';
				tx.objectStore('data').put(damage === 'garbage' ? 'not a dataset {{{' : copy, id);
			}
			await new Promise<void>((resolve, reject) => {
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			db.close();
		},
		{ from, copies }
	);
}

const savedKeys = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const req = indexedDB.open('city-innovation-data', 1);
				req.onsuccess = () => {
					const keys = req.result.transaction('meta').objectStore('meta').getAllKeys();
					keys.onsuccess = () => {
						resolve((keys.result as string[]).map(String).sort());
						req.result.close();
					};
					keys.onerror = () => reject(keys.error);
				};
				req.onerror = () => reject(req.error);
			})
	);

test.describe('saved datasets that cannot be read', () => {
	test.describe.configure({ timeout: 120_000 });

	test('damaged and other-version datasets are named, never shown, can be deleted; every page works', async ({
		page
	}) => {
		const problems = watch(page);
		await page.goto('/en/import');
		await importAndSave(page, 'Good set');
		const [goodId] = await savedKeys(page);
		await writeDamaged(page, goodId, [
			{ id: 'user-truncated', name: 'Truncated set', damage: 'truncated' },
			{ id: 'user-old', name: 'Old version set', damage: 'version' },
			{ id: 'user-garbage', name: 'Garbage set', damage: 'garbage' },
			{ id: 'user-nodata', name: 'Missing data set', damage: 'no-data' },
			{ id: 'user-badmeta', name: '', damage: 'bad-meta' }
		]);
		// the damaged one was the last choice: it is what every page would reopen
		await page.evaluate(() => localStorage.setItem('dataset.active', 'user-truncated'));

		await page.goto('/en');
		const notices = page.getByTestId('dataset-unreadable');
		await expect(notices).toHaveCount(2);
		await expect(notices.filter({ hasText: 'Truncated set' })).toContainText(
			'The saved dataset “Truncated set” could not be read. It may be damaged, or saved by another version of this dashboard.'
		);
		await expect(notices.filter({ hasText: 'A saved dataset could not be read' })).toHaveCount(1);
		// the built-in data is in view and the charts work
		const select = page.getByLabel('Data', { exact: true });
		await expect(select).toHaveValue('builtin');
		await expect(page.locator('svg[data-chart="events-per-city"][data-variant="wide"]')).toContainText(
			'Shanghai'
		);
		// the damaged dataset left the switcher; the others are offered until they are opened (the copies
		// share the original's time, so their order among themselves is the store's)
		const options = async () => (await select.locator('option').allTextContents()).sort();
		await expect
			.poll(options)
			.toEqual(['Built-in (article)', 'Garbage set', 'Good set', 'Missing data set', 'Old version set']);

		// choosing each of the others: a notice naming it, the view stays as it was, no other error
		for (const name of ['Old version set', 'Garbage set', 'Missing data set']) {
			await select.selectOption({ label: name });
			await expect(notices.filter({ hasText: `“${name}”` })).toBeVisible();
			await expect(select).toHaveValue('builtin');
		}
		await expect(page.locator('.dataset-switcher-error')).toHaveCount(0);
		await expect.poll(options).toEqual(['Built-in (article)', 'Good set']);

		// the good dataset still opens
		await select.selectOption({ label: 'Good set' });
		// the choice is remembered once the dataset has opened (asynchronously): wait for it before leaving
		await expect
			.poll(() => page.evaluate(() => localStorage.getItem('dataset.active')), { timeout: 15_000 })
			.not.toBeNull();
		await page.goto('/en/compare?cities=xiong-an,lanzhou');
		await expect(page.locator('[data-testid="chosen-cities"] li[data-city="xiong-an"]')).toBeVisible();

		// every page loads with its heading while the bad records are still there
		for (const path of ['/en/industries', '/en/events', '/en/cities', '/en/import', '/en/methodology']) {
			await page.goto(path);
			await expect(page.locator('main h1').first(), path).toBeVisible();
			await expect(notices.first(), path).toBeVisible();
		}

		// delete them from the notices: each goes, from the store too
		await page.goto('/en');
		for (const name of ['Truncated set', 'Old version set', 'Garbage set', 'Missing data set']) {
			await page.getByLabel('Data', { exact: true }).selectOption({ label: name });
			await expect(notices.filter({ hasText: `“${name}”` })).toBeVisible();
		}
		while ((await notices.count()) > 0) {
			const before = await notices.count();
			await notices.first().getByTestId('dataset-unreadable-delete').click();
			await expect(notices).toHaveCount(before - 1);
		}
		await expect(page.getByLabel('Data', { exact: true })).toBeFocused();
		expect(await savedKeys(page)).toEqual([goodId]);
		await page.reload();
		await expect(page.getByLabel('Data', { exact: true })).toBeVisible();
		await expect(notices).toHaveCount(0);
		expect(problems).toEqual([]);
	});

	test('in Chinese: the notice is Chinese, Dismiss hides it, the built-in data shows', async ({ page }) => {
		const problems = watch(page);
		await page.goto('/zh/import');
		await importAndSave(page, '好的数据', 'zh');
		const [goodId] = await savedKeys(page);
		await writeDamaged(page, goodId, [{ id: 'user-bad', name: '损坏的数据', damage: 'truncated' }]);
		await page.evaluate(() => localStorage.setItem('dataset.active', 'user-bad'));
		await page.goto('/zh/compare');
		const notice = page.getByTestId('dataset-unreadable');
		await expect(notice).toContainText(
			'无法读取已保存的数据集“损坏的数据”。它可能已损坏，或由其他版本的仪表板保存。仪表板的其他部分仍可正常使用。'
		);
		await expect(notice.getByRole('button', { name: '删除该数据集' })).toBeVisible();
		const axe = await new AxeBuilder({ page }).analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
		await notice.getByRole('button', { name: '关闭' }).click();
		await expect(notice).toHaveCount(0);
		await expect(page.locator('svg[data-chart="compare"]:visible')).toBeVisible();
		await expect(page.getByLabel('数据', { exact: true })).toHaveValue('builtin');
		expect(problems).toEqual([]);
	});
});

/* ---------------------------------------------------------------- data files */

test('a damaged data file given to the import: its problem is listed, nothing is saved, pages work', async ({
	page,
	request
}) => {
	const problems = watch(page);
	const json = await (await request.get('/data/events.json')).text();
	await page.goto('/en/import');
	// the picker is enabled once the page has hydrated; a file set before that would go unread
	await expect(page.locator('#events-file')).toBeEnabled();
	await page.locator('#events-file').setInputFiles({
		name: 'events.json',
		mimeType: 'application/json',
		buffer: Buffer.from(json.slice(0, Math.floor(json.length / 2)), 'utf8')
	});
	await expect(page.getByTestId('import-fatal')).toBeVisible();
	await expect(page.getByTestId('import-problems')).toContainText('Not valid JSON');
	await expect(page.getByTestId('import-save')).toHaveCount(0);
	await expect(page.locator('[data-testid="saved-datasets"] li')).toHaveCount(0);
	await page.getByRole('link', { name: 'Compare', exact: true }).click();
	await expect(page.locator('svg[data-chart="compare"]:visible')).toBeVisible();
	expect(problems).toEqual([]);
});

test.describe('the service worker cannot fetch a data file', () => {
	test.use({ serviceWorkers: 'allow' });

	test('the dashboard still loads and works online', async ({ page, context }) => {
		const problems = watch(page);
		await context.route('**/data/events.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
		// note how the worker's install ends once the page registers it
		await page.addInitScript(() => {
			const container = navigator.serviceWorker;
			const register = container.register.bind(container);
			const note = (state: string) => ((window as unknown as { __install?: string }).__install = state);
			container.register = async (...args: Parameters<typeof register>) => {
				const registration = await register(...args);
				const worker = registration.installing ?? registration.waiting ?? registration.active;
				const ended = () => worker && ['activated', 'redundant'].includes(worker.state);
				if (!worker) note('none');
				else if (ended()) note(worker.state);
				else worker.addEventListener('statechange', () => ended() && note(worker.state));
				return registration;
			};
		});
		await page.goto('/en');
		// the worker has installed all the same (file by file: the missing one is simply not kept), so the
		// reload below is answered through it
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { __install?: string }).__install), {
				timeout: 15_000
			})
			.toBe('activated');
		await page.reload();
		await expect(page.locator('svg[data-chart="events-per-city"][data-variant="wide"]')).toBeVisible();
		await page.getByRole('link', { name: 'Compare', exact: true }).click();
		await expect(page.locator('svg[data-chart="compare"]:visible')).toBeVisible();
		expect(problems).toEqual([]);
	});
});

/* ------------------------------------------------------ the built-in data file the pages load */

for (const lang of ['en', 'zh'] as const) {
	test(`the pages' data file missing, then foreign (${lang}): the page says so in its language, the header works, a retry recovers`, async ({
		page
	}) => {
		const problems = watch(page, { console: false });
		const text =
			lang === 'en'
				? { title: 'The dashboard’s data could not be loaded', retry: 'Try again', cities: 'Cities' }
				: { title: '未能加载仪表板的数据', retry: '重试', cities: '城市' };
		let answer: 'missing' | 'foreign' | 'real' = 'missing';
		await page.route('**/data/dataset.json', async (route) => {
			if (answer === 'missing') return route.fulfill({ status: 404, body: 'gone' });
			if (answer === 'foreign') {
				const real = await (await route.fetch()).json();
				return route.fulfill({ json: { ...real, version: 'someone-else', events: 'not a list' } });
			}
			return route.continue();
		});
		await page.goto(`/${lang}`);
		const notice = page.getByTestId('builtin-unavailable');
		await expect(notice).toBeVisible({ timeout: 15_000 });
		await expect(notice.locator('h1')).toHaveText(text.title);
		await expect(notice).toContainText('/data/dataset.json');
		// nothing half-drawn from an empty dataset
		await expect(page.locator('svg.chart')).toHaveCount(0);
		// the header still navigates (and says the same on the next page, in the same language)
		await page.getByRole('link', { name: text.cities, exact: true }).first().click();
		await expect(page).toHaveURL(new RegExp(`/${lang}/cities$`));
		await expect(page.getByTestId('builtin-unavailable').locator('h1')).toHaveText(text.title);
		// a file that arrives but is not this build's dataset is refused the same way
		answer = 'foreign';
		await page.reload();
		await expect(page.getByTestId('builtin-unavailable').locator('h1')).toHaveText(text.title, {
			timeout: 15_000
		});
		await expect(page.locator('svg.chart')).toHaveCount(0);
		answer = 'real';
		await page.getByRole('button', { name: text.retry }).click();
		await expect(page.getByTestId('builtin-unavailable')).toHaveCount(0, { timeout: 15_000 });
		await expect(page.locator('main a[href*="/cities/shanghai"]').first()).toBeVisible();
		await page.getByRole('link', { name: lang === 'en' ? 'Overview' : '总览', exact: true }).click();
		await expect(page.locator('svg[data-chart="events-per-city"][data-variant="wide"]')).toBeVisible();
		expect(problems).toEqual([]);
	});
}

/* ---------------------------------------------------------------- no IndexedDB */

for (const lang of ['en', 'zh'] as const) {
	test(`without IndexedDB (${lang}): the switcher says imports are not kept, and every page works`, async ({
		page
	}) => {
		const problems = watch(page);
		await page.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', {
				get() {
					throw new Error('blocked');
				}
			});
		});
		const note = lang === 'en' ? 'Imports not kept' : '导入不保存';
		const long =
			lang === 'en'
				? 'data you import is kept only until this tab is closed'
				: '导入的数据只保留到关闭此标签页为止';
		for (const path of ['', '/compare', '/industries', '/events', '/cities', '/cities/shanghai']) {
			await page.goto(`/${lang}${path}`);
			await expect(page.locator('main h1').first()).toBeVisible();
			await expect(page.getByTestId('dataset-memory')).toContainText(note);
		}
		const select = page.getByLabel(lang === 'en' ? 'Data' : '数据', { exact: true });
		await expect(select).toHaveValue('builtin');
		await expect(select).toHaveAccessibleDescription(new RegExp(`${note}.*${long}`));
		const axe = await new AxeBuilder({ page }).include('header').analyze();
		expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
		expect(problems).toEqual([]);
	});
}

test('without IndexedDB an import is kept for the visit and offered by the switcher on other pages', async ({
	page
}) => {
	const problems = watch(page);
	await page.addInitScript(() => {
		Object.defineProperty(window, 'indexedDB', {
			get() {
				throw new Error('blocked');
			}
		});
	});
	await page.goto('/en/import');
	await importAndSave(page, 'Visit only');
	await page.getByRole('link', { name: 'Compare', exact: true }).click();
	const select = page.getByLabel('Data', { exact: true });
	await expect(select.locator('option')).toHaveText(['Built-in (article)', 'Visit only']);
	await select.selectOption({ label: 'Built-in (article)' });
	await select.selectOption({ label: 'Visit only' });
	await expect(select).not.toHaveValue('builtin');
	await expect(page.getByTestId('dataset-memory')).toBeVisible();
	expect(problems).toEqual([]);
});

/* ---------------------------------------------------------------- the error page */

for (const lang of ['en', 'zh'] as const) {
	test(`a page whose code fails to load shows the error page in ${lang}, and the app recovers`, async ({
		page
	}) => {
		const problems = watch(page, { console: false });
		const nav =
			lang === 'en'
				? { compare: 'Compare', overview: 'Overview', title: 'Something went wrong', other: '出错了' }
				: { compare: '对比', overview: '总览', title: '出错了', other: 'Something went wrong' };
		await page.goto(`/${lang}/methodology`);
		await page.waitForLoadState('networkidle');
		let blocked = true;
		await page.route('**/_app/immutable/nodes/**', (route) =>
			blocked ? route.abort('internetdisconnected') : route.continue()
		);
		await page.getByRole('link', { name: nav.compare, exact: true }).click();
		const error = page.getByTestId('not-found');
		await expect(error).toHaveAttribute('data-status', '500');
		await expect(error.locator('h1')).toHaveText(nav.title);
		await expect(page.locator('main')).not.toContainText(nav.other);
		// SvelteKit's English fallback text is not shown
		await expect(page.locator('main')).not.toContainText('Internal Error');
		await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');

		// the header still works, and once the code arrives the page opens
		blocked = false;
		await page.getByRole('link', { name: nav.compare, exact: true }).click();
		await expect(page.locator('svg[data-chart="compare"]:visible')).toBeVisible();
		await expect(page.getByTestId('not-found')).toHaveCount(0);
		expect(problems).toEqual([]);
	});
}
