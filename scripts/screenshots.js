#!/usr/bin/env node
/**
 * Full-page screenshots of every page, for looking at what we build: at phone, tablet, desktop and wide
 * widths (375, 768, 1440, 1920 px), in the light and dark themes, plus each page as printed (a PDF on A4 and
 * a screenshot with print media at 768 px).
 *
 * Usage: node scripts/screenshots.js <server URL> [out folder] [--only /en,/zh] [--widths 375,1440]
 *   e.g. node scripts/serve.js --port 4281 & node scripts/screenshots.js http://localhost:4281 /tmp/shots
 * Writes <out>/<page>_<width>_<light|dark>.png, <out>/<page>_print.png and <out>/<page>_print.pdf.
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const PAGES = [
	'/en',
	'/zh',
	'/en/events',
	'/zh/events',
	'/en/industries',
	'/zh/industries',
	'/en/compare',
	'/zh/compare',
	'/en/cities',
	'/en/cities/shanghai',
	'/en/methodology',
	'/en/import'
];
const WIDTHS = [375, 768, 1440, 1920];

const args = process.argv.slice(2);
const option = (name) => {
	const i = args.indexOf(name);
	return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const only = option('--only')?.split(',');
const widths = option('--widths')?.split(',').map(Number) ?? WIDTHS;
const [base, out = '/tmp/shots'] = args;
if (!base || !/^https?:\/\//.test(base)) {
	console.error(
		'Usage: node scripts/screenshots.js <server URL> [out folder] [--only /en,/zh] [--widths 375]'
	);
	process.exit(2);
}
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--font-render-hinting=none']
});

const slug = (path) => path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root';

/** Loaded, fonts in, the frame started and two frames drawn since. */
async function settle(page) {
	await page.waitForFunction(() => document.documentElement.classList.contains('js-ready'));
	await page.evaluate(async () => {
		await document.fonts.ready;
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
	});
}

let failures = 0;
for (const path of only ?? PAGES) {
	for (const colorScheme of ['light', 'dark']) {
		for (const width of widths) {
			const context = await browser.newContext({
				viewport: { width, height: 900 },
				deviceScaleFactor: 1,
				colorScheme,
				serviceWorkers: 'block'
			});
			const page = await context.newPage();
			const errors = [];
			page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			page.on('pageerror', (e) => errors.push(e.message));
			await page.goto(base + path, { waitUntil: 'load' });
			await settle(page);
			const file = join(out, `${slug(path)}_${width}_${colorScheme}.png`);
			await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
			if (errors.length) failures++;
			console.log(file, errors.length ? `console errors: ${errors.join(' | ')}` : '');
			await context.close();
		}
	}
	// as printed: media print, light (a printer has no dark theme), tablet width and an A4 PDF
	const context = await browser.newContext({
		viewport: { width: 768, height: 1100 },
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	await page.goto(base + path, { waitUntil: 'load' });
	await settle(page);
	await page.emulateMedia({ media: 'print' });
	const png = join(out, `${slug(path)}_print.png`);
	await page.screenshot({ path: png, fullPage: true, animations: 'disabled', caret: 'hide' });
	const pdf = join(out, `${slug(path)}_print.pdf`);
	await page.pdf({ path: pdf, format: 'A4', printBackground: true });
	console.log(png, pdf);
	await context.close();
}
await browser.close();
if (failures) {
	console.error(`${failures} screenshot(s) had console errors`);
	process.exitCode = 1;
}
