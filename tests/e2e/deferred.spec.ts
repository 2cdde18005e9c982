/**
 * Views hydrate when the reader first reaches for them (Deferred.svelte): the page opens with its
 * prerendered charts and tables and only its frame hydrated, and the first pointer, touch, key or focus
 * inside the view wakes it, in time for that same interaction to work. An address with a query wakes it
 * at once. Nothing may be redrawn on waking (no hydration mismatch), and nothing the reader did before is
 * lost.
 */
import { expect, test, type Page } from '@playwright/test';

/** The view is hydrated once the download menus have their items (rendered only by the script). */
const menus = (page: Page) => page.locator('.chart-download ul.menu');
/** The timeline's pointer target exists only once its view is hydrated. */
const timelineHits = (page: Page) => page.locator('[data-chart="timeline"] .hits rect');

function watchConsole(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' || /hydrat/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	return problems;
}

/**
 * Holds every script the page asks for from now on until `release()` is called, like a network slow enough
 * that the reader acts first; the test says when the scripts arrive, after what it wanted to do first.
 */
async function holdScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/*.js', async (route) => {
		await released;
		await route.continue();
	});
	return release;
}

/**
 * Waits until the page has finished opening: the service worker is registered only once the page has
 * loaded and the browser is idle (src/lib/offline.ts), so its registration shows that nothing was left
 * to do.
 */
async function settled(page: Page) {
	await expect
		.poll(() => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())), {
			message: 'the page went idle (its service worker is registered)'
		})
		.toBe(true);
}

/** Waits until the page's frame has hydrated (the dataset switcher is rendered by the script only). */
async function frameReady(page: Page) {
	await expect(page.getByTestId('dataset-switcher')).toBeVisible();
}

test.describe('views hydrate on first use', () => {
	test('the overview opens without hydrating its view, and a pointer over it wakes it', async ({ page }) => {
		const problems = watchConsole(page);
		await page.goto('/en');
		await frameReady(page);
		await settled(page);
		// the page has opened and gone idle: the charts and the download buttons are there, the view's
		// script has not run
		await expect(page.locator('.view-root')).toHaveAttribute('data-view', 'static');
		await expect(page.locator('svg.chart:visible').first()).toBeVisible();
		await expect(page.locator('.chart-download summary').first()).toBeVisible();
		await expect(menus(page)).toHaveCount(0);
		await expect(timelineHits(page)).toHaveCount(0);
		// tag every chart node the page opened with, to see whether waking keeps or replaces them
		const tagged = await page.evaluate(() => {
			const nodes = document.querySelectorAll('main svg.chart, main svg.chart *');
			nodes.forEach((n) => ((n as unknown as { prerendered: boolean }).prerendered = true));
			return nodes.length;
		});
		expect(tagged).toBeGreaterThan(500);

		await page.locator('svg.chart:visible .mark').first().hover();
		await expect(timelineHits(page)).toHaveCount(4); // one per chart width (phone, tablet, desktop, wide)
		await expect(menus(page)).toHaveCount(4);
		// waking adopted the HTML: every chart is still made of the nodes the page opened with
		const kept = await page.evaluate(() =>
			[...document.querySelectorAll('main svg.chart')].map(
				(n) => (n as unknown as { prerendered?: boolean }).prerendered === true
			)
		);
		expect(kept.length).toBeGreaterThan(0);
		expect(kept.every(Boolean)).toBe(true);
		expect(problems).toEqual([]);
	});

	test('the first click on a control works (the click itself wakes the view)', async ({ page }) => {
		const problems = watchConsole(page);
		await page.goto('/en');
		await frameReady(page);
		await expect(menus(page)).toHaveCount(0);
		await page.getByLabel('Split the bars by field').check();
		await expect(page).toHaveURL(/[?&]stacked=1/);
		await expect(page.getByLabel('Split the bars by field')).toBeChecked();
		expect(problems).toEqual([]);
	});

	test('keyboard only: focus wakes the view, and Enter opens a download menu', async ({ page }) => {
		await page.goto('/en/industries');
		await frameReady(page);
		await expect(menus(page)).toHaveCount(0);
		const summary = page.locator('.chart-download summary').first();
		await summary.focus();
		await page.keyboard.press('Enter');
		await expect(page.locator('.chart-download').first().locator('button[data-export="svg"]')).toBeVisible();
	});

	test('text typed in the compare picker before the view woke is kept and searched', async ({ page }) => {
		const problems = watchConsole(page);
		await page.goto('/en/compare');
		await frameReady(page);
		await page.getByLabel('Find a city to add').fill('Wen');
		await expect(page.locator('ul.matches li').first()).toContainText('Wenzhou');
		expect(problems).toEqual([]);
	});

	test('an address with a query wakes the view at once and shows its state', async ({ page }) => {
		await page.goto('/en?mix=share');
		await expect(timelineHits(page)).toHaveCount(4);
		await expect(page.locator('figure[data-chart="category-mix"] svg[data-variant="wide"]')).toContainText(
			'as shares of its total'
		);
	});

	test('on a phone, a tap on a control works the first time, and the events filters stay folded', async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true });
		const page = await context.newPage();
		const problems = watchConsole(page);
		await page.goto('/en');
		await frameReady(page);
		await page.getByLabel('Split the bars by field').tap();
		await expect(page).toHaveURL(/[?&]stacked=1/);

		await page.goto('/en/events');
		await frameReady(page);
		const filters = page.locator('details.events-filters');
		await expect(filters).not.toHaveAttribute('open', '');
		await page.getByTestId('events-count').tap();
		// the tap woke the view, which has drawn itself since: the filters are still folded
		await expect(page.locator('.view-root')).toHaveAttribute('data-view', 'live');
		await page.evaluate(
			() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
		);
		await expect(filters).not.toHaveAttribute('open', '');
		expect(problems).toEqual([]);
		await context.close();
	});

	test('opening a page loads no view code; the first use loads it, and a click made while it loads counts once', async ({
		browser
	}) => {
		// no service worker: once installed it would answer the view's code from its cache, past the held network
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const problems = watchConsole(page);
		const scripts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
		});
		await page.goto('/en', { waitUntil: 'networkidle' });
		await frameReady(page);
		const opened = scripts.length;
		// from now on no script arrives until the test lets it, like a slow phone network
		const release = await holdScripts(page);
		const toggle = page.getByLabel('Split the bars by field');
		await expect(toggle).not.toBeChecked();
		await toggle.click({ force: true }); // the click lands before the view's code has arrived
		// the request is reported a moment after the click asked for it
		await expect
			.poll(() => scripts.length, { message: 'the click asked for the view code' })
			.toBeGreaterThan(opened);
		await expect(page.locator('.view-root')).toHaveAttribute('data-view', 'loading');
		release();
		// the click was held and handed to the view once it ran: the box is ticked once, not twice
		await expect(page).toHaveURL(/[?&]stacked=1/);
		await expect(toggle).toBeChecked();
		await expect(menus(page)).toHaveCount(4);
		expect(problems).toEqual([]);
		await context.close();
	});

	test('the view of a page reached by a link inside the app is loaded before the page shows', async ({
		page
	}) => {
		const problems = watchConsole(page);
		await page.goto('/en', { waitUntil: 'networkidle' });
		await frameReady(page);
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Industries' }).click();
		await expect(page).toHaveURL(/\/en\/industries$/);
		// mounted at once, not waiting for a first use: its script-only controls are there
		await expect(menus(page).first()).toBeAttached();
		await expect(page.locator('svg.chart:visible').first()).toBeVisible();
		expect(problems).toEqual([]);
	});

	test('on a phone the events filters are folded from the first paint (no jump when the script folds them)', async ({
		browser
	}) => {
		const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
		const page = await context.newPage();
		// hold the page's scripts back, to see the page as first painted
		const release = await holdScripts(page);
		await page.goto('/en/events', { waitUntil: 'domcontentloaded' });
		const table = page.locator('table').first();
		const before = await table.boundingBox();
		await expect(
			page.locator('details.events-filters fieldset, details.events-filters label').first()
		).toBeHidden();
		release();
		await expect(page.getByTestId('dataset-switcher')).toBeVisible();
		await expect(page.locator('details.events-filters')).not.toHaveAttribute('open', '');
		const after = await table.boundingBox();
		expect(after?.y).toBe(before?.y);
		await context.close();
	});

	test('a view whose code does not arrive: the page stays as drawn, says so in its language, and trying again (a reload) brings it back', async ({
		browser
	}) => {
		// the service worker would answer from its cache, past the dropped connection
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		await page.goto('/zh/industries', { waitUntil: 'networkidle' });
		await frameReady(page);
		// from now on no script arrives (the connection dropped)
		let offline = true;
		await page.route('**/*.js', (route) =>
			offline ? route.abort('internetdisconnected') : route.continue()
		);
		await page.locator('svg.chart:visible .mark').first().hover();
		const notice = page.getByTestId('view-unavailable');
		await expect(notice).toContainText('交互功能');
		await expect(page.locator('.view-root')).toHaveAttribute('data-view', 'unavailable');
		await expect(page.locator('svg.chart:visible').first()).toBeVisible();
		offline = false;
		await notice.getByRole('button', { name: '重试' }).click();
		await frameReady(page);
		await expect(notice).toHaveCount(0);
		await page.locator('svg.chart:visible .mark').first().hover();
		await expect(page.locator('.view-root')).toHaveAttribute('data-view', 'live');
		await expect(menus(page).first()).toBeAttached();
		await context.close();
	});

	test("keys pressed before the page's script has run are acted on once the view runs", async ({ page }) => {
		const problems = watchConsole(page);
		// the page's scripts arrive only once the reader has pressed the keys
		const release = await holdScripts(page);
		await page.goto('/en', { waitUntil: 'domcontentloaded' });
		const layer = page.locator('#events-per-city .chart-keys');
		await layer.focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('Enter');
		await expect(page.locator('html')).not.toHaveClass(/\bjs-ready\b/); // no script has run yet
		release();
		await expect(page.getByTestId('opened-events')).toBeVisible();
		expect(problems).toEqual([]);
	});

	test('a press on a control before the script runs, on an address with a query, is acted on', async ({
		page
	}) => {
		const problems = watchConsole(page);
		const release = await holdScripts(page);
		await page.goto('/en/compare?cities=shanghai,beijing,hangzhou', { waitUntil: 'domcontentloaded' });
		await page.getByRole('button', { name: 'Move Hangzhou left' }).click();
		await expect(page.locator('html')).not.toHaveClass(/\bjs-ready\b/); // no script has run yet
		release();
		await expect(page).toHaveURL(/cities=shanghai,hangzhou,beijing$/);
		await expect(page.getByTestId('chosen-cities').locator('li').nth(1)).toHaveAttribute(
			'data-city',
			'hangzhou'
		);
		expect(problems).toEqual([]);
	});
});
