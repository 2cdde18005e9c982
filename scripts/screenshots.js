#!/usr/bin/env node
/**
 * Screenshots of pages at phone (375 px) and desktop (1440 px) widths, for looking at what we build.
 * Usage: node scripts/screenshots.js [--base http://localhost:4173] /zh /en/methodology …
 * Writes screenshots/<path>_<width>.png (git-ignored).
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const args = process.argv.slice(2);
const baseIdx = args.indexOf('--base');
const base = baseIdx >= 0 ? args.splice(baseIdx, 2)[1] : 'http://localhost:4173';
const widths = [375, 1440];
const paths = args.length ? args : ['/zh', '/en'];
mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({
	executablePath: findChromium() ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
});
for (const path of paths) {
	for (const width of widths) {
		const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
		const errors = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(base + path, { waitUntil: 'load' });
		await page.waitForTimeout(1500);
		const file = `screenshots/${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root'}_${width}.png`;
		await page.screenshot({ path: file, fullPage: true });
		console.log(file, errors.length ? `console errors: ${errors.join(' | ')}` : '');
		await page.close();
	}
}
await browser.close();
