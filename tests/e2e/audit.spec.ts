/**
 * The outside audit's findings that a reader meets in the browser (hardening, round two): a crafted link
 * that used to freeze the tab, a page pasted into the Chinese city finder, a failed save that used to be
 * blamed on the browser and hid an intact dataset, an export that printed the address as typed, and the
 * server's answers to oversized and refused requests. The import's own findings are in import.spec.ts.
 */
import { connect } from 'node:net';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

/** The audit's link: `a,` × 16,000 then `,` × 66,000 (98 KB). */
const CRAFTED = 'a,'.repeat(16_000) + ','.repeat(66_000);

/**
 * Opens a page at an address longer than the server takes (it answers 414, as it should), as a host that
 * takes long addresses would serve it: the page's own HTML for the long address.
 */
async function openLong(page: Page, path: string, query: string) {
	const html = await (await page.request.get(path)).text();
	await page.route(
		(url) => url.pathname === path && url.search.length > 1000,
		(route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
	);
	await page.goto(`${path}?${query}`);
}

/** Counts what a notice list stands for: each listed item is one problem, the last may count the rest. */
async function noticeItems(page: Page) {
	const items = page.getByTestId('url-notice').locator('li');
	return items.evaluateAll((lis) => lis.map((li) => ({ reason: li.dataset.reason, text: li.textContent })));
}

for (const [path, param, lang] of [
	['/en/compare', 'cities', 'en'],
	['/zh/events', 'city', 'zh']
] as const) {
	test(`the audit's crafted link opens ${path} at once, with a few notices and a count of the rest`, async ({
		page
	}) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await openLong(page, path, `${param}=${CRAFTED}`);
		// the view loads at once for an address with a query; its notice lists a few problems, not 16,000
		await expect(page.getByTestId('url-notice')).toBeVisible({ timeout: 3000 });
		const items = await noticeItems(page);
		expect(items.length).toBeLessThanOrEqual(9);
		const more = items.at(-1)!;
		expect(more.reason).toBe('more');
		expect(more.text).toMatch(lang === 'en' ? /15,99\d more problems are not listed/ : /另有 15,99\d 处问题/);
		// the page answers at once: a click on the notice's button is handled within a short wait
		const t0 = Date.now();
		await page.getByTestId('url-notice').getByRole('button').click();
		await expect(page.getByTestId('url-notice')).toHaveCount(0);
		expect(Date.now() - t0).toBeLessThan(2000);
		expect(errors).toEqual([]);
	});
}

test('a page pasted into the Chinese city finder is cut short and echoed clean', async ({ page }) => {
	await page.goto('/zh/compare?cities=shanghai,shenzhen');
	const finder = page.getByLabel('查找并添加城市');
	await expect(finder).toBeVisible();
	await finder.focus();
	await page.keyboard.insertText('无此城市\u200b\u0007\u202e' + '科创'.repeat(50_000));
	const status = page.locator('#city-search-status');
	await expect(status).toContainText('没有与', { timeout: 3000 });
	const text = (await status.textContent()) ?? '';
	expect(text.length).toBeLessThan(80);
	expect(text).toContain('无此城市');
	// eslint-disable-next-line no-control-regex
	expect(text).not.toMatch(/[\u0000-\u001f\u200b\u202e]/);
	expect((await finder.inputValue()).length).toBeLessThanOrEqual(64);
});

test('a city already compared is said to be, not "no match"', async ({ page }) => {
	await page.goto('/en/compare?cities=shanghai,hefei');
	const finder = page.getByLabel('Find a city to add');
	await finder.fill('合肥');
	await expect(page.locator('#city-search-status')).toHaveText('Hefei is already compared.');
	await finder.fill('hef');
	await expect(page.locator('#city-search-status')).toHaveText('Hefei is already compared.');
});

test('an exported chart carries the address of the view, not the address as typed', async ({ page }) => {
	const junk = 'x'.repeat(8000);
	await page.goto(`/en/compare?cities=shenzhen,shanghai&source=${junk}&utm=%E2%80%AEevil`);
	const figure = page.locator('figure.chart-frame').first();
	await expect(figure.locator('details.chart-download')).toBeVisible();
	await figure.locator('details.chart-download').evaluate((d) => ((d as HTMLDetailsElement).open = true));
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		figure.locator('button[data-export="svg"]').click()
	]);
	const svg = await readFile(await file.path(), 'utf8');
	const url = /<dashboard[^>]* url="([^"]*)"/.exec(svg)?.[1] ?? '';
	expect(url).toMatch(/\/en\/compare\?cities=shenzhen,shanghai#/);
	expect(svg).not.toContain('source=');
	expect(svg).not.toContain('xxxxxxxx');
	expect(svg).not.toContain('utm');
	expect(svg.length).toBeLessThan(60_000);
});

/** Sends raw bytes to the test server and returns its status line and headers. */
function rawRequest(port: number, request: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1', () => socket.write(request));
		let reply = '';
		socket.setEncoding('latin1');
		socket.on('data', (chunk) => (reply += chunk));
		socket.on('end', () => resolve(reply));
		socket.on('close', () => resolve(reply));
		socket.on('error', reject);
	});
}

test('the server answers oversized and refused requests with a status and its security headers', async ({
	baseURL
}) => {
	const port = Number(new URL(baseURL!).port);
	const cases: [string, RegExp][] = [
		[`GET /en/compare?cities=${'a,'.repeat(12_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, /^HTTP\/1\.1 414 /],
		[`GET /en HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`, /^HTTP\/1\.1 431 /],
		['POST /en HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n', /^HTTP\/1\.1 405 /]
	];
	for (const [request, status] of cases) {
		const reply = await rawRequest(port, request);
		expect(reply, request.slice(0, 40)).toMatch(status);
		const head = reply.split('\r\n\r\n')[0].toLowerCase();
		expect(head).toContain('x-content-type-options: nosniff');
		expect(head).toContain("content-security-policy: frame-ancestors 'self'");
		expect(head).toContain('referrer-policy: strict-origin-when-cross-origin');
	}
});

const CSV = (city: string, title: string) =>
	['city,category,year,month,title_en', `${city},computing,2024,4,${title}`].join('\n');

async function importFile(page: Page, name: string, text: string, label: string) {
	await expect(page.locator('#events-file')).toBeEnabled();
	await page
		.locator('#events-file')
		.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
	await expect(page.getByTestId('import-summary')).toBeVisible();
	await page.locator('#dataset-name').fill(label);
	await page.getByTestId('import-save').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();
}

/** Makes IndexedDB refuse the next writes to the data store with the error a browser gives. */
function refuseWrites(page: Page, name: string, message: string) {
	return page.evaluate(
		([name, message]) => {
			const add = IDBObjectStore.prototype.add;
			IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
				if (this.name === 'data') throw new DOMException(message, name);
				return add.apply(this, args);
			};
		},
		[name, message]
	);
}

for (const [lang, errorName, reason, said] of [
	['en', 'QuotaExceededError', 'quota', /storage for the dashboard is full/],
	['zh', 'DataCloneError', 'tooLarge', /超出本浏览器可保存的大小/]
] as const) {
	test(`a failed save (${errorName}, ${lang}) keeps that dataset for the session and the others as they are`, async ({
		page
	}) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(`/${lang}/import`);
		await importFile(page, 'first.csv', CSV('Lanzhou', 'Kept row'), 'Kept set');
		await refuseWrites(page, errorName, 'refused in this test');
		await importFile(page, 'second.csv', CSV('Xining', 'Session row'), 'Session set');
		const note = page.getByTestId('import-session-only');
		await expect(note).toHaveAttribute('data-reason', reason);
		await expect(note).toContainText(said);
		// the store is not switched to memory: no "this browser does not allow saving" anywhere
		await expect(page.getByTestId('no-store')).toHaveCount(0);
		const switcher = page.locator('#dataset-switcher-select');
		await expect(switcher.locator('option')).toHaveCount(3);
		// the intact saved dataset still opens, and nothing is called damaged
		await switcher.selectOption({ label: 'Kept set' });
		await expect(page.locator('#dataset-switcher-select')).toHaveValue(/^user-/);
		await page.goto(`/${lang}/events`);
		await expect(page.locator('main')).toContainText('Kept row');
		await expect(page.getByTestId('dataset-unreadable')).toHaveCount(0);
		// after a reload the saved one is there and the session-only one is gone, as the note said
		await page.reload();
		await expect(page.locator('#dataset-switcher-select option')).toHaveCount(2);
		await expect(page.getByTestId('dataset-unreadable')).toHaveCount(0);
		expect(errors).toEqual([]);
	});
}
