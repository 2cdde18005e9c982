/**
 * Edit before export, end to end in Chromium against the built site, in both languages: the reader sets a
 * title, highlights two cities and picks the social size (1200 × 675); the SVG and the PNG they download
 * carry that title and that size, with every label inside the frame and the frame's text (title, subtitle,
 * legend, source, notes) and the plot's labels not overlapping; "copy link" opened in a fresh browser
 * context shows the same edited chart.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { inspectSvg } from './svg-checks';

const LANGS = ['zh', 'en'] as const;
const TITLES = {
	// hostile-looking text stays text: markup characters are written as they were typed
	zh: '上海与北京领跑 <b>科创</b> & 更多',
	en: 'Shanghai and Beijing lead <b>the field</b> & more'
} as const;
const NOTES = { zh: '不含全国性事件。', en: 'National events left out.' } as const;
const CITIES = ['shanghai', 'beijing'];

/** Width and height from a PNG's IHDR chunk. */
function pngHeaderSize(data: Buffer): [number, number] {
	expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	expect(data.toString('latin1', 12, 16)).toBe('IHDR');
	return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

async function downloadFrom(page: Page, button: Locator): Promise<{ name: string; data: Buffer }> {
	const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
	return { name: file.suggestedFilename(), data: await readFile(await file.path()) };
}

interface Box {
	text: string;
	part: string;
	x: number;
	y: number;
	width: number;
	height: number;
}

/**
 * Lays an SVG file out in the page and measures it: every text's box, which part of the frame it belongs
 * to (title, subtitle, legend, plot, source), and the root's box.
 */
async function measure(page: Page, svgText: string) {
	return page.evaluate((markup) => {
		const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
		const host = document.createElement('div');
		host.style.cssText = 'position:absolute;left:0;top:0;z-index:99999;background:#fff';
		const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
		host.append(svg);
		document.body.append(host);
		const root = svg.getBoundingClientRect();
		const partOf = (el: Element) => {
			for (const part of ['chart-title', 'chart-subtitle', 'chart-legend', 'chart-plot', 'chart-source'])
				if (el.closest(`.${part}`)) return part.replace('chart-', '');
			return 'other';
		};
		const boxes = [...svg.querySelectorAll('text')]
			.filter((t) => (t.textContent ?? '').trim() && getComputedStyle(t).display !== 'none')
			.map((t) => {
				const r = t.getBoundingClientRect();
				return {
					text: t.textContent ?? '',
					part: partOf(t),
					x: r.x - root.x,
					y: r.y - root.y,
					width: r.width,
					height: r.height
				};
			});
		const plotEl = svg.querySelector('.chart-plot') as SVGGraphicsElement | null;
		const p = plotEl?.getBoundingClientRect();
		const plot = p
			? { text: 'plot', part: 'plot', x: p.x - root.x, y: p.y - root.y, width: p.width, height: p.height }
			: null;
		host.remove();
		return { width: root.width, height: root.height, boxes, plot };
	}, svgText);
}

const overlap = (a: Box, b: Box, slack = 0.5) =>
	Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > slack &&
	Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > slack;

/** Texts outside the frame, and pairs of texts (or frame text and plot) that overlap. */
function layoutProblems(m: Awaited<ReturnType<typeof measure>>): string[] {
	const problems: string[] = [];
	for (const b of m.boxes) {
		if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > m.width + 0.5 || b.y + b.height > m.height + 0.5)
			problems.push(`outside the frame: ${b.part} "${b.text}"`);
	}
	for (let i = 0; i < m.boxes.length; i++) {
		for (let j = i + 1; j < m.boxes.length; j++) {
			const a = m.boxes[i];
			const b = m.boxes[j];
			// a label's halo is a copy of it under it
			if (a.text === b.text && Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1) continue;
			if (overlap(a, b)) problems.push(`overlap: ${a.part} "${a.text}" × ${b.part} "${b.text}"`);
		}
	}
	if (m.plot) {
		for (const b of m.boxes.filter((b) => b.part !== 'plot')) {
			if (overlap(b, m.plot)) problems.push(`overlaps the plot: ${b.part} "${b.text}"`);
		}
	}
	return problems;
}

test.describe('edit before export', () => {
	test.describe.configure({ timeout: 120_000 });
	test.use({ viewport: { width: 1280, height: 900 } });

	for (const lang of LANGS) {
		test(`/${lang}: title, two cities, 1200 × 675: SVG, PNG and a copied link`, async ({
			page,
			context,
			browser
		}, testInfo) => {
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			const res = await page.goto(`/${lang}`);
			expect(res?.status()).toBe(200);
			const figure = page.locator('figure[data-chart="events-per-city"]');
			await expect(figure).toHaveCount(1);
			const id = (await figure.getAttribute('id')) ?? '';
			// the chart the reader sees at this width
			const onPage = figure.locator('svg.chart:visible');
			await expect(onPage).toHaveCount(1);
			const ownTitle = (await onPage.locator('.chart-title text').allTextContents()).join('');

			await figure.locator('details.chart-download summary').click();
			await figure.locator('button[data-export="edit"]').click();
			const dialog = page.getByTestId('edit-export');
			await expect(dialog).toBeVisible({ timeout: 30_000 });
			// focus moves into the dialog
			await expect
				.poll(() => page.evaluate(() => !!document.activeElement?.closest('dialog[open]')))
				.toBe(true);

			await dialog.locator('input[name="title"]').fill(TITLES[lang]);
			await dialog.locator('input[name="notes"]').fill(NOTES[lang]);
			for (const city of CITIES) await dialog.locator(`input[name="hl"][value="${city}"]`).check();
			await dialog.locator('select[name="size"]').selectOption('social');

			// The preview is the edited chart: the reader's title, the two cities in colour, the rest muted.
			const preview = dialog.locator('.edit-preview svg');
			await expect(preview).toHaveAttribute('viewBox', '0 0 1200 675');
			await expect(preview.locator('.chart-title')).toContainText(TITLES[lang].slice(0, 10));
			for (const city of CITIES) {
				await expect(preview.locator(`g.mark[data-key="${city}"]`)).not.toHaveClass(/is-dimmed/);
			}
			expect(await preview.locator('g.mark.is-dimmed').count()).toBeGreaterThan(5);
			// The address holds the edit.
			await expect.poll(() => new URL(page.url()).searchParams.get('edit')).toBe(id);
			expect(new URL(page.url()).searchParams.get('size')).toBe('social');
			// The chart on the page is not changed by the edit.
			expect((await onPage.locator('.chart-title text').allTextContents()).join('')).toBe(ownTitle);

			// SVG: the title as typed (as text), 1200 × 675, everything inside the frame, nothing overlapping.
			const svg = await downloadFrom(page, dialog.locator('[data-edit-export="svg"]'));
			expect(svg.name).toMatch(new RegExp(`^events-per-city-social_[a-z0-9-]+_${lang}\\.svg$`));
			const svgText = svg.data.toString('utf8');
			await writeFile(testInfo.outputPath(`edited-${lang}.svg`), svg.data);
			const info = await inspectSvg(page, svgText);
			expect(info.error).toBeNull();
			expect(info.bad).toEqual([]);
			expect(info.width).toBe(1200);
			expect(info.height).toBe(675);
			expect(info.viewBox).toBe('0 0 1200 675');
			expect(info.title).toBe(TITLES[lang]);
			expect(svgText).not.toContain('<b>');
			expect(info.source.join(' ')).toContain(NOTES[lang]);
			expect(new URL(info.url ?? '').searchParams.get('hl')).toBe(CITIES.join(','));
			const m = await measure(page, svgText);
			expect(m.width).toBeCloseTo(1200, 0);
			expect(m.height).toBeCloseTo(675, 0);
			expect(m.boxes.filter((b) => b.part === 'legend').length).toBeGreaterThan(0);
			expect(m.boxes.filter((b) => b.part === 'plot').length).toBeGreaterThan(10);
			expect(layoutProblems(m)).toEqual([]);
			// text is set larger than on the page for a social image
			const titleBox = m.boxes.find((b) => b.part === 'title')!;
			expect(titleBox.height).toBeGreaterThan(24);

			// PNG: exactly 1200 × 675 px.
			const png = await downloadFrom(page, dialog.locator('[data-edit-export="png"]'));
			expect(png.name).toBe(svg.name.replace(/\.svg$/, '.png'));
			expect(pngHeaderSize(png.data)).toEqual([1200, 675]);
			await writeFile(testInfo.outputPath(`edited-${lang}.png`), png.data);

			// Copy link, opened in a fresh browser: the same edited chart.
			await dialog.locator('[data-edit-export="link"]').click();
			await expect(dialog.getByTestId('edit-status')).not.toBeEmpty();
			const link = await page.evaluate(() => navigator.clipboard.readText());
			const url = new URL(link);
			expect(url.pathname).toMatch(new RegExp(`^/${lang}/?$`));
			expect(url.searchParams.get('title')).toBe(TITLES[lang]);
			const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			try {
				const other = await fresh.newPage();
				await other.goto(link);
				const again = other.getByTestId('edit-export');
				// the view wakes, then the panel's code and strings load: slow on a busy machine
				await expect(again).toBeVisible({ timeout: 30_000 });
				await expect(again.locator('input[name="title"]')).toHaveValue(TITLES[lang]);
				await expect(again.locator('input[name="notes"]')).toHaveValue(NOTES[lang]);
				await expect(again.locator('select[name="size"]')).toHaveValue('social');
				for (const city of CITIES) await expect(again.locator(`input[value="${city}"]`)).toBeChecked();
				const copy = again.locator('.edit-preview svg');
				await expect(copy).toHaveAttribute('viewBox', '0 0 1200 675');
				// the same drawing, mark for mark and word for word
				const words = (l: Locator) => l.locator('text').allTextContents();
				expect(await words(copy)).toEqual(await words(preview));
				const dimmed = (l: Locator) =>
					l.locator('g.mark.is-dimmed').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
				expect(await dimmed(copy)).toEqual(await dimmed(preview));
			} finally {
				await fresh.close();
			}

			// Closing returns focus to the menu and the address to the view's own.
			await dialog.locator('[data-edit="close"]').click();
			await expect(dialog).toHaveCount(0);
			await expect.poll(() => new URL(page.url()).searchParams.has('edit')).toBe(false);
			await expect(figure.locator('details.chart-download summary')).toBeFocused();
		});
	}

	test('print: a width in mm, the SVG sized in mm and the PNG at 300 dpi, on the dark background', async ({
		page
	}) => {
		await page.goto('/zh');
		const figure = page.locator('figure[data-chart="category-mix"]');
		await figure.locator('details.chart-download summary').click();
		await figure.locator('button[data-export="edit"]').click();
		const dialog = page.getByTestId('edit-export');
		await expect(dialog.locator('input[name="title"]')).toBeFocused();
		await dialog.locator('select[name="size"]').selectOption('print');
		await dialog.locator('input[name="mm"]').fill('90');
		await dialog.locator('input[name="mm"]').press('Tab');
		await dialog.locator('input[type="radio"][value="dark"]').check();
		await expect.poll(() => new URL(page.url()).searchParams.get('mm')).toBe('90');
		expect(new URL(page.url()).searchParams.get('bg')).toBe('dark');

		const svg = await downloadFrom(page, dialog.locator('[data-edit-export="svg"]'));
		const text = svg.data.toString('utf8');
		const root = await page.evaluate((markup) => {
			const el = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
			return {
				width: el.getAttribute('width'),
				height: el.getAttribute('height'),
				viewBox: el.getAttribute('viewBox'),
				bg: el.querySelector('.chart-bg')?.getAttribute('fill')
			};
		}, text);
		expect(root.width).toBe('90mm');
		expect(root.height).toMatch(/^\d+(\.\d+)?mm$/);
		const [, , vw, vh] = (root.viewBox ?? '').split(' ').map(Number);
		expect(vw).toBeCloseTo((90 / 25.4) * 96, 1);
		expect(Number.parseFloat(root.height!) / 90).toBeCloseTo(vh / vw, 3);
		expect(root.bg).toBe('#121212');

		const png = await downloadFrom(page, dialog.locator('[data-edit-export="png"]'));
		const [w, h] = pngHeaderSize(png.data);
		expect(w).toBe(Math.round((90 / 25.4) * 300));
		expect(h).toBe(Math.round((Number.parseFloat(root.height!) / 25.4) * 300));
		await expect(dialog.getByTestId('edit-files')).toContainText(`${w} × ${h}`);
	});

	test('a hostile address stays text and is bounded', async ({ page }) => {
		const title = '<img src=x onerror=alert(1)>\u202Egnp.exe' + 'x'.repeat(500);
		const params = new URLSearchParams({
			edit: 'events-per-city',
			title,
			hl: '__proto__,constructor,shanghai,shanghai,beijing,guangzhou,shenzhen,hangzhou',
			size: 'huge',
			bg: 'javascript:alert(1)'
		});
		let dialogs = 0;
		page.on('dialog', () => dialogs++);
		await page.goto(`/en?${params}`);
		const dialog = page.getByTestId('edit-export');
		await expect(dialog).toBeVisible({ timeout: 30_000 });
		const value = await dialog.locator('input[name="title"]').inputValue();
		expect(value.length).toBeLessThanOrEqual(140);
		expect(value).not.toContain('\u202E');
		await expect(dialog.locator('input[name="hl"]:checked')).toHaveCount(4);
		await expect(dialog.locator('select[name="size"]')).toHaveValue('720');
		await expect(dialog.locator('.edit-preview img')).toHaveCount(0);
		await expect(dialog.locator('.edit-preview .chart-title')).toContainText('<img src=x');
		expect(dialogs).toBe(0);
	});
});
