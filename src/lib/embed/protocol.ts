/**
 * Embedding a chart in another site: the embed page's address, the message it sends its host with its
 * height, the small script that sends it, and the snippet (iframe + listener) the download menu offers.
 * Plain strings and pure functions: the embed page runs no app code (it is prerendered with `csr = false`),
 * only `/embed.js` (src/routes/embed.js/+server.ts serves `EMBED_SCRIPT`).
 */
import type { Locale } from '$lib/data/types';

/** The `type` of the message an embed page posts to its host; namespaced so no other frame's is taken for it. */
export const EMBED_MESSAGE = 'cid-embed-height';

/** What an embed page posts to its parent: `{ type, chart, height }`, the height in CSS px. */
export interface EmbedHeightMessage {
	type: typeof EMBED_MESSAGE;
	chart: string;
	height: number;
}

/** Where the embed page's script is served. */
export const EMBED_SCRIPT_PATH = '/embed.js';

/** The embed page of a chart, after the site's origin. */
export function embedPath(locale: Locale, chart: string): string {
	return `/${locale}/embed/${chart}`;
}

/**
 * The embed page's only script (a classic script, ES5, no dependencies): once the page has loaded and
 * whenever its content changes size (a ResizeObserver on the element marked `data-embed-chart`), it posts
 * `{ type, chart, height }` to the parent window. The height is not secret, so any parent may read it
 * (targetOrigin '*'). Opened on its own (no parent) it does nothing.
 */
export const EMBED_SCRIPT = `(function () {
	'use strict';
	if (window.parent === window) return;
	var root = document.querySelector('[data-embed-chart]');
	if (!root) return;
	var chart = root.getAttribute('data-embed-chart');
	var last = -1;
	function send() {
		var height = Math.ceil(root.getBoundingClientRect().height);
		if (height === last) return;
		last = height;
		window.parent.postMessage({ type: ${JSON.stringify(EMBED_MESSAGE)}, chart: chart, height: height }, '*');
	}
	if (typeof ResizeObserver === 'function') new ResizeObserver(send).observe(root);
	window.addEventListener('load', send);
	send();
})();
`;

/**
 * The host page's listener (inline, ES5, no eval): a message from one of the page's chart iframes
 * (`event.source` is that iframe's window, and the type is ours) sets that iframe's height. One listener
 * serves every chart iframe on the page, however the host's editor wraps the markup; a second copy of the
 * snippet adds no second listener.
 */
export const HOST_LISTENER = `(function () {
	if (window.cidEmbedListening) return;
	window.cidEmbedListening = true;
	window.addEventListener('message', function (event) {
		var data = event.data;
		if (!data || data.type !== ${JSON.stringify(EMBED_MESSAGE)} || typeof data.height !== 'number') return;
		var frames = document.querySelectorAll('iframe[data-cid-embed]');
		for (var i = 0; i < frames.length; i++) {
			if (frames[i].contentWindow === event.source) {
				frames[i].style.height = Math.max(50, Math.min(20000, Math.ceil(data.height))) + 'px';
			}
		}
	});
})();`;

const escapeAttr = (value: string) =>
	value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SnippetOptions {
	/** The embed page's absolute address. */
	src: string;
	/** The iframe's accessible name: the chart's title. */
	title: string;
	chart: string;
	/** A starting height (px), before the embed page says its own. */
	height: number;
}

/** The HTML a reader pastes into their page: the iframe, and the listener that sizes it. */
export function embedSnippet({ src, title, chart, height }: SnippetOptions): string {
	return (
		`<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" data-cid-embed="${escapeAttr(chart)}"` +
		` width="100%" height="${Math.round(height)}" loading="lazy"` +
		` style="display:block;width:100%;height:${Math.round(height)}px;border:0"></iframe>\n` +
		`<script>\n${HOST_LISTENER}\n</script>`
	);
}
