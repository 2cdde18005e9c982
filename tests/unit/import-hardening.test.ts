/**
 * The import items of the security audit (issue 22): a file's encoding decided by evidence, never
 * garbage; keys named after built-in properties; the cell limit for JSON values; invisible and control
 * characters cleaned at import; every message in the page's language. Each test replays an input of
 * the audit; each property runs the pipeline on arbitrary keys and bytes.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Locale } from '$lib/data/types';
import { datasetJson, eventsCsvFull } from '$lib/import/export';
import { unpack } from '$lib/import/pack';
import { ImportJob, importFiles, MAX_CELL, MAX_FILE_BYTES, type ImportOutcome } from '$lib/import/pipeline';
import type { ProblemCode } from '$lib/import/problems';
import { readKind, readWhen, BAD } from '$lib/import/values';
import { problemText } from '$lib/import/wording';
import { hasMessage } from '$lib/i18n';

const enc = (s: string) => new TextEncoder().encode(s);
const run = (bytes: Uint8Array, name = 'events.csv', chunk?: number, kind: 'events' | 'futures' = 'events') =>
	importFiles([{ kind, name, bytes }], chunk ? { chunk } : {});
const codes = (o: ImportOutcome) => o.problems.map((p) => p.code);
const cityNames = (o: ImportOutcome) =>
	o.packed
		? unpack(o.packed)
				.cities.map((c) => c.name.zh)
				.sort()
		: [];
const LOCALES: Locale[] = ['zh', 'en'];
/** Messages of an outcome in a language. */
const worded = (o: ImportOutcome, locale: Locale) => o.problems.map((p) => problemText(locale, p));
/** Latin letters outside placeholders' values: what a Chinese message must not be made of. */
const ENGLISH_WORDS =
	/\b(?:Unexpected|token|JSON at position|is not a function|must be|expected|required|Invalid)\b/;

const CSV_ZH = [
	'城市,类别,年份,月份,标题',
	'合肥,量子,2024,3,合肥量子中心',
	'苏州,人工智能,2024,5,苏州'
].join('\n');

describe('3. the encoding is decided by evidence', () => {
	it('a UTF-8 file with its last byte cut stays UTF-8 and reports the damaged cell by row and column', () => {
		const bytes = enc(CSV_ZH);
		for (const chunk of [undefined, 7, 64]) {
			const o = run(bytes.subarray(0, bytes.length - 1), 'cut.csv', chunk);
			expect(o.files[0].encoding).toBe('utf-8');
			// every row is read as written: no 鍚堣偉 or 鑻忓窞
			expect(cityNames(o)).toEqual(['合肥', '苏州']);
			const bad = o.problems.filter((p) => p.code === 'badBytes');
			expect(bad).toHaveLength(1);
			// kept, marked and reported: the cell shows U+FFFD where the lost byte was
			expect(bad[0]).toMatchObject({ row: 3, column: '标题', severity: 'warning', value: '苏\uFFFD' });
			expect(o.errors + o.warnings).toBeGreaterThan(0);
		}
	});

	it('one bad byte in the middle of a UTF-8 file is reported where it is, the rest is read as written', () => {
		const [head, tail] = [
			enc('城市,类别,年份,月份,标题\n合肥,量子,2024,3,合'),
			enc('肥量子\n苏州,人工智能,2024,5,苏州\n')
		];
		const bytes = new Uint8Array([...head, 0xff, ...tail]);
		const o = run(bytes);
		expect(o.files[0].encoding).toBe('utf-8');
		expect(cityNames(o)).toEqual(['合肥', '苏州']);
		expect(o.problems.find((p) => p.code === 'badBytes')).toMatchObject({ row: 2, column: '标题' });
		expect(unpack(o.packed!).events.map((e) => e.title.zh)).toEqual(['合\uFFFD肥量子', '苏州']);
	});

	it('a UTF-8 file with a byte-order mark and a bad byte reports it too (never "no problems")', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(CSV_ZH).subarray(0, -1)]);
		const o = run(bytes);
		expect(codes(o)).toContain('badBytes');
	});

	it('GBK is read as GBK when it decodes cleanly and is not UTF-8', () => {
		for (const chunk of [undefined, 5]) {
			const o = run(iconv.encode(CSV_ZH, 'gbk'), 'gbk.csv', chunk);
			expect(o.files[0].encoding).toBe('gbk');
			expect(cityNames(o)).toEqual(['合肥', '苏州']);
			expect(o.problems).toEqual([]);
		}
	});

	it('Big5 and Shift-JIS are named and refused, never imported as garbage', () => {
		const big5 = run(iconv.encode('城市,類別,年份,月份,標題\n臺北,人工智慧,2024,3,臺北市發布計畫', 'big5'));
		expect(big5.packed).toBeNull();
		expect(big5.problems).toMatchObject([{ code: 'unsupportedEncoding', params: { encoding: 'Big5' } }]);
		expect(big5.files[0].encoding).toBeNull();
		const sjis = run(
			iconv.encode('都市,分類,年,月,タイトル\n東京,人工知能,2024,3,東京のニュース', 'shift_jis')
		);
		expect(sjis.packed).toBeNull();
		expect(sjis.problems).toMatchObject([{ code: 'unsupportedEncoding', params: { encoding: 'Shift-JIS' } }]);
		for (const locale of LOCALES) {
			expect(worded(big5, locale)[0]).toContain('Big5');
			expect(worded(big5, locale)[0]).toContain('UTF-8');
		}
	});

	it('text in an encoding it cannot recognise is refused with a way out', () => {
		const o = run(iconv.encode('city,category,year,title\nZürich,Straße,2024,Café für alle', 'latin1'));
		expect(o.packed).toBeNull();
		expect(codes(o)).toEqual(['unknownEncoding']);
	});
});

describe('4. keys named after built-in properties', () => {
	const records: Record<string, unknown>[] = [
		{ city: '合肥', category: '量子', year: 2024, month: 3, title: '合肥', constructor: 'x', toString: 'y' },
		{ city: '苏州', category: '量子', year: 2024, month: 4, title: '苏州', hasOwnProperty: 1, valueOf: 'v' }
	];

	it('JSON records with constructor or toString keys import, and the outcome can cross to the page', () => {
		const o = run(enc(JSON.stringify(records)), 'events.json');
		expect(o.fatal).toBe(false);
		expect(cityNames(o)).toEqual(['合肥', '苏州']);
		// postMessage clones the outcome: no function may hide in it
		expect(() => structuredClone(o)).not.toThrow();
		for (const row of o.files[0].preview) for (const cell of row) expect(typeof cell).toBe('string');
	});

	it('a record missing a key named like a prototype property reads it as blank, not as the prototype’s', () => {
		const text =
			'[{"city":"合肥","category":"量子","year":2024,"title":"x","__proto__":"p"},{"city":"苏州","category":"量子","year":2024,"title":"y"}]';
		const o = run(enc(text), 'events.json');
		expect(o.files[0].header).toContain('__proto__');
		expect(o.files[0].preview[1][o.files[0].header.indexOf('__proto__')]).toBe('');
		expect(() => structuredClone(o)).not.toThrow();
	});

	it('future-industry lists and whole datasets with such keys do not crash either', () => {
		const lists = [
			{ cityId: 'hefei', constructor: 1, items: [{ name: { zh: '量子', en: 'Quantum' }, toString: 2 }] }
		];
		expect(() =>
			structuredClone(run(enc(JSON.stringify(lists)), 'f.json', undefined, 'futures'))
		).not.toThrow();
		const whole = {
			events: [{ constructor: 'x' }],
			cities: [{ toString: 'y' }],
			clusters: [],
			categories: []
		};
		const o = run(enc(JSON.stringify(whole)), 'd.json');
		expect(o.packed).toBeNull();
		expect(() => structuredClone(o)).not.toThrow();
	});

	it('cells reading constructor or toString are unknown words, not Object.prototype’s functions', () => {
		for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
			expect(readKind(word)).toBe(BAD);
			expect(readWhen(word)).toBe(BAD);
		}
	});
});

describe('7. the cell limit applies to JSON values too', () => {
	it('a title over the limit leaves its record out with a problem naming the record and field', () => {
		const big = [
			{ city: '合肥', category: '量子', year: 2024, month: 3, title: 'x'.repeat(MAX_CELL + 1) },
			{ city: '苏州', category: '量子', year: 2024, month: 4, title: '苏州' }
		];
		const o = run(enc(JSON.stringify(big)), 'events.json');
		expect(o.problems).toMatchObject([
			{ code: 'valueTooLong', row: 1, column: 'title', severity: 'error', params: { max: MAX_CELL } }
		]);
		expect(cityNames(o)).toEqual(['苏州']);
		// nothing keeps the value in full: not the preview, not the rejected rows
		const longest = Math.max(
			...[...o.files[0].preview, ...o.rejected.map((r) => r.cells)].flat().map((c) => c.length)
		);
		expect(longest).toBeLessThan(1000);
		for (const locale of LOCALES) expect(worded(o, locale)[0]).toMatch(/100[,\s\u202f]?000/);
	});

	it('a value at the limit is kept', () => {
		const o = run(
			enc(
				JSON.stringify([
					{ city: '合肥', category: '量子', year: 2024, month: 3, title: 'x'.repeat(MAX_CELL) }
				])
			),
			'events.json'
		);
		expect(o.problems).toEqual([]);
	});
});

describe('8. imported text is cleaned of control and invisible characters', () => {
	const UNSAFE = [
		'\u0007',
		'\u001b',
		'\u0000',
		'\u007f',
		'\u0085',
		'\u009b',
		'\u202a',
		'\u202e',
		'\u2066',
		'\u2069',
		'\u200b',
		'\u200f',
		'\ufeff'
	];
	const ANY_UNSAFE = new RegExp(`[${UNSAFE.join('')}]`, 'u');

	it('every one of them is taken out of names, titles and notes, with a warning naming it', () => {
		for (const ch of UNSAFE) {
			const text = [
				'城市,类别,年份,月份,标题,备注',
				`合${ch}肥,量子${ch},2024,3,"标${ch}题",备${ch}注`,
				'苏州,量子,2024,4,苏州,',
				// a longer file: a few stray NULs are cleaned, a file of many is not text at all
				...Array.from({ length: 10 }, (_, i) => `苏州,量子,2024,${i + 1},苏州事件${i},`)
			].join('\n');
			const o = run(enc(text));
			expect(o.fatal).toBe(false);
			const ds = unpack(o.packed!);
			expect(ds.cities.map((c) => c.name.zh).sort()).toEqual(['合肥', '苏州']);
			expect(ANY_UNSAFE.test(JSON.stringify(ds))).toBe(false);
			// (the CSV download starts with a byte-order mark for Excel: that one is meant)
			expect(ANY_UNSAFE.test(eventsCsvFull(ds).replace(/^\uFEFF/, ''))).toBe(false);
			expect(ANY_UNSAFE.test(datasetJson(ds, 'x'))).toBe(false);
			const cleaned = o.problems.filter((p) => p.code === 'cleaned');
			expect(cleaned.length).toBe(4);
			expect(cleaned.every((p) => p.severity === 'warning' && p.row === 2)).toBe(true);
			const code = 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
			expect(cleaned[0].params?.chars).toBe(code);
		}
	});

	it('JSON values and keys, and a whole dataset’s names, are cleaned the same way', () => {
		const records: Record<string, unknown>[] = [
			{ city: 'He\u202efei\u0007', category: 'quantum', year: 2024, month: 3, 'ti\u200btle': 'T\u001b[31m' }
		];
		const o = run(enc(JSON.stringify(records)), 'events.json');
		expect(o.files[0].header).toContain('title');
		const ds = unpack(o.packed!);
		expect(ds.events[0].title.zh).toBe('T[31m');
		expect(ANY_UNSAFE.test(JSON.stringify(ds))).toBe(false);
		expect(codes(o).filter((c) => c === 'cleaned').length).toBe(3);
	});

	it('line breaks stay in titles and notes but not in names', () => {
		const o = run(enc('城市,类别,年份,月份,标题\n"新\n城",量子,2024,3,"第一行\n第二行"'));
		const ds = unpack(o.packed!);
		expect(ds.cities[0].name.zh).toBe('新 城');
		expect(ds.events[0].title.zh).toBe('第一行\n第二行');
		expect(o.problems.find((p) => p.code === 'cleaned')).toMatchObject({ column: '城市', row: 2 });
	});
});

describe('9. messages in the page’s language', () => {
	it('every problem code and dataset rule has a message in both languages', () => {
		const all: ProblemCode[] = [
			'fileTooLarge',
			'notText',
			'notTextUnknown',
			'utf16NoBom',
			'unsupportedEncoding',
			'unknownEncoding',
			'badJson',
			'badJsonEnd',
			'badJsonUnplaced',
			'badBytes',
			'valueTooLong',
			'cleaned'
		];
		for (const locale of LOCALES) {
			for (const code of all) expect(hasMessage(locale, `import.problem.${code}`)).toBe(true);
			for (const rule of [
				'missingField',
				'unknownField',
				'wrongType',
				'empty',
				'badValue',
				'duplicate',
				'unknownReference',
				'inconsistent',
				'notList',
				'notObject'
			])
				expect(hasMessage(locale, `import.issue.${rule}`)).toBe(true);
		}
	});

	it('a JSON syntax error is our own message with line and column, and nothing is added after it', () => {
		const o = run(enc('[\n  {"city": "合肥",}\n]'), 'events.json');
		expect(codes(o)).toEqual(['badJson']);
		expect(o.problems[0].params).toEqual({ line: 2, column: 17 });
		expect(worded(o, 'zh')[0]).toBe('不是有效的 JSON：第 2 行第 17 列附近有错误。');
		expect(worded(o, 'en')[0]).toBe('Not valid JSON: there is an error near line 2, column 17.');
		const cut = run(enc('[{"city": "合肥"'), 'events.json');
		expect(cut.problems).toHaveLength(1);
		expect(codes(cut)).not.toContain('emptyFile');
		for (const locale of LOCALES)
			for (const text of [...worded(o, locale), ...worded(cut, locale)])
				expect(text).not.toMatch(ENGLISH_WORDS);
	});

	it('a whole dataset’s schema problems are worded from our catalogue, not valibot’s English', () => {
		const o = run(
			enc(JSON.stringify({ events: [], cities: [{ id: 'x', extra: 1 }], clusters: [], categories: [] })),
			'd.json'
		);
		expect(o.packed).toBeNull();
		expect(o.problems.length).toBeGreaterThan(0);
		expect(o.problems.every((p) => p.code === 'datasetIssue' && typeof p.params?.rule === 'string')).toBe(
			true
		);
		for (const text of worded(o, 'zh')) {
			expect(text).not.toMatch(ENGLISH_WORDS);
			expect(text).not.toContain('undefined');
			expect(text).not.toContain('{reason}');
		}
		expect(worded(o, 'zh')).toContain('cities.json，记录 x，name：缺少必填字段');
		expect(worded(o, 'en')).toContain('cities.json, record x, extra: a field this page does not know');
	});

	it('binary, UTF-16 without a byte-order mark and UTF-32 files are named, not told columns are missing', () => {
		const utf16 = iconv.encode(CSV_ZH, 'utf16le');
		const cases: [Uint8Array, ProblemCode][] = [
			[new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'notText'],
			[new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]), 'notText'],
			[new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)), 'notTextUnknown'],
			[utf16, 'utf16NoBom'],
			[iconv.encode(CSV_ZH, 'utf16be'), 'utf16NoBom'],
			[
				new Uint8Array([0xff, 0xfe, 0, 0, ...iconv.encode(CSV_ZH, 'utf32le' as 'utf8')]),
				'unsupportedEncoding'
			],
			[iconv.encode(CSV_ZH, 'utf32le' as 'utf8'), 'unsupportedEncoding']
		];
		for (const [bytes, code] of cases)
			for (const chunk of [undefined, 3]) {
				const o = run(bytes, 'x.csv', chunk);
				expect(codes(o)).toEqual([code]);
				expect(o.files[0].encoding).toBeNull();
				for (const locale of LOCALES) expect(worded(o, locale)[0]).toContain('UTF-8');
			}
		// with a byte-order mark, UTF-16 is read
		const marked = run(new Uint8Array([0xff, 0xfe, ...utf16]));
		expect(cityNames(marked)).toEqual(['合肥', '苏州']);
	});

	it('the column limit is 1,000 and the message says so', () => {
		const row = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');
		const over = run(enc(row(1001)));
		expect(over.problems).toMatchObject([{ code: 'tooManyColumns', params: { max: 1000 } }]);
		expect(worded(over, 'en')[0]).toBe(
			'More than 1,000 columns in one row: this does not look like a data table.'
		);
		expect(worded(over, 'zh')[0]).toBe('一行超过 1,000 列，看起来不是数据表。');
		expect(codes(run(enc(row(1000))))).not.toContain('tooManyColumns');
		const keys = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`k${i}`, 1]));
		expect(codes(run(enc(JSON.stringify([keys])), 'k.json'))).toEqual(['tooManyColumns']);
	});

	it('a file too large is said to be too large, and nothing about an encoding', () => {
		const job = new ImportJob([{ kind: 'events', name: 'big.csv', size: MAX_FILE_BYTES + 1024 * 1024 }], {
			id: 'x',
			version: '1'
		});
		job.begin(0);
		job.endFile();
		const o = job.finish();
		expect(codes(o)).toEqual(['fileTooLarge']);
		expect(o.files[0].encoding).toBeNull();
		expect(worded(o, 'en')[0]).toBe(
			'The file is 201 MB; files up to 200 MB can be imported in a browser tab. Split it into smaller files.'
		);
	});
});

describe('the pipeline on arbitrary keys and bytes', () => {
	const PROTO = [
		'__proto__',
		'constructor',
		'toString',
		'hasOwnProperty',
		'valueOf',
		'isPrototypeOf',
		'prototype'
	];
	const key = fc.oneof(
		fc.constantFrom(
			...PROTO,
			'city',
			'category',
			'year',
			'month',
			'title',
			'title_zh',
			'kind',
			'cityId',
			'name'
		),
		fc.string({ maxLength: 8 })
	);
	const value = fc.oneof(
		fc.string({ maxLength: 10 }),
		fc.constantFrom('合肥', '量子', '2024', '3', 'constructor', 'toString', '__proto__', '\u202e', '\u0007'),
		fc.integer(),
		fc.constant(null),
		fc.record({ zh: fc.string({ maxLength: 4 }), en: fc.string({ maxLength: 4 }) })
	);
	const COLOUR = /^#[0-9a-f]{6}$/i;

	/** A dataset or problems, never an exception; nothing that cannot cross to the page; colours are colours. */
	function sound(o: ImportOutcome): void {
		expect(o.packed !== null || o.problems.length > 0).toBe(true);
		expect(() => structuredClone(o)).not.toThrow();
		for (const f of o.files)
			for (const row of f.preview) for (const cell of row) expect(typeof cell).toBe('string');
		if (o.packed) {
			// the import assigns no colours today; any it ever carries must be colours
			JSON.stringify(unpack(o.packed), (k, v) => {
				if (/colou?r/i.test(k) && typeof v === 'string') expect(v).toMatch(COLOUR);
				return v;
			});
		}
	}

	it('JSON records with arbitrary keys, prototype names included', () => {
		fc.assert(
			fc.property(fc.array(fc.dictionary(key, value, { maxKeys: 8 }), { maxLength: 6 }), (records) => {
				for (const kind of ['events', 'futures'] as const)
					sound(run(enc(JSON.stringify(records)), 'r.json', undefined, kind));
			}),
			{ numRuns: 300 }
		);
	});

	it('JSON text with prototype keys written literally (JSON.parse keeps "__proto__" as a key)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom(...PROTO), fc.string({ maxLength: 6 })), { maxLength: 6 }),
				(pairs) => {
					const body = pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',');
					const text = `[{"city":"合肥","category":"量子","year":2024${body ? ',' + body : ''}},{${body}}]`;
					sound(run(enc(text), 'p.json'));
				}
			),
			{ numRuns: 200 }
		);
	});

	it('CSV headers with prototype names, and arbitrary bytes at any chunk size', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(key, { minLength: 1, maxLength: 8 }),
				fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 8 }), { maxLength: 6 }),
				fc.uint8Array({ maxLength: 200 }),
				fc.integer({ min: 1, max: 50 }),
				(header, rows, bytes, chunk) => {
					const text = [header, ...rows].map((r) => r.map((c) => JSON.stringify(c)).join(',')).join('\n');
					sound(run(enc(text), 'h.csv', chunk));
					sound(run(bytes, 'b.csv', chunk));
					sound(run(new Uint8Array([...enc(text), ...bytes]), 'm.csv', chunk));
				}
			),
			{ numRuns: 300 }
		);
	});
});
