/**
 * The visual system at the four widths the charts are drawn for, in both languages: text contrast in the
 * dark theme, print, scroll and history behaviour of the view state, pages without JavaScript, tooltips
 * inside the window and chart text inside its chart. Only what is on screen is measured (the variant of a
 * chart that the width shows).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';

const WIDTHS = [375, 768, 1440, 1920] as const;
const LANGS = ['en', 'zh'] as const;
const CHART_PAGES = ['', '/industries', '/compare'] as const;

async function open(browser: Browser, url: string, options: Parameters<Browser['newContext']>[0] = {}) {
	const context = await browser.newContext({ serviceWorkers: 'block', ...options });
	const page = await context.newPage();
	await page.goto(url);
	if (options.javaScriptEnabled !== false) await expect(page.locator('html')).toHaveClass(/\bjs-ready\b/);
	return { context, page };
}

const viewport = (width: number) => ({ width, height: width < 600 ? 740 : 900 });

/** The view is hydrated and running (woken by the first touch or by a query in the address). */
async function live(page: Page) {
	await expect(page.locator('.view-root')).toHaveAttribute('data-view', 'live');
}

/**
 * Every visible chart text whose contrast against what is drawn behind its centre is under 4.5:1. The
 * background is the topmost painted, non-text element under the centre (document.elementsFromPoint),
 * composited over what lies beneath when translucent, down to the chart's background and the page's.
 */
async function lowContrastTexts(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		type RGBA = [number, number, number, number];
		const parse = (c: string): RGBA | null => {
			const m = c.match(/rgba?\(([^)]+)\)/);
			if (!m) return null;
			const p = m[1]
				.split(/[ ,/]+/)
				.filter(Boolean)
				.map(Number);
			return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
		};
		const over = (top: RGBA, under: RGBA): RGBA => {
			const a = top[3] + under[3] * (1 - top[3]);
			if (a === 0) return [0, 0, 0, 0];
			const mix = (i: number) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a;
			return [mix(0), mix(1), mix(2), a];
		};
		// WCAG 2 relative luminance and contrast ratio
		const channel = (v: number) => {
			const s = v / 255;
			return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
		};
		const luminance = (c: RGBA) => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
		const ratio = (a: RGBA, b: RGBA) => {
			const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
			return (hi + 0.05) / (lo + 0.05);
		};
		/** Opacity of an element and its ancestors inside (and including) the svg. */
		const opacityOf = (el: Element) => {
			let o = 1;
			for (let e: Element | null = el; e; e = e.parentElement) {
				o *= Number(getComputedStyle(e).opacity);
				if (e.tagName.toLowerCase() === 'svg') break;
			}
			return o;
		};
		/** The colour an element paints at a point (its fill, or an HTML box's background), or null. */
		const paint = (el: Element): RGBA | null => {
			const style = getComputedStyle(el);
			if (el instanceof SVGElement && el.tagName.toLowerCase() !== 'svg') {
				if (!['rect', 'circle', 'ellipse', 'path', 'polygon'].includes(el.tagName.toLowerCase())) return null;
				const fill = parse(style.fill);
				if (!fill) return null;
				fill[3] *= Number(style.fillOpacity) * opacityOf(el);
				return fill[3] > 0.01 ? fill : null;
			}
			const bg = parse(style.backgroundColor);
			return bg && bg[3] > 0.01 ? bg : null;
		};
		const pageBg = parse(getComputedStyle(document.documentElement).backgroundColor) ?? [255, 255, 255, 1];
		const problems: string[] = [];
		for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart')) {
			if (!svg.checkVisibility() || svg.getBoundingClientRect().width === 0) continue;
			const chart = `${svg.dataset.chart}/${svg.dataset.variant}`;
			const chartBgEl = svg.querySelector('.chart-bg');
			const chartBg = chartBgEl ? paint(chartBgEl) : null;
			for (const text of svg.querySelectorAll<SVGTextElement>('text')) {
				const content = text.textContent?.trim();
				if (!content || !text.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
				if (text.closest('.chart-tooltip')) continue;
				let box = text.getBoundingClientRect();
				if (box.width === 0) continue;
				const cy = box.y + box.height / 2;
				if (cy < 0 || cy > innerHeight) {
					window.scrollBy(0, cy - innerHeight / 2);
					box = text.getBoundingClientRect();
				}
				const x = box.x + box.width / 2;
				const y = box.y + box.height / 2;
				const layers: RGBA[] = [];
				for (const el of document.elementsFromPoint(x, y)) {
					if (el === text || el.closest('text')) continue;
					const c = paint(el);
					if (!c) continue;
					layers.push(c);
					if (c[3] >= 0.999) break;
				}
				if (!layers.length || layers[layers.length - 1][3] < 0.999) layers.push(chartBg ?? pageBg, pageBg);
				let bg: RGBA = [0, 0, 0, 0];
				for (const layer of layers.reverse()) bg = over(layer, bg);
				const style = getComputedStyle(text);
				// a halo drawn under the glyphs (paint-order: stroke) is the text's own background
				const stroke = parse(style.stroke);
				if (
					stroke &&
					stroke[3] > 0.9 &&
					parseFloat(style.strokeWidth) >= 2 &&
					style.paintOrder.startsWith('stroke')
				)
					bg = over(stroke, bg);
				const fill = parse(style.fill);
				if (!fill) continue;
				fill[3] *= Number(style.fillOpacity) * opacityOf(text);
				const fg = over(fill, bg);
				const r = ratio(fg, bg);
				if (r < 4.5) {
					const rgb = (c: RGBA) => `rgb(${c.slice(0, 3).map(Math.round).join(',')})`;
					problems.push(`${chart} "${content.slice(0, 30)}" ${rgb(fg)} on ${rgb(bg)}: ${r.toFixed(2)}:1`);
				}
			}
		}
		return problems;
	});
}

for (const lang of LANGS) {
	for (const width of WIDTHS) {
		test.describe(`/${lang} at ${width} px`, () => {
			for (const path of CHART_PAGES) {
				test(`dark theme: every chart text on /${lang}${path} has 4.5:1 against what is behind it`, async ({
					browser
				}) => {
					const { context, page } = await open(browser, `/${lang}${path}`, {
						viewport: viewport(width),
						colorScheme: 'dark'
					});
					expect(await page.locator('svg.chart:visible').count()).toBeGreaterThan(0);
					expect(await lowContrastTexts(page)).toEqual([]);
					await context.close();
				});

				// text inside its SVG and never cut with …, at every width: tests/e2e/layout.spec.ts
			}

			test('printed, no page shows a control', async ({ browser }) => {
				const { context, page } = await open(browser, `/${lang}`, { viewport: viewport(width) });
				for (const path of ['', '/events', '/industries', '/compare', '/cities/shanghai', '/import']) {
					await page.goto(`/${lang}${path}`);
					await expect(page.locator('html')).toHaveClass(/\bjs-ready\b/);
					await page.emulateMedia({ media: 'print' });
					const shown = await page.evaluate(() =>
						[
							...document.querySelectorAll(
								'button, input:not([type="hidden"]), select, textarea, summary, form'
							)
						]
							.filter(
								(el) =>
									el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0
							)
							.map((el) => `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}"`)
					);
					expect(shown, `/${lang}${path}`).toEqual([]);
					// and a chart is printed, in one layout
					if (path === '' || path === '/industries') {
						const charts = await page.evaluate(() =>
							[...document.querySelectorAll<SVGSVGElement>('svg.chart')]
								.filter((svg) => svg.checkVisibility() && svg.getBoundingClientRect().width > 0)
								.map((svg) => svg.dataset.chart)
						);
						expect(charts.length).toBeGreaterThan(0);
						expect(new Set(charts).size, 'one layout of each chart').toBe(charts.length);
					}
					await page.emulateMedia({ media: 'screen' });
				}
				await context.close();
			});

			test('opening a chart mark keeps the scroll position', async ({ browser }) => {
				const { context, page } = await open(browser, `/${lang}`, { viewport: viewport(width) });
				// a wide bar segment (the busiest city's first field), clicked just inside its left end
				const mark = page
					.locator('svg.chart[data-chart="category-mix"]:visible .mark')
					.first()
					.locator('rect')
					.first();
				await mark.scrollIntoViewIfNeeded();
				await page.evaluate(() => window.scrollBy(0, 120));
				await expect(mark).toBeInViewport();
				const before = await page.evaluate(() => window.scrollY);
				expect(before).toBeGreaterThan(200);
				const box = (await mark.boundingBox())!;
				await mark.click({ position: { x: Math.min(6, box.width / 2), y: box.height / 2 } });
				await expect(page.getByTestId('opened-events')).toBeAttached();
				await page.evaluate(
					() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
				);
				const after = await page.evaluate(() => window.scrollY);
				expect(Math.abs(after - before)).toBeLessThanOrEqual(3);
				await context.close();
			});

			test('without JavaScript, every control shown works', async ({ browser }) => {
				const { context, page } = await open(browser, `/${lang}`, {
					viewport: viewport(width),
					javaScriptEnabled: false
				});
				for (const path of ['', '/events', '/industries', '/compare', '/cities/shanghai', '/import']) {
					await page.goto(`/${lang}${path}`);
					const controls = await page.evaluate(() =>
						[
							...document.querySelectorAll(
								'button, input:not([type="hidden"]), select, textarea, [role="button"], .js-only, .options, .toggle-group, .chart-controls'
							)
						]
							.filter(
								(el) =>
									el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0
							)
							.map(
								(el) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent?.trim().slice(0, 30)}"`
							)
					);
					expect(controls, `/${lang}${path}: controls that need a script`).toEqual([]);
					// what is left works by itself: every summary opens its details, every link goes somewhere
					const summaries = page.locator('summary:visible');
					for (let i = 0; i < (await summaries.count()); i++) {
						const summary = summaries.nth(i);
						await summary.click();
						await expect(summary.locator('xpath=..')).toHaveAttribute('open', '');
					}
					const deadLinks = await page.evaluate(() =>
						[...document.querySelectorAll<HTMLAnchorElement>('a')]
							.filter((a) => a.checkVisibility())
							.filter((a) => !a.getAttribute('href') || a.getAttribute('href') === '#')
							.map((a) => a.textContent?.trim())
					);
					expect(deadLinks, `/${lang}${path}: links without an address`).toEqual([]);
				}
				// the events page says why it has no filters, and shows every event
				await page.goto(`/${lang}/events`);
				await expect(page.getByTestId('events-no-js')).toBeVisible();
				await expect(page.getByTestId('events-table').locator('tbody tr')).not.toHaveCount(0);
				await context.close();
			});
		});
	}

	test(`/${lang}: back and forward past the first page restore every toggle from the address`, async ({
		browser
	}) => {
		// four pages, each toggled and walked back and forth: about 17 s alone, past 30 s on a busy machine
		test.setTimeout(90_000);
		const context = await browser.newContext({ serviceWorkers: 'block', viewport: viewport(1440) });
		const page = await context.newPage();
		const bars = page.locator('svg.chart[data-chart="events-per-city"]:visible rect');
		let metric = '';
		const cases: {
			path: string;
			param: RegExp;
			act: () => Promise<void>;
			check: () => Promise<void>;
		}[] = [
			{
				path: '',
				param: /[?&]stacked=1/,
				act: () => page.locator('.options input[type="checkbox"]').nth(1).check(),
				check: async () => {
					await expect(page.locator('.options input[type="checkbox"]').nth(1)).toBeChecked();
					await expect(page.locator('.options input[type="checkbox"]').nth(0)).not.toBeChecked();
				}
			},
			{
				path: '',
				param: /[?&]commentary=1/,
				act: () => page.locator('.options input[type="checkbox"]').nth(0).check(),
				check: () => expect(page.locator('.options input[type="checkbox"]').nth(0)).toBeChecked()
			},
			{
				path: '',
				param: /[?&]mix=share/,
				act: () => page.locator('.mix-mode button').nth(1).click(),
				check: () => expect(page.locator('.mix-mode button').nth(1)).toHaveAttribute('aria-pressed', 'true')
			},
			{
				path: '/industries',
				param: /[?&]metric=/,
				act: async () => {
					const other = page.locator('.chart-controls[role="group"] button[aria-pressed="false"]').first();
					metric = (await other.textContent())!.trim();
					await other.click();
				},
				check: () =>
					expect(page.locator('.chart-controls[role="group"] button', { hasText: metric })).toHaveAttribute(
						'aria-pressed',
						'true'
					)
			},
			{
				path: '/industries',
				param: /[?&]rows=/,
				act: async () => {
					const select = page.locator('.chart-controls select').first();
					const values = await select
						.locator('option')
						.evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
					await select.selectOption(values[values.length - 1]);
				},
				check: async () => {
					const select = page.locator('.chart-controls select').first();
					const last = await select.locator('option').last().getAttribute('value');
					await expect(select).toHaveValue(last!);
				}
			}
		];
		for (const c of cases) {
			await page.goto('about:blank');
			await page.goto(`/${lang}${c.path}`);
			await expect(page.locator('html')).toHaveClass(/\bjs-ready\b/);
			const unsplit = c.param.source.includes('stacked') ? await bars.count() : 0;
			await c.act();
			await expect(page).toHaveURL(c.param);
			await page.goBack();
			await expect(page).not.toHaveURL(c.param);
			await page.goBack();
			await expect(page).toHaveURL('about:blank');
			await page.goForward();
			await expect(page).not.toHaveURL(c.param);
			await expect(page.locator('html')).toHaveClass(/\bjs-ready\b/);
			await page.goForward();
			await expect(page).toHaveURL(c.param);
			await live(page);
			await c.check();
			if (unsplit)
				await expect.poll(() => bars.count(), 'the bars are split by field').toBeGreaterThan(unsplit);
		}
		await context.close();
	});

	for (const path of CHART_PAGES) {
		test(`/${lang}${path} at 375 px: the tooltip of each chart's last mark stays inside the window`, async ({
			browser
		}) => {
			const { context, page } = await open(browser, `/${lang}${path}`, { viewport: viewport(375) });
			// the last mark of each chart, reached as a reader does with the keyboard (End), which shows its
			// tooltip as hovering does (a chart whose pointer target is one grid has no "last mark" to hover)
			const layers = page.locator('figure.chart-frame .chart-keys[tabindex="0"]');
			const n = await layers.count();
			expect(n).toBeGreaterThan(0);
			const escaped: string[] = [];
			for (let i = 0; i < n; i++) {
				const layer = layers.nth(i);
				const chart = layer.locator('svg.chart:visible');
				const name = `${await chart.getAttribute('data-chart')}`;
				await layer.focus();
				await page.keyboard.press('End');
				const tooltip = chart.locator('.chart-tooltip');
				await expect(tooltip, `${name}: a tooltip shows`).toBeVisible();
				await tooltip.scrollIntoViewIfNeeded();
				const box = (await tooltip.boundingBox())!;
				const size = page.viewportSize()!;
				if (box.x < 0 || box.x + box.width > size.width || box.height > size.height)
					escaped.push(`${name}: ${JSON.stringify(box)}`);
				await page.keyboard.press('Escape');
			}
			expect(escaped).toEqual([]);
			await context.close();
		});
	}
}
