/** Checks shared by the export tests: an exported SVG as a standalone file must pass them all. */
import type { Page } from '@playwright/test';

/** Checks an exported SVG in the page (DOMParser): well-formed, nothing executable or external, metadata. */
export async function inspectSvg(page: Page, text: string) {
	return page.evaluate((svgText) => {
		const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
		const error = doc.querySelector('parsererror')?.textContent ?? null;
		const root = doc.documentElement;
		const bad: string[] = [];
		for (const el of doc.querySelectorAll('script, foreignObject, image, iframe, animate, set'))
			bad.push(el.tagName);
		for (const el of doc.querySelectorAll('*')) {
			for (const attr of el.attributes) {
				if (/^on/i.test(attr.name)) bad.push(`${el.tagName}@${attr.name}`);
				if (/href$/i.test(attr.name) && !attr.value.startsWith('#')) bad.push(`${el.tagName}@${attr.name}`);
				if (/url\((?!#)/i.test(attr.value)) bad.push(`${el.tagName}@${attr.name}=${attr.value}`);
			}
		}
		const meta = doc.querySelector('metadata > dashboard');
		return {
			error,
			bad,
			ns: root.namespaceURI,
			width: Number(root.getAttribute('width')),
			height: Number(root.getAttribute('height')),
			viewBox: root.getAttribute('viewBox'),
			url: meta?.getAttribute('url') ?? null,
			version: meta?.getAttribute('dataset-version') ?? null,
			exported: meta?.getAttribute('exported') ?? null,
			source: [...doc.querySelectorAll('g.chart-source text')].map((t) => t.textContent ?? ''),
			title: doc.querySelector('title')?.textContent ?? ''
		};
	}, text);
}
