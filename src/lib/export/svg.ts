/**
 * Turns a rendered chart's SVG markup into a standalone SVG document: namespaced, sized, every style on
 * the elements (or in a `<style>` inside), a `<metadata>` block (view URL, dataset version, export time),
 * the view's address printed under the source line, and nothing executable or external.
 *
 * The markup is parsed into a small tree and written out again from an allow-list, so every text node and
 * attribute value is escaped on the way out and anything not on the list (scripts, foreignObject, event
 * handlers, links to other documents, raster images, animation that could rewrite a link) never reaches
 * the file. String in, string out, no DOM: the download button (browser) and the build (Node) share it.
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
	/** The embedded font's family, put first in the root's font stack when `fontFaceCss` is given. */
	fontFamily?: string;
	/** Print `url` as a line under the source line (default true); the export grows by one line. */
	urlLine?: boolean;
	/** The dataset in view, as its metadata credits it: named in `<metadata>` (name, licence, sources). */
	dataset?: {
		name: string;
		licence: string;
		sources: { title: string; publisher: string; date: string; url: string }[];
	};
	/**
	 * The document's width and height attributes when they differ from its viewBox's (an edited chart's
	 * print size in mm); px numbers from the viewBox otherwise.
	 */
	size?: { width: string; height: string };
}

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const EXPORT_NS = 'urn:city-innovation-dashboard:export';

/** An element of the parsed markup; text children are plain strings (already decoded). */
export interface XElement {
	name: string;
	attrs: [string, string][];
	children: XNode[];
}
export type XNode = XElement | string;

/** Escapes text for XML content and attribute values. */
export function escapeXml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/**
 * Strips characters XML 1.0 forbids (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/FFFF), C1
 * controls, the bidirectional embedding/override/isolate controls, which could make a label read
 * backwards, and invisible zero-width characters and marks (U+200B–U+200F, U+2060, U+FEFF), which no
 * label needs and which hide what a text really says.
 */
export function stripInvalidXmlChars(value: string): string {
	return value.replace(
		// eslint-disable-next-line no-control-regex
		/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
		''
	);
}

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00A0'
};

/** Decodes the XML entities and numeric character references that serialisers write. */
export function decodeEntities(value: string): string {
	return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
		if (ref[0] === '#') {
			const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
			return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
		}
		return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
	});
}

/** Elements whose content is raw text in HTML: kept as one text node, never parsed as markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'xmp', 'iframe', 'noscript', 'noembed']);

/**
 * A tolerant parser for the markup a serialiser (XMLSerializer, `svelte/server`) writes: elements,
 * attributes, text, CDATA. Comments, processing instructions and doctypes are dropped; an end tag
 * without a matching start tag is ignored; unclosed elements close at the end.
 */
export function parseMarkup(markup: string): XElement {
	const root: XElement = { name: '#root', attrs: [], children: [] };
	const stack: XElement[] = [root];
	const top = () => stack[stack.length - 1];
	let i = 0;
	const n = markup.length;
	while (i < n) {
		const lt = markup.indexOf('<', i);
		if (lt < 0) {
			top().children.push(decodeEntities(markup.slice(i)));
			break;
		}
		if (lt > i) top().children.push(decodeEntities(markup.slice(i, lt)));
		if (markup.startsWith('<!--', lt)) {
			const end = markup.indexOf('-->', lt + 4);
			i = end < 0 ? n : end + 3;
		} else if (markup.startsWith('<![CDATA[', lt)) {
			const end = markup.indexOf(']]>', lt + 9);
			top().children.push(markup.slice(lt + 9, end < 0 ? n : end));
			i = end < 0 ? n : end + 3;
		} else if (markup[lt + 1] === '?' || markup[lt + 1] === '!') {
			const end = markup.indexOf('>', lt);
			i = end < 0 ? n : end + 1;
		} else if (markup[lt + 1] === '/') {
			const end = markup.indexOf('>', lt);
			const name = markup
				.slice(lt + 2, end < 0 ? n : end)
				.trim()
				.toLowerCase();
			const at = stack.findLastIndex((el) => el.name.toLowerCase() === name);
			if (at > 0) stack.length = at;
			i = end < 0 ? n : end + 1;
		} else {
			const nameMatch = /^<([A-Za-z_][\w:.-]*)/.exec(markup.slice(lt, lt + 200));
			if (!nameMatch) {
				top().children.push('<');
				i = lt + 1;
				continue;
			}
			const name = nameMatch[1];
			// Scan attributes up to the closing '>' (quotes may hold '>').
			const attrRe = /\s*([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?|\s*(\/?>)|\s*([\s\S])/y;
			attrRe.lastIndex = lt + nameMatch[0].length;
			const attrs: [string, string][] = [];
			let selfClosing = false;
			let closed = false;
			let m: RegExpExecArray | null;
			while (attrRe.lastIndex < n && (m = attrRe.exec(markup))) {
				if (m[5]) {
					selfClosing = m[5] === '/>';
					closed = true;
					break;
				}
				if (m[1]) attrs.push([m[1], decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')]);
			}
			i = closed ? attrRe.lastIndex : n;
			const el: XElement = { name, attrs, children: [] };
			top().children.push(el);
			if (RAW_TEXT.has(name.toLowerCase()) && !selfClosing) {
				const close = markup.toLowerCase().indexOf(`</${name.toLowerCase()}`, i);
				const end = close < 0 ? n : markup.indexOf('>', close);
				el.children.push(decodeEntities(markup.slice(i, close < 0 ? n : close)));
				i = end < 0 ? n : end + 1;
			} else if (!selfClosing) {
				stack.push(el);
			}
		}
	}
	return root;
}

/** Elements an export may hold, by lower-case name → the name as SVG spells it. */
const ALLOWED = new Map(
	[
		'svg',
		'g',
		'rect',
		'circle',
		'ellipse',
		'line',
		'polyline',
		'polygon',
		'path',
		'text',
		'tspan',
		'textPath',
		'title',
		'desc',
		'defs',
		'pattern',
		'clipPath',
		'mask',
		'linearGradient',
		'radialGradient',
		'stop',
		'use',
		'symbol',
		'marker'
	].map((name) => [name.toLowerCase(), name])
);

/** Elements dropped with everything inside them. Anything else not allowed is unwrapped (its children kept). */
const DROPPED = new Set([
	'script',
	'style',
	'foreignobject',
	'iframe',
	'object',
	'embed',
	'image',
	'img',
	'video',
	'audio',
	'canvas',
	'animate',
	'animatemotion',
	'animatetransform',
	'animatecolor',
	'set',
	'discard',
	'link',
	'meta',
	'base',
	'handler',
	'listener',
	'metadata',
	'cursor',
	'font',
	'font-face',
	'feimage'
]);

const ATTR_NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
/** A `url(…)` that points anywhere but into this document. */
const EXTERNAL_URL = /url\(\s*(?!['"]?\s*#)/i;
const SCRIPT_URL = /(?:java|vb)script\s*:|data\s*:\s*text\/html/i;

function keepAttribute(name: string, value: string): boolean {
	if (!ATTR_NAME.test(name)) return false;
	const lower = name.toLowerCase();
	if (lower.startsWith('on')) return false;
	if (lower === 'xmlns' || lower.startsWith('xmlns:')) return false;
	if (lower.includes(':') && !lower.startsWith('xml:') && lower !== 'xlink:href') return false;
	if (lower === 'href' || lower === 'xlink:href') return /^\s*#[\w:.-]*\s*$/.test(value);
	if (lower === 'tabindex' || lower === 'data-selected' || lower.startsWith('data-sveltekit')) return false;
	// Charts are styled by presentation attributes; a style attribute is page state (e.g. a size set by a
	// script), which would override the export's own width and height.
	if (lower === 'style') return false;
	if (EXTERNAL_URL.test(value) || SCRIPT_URL.test(value)) return false;
	return true;
}

/** The allowed subtree of `node`, with clean text and attributes; null when the element is dropped. */
function sanitiseNode(node: XNode): XNode[] {
	if (typeof node === 'string') return [stripInvalidXmlChars(node)];
	const lower = node.name.toLowerCase();
	if (DROPPED.has(lower)) return [];
	const children = node.children.flatMap(sanitiseNode);
	const name = ALLOWED.get(lower);
	if (!name) return children;
	const seen = new Set<string>();
	const attrs: [string, string][] = [];
	for (const [k, v] of node.attrs) {
		const value = stripInvalidXmlChars(v);
		if (seen.has(k.toLowerCase()) || !keepAttribute(k, value)) continue;
		seen.add(k.toLowerCase());
		attrs.push([k, value]);
	}
	return [{ name, attrs, children }];
}

/** Writes a tree back as XML, escaping every text node and attribute value. */
export function serialiseNode(node: XNode): string {
	if (typeof node === 'string') return escapeXml(node);
	const attrs = node.attrs.map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
	if (!node.children.length) return `<${node.name}${attrs}/>`;
	return `<${node.name}${attrs}>${node.children.map(serialiseNode).join('')}</${node.name}>`;
}

/** The first `<svg>` element of `markup`, sanitised; throws when there is none. */
export function sanitisedSvgTree(markup: string): XElement {
	const parsed = parseMarkup(markup);
	const find = (el: XElement): XElement | undefined => {
		for (const child of el.children) {
			if (typeof child === 'string') continue;
			if (child.name.toLowerCase() === 'svg') return child;
			const inner = find(child);
			if (inner) return inner;
		}
		return undefined;
	};
	const svg = find(parsed);
	if (!svg) throw new Error('standaloneSvg: the markup holds no <svg> element');
	const [clean] = sanitiseNode(svg);
	return clean as XElement;
}

/**
 * Removes anything that could execute or load from elsewhere: scripts, foreignObject, event handlers,
 * external references. Returns the markup of the first `<svg>` element, re-serialised.
 */
export function sanitiseSvgMarkup(markup: string): string {
	return serialiseNode(sanitisedSvgTree(markup));
}

export function getAttr(el: XElement, name: string): string | undefined {
	return el.attrs.find(([k]) => k === name)?.[1];
}

export function setAttr(el: XElement, name: string, value: string): void {
	const at = el.attrs.findIndex(([k]) => k === name);
	if (at >= 0) el.attrs[at][1] = value;
	else el.attrs.push([name, value]);
}

function hasClass(el: XElement, cls: string): boolean {
	return (getAttr(el, 'class') ?? '').split(/\s+/).includes(cls);
}

/** Every element of a tree, depth first. */
export function* walk(el: XElement): Generator<XElement> {
	yield el;
	for (const child of el.children) if (typeof child !== 'string') yield* walk(child);
}

/** All text under an element, in document order. */
export function textOf(node: XNode): string {
	return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

const num = (s: string | undefined) => {
	const v = Number.parseFloat(s ?? '');
	return Number.isFinite(v) ? v : undefined;
};
const fmt = (v: number) => String(Math.round(v * 100) / 100);

/** Width and height of a standalone SVG document (from its root attributes). */
export function svgSize(svgText: string): { width: number; height: number } {
	const open = /<svg\b[^>]*>/i.exec(svgText)?.[0] ?? '';
	const attr = (name: string) => num(new RegExp(`\\s${name}="([^"]*)"`).exec(open)?.[1]);
	const box = /\sviewBox="([^"]*)"/
		.exec(open)?.[1]
		.trim()
		.split(/[\s,]+/)
		.map(Number);
	return {
		width: attr('width') ?? box?.[2] ?? 0,
		height: attr('height') ?? box?.[3] ?? 0
	};
}

/** Adds `url` as a line under the chart's source line and makes the document that much taller. */
function addUrlLine(svg: XElement, url: string, width: number, height: number): number {
	const texts = [...walk(svg)].filter((el) => el.name === 'text');
	if (texts.some((el) => textOf(el).includes(url))) return height;
	// the document's own source line (a child of its root), not one of a chart nested in it (a sheet's)
	const source = svg.children.find(
		(el): el is XElement => typeof el !== 'string' && el.name === 'g' && hasClass(el, 'chart-source')
	);
	const fontSize = num(source && getAttr(source, 'font-size')) ?? (width < 500 ? 10.5 : 11);
	const lineHeight = Math.round(fontSize * 1.45);
	const last = source?.children
		.filter((c): c is XElement => typeof c !== 'string' && c.name === 'text')
		.at(-1);
	const x = num(last && getAttr(last, 'x')) ?? (width < 500 ? 8 : 12);
	const y = (num(last && getAttr(last, 'y')) ?? height - (width < 500 ? 8 : 12)) + lineHeight;
	const line: XElement = {
		name: 'text',
		attrs: [
			['class', 'chart-url'],
			['x', fmt(x)],
			['y', fmt(y)]
		],
		children: [url]
	};
	if (source) source.children.push(line);
	else {
		svg.children.push({
			name: 'g',
			attrs: [
				['class', 'chart-source muted'],
				['font-size', fmt(fontSize)],
				['fill', '#595959']
			],
			children: [line]
		});
	}
	const grown = height + lineHeight;
	for (const el of walk(svg)) {
		if (el.name === 'rect' && hasClass(el, 'chart-bg') && num(getAttr(el, 'height')) === height) {
			setAttr(el, 'height', fmt(grown));
		}
	}
	return grown;
}

/** Makes `markup` (one `<svg>…</svg>` element) a standalone SVG document. */
export function standaloneSvg(markup: string, meta: ExportMeta): string {
	const svg = sanitisedSvgTree(markup);
	const box = getAttr(svg, 'viewBox')
		?.trim()
		.split(/[\s,]+/)
		.map(Number);
	const validBox = box?.length === 4 && box.every(Number.isFinite) ? box : undefined;
	const width = validBox?.[2] ?? num(getAttr(svg, 'width'));
	let height = validBox?.[3] ?? num(getAttr(svg, 'height'));
	if (!width || !height)
		throw new Error('standaloneSvg: the <svg> has neither a viewBox nor a width and height');
	if (meta.urlLine !== false && meta.url) height = addUrlLine(svg, meta.url, width, height);
	const [minX, minY] = validBox ?? [0, 0];
	const unit = /^\d+(?:\.\d+)?(?:mm|cm|in|pt|px)?$/;
	const size = meta.size && unit.test(meta.size.width) && unit.test(meta.size.height) ? meta.size : null;
	setAttr(svg, 'width', size?.width ?? fmt(width));
	setAttr(svg, 'height', size?.height ?? fmt(height));
	setAttr(svg, 'viewBox', `${fmt(minX)} ${fmt(minY)} ${fmt(width)} ${fmt(height)}`);
	setAttr(svg, 'xml:lang', meta.lang);
	if (meta.fontFaceCss && meta.fontFamily) {
		const stack = getAttr(svg, 'font-family') ?? 'sans-serif';
		setAttr(svg, 'font-family', `'${meta.fontFamily.replace(/['"\\]/g, '')}', ${stack}`);
	}
	const xlink = [...walk(svg)].some((el) => el.attrs.some(([k]) => k === 'xlink:href'));
	const metadata: XElement = {
		name: 'metadata',
		attrs: [],
		children: [
			{
				name: 'dashboard',
				attrs: [
					['xmlns', EXPORT_NS],
					['url', meta.url],
					['dataset-version', meta.datasetVersion],
					['exported', meta.exportedAt],
					['lang', meta.lang]
				].map(([k, v]) => [k, stripInvalidXmlChars(v)] as [string, string]),
				children: meta.dataset
					? [
							{
								name: 'dataset',
								attrs: [
									['name', meta.dataset.name],
									['licence', meta.dataset.licence]
								].map(([k, v]) => [k, stripInvalidXmlChars(v)] as [string, string]),
								children: meta.dataset.sources.map((s) => ({
									name: 'source',
									attrs: [
										['title', s.title],
										['publisher', s.publisher],
										['date', s.date],
										['url', s.url]
									].map(([k, v]) => [k, stripInvalidXmlChars(v)] as [string, string]),
									children: []
								}))
							}
						]
					: []
			}
		]
	};
	const style: XElement[] = meta.fontFaceCss
		? [{ name: 'style', attrs: [['type', 'text/css']], children: [stripInvalidXmlChars(meta.fontFaceCss)] }]
		: [];
	const root: XElement = {
		name: 'svg',
		attrs: [
			['xmlns', SVG_NS],
			...(xlink ? [['xmlns:xlink', XLINK_NS] as [string, string]] : []),
			...svg.attrs
		],
		children: [metadata, ...style, ...svg.children]
	};
	return `<?xml version="1.0" encoding="UTF-8"?>\n${serialiseNode(root)}\n`;
}

/** `<chart>_<cities or all>_<lang>.svg` (and .png / .csv); only [a-z0-9-] survive in each part. */
export function exportFileName(chart: string, cities: readonly string[], lang: string, ext: string): string {
	const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]/g, '');
	const who = cities.map(clean).filter(Boolean).join('-') || 'all';
	return `${clean(chart) || 'chart'}_${who}_${clean(lang) || 'zh'}.${clean(ext)}`;
}
