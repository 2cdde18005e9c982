/**
 * Text-width estimates for laying out labels without a DOM (server rendering, export, workers).
 * A CJK glyph is about 1em wide; Latin letters average about 0.55em, with narrow and wide exceptions.
 * Estimates lean slightly wide so that a label given the estimated room is never cut.
 */

const NARROW = new Set([..."iIl.,:;|!'`()[]{}"]);
const SEMI = new Set([...'fjrt-/ ']);
const WIDE = new Set([...'mwMW@%']);

/** Whether a code point is a full-width (East Asian wide) character. */
export function isWide(codePoint: number): boolean {
	return (
		(codePoint >= 0x1100 && codePoint <= 0x115f) ||
		(codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
		(codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
		(codePoint >= 0xf900 && codePoint <= 0xfaff) ||
		(codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
		(codePoint >= 0xff00 && codePoint <= 0xff60) ||
		(codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
		(codePoint >= 0x20000 && codePoint <= 0x3fffd)
	);
}

/** Width of one character in em. */
export function charWidthEm(char: string): number {
	const cp = char.codePointAt(0) ?? 0;
	if (isWide(cp)) return 1;
	if (NARROW.has(char)) return 0.3;
	if (SEMI.has(char)) return 0.38;
	if (WIDE.has(char)) return 0.86;
	if (char >= '0' && char <= '9') return 0.58;
	if (char >= 'A' && char <= 'Z') return 0.68;
	return 0.56;
}

/** Estimated width in px of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const char of text) em += charWidthEm(char);
	return em * fontSize;
}

/**
 * Shortens `text` to fit `maxWidth`, ending with an ellipsis. Returns the text unchanged when it fits.
 */
export function truncate(text: string, maxWidth: number, fontSize: number): string {
	if (textWidth(text, fontSize) <= maxWidth) return text;
	const ellipsis = '…';
	const room = maxWidth - textWidth(ellipsis, fontSize);
	let out = '';
	let width = 0;
	for (const char of text) {
		const w = charWidthEm(char) * fontSize;
		if (width + w > room) break;
		out += char;
		width += w;
	}
	return out.trimEnd() + ellipsis;
}

/** Characters after which a CJK line may not break (opening brackets) and before which it may not (closing). */
const NO_BREAK_AFTER = new Set([...'（《“‘「【(']);
const NO_BREAK_BEFORE = new Set([...'，。、；：！？）》”’」】,.;:!?)']);

/** Splits text into units that may not be broken: Latin words (with their trailing space) or single CJK glyphs. */
function breakUnits(text: string): string[] {
	const units: string[] = [];
	let word = '';
	/** Pushes a Latin word, keeping it on the line of an opening bracket just before it. */
	const pushWord = (w: string) => {
		const last = units.length - 1;
		if (last >= 0 && NO_BREAK_AFTER.has([...units[last]].at(-1) ?? '')) units[last] += w;
		else units.push(w);
	};
	for (const char of text) {
		const cp = char.codePointAt(0) ?? 0;
		if (isWide(cp)) {
			if (word) {
				pushWord(word);
				word = '';
			}
			const last = units.length - 1;
			if (NO_BREAK_BEFORE.has(char) && last >= 0) units[last] += char;
			else if (last >= 0 && NO_BREAK_AFTER.has([...units[last]].at(-1) ?? '')) units[last] += char;
			else units.push(char);
		} else if (char === ' ') {
			pushWord(word + ' ');
			word = '';
		} else {
			word += char;
		}
	}
	if (word) pushWord(word);
	return units;
}

/**
 * Wraps text into lines no wider than `maxWidth`, breaking between Latin words and between CJK glyphs
 * (never before closing punctuation). At most `maxLines` lines; the last is truncated when the text is longer.
 */
export function wrap(text: string, maxWidth: number, fontSize: number, maxLines = Infinity): string[] {
	const lines: string[] = [];
	let line = '';
	for (const unit of breakUnits(text)) {
		const candidate = line + unit;
		if (line && textWidth(candidate.trimEnd(), fontSize) > maxWidth) {
			lines.push(line.trimEnd());
			line = unit;
		} else {
			line = candidate;
		}
	}
	if (line.trim()) lines.push(line.trimEnd());
	if (lines.length > maxLines) {
		const kept = lines.slice(0, maxLines);
		kept[maxLines - 1] = truncate(lines.slice(maxLines - 1).join(' '), maxWidth, fontSize);
		return kept;
	}
	return lines.map((l) => (textWidth(l, fontSize) > maxWidth ? truncate(l, maxWidth, fontSize) : l));
}
