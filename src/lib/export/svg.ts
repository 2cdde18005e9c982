/**
 * Turns a rendered chart's SVG markup into a standalone SVG document: namespaced, sized, with every style
 * on the elements, a `<metadata>` block (view URL, dataset version, export time), and nothing executable or
 * external. String in, string out, so the download button (browser) and the build (Node) share it.
 */

export interface ExportMeta {
	/** The dashboard's address for the exported view. */
	url: string;
	datasetVersion: string;
	/** ISO timestamp; the build passes a fixed one so its files are reproducible. */
	exportedAt: string;
	/** BCP 47 language of the chart's text. */
	lang: string;
	/** Optional `@font-face` CSS (an embedded font subset) placed in a `<style>` inside the SVG. */
	fontFaceCss?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Escapes text for XML content and attribute values. */
export function escapeXml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Strips characters XML 1.0 forbids (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/FFFF). */
export function stripInvalidXmlChars(value: string): string {
	return value.replace(
		// eslint-disable-next-line no-control-regex
		/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
		''
	);
}

/** Removes anything that could execute or load from elsewhere: scripts, foreignObject, event handlers, external refs. */
export function sanitiseSvgMarkup(markup: string): string {
	return (
		markup
			// Whole elements that must never be in an export.
			.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
			.replace(/<script\b[^>]*\/>/gi, '')
			.replace(/<foreignObject\b[\s\S]*?<\/foreignObject\s*>/gi, '')
			// Event-handler attributes (on…="…").
			.replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
			// Links to anything but an in-document fragment.
			.replace(/\s+(?:xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '')
			// Interaction-only attributes that mean nothing in a file.
			.replace(/\s+(?:tabindex|data-sveltekit-[a-z-]+)\s*=\s*("[^"]*"|'[^']*')/gi, '')
			// Comments (hydration markers and the like).
			.replace(/<!--[\s\S]*?-->/g, '')
	);
}

/** Makes `markup` (one `<svg>…</svg>` element) a standalone SVG document. */
export function standaloneSvg(markup: string, meta: ExportMeta): string {
	let svg = sanitiseSvgMarkup(stripInvalidXmlChars(markup.trim()));
	const open = svg.match(/^<svg\b[^>]*>/i);
	if (!open) throw new Error('standaloneSvg: markup does not start with an <svg> element');
	let root = open[0];
	if (!/\sxmlns=/.test(root)) root = root.replace(/^<svg/i, `<svg xmlns="${SVG_NS}"`);
	if (!/\sxml:lang=/.test(root)) root = root.replace(/^<svg/i, `<svg xml:lang="${escapeXml(meta.lang)}"`);
	const viewBox = root.match(/viewBox="[\d.\s-]+\s([\d.]+)\s([\d.]+)"/);
	if (viewBox) {
		if (!/\swidth=/.test(root)) root = root.replace(/^<svg/i, `<svg width="${viewBox[1]}"`);
		if (!/\sheight=/.test(root)) root = root.replace(/^<svg/i, `<svg height="${viewBox[2]}"`);
	}
	const metadata =
		`<metadata><dashboard xmlns="urn:city-innovation-dashboard:export"` +
		` url="${escapeXml(meta.url)}" dataset-version="${escapeXml(meta.datasetVersion)}"` +
		` exported="${escapeXml(meta.exportedAt)}" lang="${escapeXml(meta.lang)}"/></metadata>`;
	const style = meta.fontFaceCss ? `<style>${meta.fontFaceCss.replace(/<\/?style/gi, '')}</style>` : '';
	svg = root + metadata + style + svg.slice(open[0].length);
	return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

/** `<chart>_<cities or all>_<lang>.svg` (and .png / .csv). */
export function exportFileName(chart: string, cities: string[], lang: string, ext: string): string {
	const who = cities.length ? cities.map((c) => c.replace(/[^a-z0-9-]/gi, '')).join('-') : 'all';
	return `${chart}_${who}_${lang}.${ext}`;
}
