/**
 * "Edit before export" in the address: which chart's export the reader is editing and how (their title,
 * subtitle and notes, the cities they highlight, the size and the background), so a copied link opens the
 * same edited chart in a fresh browser. One parameter per setting, after the view's own ones:
 *
 *   ?edit=<frame id>&title=…&subtitle=…&notes=…&hl=shanghai,beijing&size=social&mm=112&bg=dark
 *
 * Parsed defensively with the URL-state helpers (url.ts): text is cleaned of control, zero-width and bidi
 * characters, whitespace is collapsed and lengths are capped; unknown sizes, backgrounds and cities are
 * dropped with a notice; cities are looked up in a Set (never an object, so `__proto__` finds nothing);
 * the frame id must look like one. The text is only ever rendered as text (Svelte's escaping, and the SVG
 * serialiser's). Pure; no DOM.
 */
import {
	displayValue,
	parseEnum,
	parseIdList,
	parseInteger,
	toQuery,
	type Parsed,
	type QueryValue,
	type UrlNotice
} from './url';

export const EDIT_SIZES = ['640', '720', '960', 'social', 'square', 'portrait', 'print'] as const;
export type EditSizeId = (typeof EDIT_SIZES)[number];
export const EDIT_BACKGROUNDS = ['white', 'transparent', 'dark'] as const;
export type EditBackground = (typeof EDIT_BACKGROUNDS)[number];

export const EDIT_LIMITS = {
	/** ≈ two lines of title at 1200 px; the design asks for ≤ 60 Latin characters, but it is the reader's. */
	title: 140,
	subtitle: 240,
	notes: 280,
	/** Highlighted cities: 1–4 (more is no longer a highlight). */
	highlight: 4,
	/** Print widths, mm: a narrow column to a tabloid spread. */
	mmMin: 30,
	mmMax: 500
} as const;

/** FT's print column (112.25 mm), rounded: the print width offered first. */
export const DEFAULT_PRINT_MM = 112;
export const DEFAULT_SIZE: EditSizeId = '720';
export const DEFAULT_BACKGROUND: EditBackground = 'white';

/** The parameters this module owns, so the rest of an address can be kept apart from them. */
export const EDIT_PARAMS = ['edit', 'title', 'subtitle', 'notes', 'hl', 'size', 'mm', 'bg'] as const;

export interface ExportEdit {
	/** The chart frame's id (`events-per-city`, `compare-timeline-…`): which chart is being edited. */
	chart: string;
	/** The reader's title; '' keeps the chart's own. */
	title: string;
	/** The reader's subtitle; '' keeps the chart's own. */
	subtitle: string;
	/** A notes line under the source; '' for none. */
	notes: string;
	/** 0–4 city ids drawn in colour, the others muted; empty leaves the chart as it is. */
	highlight: string[];
	size: EditSizeId;
	/** Print width in mm (used when `size` is 'print'). */
	mm: number;
	bg: EditBackground;
}

/** A frame id as the frames write them: lower-case ASCII letters, digits and hyphens. */
const FRAME_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function emptyEdit(chart: string): ExportEdit {
	return {
		chart,
		title: '',
		subtitle: '',
		notes: '',
		highlight: [],
		size: DEFAULT_SIZE,
		mm: DEFAULT_PRINT_MM,
		bg: DEFAULT_BACKGROUND
	};
}

/** Free text for a label: what `parseText` keeps, on one line, trimmed. */
export function cleanLabel(raw: string, max: number): string {
	return (
		raw
			.replace(/[\t\n\r\u2028\u2029]/g, ' ')
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
			.replace(/\s+/g, ' ')
			.trim()
			.slice(0, max)
			// a cut may leave half a surrogate pair
			.replace(/[\uD800-\uDBFF]$/, '')
	);
}

/**
 * A text parameter as a label: line breaks and tabs become spaces, other control, zero-width and bidi
 * characters go, at most `max` UTF-16 units. Only a bounded head of the value is read.
 */
function text(params: URLSearchParams, name: string, max: number, notices: UrlNotice[]): string {
	const raw = params.get(name);
	if (raw === null) return '';
	const head = raw.slice(0, max * 8);
	const clean = cleanLabel(head, max * 8);
	if (clean.length > max || head.length < raw.length)
		notices.push({ param: name, value: displayValue(raw), reason: 'outOfRange' });
	return cleanLabel(clean, max);
}

/**
 * The edit in `params`, or null when the address names none (no `edit`, or one that is no frame id).
 * `knownCities` are the ids the highlight may name (the dataset's cities).
 */
export function parseEdit(
	params: URLSearchParams,
	knownCities: ReadonlySet<string>
): Parsed<ExportEdit | null> {
	const raw = params.get('edit');
	if (raw === null) return { value: null, notices: [] };
	const chart = raw.trim().toLowerCase();
	if (!FRAME_ID.test(chart)) {
		return { value: null, notices: [{ param: 'edit', value: raw.slice(0, 40), reason: 'malformed' }] };
	}
	const notices: UrlNotice[] = [];
	const keep = <T>(p: Parsed<T>): T => {
		notices.push(...p.notices);
		return p.value;
	};
	const size = keep(parseEnum(params, 'size', EDIT_SIZES, DEFAULT_SIZE));
	const mm = keep(parseInteger(params, 'mm', EDIT_LIMITS.mmMin, EDIT_LIMITS.mmMax)) ?? DEFAULT_PRINT_MM;
	const highlight =
		keep(parseIdList(params, 'hl', knownCities, { max: EDIT_LIMITS.highlight })) ?? ([] as string[]);
	return {
		value: {
			chart,
			title: text(params, 'title', EDIT_LIMITS.title, notices),
			subtitle: text(params, 'subtitle', EDIT_LIMITS.subtitle, notices),
			notes: text(params, 'notes', EDIT_LIMITS.notes, notices),
			highlight,
			size,
			mm,
			bg: keep(parseEnum(params, 'bg', EDIT_BACKGROUNDS, DEFAULT_BACKGROUND))
		},
		notices
	};
}

/** The edit's parameters in a stable order, defaults left out (`?edit=…&title=…`); '' for no edit. */
export function editQuery(edit: ExportEdit | null): string {
	if (!edit) return '';
	const entries: [string, QueryValue, QueryValue?][] = [
		['edit', edit.chart],
		['title', cleanLabel(edit.title, EDIT_LIMITS.title)],
		['subtitle', cleanLabel(edit.subtitle, EDIT_LIMITS.subtitle)],
		['notes', cleanLabel(edit.notes, EDIT_LIMITS.notes)],
		['hl', edit.highlight.slice(0, EDIT_LIMITS.highlight), []],
		['size', edit.size, DEFAULT_SIZE],
		['mm', edit.size === 'print' ? edit.mm : null, DEFAULT_PRINT_MM],
		['bg', edit.bg, DEFAULT_BACKGROUND]
	];
	return toQuery(entries);
}

/**
 * A query string (`?a=1` or '') with the edit's parameters in place of any it had: the view's state stays
 * as it was, the edit follows it.
 */
export function withEdit(query: string, edit: ExportEdit | null): string {
	const params = new URLSearchParams(query);
	for (const name of EDIT_PARAMS) params.delete(name);
	const view = params.toString().replace(/%2C/g, ',');
	const own = editQuery(edit).slice(1);
	const joined = [view, own].filter(Boolean).join('&');
	return joined ? `?${joined}` : '';
}
