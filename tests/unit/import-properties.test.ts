/**
 * Property tests of the import: any input — random text, random bytes, random CSV-ish grids, random JSON
 * — gives a dataset or a list of problems, never an exception; and a dataset exported (CSV or JSON) and
 * imported again is the same dataset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticDataset } from '$lib/aggregate/synthetic';
import { EVENT_KINDS, validateDataset } from '$lib/data/schema';
import type { Dataset, I18nText, InnovationEvent } from '$lib/data/types';
import { DsvReader, readDsv, type DsvStop } from '$lib/import/dsv';
import { HashIndex, GrowingF64, StringIndex, StringMap } from '$lib/import/tables';
import { datasetJson, eventsCsvFull, futuresCsvFull } from '$lib/import/export';
import { cityCounts, pack, PACKED_KINDS, unpack } from '$lib/import/pack';
import { importFiles, importText, type ImportOutcome } from '$lib/import/pipeline';
import { builtinDataset } from '$lib/data/builtin';
import { readNumber, readWhen, readYear, halfWidth, remembering } from '$lib/import/values';
import { toCsv } from '$lib/export/csv';

const enc = (s: string) => new TextEncoder().encode(s);

function wellFormed(o: ImportOutcome): void {
	expect(typeof o.fatal).toBe('boolean');
	if (o.packed) {
		const ds = unpack(o.packed);
		expect(validateDataset(ds).ok).toBe(true);
	} else expect(o.problems.length).toBeGreaterThan(0);
	for (const p of o.problems) {
		expect(typeof p.code).toBe('string');
		expect(p.row === null || Number.isInteger(p.row)).toBe(true);
	}
}

const cellText = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.constantFrom(
		'上海',
		'合肥',
		'Wuhan',
		'全国',
		'大科学装置',
		'computing',
		'2023',
		'５月',
		'45047',
		'2023-05',
		'May',
		'=1+1',
		'"',
		',',
		'\n',
		'\r\n',
		''
	),
	fc.string({ unit: 'grapheme', maxLength: 8 })
);
const HEADERS = [
	'城市',
	'city',
	'类别',
	'category',
	'年份',
	'year',
	'月份',
	'month',
	'标题',
	'title_en',
	'id',
	'groupId',
	'lat',
	'lon',
	'kind',
	'scope',
	'document',
	'actors_zh',
	'actors_en',
	'source_bullet',
	'x'
];

describe('import never throws', () => {
	it('on random text as CSV, TSV or JSON', () => {
		fc.assert(
			fc.property(
				fc.string({ maxLength: 300 }),
				fc.constantFrom('a.csv', 'a.tsv', 'a.json', 'a'),
				(text, name) => {
					wellFormed(importFiles([{ kind: 'events', name, bytes: enc(text) }]));
					wellFormed(importFiles([{ kind: 'futures', name, bytes: enc(text) }]));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('on random bytes (read as UTF-8 or GBK when the evidence says so, refused otherwise)', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
				wellFormed(importFiles([{ kind: 'events', name: 'b.csv', bytes }], { chunk: 7 }));
			}),
			{ numRuns: 300 }
		);
	});

	it('on random grids under recognised headers, chunked at any size', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 10 }),
				fc.array(fc.array(cellText, { maxLength: 11 }), { maxLength: 25 }),
				fc.integer({ min: 1, max: 64 }),
				(header, rows, chunk) => {
					const text = toCsv([header, ...rows]);
					wellFormed(importFiles([{ kind: 'events', name: 'g.csv', bytes: enc(text) }], { chunk }));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('on random JSON values', () => {
		fc.assert(
			fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
				const text = JSON.stringify(value) ?? 'null';
				wellFormed(importFiles([{ kind: 'events', name: 'j.json', bytes: enc(text) }]));
				wellFormed(importFiles([{ kind: 'futures', name: 'j.json', bytes: enc(text) }]));
			}),
			{ numRuns: 200 }
		);
	});

	it('cell readers return a value, null or BAD for any string', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 30 }), (s) => {
				readWhen(s);
				readYear(s);
				readNumber(s);
				halfWidth(s);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('the CSV reader', () => {
	it('reads back what toCsv writes, for any grid, chunked anywhere', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.string({ maxLength: 10 }), { minLength: 2, maxLength: 5 }), {
					minLength: 1,
					maxLength: 10
				}),
				(grid) => {
					// toCsv neutralises formula starts; compare against the neutralised cells
					const text = toCsv(grid);
					const { rows, stopped } = readDsv(text, { delimiter: ',' });
					expect(stopped).toBeNull();
					const back = rows.map((r) => (r.length === 0 ? [''] : r));
					const expected = grid.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
					expect(back).toEqual(expected);
				}
			),
			{ numRuns: 300 }
		);
	});

	const csvText = fc
		.array(fc.constantFrom('a', 'bc', ',', ',', '\n', '\r', '\r\n', '"', ' ', '上'), { maxLength: 60 })
		.map((parts) => parts.join(''));

	it('stops at a quote-free line with too many cells, in one chunk as in many (found by the property below)', () => {
		const whole = readDsv(',,,a,,,\n', { delimiter: ',', maxCell: 8, maxColumns: 6 });
		expect(whole.rows).toEqual([]);
		expect(whole.stopped).toEqual({ reason: 'tooManyColumns', row: 1, columns: 7 });
		// and a line within the limit after a refused one is never reached, nor merged into a cell
		const two = readDsv('a,b\n1,2,3,4,5,6,7\n', { delimiter: ',', maxColumns: 6 });
		expect(two.rows).toEqual([['a', 'b']]);
		expect(two.stopped).toEqual({ reason: 'tooManyColumns', row: 2, columns: 7 });
	});

	it('gives the same rows and stop however the text is cut into chunks', () => {
		fc.assert(
			fc.property(csvText, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
				const whole = readDsv(text, { delimiter: ',', maxCell: 8, maxColumns: 6 });
				const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
				const rows: string[][] = [];
				const numbers: number[] = [];
				const reader = new DsvReader({ delimiter: ',', maxCell: 8, maxColumns: 6 }, (cells, row) => {
					rows.push(cells);
					numbers.push(row);
				});
				let from = 0;
				for (const cut of [...at, text.length]) {
					reader.feed(text.slice(from, cut));
					from = cut;
				}
				reader.end();
				expect(rows).toEqual(whole.rows);
				expect(numbers).toEqual(whole.rows.map((_, i) => i + 1));
				// a cell that runs past the cap reports how much was read when reading stopped, which
				// depends on where a chunk ended: only that it is over the cap is the same
				const same = (stop: DsvStop | null) =>
					stop?.reason === 'cellTooLong' ? { ...stop, length: stop.length > 8 } : stop;
				expect(same(reader.stopped)).toEqual(same(whole.stopped));
			}),
			{ numRuns: 1000 }
		);
	});

	it('reads quote-free text as lines split at the delimiter (a blank line is [])', () => {
		fc.assert(
			fc.property(
				csvText.map((t) => t.replace(/"/g, '')),
				(text) => {
					const lines = text.split(/\r\n|\r|\n/);
					if (lines.at(-1) === '') lines.pop();
					const expected = lines.map((l) => (l === '' ? [] : l.split(',')));
					expect(readDsv(text, { delimiter: ',' }).rows).toEqual(expected);
				}
			),
			{ numRuns: 1000 }
		);
	});
});

describe('the per-row look-ups', () => {
	it('a string map answers as a Map does', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ maxLength: 5 }), { maxLength: 3000 }), (keys) => {
				const map = new Map<string, number>();
				const ours = new StringMap<number>();
				keys.forEach((key, i) => {
					expect(ours.get(key)).toBe(map.get(key));
					if (!map.has(key)) {
						map.set(key, i);
						ours.set(key, i);
					}
				});
				expect(ours.size).toBe(map.size);
			}),
			{ numRuns: 50 }
		);
	});

	it('a remembering reader answers as the reader does, for any cell, seen once or again', () => {
		const year = remembering(readYear, 16);
		const when = remembering(readWhen, 16);
		fc.assert(
			fc.property(
				fc.array(fc.oneof(fc.constantFrom('2024', '5月', '', '45047', '5-6', 'x'), fc.string())),
				(cells) => {
					for (const cell of [...cells, ...cells]) {
						expect(year(cell)).toEqual(readYear(cell));
						expect(when(cell)).toEqual(readWhen(cell));
					}
				}
			)
		);
	});

	it('events per city from the packed columns match the records', () => {
		const ds = syntheticDataset({ seed: 5, events: 500, cities: 20 });
		const national = ds.events.map((e, i) =>
			i % 7 === 0 ? { ...e, cityId: null, scope: 'national' as const } : e
		);
		const expected = new Map<string, number>();
		for (const e of national) if (e.cityId) expected.set(e.cityId, (expected.get(e.cityId) ?? 0) + 1);
		const counts = cityCounts(pack({ ...ds, events: national }).events);
		expect([...counts]).toEqual([...expected]);
	});
});

describe('the duplicate indexes', () => {
	it('tell repeated rows from reused ids anywhere in a long file, with and without ids', () => {
		const rows = (withIds: boolean) => {
			const lines = [`${withIds ? 'id,' : ''}city,category,year,month,title`];
			for (let i = 0; i < 6000; i++)
				lines.push(`${withIds ? `r${i},` : ''}city${i % 97},cat${i % 5},2024,${1 + (i % 12)},title ${i}`);
			return lines;
		};
		const withIds = rows(true);
		withIds.push(withIds[11]); // row 6002 repeats row 12
		withIds.push(`r20,city1,cat1,2024,1,other title`); // row 6003 reuses row 22's id
		let o = importText(withIds.join('\n'));
		expect(o.problems.map((p) => [p.row, p.code, p.params?.first])).toEqual([
			[6002, 'duplicateRow', 12],
			[6003, 'duplicateId', 22]
		]);
		expect(o.summary!.events).toBe(6000);
		const without = rows(false);
		without.push(without[5999], without[3]); // rows 6002 and 6003 repeat rows 6000 and 4
		o = importText(without.join('\n'));
		expect(o.problems.map((p) => [p.row, p.code, p.params?.first])).toEqual([
			[6002, 'duplicateRow', 6000],
			[6003, 'duplicateRow', 4]
		]);
		expect(o.summary!.events).toBe(6000);
	});

	it('find each key’s first value, as a Map would', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3000 }), (keys) => {
				const stored: string[] = [];
				const index = new StringIndex((v) => stored[v]);
				const map = new Map<string, number>();
				for (const key of keys) {
					expect(index.get(key)).toBe(map.get(key) ?? -1);
					if (!map.has(key)) {
						stored.push(key);
						map.set(key, stored.length - 1);
						index.set(key, stored.length - 1);
					}
				}
				expect(index.size).toBe(map.size);
			}),
			{ numRuns: 50 }
		);
		const hashes = new GrowingF64(4);
		const byHash = new HashIndex(hashes);
		const big = [2 ** 52 + 7, 7, 2 ** 32 + 7, 2 ** 40, 2 ** 40 + 2 ** 33];
		big.forEach((h, i) => {
			expect(byHash.get(h)).toBe(-1);
			hashes.push(h);
			byHash.set(h, i);
		});
		big.forEach((h, i) => expect(byHash.get(h)).toBe(i));
		for (let i = 0; i < 5000; i++) {
			hashes.push(i * 4294967296 + 1);
			byHash.set(i * 4294967296 + 1, big.length + i);
		}
		expect(byHash.get(4999 * 4294967296 + 1)).toBe(big.length + 4999);
		expect(byHash.get(5000 * 4294967296 + 1)).toBe(-1);
	});
});

// Text for round trips: any characters (commas, quotes, line breaks, Chinese, formula starts), without
// leading/trailing spaces (titles are trimmed on import) and without ';' in list items (the list separator).
const SAMPLES = [
	'上海',
	'量子, 科技',
	'say "hi"',
	'line\nbreak',
	'crlf\r\nend',
	'=SUM(A1)',
	'+86',
	'-5',
	'@who',
	'《文件》'
];
// Nor characters an import takes out (controls, text-direction and zero-width characters; tabs and
// line breaks outside titles and notes) or reports (U+FFFD, which stands for bytes that could not be read).
// eslint-disable-next-line no-control-regex -- the characters the import cleans
const UNSAFE = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffd]/g;
const text = (noSemicolon = false, multiline = true) =>
	fc
		.oneof(
			fc.constantFrom(...SAMPLES),
			fc.string({ minLength: 1, maxLength: 12 }),
			fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
		)
		.map((s) => (noSemicolon ? s.replace(/[;；]/g, '') : s).replace(UNSAFE, ''))
		.map((s) => (multiline ? s : s.replace(/\r\n|[\t\n\r]/g, ' ')).replace(/^[\s']+/, '').trim())
		.filter((s) => s.length > 0 && !/^[\t\r]/.test(s));
const i18n = (noSemicolon = false, multiline = true) =>
	fc.record({ zh: text(noSemicolon, multiline), en: text(noSemicolon, multiline) });

/** A synthetic dataset with random text put in its titles, notes, actors and documents. */
const datasets = fc
	.record({
		seed: fc.integer({ min: 1, max: 10_000 }),
		events: fc.integer({ min: 1, max: 60 }),
		cities: fc.integer({ min: 1, max: 12 }),
		// several years: months of different years, ranges across a year's end, items with no year
		years: fc.integer({ min: 1, max: 4 }),
		texts: fc.array(
			fc.record({
				title: i18n(),
				note: fc.option(i18n()),
				actors: fc.array(i18n(true, false), { maxLength: 3 }),
				doc: fc.option(text(false, false))
			}),
			{
				minLength: 1,
				maxLength: 20
			}
		),
		names: fc.array(i18n(false, false), { minLength: 1, maxLength: 12 })
	})
	.map(({ seed, events, cities, years, texts, names }): Dataset => {
		const ds = syntheticDataset({
			seed,
			events,
			cities,
			categories: 5,
			tracks: 8,
			years,
			ranged: 0.2,
			noYear: 0.05
		});
		return {
			...ds,
			cities: ds.cities.map((c, i) => ({
				...c,
				pinyin: c.pinyin.replace(/[^a-z]/g, ''),
				// names must stay distinct from every other city's and category's, ids included
				name: { zh: `${names[i % names.length].zh}#${i}`, en: `${names[i % names.length].en}#${i}` }
			})),
			events: ds.events.map((e, i): InnovationEvent => {
				const t = texts[i % texts.length];
				return {
					...e,
					title: t.title,
					note: t.note,
					actors: t.actors as I18nText[],
					document: t.doc === null ? null : `《${t.doc}》`,
					documentEn: t.doc === null || i % 2 ? null : `Document ${i}`
				};
			})
		};
	})
	.filter((ds) => validateDataset(ds).ok);

describe('round trips', () => {
	it('packs kinds in the schema’s order', () => {
		expect(PACKED_KINDS).toEqual(EVENT_KINDS);
	});

	it('pack → unpack gives the same dataset', () => {
		fc.assert(
			fc.property(datasets, (ds) => {
				expect(unpack(pack(ds))).toEqual(ds);
			}),
			{ numRuns: 60 }
		);
	});

	it('JSON export → import gives the same dataset', () => {
		fc.assert(
			fc.property(datasets, (ds) => {
				const o = importFiles([{ kind: 'events', name: 'd.json', bytes: enc(datasetJson(ds, 'x')) }], {
					id: ds.id,
					version: ds.version
				});
				expect(o.problems.filter((p) => p.severity === 'error')).toEqual([]);
				// the export names the dataset in its metadata (`x`), which the import keeps
				expect(unpack(o.packed!)).toEqual({
					...ds,
					meta: { name: 'x', sources: [], licence: '', notes: '' }
				});
			}),
			{ numRuns: 60 }
		);
	});

	it('CSV and JSON export → import keep the built-in items with no year and the English document titles', () => {
		const ds = builtinDataset;
		for (const o of [
			importFiles([{ kind: 'events', name: 'events.csv', bytes: enc(eventsCsvFull(ds)) }], {
				id: ds.id,
				version: ds.version
			}),
			importFiles([{ kind: 'events', name: 'd.json', bytes: enc(datasetJson(ds, 'x')) }], {
				id: ds.id,
				version: ds.version
			})
		]) {
			expect(o.problems.filter((p) => p.severity === 'error')).toEqual([]);
			const back = unpack(o.packed!).events;
			const gz = back.find((e) => e.id === 'guangzhou-public-data-rules');
			expect(gz).toMatchObject({ year: null, month: null, before: 'hongkong-cross-border-data-mou' });
			expect(back.find((e) => e.id === 'national-computing-infrastructure-plan')?.documentEn).toBe(
				'Action Plan for the High-Quality Development of Computing Infrastructure'
			);
			expect(back).toEqual(ds.events);
		}
	});

	it('CSV export → import gives the same events, cities, categories and lists', () => {
		fc.assert(
			fc.property(datasets, (ds) => {
				const o = importFiles(
					[
						{ kind: 'events', name: 'events.csv', bytes: enc(eventsCsvFull(ds)) },
						{ kind: 'futures', name: 'future-industries.csv', bytes: enc(futuresCsvFull(ds)) }
					],
					{ id: ds.id, version: ds.version }
				);
				expect(o.problems.filter((p) => p.severity === 'error')).toEqual([]);
				const back = unpack(o.packed!);
				expect(back.events).toEqual(ds.events);
				const used = new Set([
					...ds.events.map((e) => e.cityId),
					...ds.futureIndustries.map((l) => l.cityId)
				]);
				const byId = <T extends { id: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.id, x]));
				expect(byId(back.cities)).toEqual(byId(ds.cities.filter((c) => used.has(c.id))));
				const names = (xs: { id: string; name: I18nText }[]) =>
					Object.fromEntries(xs.map((x) => [x.id, x.name]));
				const usedCats = new Set(ds.events.map((e) => e.categoryId));
				expect(names(back.categories)).toEqual(names(ds.categories.filter((c) => usedCats.has(c.id))));
				const usedClusters = new Set(back.cities.map((c) => c.cluster));
				expect(names(back.clusters)).toEqual(names(ds.clusters.filter((c) => usedClusters.has(c.id))));
				expect(back.futureIndustries).toEqual(ds.futureIndustries);
			}),
			{ numRuns: 40 }
		);
	});
});
