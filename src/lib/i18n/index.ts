/**
 * The i18n layer: every visible string goes through `t()`, every data name through `localName()`,
 * every number and date through the `Intl`-based formatters below. No DOM; usable on the server,
 * in the browser, in a worker and in the export.
 */
import type { I18nText, Locale } from '$lib/data/types';
import type { CoreMessages, MessageKey, Messages } from './messages/en';

export type { Locale, MessageKey, Messages };
export const LOCALES: readonly Locale[] = ['zh', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh';

/**
 * The loaded catalogues. Each language's strings are a chunk of their own, so a page downloads only the
 * strings of its language: the root layout's `load` awaits `loadCatalogue` before anything renders, and
 * server code (prerendering, endpoints, tests) registers both up front, whole. The import page's strings
 * and the compare page's own strings are chunks of their own too, which their `load` adds (`loadPageStrings`):
 * no other page carries them.
 */
const catalogues: Partial<Record<Locale, CoreMessages & Partial<Messages>>> = {};

export function registerCatalogue(locale: Locale, messages: CoreMessages & Partial<Messages>): void {
	catalogues[locale] = messages;
}

const loading: Partial<Record<Locale, Promise<void>>> = {};

/** Loads one language's strings; resolves at once when they are already there. */
export function loadCatalogue(locale: Locale): Promise<void> {
	if (catalogues[locale]) return Promise.resolve();
	// one load per language: the layout's and a page's load run at the same time, and a second copy
	// arriving late would replace the catalogue the page's own strings were added to
	return (loading[locale] ??= (async () => {
		const messages =
			locale === 'zh' ? (await import('./messages/zh')).zh : (await import('./messages/en')).en;
		catalogues[locale] ??= messages;
	})());
}

/** Strings only one page uses, each a chunk of its own per language, with a key that says it is loaded. */
const PAGE_PARTS = {
	import: {
		probe: 'import.title',
		zh: async () => (await import('./messages/parts/importPage.zh')).zh,
		en: async () => (await import('./messages/parts/importPage')).en
	},
	method: {
		probe: 'method.title',
		zh: async () => (await import('./messages/parts/method.zh')).zh,
		en: async () => (await import('./messages/parts/method')).en
	},
	industry: {
		probe: 'matrix.title.all',
		zh: async () => (await import('./messages/parts/industry.zh')).zh,
		en: async () => (await import('./messages/parts/industry')).en
	},
	embed: {
		probe: 'embed.heading',
		zh: async () => (await import('./messages/parts/embed.zh')).zh,
		en: async () => (await import('./messages/parts/embed')).en
	},
	edit: {
		probe: 'edit.heading',
		zh: async () => (await import('./messages/parts/exportEdit.zh')).zh,
		en: async () => (await import('./messages/parts/exportEdit')).en
	},
	compare: {
		probe: 'story.item',
		zh: async () => (await import('./messages/parts/compareStory.zh')).zh,
		en: async () => (await import('./messages/parts/compareStory')).en
	}
} as const satisfies Record<
	string,
	{ probe: MessageKey; zh: () => Promise<Record<string, string>>; en: () => Promise<Record<string, string>> }
>;

/** Adds one page's own strings to a language's catalogue (loading that first if need be). */
export async function loadPageStrings(locale: Locale, page: keyof typeof PAGE_PARTS): Promise<void> {
	await loadCatalogue(locale);
	const part = PAGE_PARTS[page];
	if (catalogues[locale]?.[part.probe] !== undefined) return;
	const strings = await part[locale]();
	// merged into the catalogue as it is now (another page part may have been added meanwhile)
	catalogues[locale] = { ...catalogues[locale]!, ...strings };
}

export const loadImportStrings = (locale: Locale) => loadPageStrings(locale, 'import');
export const loadCompareStrings = (locale: Locale) => loadPageStrings(locale, 'compare');
export const loadMethodStrings = (locale: Locale) => loadPageStrings(locale, 'method');
export const loadIndustryStrings = (locale: Locale) => loadPageStrings(locale, 'industry');
export const loadEmbedStrings = (locale: Locale) => loadPageStrings(locale, 'embed');

function catalogue(locale: Locale): CoreMessages & Partial<Messages> {
	const messages = catalogues[locale];
	if (!messages) throw new Error(`The ${locale} strings are not loaded (call loadCatalogue first)`);
	return messages;
}

export function isLocale(value: unknown): value is Locale {
	return value === 'zh' || value === 'en';
}

/** The language a path is in: `/en/…` → en, `/zh/…` → zh, anything else (the root) → the default. */
export function localeFromPath(pathname: string): Locale {
	const first = pathname.split('/')[1] ?? '';
	return isLocale(first) ? first : DEFAULT_LOCALE;
}

/**
 * The language of a page that is one file for every address: the root 404 page, which a static host sends
 * for any unknown address. The address's own language (its first path segment) comes first; outside
 * /zh/ and /en/, the reader's saved choice (the language switch stores it), else their browser's first
 * language (as `static/language.js` chooses at the root), else Chinese.
 */
export function addressLocale(
	pathname: string,
	saved: string | null | undefined,
	preferred: readonly string[] = []
): Locale {
	const first = pathname.split('/')[1] ?? '';
	if (isLocale(first)) return first;
	if (isLocale(saved)) return saved;
	const top = preferred[0]?.toLowerCase();
	if (top) return top.startsWith('zh') ? 'zh' : 'en';
	return DEFAULT_LOCALE;
}

/** BCP 47 tag for `<html lang>` and `Intl`. */
export function htmlLang(locale: Locale): string {
	return locale === 'zh' ? 'zh-CN' : 'en';
}

export type Params = Record<string, string | number>;

/** Looks up a message and fills its `{placeholders}`. Parameters are plain text, never markup. */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
	const template = catalogue(locale)[key];
	if (template === undefined)
		throw new Error(`The string ${key} is not loaded (a page's own strings need loadPageStrings)`);
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

/** Whether the loaded catalogue of a language has a key (e.g. an optional `…One` form for a count of one). */
export function hasMessage(locale: Locale, key: string): key is MessageKey {
	return Object.hasOwn(catalogue(locale), key);
}

/** The message keys of a count in words: the form for one, the general one (with `{count}`), and
 * optionally one for none ("no events"). */
export interface CountForms {
	one: MessageKey;
	other: MessageKey;
	none?: MessageKey;
}

/** A count in words, with the catalogue's own forms for one (and none, where it has one), the number
 * formatted for the language: "1 event", "1,234 events", "暂无事件". */
export function countPhrase(locale: Locale, n: number, forms: CountForms): string {
	if (n === 0 && forms.none) return t(locale, forms.none);
	if (n === 1) return t(locale, forms.one);
	return t(locale, forms.other, { count: formatNumber(locale, n) });
}

/** The events counted on a chart ("12 events") and on the city pages (which also say "no events"). */
export const CHART_EVENT_COUNT: CountForms = { one: 'chart.eventCountOne', other: 'chart.eventCount' };
export const CITY_EVENT_COUNT: CountForms = {
	one: 'city.eventCountOne',
	other: 'city.eventCount',
	none: 'city.eventCountNone'
};

/** Binds `t` to one language, for components. */
export function translator(locale: Locale) {
	return (key: MessageKey, params?: Params) => t(locale, key, params);
}

/** A data record's name in the reader's language. */
export function localName(text: I18nText, locale: Locale): string {
	return text[locale];
}

/**
 * Intl formatters are costly to create (a locale negotiation each) and the charts format hundreds of
 * values while a page hydrates: each formatter is created once per language and kind, then reused.
 */
const formatters = new Map<string, { format(value: never): string }>();
function cached<F extends { format(value: never): string }>(key: string, create: () => F): F {
	let f = formatters.get(key) as F | undefined;
	if (!f) {
		f = create();
		formatters.set(key, f);
	}
	return f;
}

export function formatNumber(locale: Locale, value: number, fractionDigits = 0): string {
	return cached(
		`n${locale}${fractionDigits}`,
		() =>
			new Intl.NumberFormat(htmlLang(locale), {
				maximumFractionDigits: fractionDigits,
				minimumFractionDigits: 0
			})
	).format(value);
}

export function formatPercent(locale: Locale, share: number, fractionDigits = 0): string {
	return cached(
		`p${locale}${fractionDigits}`,
		() => new Intl.NumberFormat(htmlLang(locale), { style: 'percent', maximumFractionDigits: fractionDigits })
	).format(share);
}

/** 2023年5月 / May 2023. */
export function formatMonth(locale: Locale, year: number, month: number): string {
	return cached(
		`m${locale}`,
		() => new Intl.DateTimeFormat(htmlLang(locale), { year: 'numeric', month: 'long', timeZone: 'UTC' })
	).format(new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * An event's months: "May 2024", or a range "May – June 2024" written with both ends' years where it
 * crosses a year's end (an end month before the first is the next year's): "November 2023 – February 2024".
 */
export function formatMonthSpan(
	locale: Locale,
	year: number,
	month: number,
	monthEnd: number | null
): string {
	const first = formatMonth(locale, year, month);
	if (monthEnd === null || monthEnd === month) return first;
	return `${first} – ${formatMonth(locale, monthEnd < month ? year + 1 : year, monthEnd)}`;
}

/** 5月 / May — for axis ticks. */
export function formatMonthShort(locale: Locale, month: number): string {
	return cached(
		`s${locale}`,
		() => new Intl.DateTimeFormat(htmlLang(locale), { month: 'short', timeZone: 'UTC' })
	).format(new Date(Date.UTC(2023, month - 1, 1)));
}

/** Joins a list the way each language does: "A, B and C" / "A、B和C". */
export function formatList(locale: Locale, items: string[]): string {
	return cached(
		`l${locale}`,
		() => new Intl.ListFormat(htmlLang(locale), { style: 'long', type: 'conjunction' })
	).format(items);
}

/** The same path in the other language: `/zh/compare` → `/en/compare`; the root maps to `/en`. */
export function switchLocalePath(pathname: string, to: Locale): string {
	const parts = pathname.split('/');
	if (isLocale(parts[1])) {
		parts[1] = to;
		return parts.join('/');
	}
	return `/${to}${pathname === '/' ? '' : pathname}`;
}

/** A path inside the dashboard in a given language: `href('en', '/compare')` → `/en/compare`. */
export function localePath(locale: Locale, path = '/'): string {
	return path === '/' ? `/${locale}` : `/${locale}${path}`;
}
