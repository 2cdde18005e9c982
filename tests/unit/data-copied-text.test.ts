/**
 * Facts carry over from the article, its sentences do not (shared/source/README.md). This test looks
 * for runs of the article's text repeated in the dataset's own words (titles, notes, crosswalk reasons,
 * track descriptions) and in the text the pages show (message catalogues, views, the data README).
 *
 * A run is 12 consecutive characters, at least 8 of them Chinese, compared with spaces removed and with
 * Latin letters, digits and punctuation counted as characters of the run: the article writes
 * "AI 智算中心", so "AI智算中心" in a title is the same run, and a list copied with its 、 is a copy.
 * The article is read whole, its 《…》 titles included, so repeating part of a document name outside
 * 《》 counts. Allowed: text inside 《》 (document names), and the names listed in NAMES (a facility's
 * name and the article's sub-headings, which the data keeps verbatim as names).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinDataset as d } from '../../src/lib/data/builtin';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The article sits beside the project (../shared/source); ARTICLE_PATH overrides. */
const ARTICLE =
	[process.env.ARTICLE_PATH, resolve(ROOT, '../shared/source/article-zh-simplified.txt')].find(
		(p): p is string => !!p && existsSync(p)
	) ?? null;

const RUN = 12;
const MIN_HAN = 8;
const HAN = /\p{Script=Han}/u;

const articleText = ARTICLE ? readFileSync(ARTICLE, 'utf8') : '';
/** A stretch of the article, cut from it so that this file does not itself repeat the article. */
const cut = (from: string, to: string) => {
	const start = articleText.indexOf(from);
	const end = articleText.indexOf(to, start);
	return start < 0 || end < 0 ? '' : articleText.slice(start, end + to.length);
};
/** The facility's name as the article prints it ("硬X射线…装置"). */
const FACILITY = cut('硬X射线', '装置');

/** Names the data keeps verbatim outside 《》: they may repeat the article. */
const NAMES = [
	...(FACILITY ? [FACILITY] : []),
	...d.categories.map((c) => c.name.zh),
	...new Set(d.events.map((e) => e.source.heading))
];

/** Spaces removed; full-width and half-width punctuation made one. */
export function normalise(s: string): string {
	return s
		.replace(/\s+/gu, '')
		.replace(/[，]/gu, ',')
		.replace(/[：]/gu, ':')
		.replace(/[；]/gu, ';')
		.replace(/[（]/gu, '(')
		.replace(/[）]/gu, ')')
		.replace(/[－—–]/gu, '-');
}

/** Our text with document names and NAMES cut out (each leaves a break no run crosses). */
function ours(s: string): string[] {
	let t = normalise(s).replace(/《[^》]*》/gu, '\u0000');
	for (const name of NAMES) t = t.split(normalise(name)).join('\u0000');
	return t.split('\u0000');
}

function windows(s: string): string[] {
	const chars = [...s];
	const out: string[] = [];
	for (let i = 0; i + RUN <= chars.length; i++) {
		const w = chars.slice(i, i + RUN);
		if (w.filter((c) => HAN.test(c)).length >= MIN_HAN) out.push(w.join(''));
	}
	return out;
}

const shingles = new Set(windows(normalise(articleText)));

/** The first run of `s` that repeats the article, or null. */
export function copiedRun(s: string): string | null {
	for (const part of ours(s)) for (const w of windows(part)) if (shingles.has(w)) return w;
	return null;
}

/** Every text the dataset writes in its own words, with where it sits. */
function ownTexts(): [string, string][] {
	const out: [string, string][] = [];
	for (const e of d.events) {
		out.push([`${e.id} › title.zh`, e.title.zh], [`${e.id} › title.en`, e.title.en]);
		if (e.note) out.push([`${e.id} › note.zh`, e.note.zh], [`${e.id} › note.en`, e.note.en]);
	}
	for (const t of d.tracks) out.push([`${t.id} › description.zh`, t.description.zh]);
	for (const list of d.futureIndustries)
		for (const item of list.items)
			for (const m of item.tracks) out.push([`${list.cityId} › ${item.name.zh} › ${m.trackId}`, m.reason.zh]);
	return out;
}

/** Text files of the pages and the data's documentation, line by line. */
function pageLines(): [string, string][] {
	let files: string[];
	try {
		files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'src', '*.md'], {
			cwd: ROOT,
			encoding: 'utf8'
		}).split('\n');
	} catch {
		files = ['src/lib/data/README.md', 'README.md'];
	}
	const out: [string, string][] = [];
	for (const f of files) {
		if (!/\.(ts|svelte|md|json)$/.test(f) || !existsSync(join(ROOT, f))) continue;
		readFileSync(join(ROOT, f), 'utf8')
			.split('\n')
			.forEach((line, i) => out.push([`${f}:${i + 1}`, line]));
	}
	return out;
}

describe('copied text', () => {
	it('reads the article (../shared/source beside the project, or ARTICLE_PATH)', () => {
		// without it nothing below would be checked: a missing article fails rather than skips
		expect(ARTICLE, 'article-zh-simplified.txt not found: set ARTICLE_PATH').not.toBeNull();
	});

	it('finds a run the article writes with a space, and a copied list', () => {
		// the article has a space before 智算中心; a title without it is the same run
		const centre = cut('在深圳建成', '中心');
		expect(centre).toContain(' ');
		expect(copiedRun(centre.replace(/\s+/g, ''))).not.toBeNull();
		// a list copied with its 、
		expect(copiedRun(cut('重点为数字经济', '新材料'))).not.toBeNull();
		// part of a document name, outside 《》
		expect(
			copiedRun(cut('上海市进一步推进', '行动方案').replace('上海市进一步推进', '上海印发'))
		).not.toBeNull();
	});

	it('lets document names in 《》 and listed names stay', () => {
		expect(copiedRun('《算力基础设施高质量发展行动计划》')).toBeNull();
		expect(FACILITY).toHaveLength(12);
		expect(copiedRun(`上海:${FACILITY}`)).toBeNull();
		expect(copiedRun('上海出台新政策')).toBeNull();
	});

	it("keeps the dataset's titles, notes and reasons in its own words", () => {
		const hits = ownTexts().flatMap(([where, s]) => {
			const run = copiedRun(s);
			return run ? [`${where}: ${run}`] : [];
		});
		expect(hits).toEqual([]);
	});

	it('keeps the pages and the documentation in their own words', () => {
		const hits = pageLines().flatMap(([where, s]) => {
			const run = copiedRun(s);
			return run ? [`${where}: ${run}`] : [];
		});
		expect(hits).toEqual([]);
	});
});
