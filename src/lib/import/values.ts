/**
 * Cell readers for imported files: the forms people actually type in spreadsheets, in Chinese and
 * English — full-width digits and punctuation, "5月", "May", "2023-05", "2023年5月", Excel date serials,
 * ranges such as "5月到6月". Each reader returns a value or null (blank) or throws nothing: an
 * unreadable cell comes back as `BAD`, and the caller turns it into a problem with the row and column.
 * Pure; no DOM.
 */
import { EVENT_KINDS } from '../data/schema';
import type { EventKind, EventScope, MatchStrength, SourceSection } from '../data/types';
import { StringMap } from './tables';

/** Marks a cell that could not be read (distinct from a blank cell, which reads as null). */
export const BAD = Symbol('bad');
export type Read<T> = T | null | typeof BAD;

function nonAscii(s: string): boolean {
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return true;
	return false;
}

/**
 * Full-width forms to their ASCII equivalents (２０２３ → 2023, ５月 → 5月, ， → ,) and trimmed.
 * NFKC only when the cell has non-ASCII characters, which keeps the common case fast.
 */
export function halfWidth(s: string): string {
	const t = nonAscii(s) ? s.normalize('NFKC').replace(/\u3000/g, ' ') : s;
	return t.trim();
}

/** Case-, width- and punctuation-insensitive key for matching headers and names. */
export function matchKey(s: string): string {
	return halfWidth(s)
		.toLowerCase()
		.replace(/[\s_\-.()[\]{}:/\\'"’“”·、,;|]+/g, '');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u;
export const hasCjk = (s: string): boolean => CJK.test(s);

/** A lower-case ASCII slug ('Hong Kong' → 'hong-kong'), or '' when nothing Latin is left. */
export function slugify(s: string): string {
	return halfWidth(s)
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A short, stable hash of a text (for ids of names with no Latin letters). */
export function shortHash(s: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	return (h1 >>> 0).toString(36).padStart(6, '0').slice(0, 6);
}

/** 53-bit hash of a row's cells, for spotting duplicate rows without keeping the rows. */
export function rowHash(cells: readonly string[]): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (const cell of cells) {
		for (let i = 0; i < cell.length; i++) {
			const c = cell.charCodeAt(i);
			h1 = Math.imul(h1 ^ c, 2654435761);
			h2 = Math.imul(h2 ^ c, 1597334677);
		}
		h1 = Math.imul(h1 ^ 0x1f, 2654435761);
		h2 = Math.imul(h2 ^ 0x1f, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

const MONTHS_EN = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];
/** Maps, not object literals: a cell such as "constructor" must not find Object.prototype's. */
const CN_DIGITS = new Map<string, number>([
	['一', 1],
	['二', 2],
	['三', 3],
	['四', 4],
	['五', 5],
	['六', 6],
	['七', 7],
	['八', 8],
	['九', 9],
	['十', 10],
	['十一', 11],
	['十二', 12],
	['正', 1],
	['元', 1]
]);

function monthName(s: string): number | null {
	const t = s.toLowerCase().replace(/\.$/, '');
	if (t.length < 3) return null;
	const i = MONTHS_EN.findIndex((m) => m.startsWith(t));
	return i >= 0 ? i + 1 : null;
}

/** One month token: "5", "05", "5月", "五月", "May", "Sept." → 1–12, else null. */
function monthToken(s: string): number | null {
	const t = s.trim().replace(/月份?$/, '');
	if (/^\d{1,2}$/.test(t)) {
		const m = Number(t);
		return m >= 1 && m <= 12 ? m : null;
	}
	const cn = CN_DIGITS.get(t);
	if (cn !== undefined) return cn;
	return monthName(t);
}

export interface When {
	year: number | null;
	month: number | null;
	monthEnd: number | null;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel date serial (days since 1899-12-30) in a plausible range → year and month. */
function excelSerial(n: number): When | null {
	if (!(n >= 1 && n < 2958466)) return null;
	const d = new Date(EXCEL_EPOCH + Math.floor(n) * 86_400_000);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, monthEnd: null };
}

const RANGE = /^(.+?)\s*(?:-|–|—|~|〜|至|到|to|until)\s*(.+)$/i;

/**
 * A month cell, possibly with a year or a range: "5", "5月", "May", "2023-05", "2023/5/1", "2023年5月",
 * "May 2023", "5月到6月", "5-6", Excel serials (45047 → 2023-05). Blank → null; unreadable → BAD.
 */
export function readWhen(raw: string): Read<When> {
	if (raw === '') return null;
	const s = halfWidth(raw);
	if (s === '') return null;
	const single = monthToken(s);
	if (single !== null) return { year: null, month: single, monthEnd: null };
	// 2023-05, 2023/5/1, 2023.05, 2023年5月(1日), 2023-05-01T00:00
	let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月|[-/.]\s*\d{1,2}\s*日?(?:[ t].*)?|[-/.])?$/i.exec(s);
	if (m) {
		const month = Number(m[2]);
		if (month >= 1 && month <= 12) return { year: Number(m[1]), month, monthEnd: null };
		return BAD;
	}
	// 5/1/2023 (US) is ambiguous with 1/5/2023; only accept month/year: 05/2023
	m = /^(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(s);
	if (m) {
		const month = Number(m[1]);
		return month >= 1 && month <= 12 ? { year: Number(m[2]), month, monthEnd: null } : BAD;
	}
	// May 2023, 2023 May
	m = /^([a-z]+\.?)\s*,?\s*(\d{4})$/i.exec(s) ?? /^(\d{4})\s*,?\s*([a-z]+\.?)$/i.exec(s);
	if (m) {
		const [name, year] = /^\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
		const month = monthName(name);
		return month ? { year: Number(year), month, monthEnd: null } : BAD;
	}
	// Excel serial
	if (/^\d{5}(?:\.\d+)?$/.test(s)) return excelSerial(Number(s)) ?? BAD;
	// ranges: 5月到6月, 5-6, May–June, 2023年5月至6月
	m = RANGE.exec(s);
	if (m) {
		const from = readWhen(m[1]);
		const to = readWhen(m[2]);
		if (from && to && from !== BAD && to !== BAD && from.month !== null && to.month !== null) {
			if (from.monthEnd !== null || to.monthEnd !== null) return BAD;
			// a range may cross one year's end ("2023年11月至2024年2月"): its end month is then before its
			// start; with both years given, it must end in the same year after it starts, or in the next
			// year before the same month (ranges are at most twelve months)
			if (to.year !== null && from.year !== null) {
				const crosses = to.year === from.year + 1 && to.month < from.month;
				const within = to.year === from.year && to.month >= from.month;
				if (!crosses && !within) return BAD;
			}
			const year = from.year ?? (to.year !== null && to.month < from.month ? to.year - 1 : to.year);
			return { year, month: from.month, monthEnd: to.month };
		}
	}
	return BAD;
}

/** A year: "2023", "2023年", "２０２３", a full date, or an Excel serial. */
export function readYear(raw: string): Read<When> {
	if (raw.length === 4 && /^\d{4}$/.test(raw)) return { year: Number(raw), month: null, monthEnd: null };
	const s = halfWidth(raw);
	if (s === '') return null;
	const y = /^(\d{4})\s*年?$/.exec(s);
	if (y) return { year: Number(y[1]), month: null, monthEnd: null };
	const w = readWhen(s);
	if (w === null || w === BAD || w.year === null) return BAD;
	return w;
}

/** A whole number ≥ 1 (bullet, position). */
export function readPositive(raw: string): Read<number> {
	const s = halfWidth(raw);
	if (s === '') return null;
	if (!/^\d{1,9}$/.test(s)) return BAD;
	const n = Number(s);
	return n >= 1 ? n : BAD;
}

/** A decimal number, allowing a trailing degree sign and hemisphere letter: "31.23°N". */
export function readNumber(raw: string): Read<number> {
	if (raw === '') return null;
	const s = halfWidth(raw)
		.replace(/°\s*[nsewNSEW北南东西]?$|\s*[nsewNSEW北南东西]$/, '')
		.trim();
	if (s === '') return null;
	if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(s)) return BAD;
	const n = Number(s);
	return Number.isFinite(n) ? n : BAD;
}

const KIND_NAMES = new Map<string, EventKind>(
	Object.entries({
		设施: 'facility',
		大科学装置: 'facility',
		算力中心: 'computing-centre',
		计算中心: 'computing-centre',
		computingcentre: 'computing-centre',
		computingcenter: 'computing-centre',
		政策: 'policy',
		法规: 'regulation',
		条例: 'regulation',
		规划: 'plan',
		计划: 'plan',
		方案: 'plan',
		基金: 'fund',
		访问: 'visit',
		考察: 'visit',
		捐赠: 'donation',
		展会: 'expo',
		博览会: 'expo',
		协议: 'agreement',
		签约: 'agreement',
		模型发布: 'model-release',
		大模型: 'model-release',
		modelrelease: 'model-release',
		试点: 'pilot',
		其他: 'other',
		其它: 'other'
	} satisfies Record<string, EventKind>)
);
for (const k of EVENT_KINDS) KIND_NAMES.set(matchKey(k), k);

/** A kind of action by id or by its Chinese or English label; unknown → BAD (the caller may default). */
export function readKind(raw: string): Read<EventKind> {
	if (raw === '') return null;
	const s = matchKey(raw);
	if (s === '') return null;
	return KIND_NAMES.get(s) ?? BAD;
}

const NATIONAL = new Set([
	'national',
	'nation',
	'country',
	'china',
	'全国',
	'国家',
	'中国',
	'国家级',
	'全国性'
]);
/** Whether a city cell names the whole country ('全国', 'national'…); short cells only, so it is cheap per row. */
const nationalSeen = new Map<string, boolean>();
export function isNationalName(raw: string): boolean {
	if (raw.length > 16) return false;
	let yes = nationalSeen.get(raw);
	if (yes === undefined) {
		yes = NATIONAL.has(matchKey(raw));
		if (nationalSeen.size < 10_000) nationalSeen.set(raw, yes);
	}
	return yes;
}

export function readScope(raw: string): Read<EventScope> {
	if (raw === '') return null;
	const s = matchKey(raw);
	if (s === '') return null;
	if (NATIONAL.has(s)) return 'national';
	if (['city', 'local', '城市', '地方', '市', '市级'].includes(s)) return 'city';
	return BAD;
}

export function readSection(raw: string): Read<SourceSection> {
	if (raw === '') return null;
	const s = matchKey(raw);
	if (s === '') return null;
	if (['events', 'event', 'list', '事件', '大事件', '事件列表', '列表'].includes(s)) return 'events';
	if (['commentary', 'comment', 'review', 'interview', '评论', '点评', '述评', '访谈', '评述'].includes(s))
		return 'commentary';
	return BAD;
}

export function readMatch(raw: string): Read<MatchStrength> {
	if (raw === '') return null;
	const s = matchKey(raw);
	if (s === '') return null;
	if (['exact', '完全', '精确', '完全对应'].includes(s)) return 'exact';
	if (['partial', '部分', '部分对应'].includes(s)) return 'partial';
	if (['broad', '宽泛', '大致', '宽泛对应'].includes(s)) return 'broad';
	return BAD;
}

/**
 * A reader that remembers its answers for the cells it has seen. Year, month, kind, scope and section
 * columns repeat a handful of values over a whole file, so a million rows cost a million small-map
 * look-ups instead of a million rounds of normalising and regular expressions. The answers are shared,
 * so callers must not change them (none does). Remembers at most `limit` distinct cells.
 */
export function remembering<T>(read: (raw: string) => Read<T>, limit = 4_096): (raw: string) => Read<T> {
	const seen = new StringMap<Read<T>>();
	return (raw) => {
		if (raw === '') return null;
		let v = seen.get(raw);
		if (v === undefined) {
			v = read(raw);
			if (seen.size < limit) seen.set(raw, v);
		}
		return v;
	};
}

/** A list cell ("a; b；c") → its non-empty parts, trimmed. */
export function splitList(raw: string): string[] {
	if (raw.trim() === '') return [];
	return raw
		.split(/\s*[;；]\s*/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
}
