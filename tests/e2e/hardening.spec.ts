/**
 * Hardening: the headers the server sends, the Content-Security-Policy every page carries, hostile input
 * through every way it can enter (URL parameters and search boxes), the 404 pages, and offline use.
 */
import { expect, test, type Page } from '@playwright/test';

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
		await page.waitForTimeout(50);
		await noInjectedMarkup(page);
	}
	await page.waitForTimeout(500);
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
	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('svg[data-chart="events-per-city"][data-variant="wide"]')).toBeVisible();
	await page.goto('/en/compare?cities=hefei,wuxi');
	await expect(page.locator('svg[data-chart="compare"][data-variant="wide"]')).toBeVisible();
	await context.setOffline(false);
});
