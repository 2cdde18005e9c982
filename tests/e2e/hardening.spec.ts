/**
 * Hardening: the headers the server sends, the Content-Security-Policy every page carries, hostile input
 * through every way it can enter (URL parameters, search boxes, an imported file) and on the way out
 * (chart exports as SVG and CSV), the 404 pages, and offline use. Failures of storage, files and code
 * are in failure.spec.ts.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { csvParseRows } from 'd3-dsv';

const CORPUS = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"' onmouseover='alert(1)",
	'javascript:alert(1)',
	'<svg onload=alert(1)><circle r=5 /></svg>',
	'<a href="javascript:alert(1)">x</a>',
	'\u202Eevil\u202C',
	'\u0000\u0007\u001b[31m',
	'=cmd|" /C calc"!A0',
	'x'.repeat(5000),
	'上海<iframe src=//example.invalid>'
];

/** Waits until the browser has drawn two frames since: what the last action changed is on the page. */
async function drawn(page: Page) {
	await page.evaluate(
		() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
	);
}

/** Collects anything that would show an attack ran or the page broke. */
function watch(page: Page) {
	const problems: string[] = [];
	page.on('dialog', async (d) => {
		problems.push(`dialog: ${d.message()}`);
		await d.dismiss();
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
	return problems;
}

async function noInjectedMarkup(page: Page) {
	expect(
		await page
			.locator('main img[src="x"], main iframe, main svg[onload], main a[href^="javascript:"]')
			.count()
	).toBe(0);
	expect(
		await page.evaluate(() => document.querySelectorAll('[onerror], [onload], [onmouseover]').length)
	).toBe(0);
}

test('the server sends the security headers', async ({ request }) => {
	for (const path of ['/zh', '/en/compare', '/data/events.json', '/_app/version.json']) {
		const res = await request.get(path);
		expect(res.status(), path).toBe(200);
		const h = res.headers();
		expect(h['x-content-type-options'], path).toBe('nosniff');
		expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
		expect(h['permissions-policy'], path).toContain('camera=()');
		expect(h['content-security-policy'], path).toContain("frame-ancestors 'self'");
	}
});

test('every page carries a hash-based Content-Security-Policy without unsafe-inline', async ({ request }) => {
	for (const path of ['/', '/zh', '/en/compare', '/zh/industries', '/en/events', '/zh/cities/shanghai']) {
		const html = await (await request.get(path)).text();
		const csp = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/i)?.[1] ?? '';
		expect(csp, path).toContain("script-src 'self' 'sha256-");
		expect(csp, path).not.toContain("'unsafe-inline'");
		expect(csp, path).toContain("object-src 'none'");
		// no inline event handlers anywhere in the markup
		expect(html, path).not.toMatch(/\son[a-z]+="/i);
	}
});

for (const [path, params] of [
	['/en/compare', ['cities']],
	['/zh/events', ['q', 'city', 'cat', 'from', 'sort']],
	['/en/industries', ['set', 'metric', 'rows']],
	['/zh', ['mix', 'stacked']]
] as const) {
	test(`hostile URL parameters on ${path} are dropped or shown as text, never run`, async ({ page }) => {
		const problems = watch(page);
		for (const payload of CORPUS.slice(0, 8)) {
			const qs = params.map((p) => `${p}=${encodeURIComponent(payload)}`).join('&');
			await page.goto(`${path}?${qs}`);
			await page.waitForLoadState('networkidle');
			await noInjectedMarkup(page);
		}
		// a very long value
		await page.goto(`${path}?${params[0]}=${encodeURIComponent(CORPUS[9])}`);
		await noInjectedMarkup(page);
		expect(problems).toEqual([]);
	});
}

test('hostile text in the search boxes is only ever text', async ({ page }) => {
	const problems = watch(page);
	await page.goto('/en/compare?cities=shanghai,beijing');
	const finder = page.getByLabel('Find a city to add');
	for (const payload of CORPUS) {
		await finder.fill(payload);
		await noInjectedMarkup(page);
	}
	await page.goto('/en/events');
	const search = page.locator('input[type="search"]').first();
	for (const payload of CORPUS) {
		await search.fill(payload);
		await drawn(page); // the table has been filtered by it
		await noInjectedMarkup(page);
	}
	// the address follows the search box after a pause: the last value is in it, and the page drawn from it
	const last = CORPUS[CORPUS.length - 1];
	await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(last);
	await drawn(page);
	await noInjectedMarkup(page);
	expect(problems).toEqual([]);
});

test('unknown addresses get the 404 page in the language of the path', async ({ page }) => {
	const en = await page.goto('/en/nowhere');
	expect(en?.status()).toBe(404);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.locator('main')).toContainText(/not found/i);
	const zh = await page.goto('/zh/nowhere');
	expect(zh?.status()).toBe(404);
	await expect(page.locator('main')).toContainText('页面未找到');
	await page.goto('/en/cities/shangai');
	await expect(page.locator('main')).toContainText('Shanghai');
});

test('after one visit the dashboard opens offline', async ({ page, context }) => {
	await page.goto('/zh');
	await page.evaluate(async () => {
		const reg = await navigator.serviceWorker.ready;
		return reg.active?.state;
	});
	// wait until the worker controls the page and has cached the shell
	await page.reload();
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
	await expect
		.poll(() => page.evaluate(async () => (await caches.keys()).some((k) => k.startsWith('dashboard-'))))
		.toBe(true);
	await expect
		.poll(async () =>
			page.evaluate(async () => {
				const keys = await caches.keys();
				const cache = await caches.open(keys.find((k) => k.startsWith('dashboard-'))!);
				return !!(await cache.match('/en/compare')) && !!(await cache.match('/data/events.json'));
			})
		)
		.toBe(true);
	// the export-only fonts and WebAssembly (about 10 MB) are not downloaded ahead on a first visit
	const precached = await page.evaluate(async () => {
		const keys = await caches.keys();
		const cache = await caches.open(keys.find((k) => k.startsWith('dashboard-'))!);
		return (await cache.keys()).map((r) => new URL(r.url).pathname);
	});
	expect(precached.filter((p) => p.startsWith('/_app/')).length).toBeGreaterThan(10);
	expect(precached.filter((p) => /\.(woff2?|ttf|otf|wasm)$/.test(p))).toEqual([]);
	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('svg[data-chart="events-per-city"][data-variant="wide"]')).toBeVisible();
	await page.goto('/en/compare?cities=hefei,wuxi');
	await expect(page.locator('svg[data-chart="compare"][data-variant="wide"]')).toBeVisible();
	await context.setOffline(false);
});

/** City names and titles an analyst's file could carry, each meant to run or mislead somewhere. */
const HOSTILE_NAMES = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(2)>',
	"' onmouseover='alert(3)",
	'javascript:alert(4)',
	'<svg onload=alert(5)><circle r=5 /></svg>',
	'<a href="javascript:alert(6)">x</a>',
	'<foreignObject><iframe src=//example.invalid></iframe></foreignObject>',
	'\u202Eevil\u202C city',
	'\u202Dforced\u202C \u2066isolated\u2069',
	'bell\u0007esc\u001b[31m',
	'=cmd|" /C calc"!A0',
	'+SUM(1,2)',
	'-2+3',
	'@SUM(A1)',
	']]><!-- x -->&amp;',
	`L${'o'.repeat(3000)}ng`
];
/** What must never be in an exported SVG's raw text: bidi overrides/isolates and C0 controls but tab/LF/CR. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A CSV cell: each quote doubled, and quoted. */
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

test('hostile names in an imported dataset export as inert SVG text and neutralised CSV cells', async ({
	page
}, testInfo) => {
	test.setTimeout(180_000);
	const problems = watch(page);
	// The first name gets the most events, so it heads the bar chart and its title.
	const rows = HOSTILE_NAMES.flatMap((name, i) =>
		Array.from({ length: i === 0 ? 3 : 1 }, (_, k) =>
			[name, 'computing', '2024', String(1 + ((i + k) % 12)), `${name} title ${k}`].map(csvCell).join(',')
		)
	);
	const csv = ['city,category,year,month,title_en', ...rows].join('\n');
	await page.goto('/en/import');
	// the picker is enabled once the page has hydrated; a file set before that would go unread
	await expect(page.locator('#events-file')).toBeEnabled();
	await page
		.locator('#events-file')
		.setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
	await expect(page.getByTestId('import-summary')).toBeVisible();
	// every unknown city is a decision, made for it by default (a new city named as the file names it),
	// except the 3,004-character name: too long for a name, said so, and saved once the reader shortens it
	await expect(page.getByTestId('import-save')).toBeDisabled();
	const long = page.getByTestId('decision').filter({ has: page.getByTestId('decision-issue') });
	await expect(long).toHaveCount(1);
	await expect(long.getByTestId('decision-issue')).toContainText('120');
	for (const input of await long.locator('input[type="text"]').all())
		await input.fill(`L${'o'.repeat(100)}ng`);
	await expect(page.getByTestId('decision-issue')).toHaveCount(0);
	await page.getByLabel('Name for this dataset').fill('Hostile names');
	await page.getByTestId('import-save').click();
	await expect(page.getByTestId('import-saved')).toBeVisible();

	await page.goto('/en');
	const bars = page.locator('figure.chart-frame[data-chart="events-per-city"] svg.chart:visible');
	await expect(bars).toContainText('<script>alert(1)</script>', { timeout: 15_000 });
	// the overview's charts, then the comparison of the first two hostile cities (ids as the import made them)
	const ids = await bars
		.locator('g.mark[data-key]')
		.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-key')));
	await checkCharts('/en', ['<svg onload=alert(5)>', 'javascript:alert(4)', 'evil city', 'bellesc[31m']);
	await page.goto(`/en/compare?cities=${ids.slice(0, 2).join(',')}`);
	await expect(page.locator('svg[data-chart="compare"][data-variant="wide"]')).toContainText('alert(1)', {
		timeout: 15_000
	});
	await checkCharts('/en/compare', ['"><img src=x onerror=alert(2)>']);
	await drawn(page);
	expect(await page.locator('img[src="x"], iframe').count()).toBe(0);
	expect(problems).toEqual([]);

	/** Downloads every chart's SVG and CSV on the page and checks them; `names` must appear as text. */
	async function checkCharts(path: string, names: string[]) {
		const figures = page.locator('figure.chart-frame');
		const count = await figures.count();
		expect(count, path).toBeGreaterThan(0);
		let sawNames = false;
		for (let i = 0; i < count; i++) {
			const figure = figures.nth(i);
			const id = `${path} ${(await figure.getAttribute('id')) ?? i}`;
			await figure.scrollIntoViewIfNeeded();

			const svgText = await downloadText(page, figure, 'svg');
			expect(svgText, `${id}: no bidi or control characters`).not.toMatch(FORBIDDEN_CHARS);
			// the names' markup is only ever escaped text (an "onerror=" inside a text node is harmless)
			expect(svgText, `${id}: no raw markup from the names`).not.toMatch(
				/<(script|img|iframe|a|svg\s+onload)[\s>]/i
			);
			const report = await page.evaluate((text) => {
				const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
				const bad: string[] = [];
				for (const el of doc.querySelectorAll('script, foreignObject, iframe, image, img, a, animate, set'))
					bad.push(el.tagName);
				for (const el of doc.querySelectorAll('*'))
					for (const attr of el.attributes) {
						if (/^on/i.test(attr.name)) bad.push(`${el.tagName}@${attr.name}`);
						if (/href$/i.test(attr.name) && !attr.value.startsWith('#'))
							bad.push(`${el.tagName}@${attr.name}`);
						if (/javascript:/i.test(attr.value)) bad.push(`${el.tagName}@${attr.name}=${attr.value}`);
					}
				return {
					error: doc.querySelector('parsererror')?.textContent ?? null,
					bad,
					text: [...doc.querySelectorAll('text, title, desc')].map((t) => t.textContent ?? '').join('\n')
				};
			}, svgText);
			expect(report.error, `${id}: well-formed XML`).toBeNull();
			expect(report.bad, `${id}: nothing executable or external`).toEqual([]);
			if (report.text.includes('<script>alert(1)</script>')) {
				sawNames = true;
				// the names are there as text (long labels shortened with …), with the bidi controls taken out
				for (const name of names) expect(report.text, `${id}: ${name}`).toContain(name);
				expect(svgText).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
			}

			const csvText = await downloadText(page, figure, 'csv');
			const cells = csvParseRows(csvText.replace(/^\uFEFF/, '').replace(/\r\n$/, '')).flat();
			const formulas = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
			expect(formulas, `${id}: no cell a spreadsheet would run`).toEqual([]);
			// each formula-like name the table holds is there, quote-prefixed; the bar chart's table holds all
			for (const name of ['=cmd|" /C calc"!A0', '+SUM(1,2)', '-2+3', '@SUM(A1)']) {
				if (id.endsWith('events-per-city') || cells.some((c) => c.includes(name)))
					expect(cells, `${id}: ${name}`).toContain(`'${name}`);
			}
			testInfo.annotations.push({ type: 'hostile export', description: `${id}: SVG and CSV checked` });
		}
		expect(sawNames, `${path}: at least one chart draws the imported names`).toBe(true);
	}
});

async function downloadText(page: Page, figure: Locator, kind: 'svg' | 'csv'): Promise<string> {
	await figure.locator('details.chart-download').evaluate((d) => ((d as HTMLDetailsElement).open = true));
	const [file] = await Promise.all([
		page.waitForEvent('download', { timeout: 60_000 }),
		figure.locator(`button[data-export="${kind}"]`).click()
	]);
	return readFile(await file.path(), 'utf8');
}
