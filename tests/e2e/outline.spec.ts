/**
 * "Text as shapes" as the tools people finish charts in see it: for every chart family, in both languages,
 * the download menu's outlined SVG is rendered by librsvg's `rsvg-convert` under a fontconfig that has no
 * Chinese fonts (as on a machine without them) and by Chromium, and the two renderings must agree: at most
 * 1% of the ink pixels differ. The file keeps no `<text>`, and every label's words are kept for assistive
 * technology on its group.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const PAGES = [
	['', ['events-per-city', 'category-mix', 'timeline', 'dot-map']],
	['/compare', ['compare']],
	['/industries', ['industry-matrix', 'upset', 'similarity']]
] as const;
const MAX_INK_DIFF = 0.01;

const dir = path.resolve('test-results', 'outline');
mkdirSync(dir, { recursive: true });
/** A fontconfig that knows only Latin fonts: what a machine without Chinese fonts has. */
const FONTS_CONF = path.join(dir, 'fonts-no-cjk.conf');
writeFileSync(
	FONTS_CONF,
	`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
	<dir>/usr/share/fonts/truetype/dejavu</dir>
	<dir>/usr/share/fonts/truetype/liberation</dir>
	<cachedir>${path.join(dir, 'fc-cache')}</cachedir>
</fontconfig>
`
);

async function downloadOutlined(page: Page, figure: Locator): Promise<string> {
	await figure.locator('details.chart-download').evaluate((d) => ((d as HTMLDetailsElement).open = true));
	const [file] = await Promise.all([
		page.waitForEvent('download', { timeout: 60_000 }),
		figure.locator('button[data-export="svg-shapes"]').click()
	]);
	return readFile(await file.path(), 'utf8');
}

/** Chromium's rendering of an SVG file at its own size, as an image on a white page. */
async function chromiumRender(page: Page, svg: string, width: number, height: number): Promise<PNG> {
	const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
	await page.setViewportSize({ width: Math.ceil(width), height: Math.ceil(height) });
	await page.setContent(
		`<body style="margin:0;background:#fff"><img id="i" src="${src}" width="${width}" height="${height}"></body>`
	);
	await page.locator('#i').evaluate((img: HTMLImageElement) => img.decode());
	return PNG.sync.read(await page.locator('#i').screenshot());
}

function rsvgRender(file: string, width: number, height: number): PNG {
	const out = file.replace(/\.svg$/, '.rsvg.png');
	execFileSync(
		'rsvg-convert',
		['-w', String(Math.round(width)), '-h', String(Math.round(height)), '-b', 'white', '-o', out, file],
		{ env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF } }
	);
	return PNG.sync.read(Buffer.from(execFileSync('cat', [out])));
}

/** Pixels with any ink (not near-white) in either image, and those that differ between the two. */
function inkDifference(a: PNG, b: PNG): { ink: number; differ: number } {
	const width = Math.min(a.width, b.width);
	const height = Math.min(a.height, b.height);
	const crop = (img: PNG) => {
		const out = new PNG({ width, height });
		for (let y = 0; y < height; y++)
			img.data.copy(out.data, y * width * 4, y * img.width * 4, y * img.width * 4 + width * 4);
		return out;
	};
	const [ca, cb] = [crop(a), crop(b)];
	const diff = new PNG({ width, height });
	const differ = pixelmatch(ca.data, cb.data, diff.data, width, height, { threshold: 0.3 });
	let ink = 0;
	for (let i = 0; i < ca.data.length; i += 4) {
		const dark = (d: Buffer) => d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235;
		if (dark(ca.data) || dark(cb.data)) ink++;
	}
	return { ink, differ };
}

for (const lang of ['zh', 'en'] as const) {
	for (const [pagePath, charts] of PAGES) {
		test(`text as shapes renders the same in librsvg without Chinese fonts as in Chromium: /${lang}${pagePath}`, async ({
			page,
			browser
		}) => {
			test.setTimeout(120_000);
			await page.goto(`/${lang}${pagePath}`);
			const viewer = await browser.newPage();
			for (const chart of charts) {
				const figure = page.locator(`figure.chart-frame:has([data-chart="${chart}"])`).first();
				await expect(figure, chart).toBeVisible();
				const svg = await downloadOutlined(page, figure);
				expect(svg, chart).not.toMatch(/<text[\s>]/);
				expect(svg).toContain('text="outlines"');
				const labels = [...svg.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]);
				const title = (await figure.locator('svg[data-variant="wide"] > title').textContent()) ?? '';
				// a wrapped title is one label per line: compare the words without the breaks
				const squeeze = (s: string) => s.replace(/\s+/g, '');
				expect(title.length, chart).toBeGreaterThan(5);
				expect(squeeze(labels.join('')), chart).toContain(squeeze(title));
				const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);
				const height = Number(/<svg[^>]* height="([\d.]+)"/.exec(svg)![1]);
				const file = path.join(dir, `${chart}-${lang}.svg`);
				writeFileSync(file, svg);
				const fromRsvg = rsvgRender(file, width, height);
				const fromChromium = await chromiumRender(viewer, svg, width, height);
				writeFileSync(file.replace(/\.svg$/, '.chromium.png'), PNG.sync.write(fromChromium));
				const { ink, differ } = inkDifference(fromRsvg, fromChromium);
				expect(ink, chart).toBeGreaterThan(1000);
				expect(differ / ink, `${chart} (${lang}): ${differ} of ${ink} ink pixels differ`).toBeLessThanOrEqual(
					MAX_INK_DIFF
				);
			}
			await viewer.close();
		});
	}
}
