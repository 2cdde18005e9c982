/**
 * Interaction latency on the built site, in Chromium through Playwright: choosing cities on the compare
 * page (typing in the city finder, then adding a city), in both languages, and filtering the events table
 * (typing in its search box, ticking a city and a field). Each run loads the page afresh, waits until it
 * is interactive, then — inside the page — takes performance.now(), dispatches the input (the value set
 * and an `input` event, or a click), waits until the page shows the result (the city in the chosen list
 * and in the chart, the new event count) and until the frame after that has been painted (a
 * requestAnimationFrame callback, then a message posted from it). That covers the handlers, Svelte's
 * update, any client-side navigation the change makes (the compare and filter views keep their state in
 * the URL), style, layout and paint. On the events page the pointer first moves over the filters (which
 * loads the view's code and wakes it, as for a reader), then the input is measured; one more row measures
 * typing as the page's very first input, view loading included. Reported: medians, not asserted. Writes the "## Interaction latency"
 * section of BENCHMARKS.md.
 *
 * Run: npm run build && npm run bench -- interaction   (INTERACTION_RUNS=n, default 7)
 */
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startSite } from '../scripts/start-site.js';
import { launch } from './render/browser';
import { machineLine, median, ms, overloaded, root, today, writeSection } from './render/report';

const RUNS = Number(process.env.INTERACTION_RUNS ?? 7);
const PORT = 4182;
const BASE = `http://127.0.0.1:${PORT}`;
const TARGET = 100;

const index = path.join(root, 'build', 'index.html');
if (!existsSync(index)) {
	console.error('No build found in build/. Run `npm run build` first.');
	process.exit(1);
}
const builtAt = statSync(index).mtime;

interface Measure {
	page: string;
	label: string;
	/** Loads the page and waits until it is interactive. */
	open: (page: Page) => Promise<void>;
	/** Runs inside the page: dispatches the input, resolves with ms until the result is painted. */
	run: (page: Page) => Promise<number>;
}

/** Page-side helper, installed before any page script: time from now until `done()` holds and a frame is painted. */
const helper = () => {
	(window as unknown as { __untilPainted: unknown }).__untilPainted = (
		t0: number,
		done: () => boolean,
		timeout = 10_000
	): Promise<number> =>
		new Promise((resolve, reject) => {
			const painted = () =>
				requestAnimationFrame(() => {
					const channel = new MessageChannel();
					channel.port1.onmessage = () => resolve(performance.now() - t0);
					channel.port2.postMessage(null);
				});
			if (done()) return painted();
			const observer = new MutationObserver(() => {
				if (!done()) return;
				observer.disconnect();
				clearTimeout(timer);
				painted();
			});
			observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
			const timer = setTimeout(() => {
				observer.disconnect();
				reject(new Error('the page did not show the result in time'));
			}, timeout);
		});
};
type Until = (t0: number, done: () => boolean) => Promise<number>;

const compareReady = async (page: Page, lang: 'zh' | 'en') => {
	await page.goto(`${BASE}/${lang}/compare?cities=shanghai,beijing`);
	await page.locator('#city-search:not([disabled])').waitFor();
	// the address has a query, so the view loads and hydrates as the page opens: wait for it (its download
	// menus are rendered by the script only)
	await page.locator('.chart-download ul.menu').first().waitFor({ state: 'attached' });
};

function compare(lang: 'zh' | 'en', query: string, id: string, name: string): Measure[] {
	return [
		{
			page: `/${lang}/compare`,
			label: `type “${query}” in the city finder (suggestions shown)`,
			open: (page) => compareReady(page, lang),
			run: (page) =>
				page.evaluate(
					({ query, id }) => {
						const until = (window as unknown as { __untilPainted: Until }).__untilPainted;
						const input = document.getElementById('city-search') as HTMLInputElement;
						const t0 = performance.now();
						input.value = query;
						input.dispatchEvent(new Event('input', { bubbles: true }));
						return until(t0, () => !!document.querySelector(`button[data-add="${id}"]`));
					},
					{ query, id }
				)
		},
		{
			page: `/${lang}/compare`,
			label: `add ${name} (chosen list and chart updated)`,
			open: async (page) => {
				await compareReady(page, lang);
				await page.locator('#city-search').fill(query);
				await page.locator(`button[data-add="${id}"]`).waitFor();
			},
			run: (page) =>
				page.evaluate(
					({ id, name }) => {
						const until = (window as unknown as { __untilPainted: Until }).__untilPainted;
						const button = document.querySelector(`button[data-add="${id}"]`) as HTMLButtonElement;
						const chart = () =>
							document.querySelector('svg[data-chart="compare"][data-variant="wide"]')?.textContent ?? '';
						const t0 = performance.now();
						button.click();
						return until(
							t0,
							() =>
								!!document.querySelector(`[data-testid="chosen-cities"] li[data-city="${id}"]`) &&
								chart().includes(name)
						);
					},
					{ id, name }
				)
		}
	];
}

const eventsReady = async (page: Page) => {
	await page.goto(`${BASE}/en/events`);
	await page.getByTestId('events-download').waitFor();
};

/**
 * The events page as a reader reaches it: the pointer moves over the filters (which loads and wakes the
 * view, as it would before any click or typing), then the input is measured.
 */
const eventsInUse = async (page: Page) => {
	await eventsReady(page);
	await page.getByTestId('events-form').hover();
	await page.locator('.view-root[data-view="live"]').waitFor({ state: 'attached' });
};

/** Dispatches in the page and waits for the event count to change. */
const eventsChange = (page: Page, kind: 'search' | 'city' | 'field', value: string) =>
	page.evaluate(
		({ kind, value }) => {
			const until = (window as unknown as { __untilPainted: Until }).__untilPainted;
			const count = () => document.querySelector('[data-testid="events-count"]')?.textContent ?? '';
			const before = count();
			const form = document.querySelector('[data-testid="events-form"]') as HTMLElement;
			const t0 = performance.now();
			if (kind === 'search') {
				const input = form.querySelector('input[type="search"]') as HTMLInputElement;
				input.value = value;
				input.dispatchEvent(new Event('input', { bubbles: true }));
			} else {
				const name = kind === 'city' ? 'city' : 'cat';
				(form.querySelector(`input[name="${name}"][value="${value}"]`) as HTMLInputElement).click();
			}
			return until(t0, () => count() !== before);
		},
		{ kind, value }
	);

const MEASURES: Measure[] = [
	...compare('zh', '合肥', 'hefei', '合肥'),
	...compare('en', 'hefei', 'hefei', 'Hefei'),
	{
		page: '/en/events',
		label: 'type “hefei” in the search box (table and count updated)',
		open: eventsInUse,
		run: (page) => eventsChange(page, 'search', 'hefei')
	},
	{
		page: '/en/events',
		label: 'tick the city filter “Shanghai” (table, count and address updated)',
		open: eventsInUse,
		run: (page) => eventsChange(page, 'city', 'shanghai')
	},
	{
		page: '/en/events',
		label: 'tick the first field filter (table, count and address updated)',
		open: async (page) => {
			await eventsInUse(page);
			field = await page
				.locator('[data-testid="events-form"] input[name="cat"]')
				.first()
				.getAttribute('value');
		},
		run: (page) => eventsChange(page, 'field', field ?? '')
	},
	{
		page: '/en/events',
		label: 'type “hefei” as the page’s very first input (loads the view’s code and wakes it, then filters)',
		open: eventsReady,
		run: (page) => eventsChange(page, 'search', 'hefei')
	}
];
let field: string | null = null;

const loadStart = os.loadavg()[0];
const { stop: stopServer } = await startSite({ port: PORT });

const browser = await launch();
const version = browser.version();
const results: { m: Measure; times: number[] }[] = [];
try {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	// tsx keeps function names by wrapping functions in a `__name(...)` call; give the page that helper too
	await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
	await context.addInitScript(helper);
	const page = await context.newPage();
	page.setDefaultTimeout(60_000);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	for (const m of MEASURES) {
		// one warm-up run, then the timed ones, each on a freshly loaded page
		const times: number[] = [];
		for (let i = 0; i <= RUNS; i++) {
			await m.open(page);
			const t = await m.run(page);
			if (i > 0) times.push(t);
		}
		console.log(
			`${m.page.padEnd(12)} ${m.label}: median ${ms(median(times))} ms (${times.map(ms).join(', ')})`
		);
		results.push({ m, times });
	}
	if (errors.length) throw new Error(`errors in the page:\n${errors.join('\n')}`);
} finally {
	await browser.close();
	stopServer();
}

const loadEnd = os.loadavg()[0];
const busy = overloaded(loadStart, loadEnd);
const check = (v: number) => (v < TARGET ? '✅' : '❌');
const table = [
	'| page | interaction | median ms | fastest ms | slowest ms | under 100 ms |',
	'| --- | --- | ---: | ---: | ---: | :---: |',
	...results.map(
		({ m, times }) =>
			`| \`${m.page}\` | ${m.label} | ${ms(median(times))} | ${ms(Math.min(...times))} | ${ms(Math.max(...times))} | ${check(median(times))} |`
	)
];
const met = results.filter(({ times }) => median(times) < TARGET).length;
console.log(`\n${table.join('\n')}\n\n${met} of ${results.length} interactions under ${TARGET} ms (median).`);

const note = busy
	? `\n**This run shared the machine with other work (load ${Math.max(loadStart, loadEnd).toFixed(1)} on ${os.cpus().length} cores), so the times are inflated; rerun \`npm run bench -- interaction\` on a quiet machine for absolute figures.**\n`
	: '\nOther work shares this machine, so expect some noise between runs.\n';
writeSection(
	'## Interaction latency',
	`Written by \`bench/interaction.ts\` (\`npm run bench -- interaction\`) on ${today()}, against the build in \`build/\` of ${builtAt.toISOString().slice(0, 16).replace('T', ' ')} UTC served by \`scripts/serve.js\`.
Machine: ${machineLine(version, loadStart, loadEnd)}.

Chromium (headless, through Playwright, 1280 × 900, no CPU throttling). Each run loads the page afresh and waits until it is interactive; then, inside the page, the time runs from just before the input is dispatched (the value set and an \`input\` event, or a click) until the page shows the result — the city in the chosen list and in the chart, or a new event count — and the frame after it has been painted (a \`requestAnimationFrame\` callback, then a message posted from it). It covers the handlers, Svelte's update, the client-side navigation the compare page and the filters make (their state lives in the URL), style, layout and paint. Views hydrate on first use (README, "Opening a page"): the compare page opens with a query, so its view is loaded and awake before the input; on the events page the pointer first moves over the filters, which loads and wakes the view as it would for a reader before any click or typing, and then the input is measured; the last row measures typing as the page's very first input instead, which includes loading the view's code (a chunk of its own, from the local server) and waking it. Medians of ${RUNS} runs after a warm-up. Target: under ${TARGET} ms (reported, not asserted).
${note}
${table.join('\n')}

${met} of ${results.length} interactions are under ${TARGET} ms at the median.
`
);
