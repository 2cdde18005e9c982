/**
 * Embed pages (`/{lang}/embed/{chart}`): each chart alone at any width from 320 to 1200 px, with its link
 * back and nothing of the site around it, readable with JavaScript off; a host page on another origin that
 * holds the menu's snippet gives the iframe the chart's height, and keeps giving it as the width changes;
 * only embed pages may be framed by other sites; and a plain static host serves them too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from '@playwright/test';
import sirv from 'sirv';
import { EMBED_MESSAGE } from '../../src/lib/embed/protocol';

/** Every exportable chart (src/lib/export/registry.ts) and the page it lives on. */
const CHARTS = [
	['events-per-city', ''],
	['category-mix', ''],
	['timeline', ''],
	['dot-map', ''],
	['compare', '/compare'],
	['industry-matrix', '/industries'],
	['upset', '/industries'],
	['similarity', '/industries']
] as const;
const LANGS = ['en', 'zh'] as const;
const LINK_TEXT = {
	en: 'See this chart and its data on City Innovation',
	zh: '在“城市科创”查看此图及其数据'
};
/**
 * Host pages on another origin than the dashboard's: a server of the test's own on 127.0.0.1 (a page the
 * test answers by route would count as a public site, and Chromium refuses a public site's frame of a local
 * address outright, which would hide what our own headers do).
 */
const hostPages = new Map<string, string>();
let host: Server;
let hostOrigin: string;
test.beforeAll(async () => {
	host = createServer((req, res) => {
		const body = hostPages.get(req.url ?? '');
		res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' }).end(body ?? 'Not found');
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
	await new Promise((resolve) => host.close(resolve));
});

/**
 * What the embed page shows at this width: its visible charts, any site navigation, the visible text
 * outside the chart's SVG, the chart's text that pokes out of the SVG, and the page's sideways overflow.
 */
async function inspect(page: Page) {
	return page.evaluate(() => {
		const visible = (el: Element) => (el as SVGElement | HTMLElement).checkVisibility();
		const svgs = [...document.querySelectorAll('svg.chart')].filter(visible);
		const outside: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement;
			if (!el || !n.textContent?.trim() || el.closest('svg, script, style, .visually-hidden')) continue;
			if (visible(el)) outside.push(n.textContent.trim());
		}
		const poking: string[] = [];
		for (const svg of svgs) {
			const box = svg.getBoundingClientRect();
			for (const text of svg.querySelectorAll('text')) {
				const r = text.getBoundingClientRect();
				if (!r.width) continue;
				if (
					r.left < box.left - 1 ||
					r.right > box.right + 1 ||
					r.top < box.top - 1 ||
					r.bottom > box.bottom + 1
				)
					poking.push(text.textContent ?? '');
			}
		}
		return {
			charts: svgs.length,
			chartWidth: svgs[0]?.getBoundingClientRect().width ?? 0,
			navigation: document.querySelectorAll(
				'header, nav, footer, [role="banner"], [role="navigation"], [role="contentinfo"], .site-header, .site-footer'
			).length,
			outside,
			poking,
			sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth
		};
	});
}

for (const lang of LANGS) {
	for (const [chart, home] of CHARTS) {
		test(`/${lang}/embed/${chart}: the chart alone at 320 and 1200 px, its link back, no site around it`, async ({
			page,
			request
		}) => {
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			for (const width of [320, 1200]) {
				await page.setViewportSize({ width, height: 800 });
				const res = await page.goto(`/${lang}/embed/${chart}`);
				expect(res?.status()).toBe(200);
				await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
				const seen = await inspect(page);
				expect(seen.charts, `${width} px: visible charts`).toBe(1);
				// the chart fills the frame's width (less the page's padding), as far as its layout goes
				expect(seen.chartWidth, `${width} px: chart width`).toBeGreaterThan(Math.min(width, 480) - 40);
				expect(seen.navigation, `${width} px: site navigation`).toBe(0);
				expect(seen.outside.join(''), `${width} px: text outside the chart`).toBe(LINK_TEXT[lang]);
				expect(seen.poking, `${width} px: chart text outside its SVG`).toEqual([]);
				expect(seen.sideways, `${width} px: sideways scroll`).toBeLessThanOrEqual(0);
				await expect(page.locator('svg.chart:visible')).toHaveAttribute('data-chart', chart);
				// one landmark holds it all; the chart's title is the page's heading and its <title>
				await expect(page.locator('main')).toHaveCount(1);
				const title = (await page.locator('svg.chart:visible > title').textContent()) ?? '';
				expect(title.length).toBeGreaterThan(5);
				await expect(page.locator('h1')).toHaveText(title);
				await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));
			}
			// the link back opens the chart on the dashboard, in a new tab
			const link = page.getByTestId('embed-source-link');
			await expect(link).toHaveAttribute('href', `/${lang}${home}#${chart}`);
			await expect(link).toHaveAttribute('target', '_blank');
			await expect(link).toHaveAttribute('rel', /\bnoopener\b/);
			const full = await request.get(`/${lang}${home}`);
			expect(full.status()).toBe(200);
			expect(await full.text()).toContain(`id="${chart}"`);
			expect(errors).toEqual([]);
		});
	}

	test(`/${lang}/embed/*: every chart reads with JavaScript off, and no app script is loaded`, async ({
		browser
	}) => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			viewport: { width: 320, height: 800 }
		});
		const page = await context.newPage();
		const scripts: string[] = [];
		page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
		for (const [chart] of CHARTS) {
			await page.goto(`/${lang}/embed/${chart}`);
			await expect(page.locator('svg.chart:visible')).toHaveCount(1);
			await expect(page.locator('svg.chart:visible')).toHaveAttribute('data-chart', chart);
			await expect(page.getByTestId('embed-source-link')).toBeVisible();
		}
		await context.close();
		// with scripting on, the page's only script is the one that reports its height
		const live = await browser.newPage();
		live.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
		await live.goto(`/${lang}/embed/upset`, { waitUntil: 'networkidle' });
		expect([...new Set(scripts)]).toEqual(['/embed.js']);
		await live.close();
	});

	for (const [chart] of CHARTS) {
		test(`/${lang}/embed/${chart}: no axe violations, light and dark; dark mode follows the reader's setting`, async ({
			browser
		}) => {
			for (const colorScheme of ['light', 'dark'] as const) {
				const context = await browser.newContext({ colorScheme });
				const page = await context.newPage();
				await page.goto(`/${lang}/embed/${chart}`);
				const axe = await new AxeBuilder({ page }).analyze();
				expect(
					axe.violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)
				).toEqual([]);
				const background = await page.evaluate(
					() => getComputedStyle(document.documentElement).backgroundColor
				);
				expect(background).toBe(colorScheme === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)');
				await context.close();
			}
		});
	}
}

test('only embed pages may be framed by other sites', async ({ request }) => {
	for (const lang of LANGS)
		for (const [chart] of CHARTS) {
			const res = await request.get(`/${lang}/embed/${chart}`);
			const csp = res.headers()['content-security-policy'] ?? '';
			expect(csp, chart).not.toContain('frame-ancestors');
			expect(res.headers()['x-frame-options'], chart).toBeUndefined();
		}
	for (const path of ['/', '/en', '/zh/industries', '/en/events', '/en/embed/no-such-chart']) {
		const res = await request.get(path);
		expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'self'");
	}
});

/** Opens a chart's "Embed this chart" panel from its menu, and returns the snippet it offers. */
async function snippetFromMenu(page: Page, path: string, chart: string) {
	await page.goto(path);
	const figure = page.locator(`figure.chart-frame#${chart}`);
	await figure.locator('details.chart-download summary').click();
	await figure.locator('button[data-export="embed"]').click();
	const panel = figure.getByTestId('chart-embed');
	await expect(panel).toBeVisible();
	await expect(panel.getByRole('heading')).toBeFocused();
	return { figure, panel, code: await panel.locator('textarea').inputValue() };
}

/** The host page: an article with the snippet between two paragraphs. */
const article = (snippet: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>` +
	`<meta name="viewport" content="width=device-width"><style>body{margin:0 auto;max-width:1200px;padding:0 8px}</style></head>` +
	`<body><h1>An article</h1><p>Before the chart.</p>\n${snippet}\n<p id="after">After the chart.</p></body></html>`;

async function hostPage(page: Page, name: string, snippet: string) {
	const path = `/newsroom/${name}.html`;
	hostPages.set(path, article(snippet));
	await page.goto(hostOrigin + path);
}

/** The iframe's height on the host page, and the height of the embed page's document and content. */
async function heights(page: Page, frame: Frame) {
	const iframe = await page
		.locator('iframe[data-cid-embed]')
		.evaluate((el) => el.getBoundingClientRect().height);
	const inside = await frame.evaluate(() => ({
		scroll: document.documentElement.scrollHeight,
		content: document.querySelector('main')!.getBoundingClientRect().height
	}));
	return { iframe, ...inside };
}

async function embedFrame(page: Page): Promise<Frame> {
	await expect.poll(() => page.frames().some((f) => f.url().includes('/embed/'))).toBe(true);
	const frame = page.frames().find((f) => f.url().includes('/embed/'))!;
	await frame.waitForSelector('main.embed');
	return frame;
}

for (const [lang, path, chart] of [
	['en', '/en', 'events-per-city'],
	['zh', '/zh/industries', 'upset']
] as const) {
	test(`the menu's snippet (${lang}, ${chart}): copied with a confirmation, and on another site the iframe takes the chart's height, also after resizing`, async ({
		page,
		context
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.setViewportSize({ width: 1200, height: 900 });
		const { figure, panel, code } = await snippetFromMenu(page, path, chart);
		expect(code).toMatch(new RegExp(`<iframe src="https?://[^/]+/${lang}/embed/${chart}"`));
		expect(code).toMatch(/<iframe\b[^>]* title="[^"]{6,}"/);
		expect(code).toContain('width="100%"');
		expect(code).toContain('loading="lazy"');
		expect(code).toContain(EMBED_MESSAGE);
		const title = await figure.locator('svg[data-variant="tablet"] > title').textContent();
		expect(code).toContain(`title="${title}"`);
		await panel.locator('[data-embed="copy"]').click();
		await expect(figure.getByTestId('export-status')).toHaveText(
			lang === 'en' ? 'Embed code copied.' : '已复制嵌入代码。'
		);
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
		const src = `${new URL(page.url()).origin}/${lang}/embed/${chart}`;
		await expect(panel.locator('[data-embed="preview"]')).toHaveAttribute('href', src);

		await hostPage(page, `${lang}-${chart}`, code);
		const frame = await embedFrame(page);
		for (const width of [1200, 360, 800]) {
			await page.setViewportSize({ width, height: 900 });
			// the iframe takes the chart's height: the embed document neither scrolls nor leaves a gap
			await expect
				.poll(
					async () => {
						const h = await heights(page, frame);
						return Math.max(Math.abs(h.iframe - h.scroll), Math.abs(h.iframe - h.content));
					},
					{ message: `at ${width} px` }
				)
				.toBeLessThanOrEqual(3);
		}
		// narrower is taller (the phone layout), so the height did follow the width
		await page.setViewportSize({ width: 360, height: 900 });
		await expect.poll(async () => (await heights(page, frame)).content).toBeGreaterThan(0);
		const narrow = await heights(page, frame);
		await page.setViewportSize({ width: 1200, height: 900 });
		await expect.poll(async () => (await heights(page, frame)).iframe).not.toBe(narrow.iframe);
		// the article goes on below the chart
		await expect(page.locator('#after')).toBeVisible();
	});
}

test('the clipboard refused: the embed code is selected for copying by hand, and the panel says so', async ({
	page
}) => {
	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'clipboard', {
			value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }
		});
	});
	const { figure, panel, code } = await snippetFromMenu(page, '/zh', 'timeline');
	await panel.locator('[data-embed="copy"]').click();
	await expect(figure.getByTestId('export-status')).toContainText('代码已选中');
	const field = panel.locator('textarea');
	await expect(field).toBeFocused();
	expect(
		await field.evaluate((el) => [
			(el as HTMLTextAreaElement).selectionStart,
			(el as HTMLTextAreaElement).selectionEnd
		])
	).toEqual([0, code.length]);
	await panel.locator('[data-embed="close"]').click();
	await expect(figure.getByTestId('chart-embed')).toHaveCount(0);
});

test('a second frame of a chart (the compare page’s timeline) offers no embed: its embed page would show other data', async ({
	page
}) => {
	await page.goto('/en/compare');
	const second = page.locator('figure.chart-frame#timeline-compare');
	await second.locator('details.chart-download summary').click();
	await expect(second.locator('button[data-export="cite"]')).toBeVisible();
	await expect(second.locator('button[data-export="embed"]')).toHaveCount(0);
	const first = page.locator('figure.chart-frame#compare');
	await first.locator('details.chart-download summary').click();
	await expect(first.locator('button[data-export="embed"]')).toBeVisible();
});

test('another site may frame an embed page but not the dashboard’s other pages', async ({
	page,
	baseURL
}) => {
	const frames =
		`<iframe id="embed" data-cid-embed="upset" src="${baseURL}/en/embed/upset" title="embed"></iframe>` +
		`<iframe id="page" src="${baseURL}/en/industries" title="page"></iframe>`;
	await hostPage(page, 'two-frames', frames);
	const embed = await embedFrame(page);
	await expect(embed.locator('svg.chart:visible')).toHaveCount(1);
	// the refused frame stays empty: the browser shows its own error page instead of the dashboard
	const refused = page.frameLocator('#page');
	await expect(page.locator('#page')).toBeAttached();
	await expect
		.poll(
			() =>
				page
					.frames()
					.find((f) => f !== page.mainFrame() && f !== embed)
					?.url() ?? ''
		)
		.toMatch(/^chrome-error:/);
	await expect(refused.locator('main')).toHaveCount(0);
});

test.describe('on a plain static host', () => {
	let server: Server;
	let origin: string;
	test.beforeAll(async () => {
		const files = sirv(join(process.cwd(), 'build'), { extensions: ['html'] });
		server = createServer((req, res) =>
			files(req, res, () => {
				res.statusCode = 404;
				res.end('Not found');
			})
		);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	test.afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
	});

	test('the embed pages render, in both languages', async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		for (const lang of LANGS)
			for (const [chart] of CHARTS) {
				const res = await page.goto(`${origin}/${lang}/embed/${chart}`);
				expect(res?.status(), chart).toBe(200);
				await expect(page.locator('svg.chart:visible')).toHaveCount(1);
				await expect(page.locator('svg.chart:visible')).toHaveAttribute('data-chart', chart);
				await expect(page.getByTestId('embed-source-link')).toHaveText(new RegExp(LINK_TEXT[lang]));
				expect(await page.locator('header, nav, footer').count()).toBe(0);
			}
		expect(errors).toEqual([]);
	});
});
