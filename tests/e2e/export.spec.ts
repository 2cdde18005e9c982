/**
 * Chart export, end to end in Chromium against the built site: for every chart on every page, in both
 * languages, the downloaded SVG is well-formed, inert and self-contained and looks like the chart on the
 * page; the PNGs have the requested size; the CSV holds the table's rows. The embedded-font SVG covers
 * every character it draws.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { csvParseRows } from 'd3-dsv';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { inspectSvg } from './svg-checks';

/** The pages with charts, and how many each draws (the events table's CSV is tested in events.spec.ts). */
const PAGES = { '': 4, '/compare': 3, '/industries': 3, '/cities/shanghai': 1 } as const;
const LANGS = ['zh', 'en'] as const;
/** Share of pixels allowed to differ between the on-page chart and the exported file. */
const MAX_DIFF = 0.01;

async function download(page: Page, figure: Locator, kind: string): Promise<{ name: string; data: Buffer }> {
	await figure.locator('details.chart-download').evaluate((d) => ((d as HTMLDetailsElement).open = true));
	const [file] = await Promise.all([
		page.waitForEvent('download', { timeout: 60_000 }),
		figure.locator(`button[data-export="${kind}"]`).click()
	]);
	return { name: file.suggestedFilename(), data: await readDownload(file) };
}

async function readDownload(file: Download): Promise<Buffer> {
	const path = await file.path();
	return readFile(path);
}

function decodePng(data: Buffer): PNG {
	return PNG.sync.read(data);
}

/** Width and height from a PNG's IHDR chunk (without decoding a 4× image's pixels). */
function pngHeaderSize(data: Buffer): [number, number] {
	expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	expect(data.toString('latin1', 12, 16)).toBe('IHDR');
	return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

/** A `width` × `height` window of `image` starting at (dx, dy), white outside it. */
function shifted(image: PNG, width: number, height: number, dx: number, dy: number): PNG {
	const out = new PNG({ width, height });
	out.data.fill(255);
	const x0 = Math.max(0, -dx);
	const x1 = Math.min(width, image.width - dx);
	for (let y = 0; y < height; y++) {
		const sy = y + dy;
		if (sy < 0 || sy >= image.height || x1 <= x0) continue;
		const from = (sy * image.width + x0 + dx) * 4;
		image.data.copy(out.data, (y * width + x0) * 4, from, from + (x1 - x0) * 4);
	}
	return out;
}

/**
 * Differing pixels between the on-page chart and the file, at the best of the nine whole-pixel alignments:
 * the page places the chart at a fractional offset, which moves every edge by up to a pixel.
 */
function bestDiff(onPage: PNG, file: PNG): number {
	let best = Infinity;
	for (const dy of [-1, 0, 1]) {
		for (const dx of [-1, 0, 1]) {
			const window = shifted(file, onPage.width, onPage.height, dx, dy);
			const opts = { threshold: 0.1 };
			best = Math.min(best, pixelmatch(onPage.data, window.data, null, onPage.width, onPage.height, opts));
		}
	}
	return best;
}

test.describe('chart export', () => {
	test.describe.configure({ timeout: 180_000 });
	// a column of 768 px shows the 720 px (tablet) layout each chart exports
	test.use({ viewport: { width: 800, height: 900 } });

	for (const lang of LANGS) {
		for (const [path, count] of Object.entries(PAGES)) {
			test(`every chart on /${lang}${path} exports SVG, PNG and CSV`, async ({ page, context }, testInfo) => {
				const res = await page.goto(`/${lang}${path}`);
				expect(res?.status(), `/${lang}${path} is served`).toBe(200);
				const figures = page.locator('figure.chart-frame');
				await expect(figures).toHaveCount(count);
				await expect(figures.locator('details.chart-download')).toHaveCount(count);
				const viewer = await context.newPage();
				for (let i = 0; i < count; i++) {
					const figure = figures.nth(i);
					const id = (await figure.getAttribute('id')) ?? '';
					const chart = (await figure.getAttribute('data-chart')) ?? '';
					// the export is the tablet layout, shown on the page at this window's width
					const wide = figure.locator('svg[data-variant="tablet"]');
					await figure.scrollIntoViewIfNeeded();

					// No tooltip or focus ring (the export leaves them out): pointer away, nothing focused.
					await page.mouse.move(0, 0);
					await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
					await expect(wide.locator('.chart-tooltip, .focus-ring')).toHaveCount(0);

					// The on-page chart at its own size, for the visual comparison.
					const size = await wide.evaluate((svg) => {
						const el = svg as SVGSVGElement;
						const w = Number(el.getAttribute('width'));
						const h = Number(el.getAttribute('height'));
						el.style.width = `${w}px`;
						el.style.height = `${h}px`;
						return { w, h };
					});
					const onPage = decodePng(await wide.screenshot({ animations: 'disabled' }));
					await wide.evaluate((svg) => (svg as SVGSVGElement).removeAttribute('style'));

					// SVG
					const svg = await download(page, figure, 'svg');
					expect(svg.name).toMatch(new RegExp(`^${chart}_[a-z0-9-]+_${lang}\\.svg$`));
					const text = svg.data.toString('utf8');
					const info = await inspectSvg(page, text);
					expect(info.error, `${id}: well-formed`).toBeNull();
					expect(info.bad, `${id}: nothing executable or external`).toEqual([]);
					expect(info.ns).toBe('http://www.w3.org/2000/svg');
					expect(info.width).toBe(size.w);
					expect(info.height).toBeGreaterThan(size.h);
					expect(info.viewBox).toBe(`0 0 ${info.width} ${info.height}`);
					expect(info.url).toBe(`${new URL(page.url()).origin}/${lang}${path}#${id}`);
					expect(info.version).toMatch(/^\d{4}-\d{2}-\d{2}/);
					expect(Date.parse(info.exported ?? '')).not.toBeNaN();
					expect(info.source.join(' ')).toMatch(
						lang === 'zh' ? /澎湃新闻.*2024-01-03/ : /The Paper.*2024-01-03/
					);
					expect(info.source.at(-1)).toBe(info.url);
					await expect(wide.locator('title')).toHaveText(info.title);

					// The file on its own looks like the chart on the page (above the added address line).
					await viewer.setViewportSize({ width: Math.ceil(info.width), height: Math.ceil(info.height) });
					const file = testInfo.outputPath(svg.name);
					await writeFile(file, svg.data);
					await viewer.goto(`file://${file}`);
					const full = decodePng(await viewer.screenshot());
					const alone = shifted(full, onPage.width, onPage.height, 0, 0);
					const share = bestDiff(onPage, full) / (onPage.width * onPage.height);
					if (share >= MAX_DIFF) {
						await writeFile(testInfo.outputPath(`${id}-page.png`), PNG.sync.write(onPage));
						await writeFile(testInfo.outputPath(`${id}-export.png`), PNG.sync.write(alone));
					}
					expect(share, `${id}: ${(share * 100).toFixed(2)}% of pixels differ`).toBeLessThan(MAX_DIFF);

					// PNG at 2× and 4×
					for (const scale of [2, 4]) {
						const png = await download(page, figure, `png${scale}`);
						expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
						expect(pngHeaderSize(png.data)).toEqual([
							Math.round(info.width * scale),
							Math.round(info.height * scale)
						]);
						if (scale === 2) {
							// A solid white background: the corner pixel is opaque white.
							expect([...decodePng(png.data).data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
						}
					}

					// CSV of exactly the table, each row crediting the data's source in a last column
					const csv = await download(page, figure, 'csv');
					expect(csv.name).toBe(svg.name.replace(/\.svg$/, '.csv'));
					const csvText = csv.data.toString('utf8');
					expect(csvText.charCodeAt(0)).toBe(0xfeff);
					const records = csvParseRows(csvText.slice(1).replace(/\r\n$/, ''));
					const tableRows = await figure.locator('table tbody tr').count();
					expect(records.length - 1, `${id}: CSV rows = table rows`).toBe(tableRows);
					expect(records[0]).toEqual([
						...(await figure.locator('table thead th').allTextContents()),
						lang === 'zh' ? '资料来源' : 'Source'
					]);
					for (const r of records.slice(1))
						expect(r.at(-1)).toMatch(lang === 'zh' ? /澎湃新闻.*2024-01-03/ : /The Paper.*2024-01-03/);

					testInfo.annotations.push({
						type: 'export',
						description: `${id}: SVG ${(svg.data.length / 1024).toFixed(1)} KB, ${(share * 100).toFixed(2)}% px differ`
					});
				}
				await viewer.close();
			});
		}
	}

	for (const [lang, path] of [
		['zh', ''],
		['en', ''],
		['zh', '/industries']
	] as const) {
		test(`the embedded-font SVG of the first chart on /${lang}${path} covers its text`, async ({
			page,
			context
		}, testInfo) => {
			const res = await page.goto(`/${lang}${path}`);
			expect(res?.status(), `/${lang}${path} is served`).toBe(200);
			const figure = page.locator('figure.chart-frame').first();
			await figure.locator('details.chart-download').evaluate((d) => ((d as HTMLDetailsElement).open = true));
			await figure.locator('input[data-export="embed-font"]').check();
			const svg = await download(page, figure, 'svg');
			const text = svg.data.toString('utf8');
			expect((await inspectSvg(page, text)).bad).toEqual([]);
			expect(text).toMatch(/<style[^>]*>@font-face\{font-family:&apos;Noto Sans SC Export&apos;/);

			// Open it on its own and check, in the browser, that every drawn character has a face of its weight.
			const file = testInfo.outputPath(svg.name);
			await writeFile(file, svg.data);
			const viewer = await context.newPage();
			await viewer.goto(`file://${file}`);
			const report = await viewer.evaluate(async () => {
				await document.fonts.ready;
				const css = document.querySelector('style')?.textContent ?? '';
				const faces = [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => ({
					weight: Number(/font-weight:(\d+)/.exec(m[1])?.[1]),
					ranges: (/unicode-range:([^;}]*)/.exec(m[1])?.[1] ?? '').split(',').map((r) => {
						const [a, b] = r.replace(/^U\+/i, '').split('-');
						return [parseInt(a, 16), parseInt(b ?? a, 16)];
					})
				}));
				const uncovered: string[] = [];
				let chars = 0;
				for (const el of document.querySelectorAll('text, tspan')) {
					const weight = Number(getComputedStyle(el).fontWeight) >= 600 ? 700 : 400;
					for (const ch of el.textContent ?? '') {
						chars++;
						const cp = ch.codePointAt(0)!;
						const ok = faces.some(
							(f) => f.weight === weight && f.ranges.some(([a, b]) => cp >= a && cp <= b)
						);
						if (!ok) uncovered.push(`${ch}@${weight}`);
					}
				}
				const loaded = [...document.fonts].filter((f) => f.family.includes('Noto Sans SC Export'));
				const all = [...document.querySelectorAll('text')].map((t) => t.textContent).join('');
				return {
					faces: faces.length,
					chars,
					uncovered,
					statuses: loaded.map((f) => f.status),
					check: document.fonts.check(`12px 'Noto Sans SC Export'`, all)
				};
			});
			expect(report.faces).toBeGreaterThan(0);
			expect(report.uncovered).toEqual([]);
			expect(report.statuses).not.toContain('error');
			expect(report.statuses).toContain('loaded');
			expect(report.check).toBe(true);
			expect(svg.data.length).toBeLessThan(400 * 1024);
			const fontBytes = (/<style[^>]*>([\s\S]*?)<\/style>/.exec(text)?.[1] ?? '').length;
			const note = `${svg.name}: ${report.faces} faces, font CSS ${(fontBytes / 1024).toFixed(1)} KB, file ${(svg.data.length / 1024).toFixed(1)} KB`;
			testInfo.annotations.push({ type: 'embedded font', description: note });
			console.log(`embedded font — ${note}`);
			expect(fontBytes).toBeLessThan(150 * 1024);

			// The PNG drawn from it has the right size too.
			const png = decodePng((await download(page, figure, 'png2')).data);
			const info = await inspectSvg(page, text);
			expect([png.width, png.height]).toEqual([info.width * 2, info.height * 2]);
			await viewer.close();
		});
	}

	test('copy link puts this view’s address on the clipboard and says so', async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.goto('/en');
		const figure = page.locator('figure.chart-frame').first();
		const id = await figure.getAttribute('id');
		await figure.locator('details.chart-download summary').click();
		await figure.locator('button[data-export="link"]').click();
		await expect(figure.getByTestId('export-status')).toHaveText('Link copied');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${page.url()}#${id}`);
	});

	test('when the clipboard is refused, the link is offered selected in a read-only field', async ({
		page
	}) => {
		await page.addInitScript(() => {
			Object.defineProperty(navigator, 'clipboard', {
				value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }
			});
		});
		await page.goto('/zh');
		const figure = page.locator('figure.chart-frame').first();
		await figure.locator('details.chart-download summary').click();
		await figure.locator('button[data-export="link"]').click();
		const field = figure.locator('input.chart-link-fallback');
		await expect(field).toBeVisible();
		await expect(field).toHaveAttribute('readonly', '');
		await expect(field).toHaveValue(`${page.url()}#${await figure.getAttribute('id')}`);
		await expect(field).toBeFocused();
		expect(
			await field.evaluate((el) => [
				(el as HTMLInputElement).selectionStart,
				(el as HTMLInputElement).selectionEnd
			])
		).toEqual([0, (await field.inputValue()).length]);
	});
});
