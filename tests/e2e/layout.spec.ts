/**
 * Charts use their space (issue #20): at every width the drawing laid out for the frame's column is the
 * one shown, it fills at least 85% of the content column on desktop widths, it is in the prerendered HTML
 * (chosen by CSS, no layout shift as the page wakes), and from tablet width up no chart text is cut with
 * "…" or drawn outside its SVG. Each page and width is a test of its own, so they run in parallel.
 */
import { expect, test, type Page } from '@playwright/test';

const PAGES = ['/en', '/zh', '/en/industries', '/zh/industries', '/en/compare', '/zh/cities/shanghai'];
const WIDTHS = [375, 768, 1440, 1920];
/** What each width's column shows (variants.ts: phone < 600 ≤ tablet < 860 ≤ desktop < 1100 ≤ wide). */
const EXPECTED: Record<number, string> = { 375: 'phone', 768: 'tablet', 1440: 'wide', 1920: 'wide' };

/** The visible chart SVGs with their box, their column's width and any text cut or outside. */
async function charts(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll<SVGSVGElement>('figure.chart-frame svg.chart')]
			.filter((svg) => svg.checkVisibility())
			.map((svg) => {
				const box = svg.getBoundingClientRect();
				const column = svg.closest('.wrap') ?? document.body;
				const cs = getComputedStyle(column);
				const inner =
					column.getBoundingClientRect().width - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
				const outside: string[] = [];
				const cut: string[] = [];
				for (const t of svg.querySelectorAll('text')) {
					if (t.closest('[data-export="omit"]')) continue;
					const content = t.textContent ?? '';
					if (content.trim().endsWith('…')) cut.push(content);
					const r = t.getBoundingClientRect();
					if (!r.width) continue;
					if (
						r.left < box.left - 1 ||
						r.right > box.right + 1 ||
						r.top < box.top - 1 ||
						r.bottom > box.bottom + 1
					)
						outside.push(content);
				}
				return {
					chart: svg.dataset.chart ?? '',
					variant: svg.dataset.variant ?? '',
					width: box.width,
					column: inner,
					outside,
					cut
				};
			})
	);
}

for (const width of WIDTHS) {
	for (const path of PAGES) {
		test(`${path} at ${width} px: the ${EXPECTED[width]} layout fills its column, nothing cut or outside`, async ({
			browser
		}) => {
			const context = await browser.newContext({ viewport: { width, height: 900 } });
			const page = await context.newPage();
			// layout shifts from the first paint on
			await page.addInitScript(() => {
				(window as unknown as { __cls: number }).__cls = 0;
				new PerformanceObserver((list) => {
					for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
						if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
				}).observe({ type: 'layout-shift', buffered: true });
			});
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			const found = await charts(page);
			expect(found.length, 'charts shown').toBeGreaterThan(0);
			for (const c of found) {
				const what = `${c.chart} (${c.variant})`;
				expect(c.variant, what).toBe(EXPECTED[width]);
				if (width >= 1440) expect(c.width / c.column, `${what} width / column`).toBeGreaterThanOrEqual(0.85);
				expect(c.outside, `${what}: text outside its SVG`).toEqual([]);
				if (width >= 768) expect(c.cut, `${what}: text cut with …`).toEqual([]);
			}
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(1);
			const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
			expect(cls, 'layout shift').toBeLessThan(0.01);
			await context.close();
		});
	}
}

test('the prerendered HTML holds every variant of every chart, before any script runs', async ({
	browser
}) => {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 1440, height: 900 }
	});
	const page = await context.newPage();
	await page.goto('/en');
	const frames = page.locator('figure.chart-frame');
	const n = await frames.count();
	expect(n).toBeGreaterThan(2);
	for (let i = 0; i < n; i++) {
		const variants = await frames
			.nth(i)
			.locator('svg.chart')
			.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('data-variant')));
		expect(variants).toEqual(['phone', 'tablet', 'desktop', 'wide']);
	}
	const shown = await charts(page);
	expect(shown.every((c) => c.variant === 'wide')).toBe(true);
	await context.close();
});
