/**
 * Characters an imported text must not carry into the dashboard, its downloads or its SVG: C0 control
 * characters (tab and line breaks only in fields whose text may run over lines), DEL, C1 controls,
 * bidirectional overrides and isolates (U+202A–202E, U+2066–2069), zero-width characters
 * (U+200B–200F) and a byte-order mark inside text (U+FEFF). They are invisible, reorder what a reader
 * sees, or ring bells in a terminal; they are removed at import and the reader is told (a warning).
 * Pure; no DOM.
 */

/* eslint-disable no-control-regex -- control characters are what these patterns are for */

/** Anything that may need cleaning (tab and line breaks included: they are allowed in some fields). */
const SUSPECT = /[\0-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;
const UNSAFE = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const BREAKS = /\r\n|[\t\n\r]/g;
/**
 * A chunk of text whose cells need looking at: it holds an unsafe character, U+FFFD (bytes that could
 * not be decoded) or a quote (a quoted cell may hold a line break); a tab only where a cell can hold one.
 */
const DIRTY = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd"]/;
/* eslint-enable no-control-regex */

export const dirtyText = (text: string, tabs: boolean): boolean =>
	DIRTY.test(text) || (tabs && text.includes('\t'));

/** Fields whose text may hold tabs and line breaks (titles, notes, reasons). */
export const MULTILINE = new Set([
	'title',
	'title_zh',
	'title_en',
	'note',
	'note_zh',
	'note_en',
	'reasons_zh',
	'reasons_en'
]);

/** Whether a text holds anything `cleanText` might change (a fast test for the common clean case). */
export const suspect = (s: string): boolean => SUSPECT.test(s);

const codePoint = (ch: string): string =>
	'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/**
 * The text without unsafe characters (tabs and line breaks become a space unless `multiline`), and the
 * distinct characters taken out as "U+202E" (at most six listed); null when nothing had to change.
 */
export function cleanText(s: string, multiline: boolean): { text: string; removed: string } | null {
	if (!SUSPECT.test(s)) return null;
	const found = new Set<string>();
	let text = s.replace(UNSAFE, (ch) => {
		found.add(codePoint(ch));
		return '';
	});
	if (!multiline)
		text = text.replace(BREAKS, (ch) => {
			for (const c of ch) found.add(codePoint(c));
			return ' ';
		});
	if (found.size === 0) return null;
	const list = [...found];
	return { text, removed: list.slice(0, 6).join(', ') + (list.length > 6 ? ', …' : '') };
}
