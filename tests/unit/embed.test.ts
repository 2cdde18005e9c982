/**
 * Embedding: the snippet the menu offers, the embed page's height script and the host's listener (run here
 * against stand-ins for the browser objects they touch), and the headers that let only embed pages be
 * framed by other sites.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EMBED_MESSAGE, EMBED_SCRIPT, HOST_LISTENER, embedPath, embedSnippet } from '$lib/embed/protocol';
import { EXPORTABLE_CHARTS } from '$lib/export/registry';
import { LOCALES } from '$lib/i18n';
import { EMBED_PATH, securityHeaders } from '../../scripts/security-headers.js';

describe('the embed snippet', () => {
	const code = embedSnippet({
		src: 'https://example.org/en/embed/timeline',
		title: 'A "quoted" <title> & more',
		chart: 'timeline',
		height: 512.4
	});

	it('is an iframe with the embed address, a title, full width, a starting height and lazy loading', () => {
		const iframe = /<iframe\b[^>]*><\/iframe>/.exec(code)?.[0] ?? '';
		expect(iframe).toContain('src="https://example.org/en/embed/timeline"');
		expect(iframe).toContain('title="A &quot;quoted&quot; &lt;title&gt; &amp; more"');
		expect(iframe).toContain('width="100%"');
		expect(iframe).toContain('height="512"');
		expect(iframe).toContain('loading="lazy"');
		expect(iframe).toContain('data-cid-embed="timeline"');
	});

	it('carries the listener inline, without eval', () => {
		expect(code).toContain(`<script>\n${HOST_LISTENER}\n</script>`);
		expect(code).not.toMatch(/\beval\b|new Function|innerHTML/);
		expect(HOST_LISTENER).toContain('event.source');
		expect(HOST_LISTENER).toContain(JSON.stringify(EMBED_MESSAGE));
	});
});

/** The host page's listener, run against a page holding the given iframes. */
function hostPage(frames: { contentWindow: object; style: { height?: string } }[]) {
	const listeners: ((event: unknown) => void)[] = [];
	const window: Record<string, unknown> = {
		addEventListener: (type: string, fn: (event: unknown) => void) => {
			if (type === 'message') listeners.push(fn);
		}
	};
	const document = {
		querySelectorAll: (selector: string) => (selector.includes('data-cid-embed') ? frames : [])
	};
	const run = () => runInNewContext(HOST_LISTENER, { window, document, Math });
	const post = (event: unknown) => listeners.forEach((fn) => fn(event));
	return { run, post, listeners };
}

describe('the host page listener', () => {
	it('sets the height of the iframe the message came from, and only for our message type', () => {
		const a = { contentWindow: {}, style: {} as { height?: string } };
		const b = { contentWindow: {}, style: {} as { height?: string } };
		const host = hostPage([a, b]);
		host.run();
		host.post({ source: b.contentWindow, data: { type: EMBED_MESSAGE, chart: 'upset', height: 640.2 } });
		expect(b.style.height).toBe('641px');
		expect(a.style.height).toBeUndefined();
		// another frame's message, a message from elsewhere, a height that is not a number: nothing changes
		host.post({ source: a.contentWindow, data: { type: 'resize', height: 10 } });
		host.post({ source: {}, data: { type: EMBED_MESSAGE, height: 10 } });
		host.post({ source: a.contentWindow, data: { type: EMBED_MESSAGE, height: '10px' } });
		host.post({ source: a.contentWindow, data: null });
		expect(a.style.height).toBeUndefined();
		expect(b.style.height).toBe('641px');
	});

	it('is added once however many snippets a page holds', () => {
		const host = hostPage([]);
		host.run();
		host.run();
		expect(host.listeners).toHaveLength(1);
	});
});

/** The embed page's script, run in a page of the given height, framed or not. */
function embedPage(framed: boolean, chart = 'timeline') {
	const posted: { message: unknown; target: string }[] = [];
	let observed: (() => void) | undefined;
	let onload: (() => void) | undefined;
	let height = 400.3;
	const root = {
		getAttribute: (name: string) => (name === 'data-embed-chart' ? chart : null),
		getBoundingClientRect: () => ({ height })
	};
	const parent = { postMessage: (message: unknown, target: string) => posted.push({ message, target }) };
	const window: Record<string, unknown> = {
		addEventListener: (type: string, fn: () => void) => {
			if (type === 'load') onload = fn;
		}
	};
	window.parent = framed ? parent : window;
	class ResizeObserver {
		constructor(private fn: () => void) {}
		observe() {
			observed = this.fn;
		}
	}
	runInNewContext(EMBED_SCRIPT, {
		window,
		document: { querySelector: (s: string) => (s === '[data-embed-chart]' ? root : null) },
		ResizeObserver,
		Math
	});
	return {
		posted,
		resize(to: number) {
			height = to;
			observed?.();
		},
		load: () => onload?.()
	};
}

describe('the embed page script', () => {
	it('posts the chart and its height to the parent at once, on load and on resize (not repeating itself)', () => {
		const page = embedPage(true);
		expect(page.posted).toEqual([
			{ message: { type: EMBED_MESSAGE, chart: 'timeline', height: 401 }, target: '*' }
		]);
		page.load();
		expect(page.posted).toHaveLength(1);
		page.resize(720);
		page.resize(720);
		expect(page.posted.map((p) => (p.message as { height: number }).height)).toEqual([401, 720]);
	});

	it('does nothing when it is not framed', () => {
		const page = embedPage(false);
		page.resize(100);
		page.load();
		expect(page.posted).toEqual([]);
	});
});

describe('framing is allowed on embed pages only', () => {
	it('every chart’s embed page may be framed by any site', () => {
		for (const locale of LOCALES)
			for (const { chart } of EXPORTABLE_CHARTS) {
				const path = embedPath(locale, chart);
				expect(EMBED_PATH.test(path), path).toBe(true);
				const csp = securityHeaders(path)['Content-Security-Policy'];
				expect(csp, path).not.toContain('frame-ancestors');
				expect(csp, path).toContain("object-src 'none'");
				expect(securityHeaders(path)['X-Frame-Options'], path).toBeUndefined();
			}
	});

	it('every other address keeps frame-ancestors self', () => {
		for (const path of [
			'/',
			'/en',
			'/zh/events',
			'/en/embed',
			'/en/embed/timeline/x',
			'/embed.js',
			'/en/industries'
		])
			expect(securityHeaders(path)['Content-Security-Policy'], path).toContain("frame-ancestors 'self'");
	});
});

describe('the embed strings', () => {
	it('are a part of their own, with the same keys and placeholders in both languages, none empty', async () => {
		const { en } = await import('$lib/i18n/messages/parts/embed');
		const { zh } = await import('$lib/i18n/messages/parts/embed.zh');
		const core = (await import('$lib/i18n/messages/en')).en;
		expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
		const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			expect(Object.hasOwn(core, key), key).toBe(false);
			expect(en[key].trim(), key).not.toBe('');
			expect(zh[key].trim(), key).not.toBe('');
			expect(names(zh[key]), key).toEqual(names(en[key]));
			expect(/\p{Script=Han}/u.test(en[key]), key).toBe(false);
			expect(/\p{Script=Han}/u.test(zh[key]), key).toBe(true);
		}
	});
});
