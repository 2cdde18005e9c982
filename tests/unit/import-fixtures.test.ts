/** The import pipeline on the committed fixtures: encodings, line ends, quoting, dates, blanks, duplicates, missing columns. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unpack } from '$lib/import/pack';
import { importFiles, type ImportOutcome } from '$lib/import/pipeline';
import { bigCell } from '../fixtures/import/make';

const dir = path.resolve('tests/fixtures/import');
const load = (name: string, kind: 'events' | 'futures' = 'events'): ImportOutcome =>
	importFiles([{ kind, name, bytes: readFileSync(path.join(dir, name)) }]);
const events = (o: ImportOutcome) => (o.packed ? unpack(o.packed).events : []);
const titles = (o: ImportOutcome) => events(o).map((e) => e.title.zh);

describe('import fixtures', () => {
	it('reads UTF-8 with and without a byte-order mark the same way', () => {
		const a = load('utf8.csv');
		const b = load('utf8-bom.csv');
		expect(a.files[0].encoding).toBe('utf-8');
		expect(b.files[0].encoding).toBe('utf-8-bom');
		expect(b.files[0].header[0]).toBe('城市');
		const strip = (o: ImportOutcome) =>
			events(o).map((e) => ({ ...e, source: { ...e.source, heading: '' } }));
		expect(strip(a)).toEqual(strip(b));
		expect(titles(a)).toEqual(['上海新装置开工', '武汉算力方案', '合肥量子项目']);
	});

	it('falls back to GBK when the bytes are not UTF-8, and says so', () => {
		const o = load('gbk.csv');
		expect(o.files[0].encoding).toBe('gbk');
		expect(titles(o)).toEqual(titles(load('utf8.csv')));
		expect(o.problems).toEqual([]);
	});

	it('handles CRLF, quoted commas, doubled quotes and line breaks inside cells', () => {
		expect(titles(load('crlf.csv'))).toEqual(titles(load('utf8.csv')));
		const ev = events(load('quoted.csv'));
		expect(ev[0].title).toEqual({ zh: '上海，算力', en: 'Shanghai, computing "hub"' });
		expect(ev[0].actors).toEqual([
			{ zh: '甲公司', en: 'Firm A' },
			{ zh: '乙公司', en: 'Firm B' }
		]);
		expect(ev[1].title).toEqual({ zh: '北京大模型\n第二行', en: 'Beijing model\r\nsecond line' });
	});

	it('reads full-width digits, 5月, year suffixes and month ranges', () => {
		const ev = events(load('fullwidth.csv'));
		expect(ev.map((e) => [e.cityId, e.year, e.month, e.monthEnd])).toEqual([
			['shanghai', 2024, 5, null],
			['shenzhen', 2024, 12, null],
			['guangzhou', 2024, 5, 6]
		]);
	});

	it('turns Excel date serials, ISO months and month names into year and month', () => {
		const ev = events(load('excel-dates.csv'));
		expect(ev.map((e) => [e.year, e.month])).toEqual([
			[2023, 5],
			[2024, 1],
			[2023, 5],
			[2024, 5]
		]);
	});

	it('skips blank lines but keeps counting rows as the file does', () => {
		const o = load('blank-lines.csv');
		expect(events(o)).toHaveLength(3);
		expect(o.summary!.blank.events).toBeGreaterThanOrEqual(3);
		// header is on line 2; the last data row is on line 7
		expect(events(o).map((e) => e.source.bullet)).toEqual([3, 5, 7]);
	});

	it('flags duplicate rows and keeps one of each', () => {
		const o = load('duplicates.csv');
		expect(events(o)).toHaveLength(3);
		expect(o.problems.filter((p) => p.code === 'duplicateRow').map((p) => [p.row, p.params?.first])).toEqual([
			[4, 2],
			[6, 3]
		]);
		expect(o.problems.every((p) => p.severity === 'warning')).toBe(true);
	});

	it('names the missing columns and imports nothing', () => {
		const o = load('missing-columns.csv');
		expect(o.fatal).toBe(true);
		expect(o.packed).toBeNull();
		expect(o.problems[0]).toMatchObject({ code: 'missingColumns', row: 1 });
		expect(String(o.problems[0].params?.fields)).toBe('category, year');
	});

	it('lists each bad row with its row number, column, value and reason, and keeps the good rows', () => {
		const o = load('broken-rows.csv');
		expect(o.fatal).toBe(false);
		expect(events(o)).toHaveLength(2);
		expect(o.problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual([
			[3, '年份', '20x4', 'badYear'],
			[4, '类别', '', 'required'],
			[5, '月份', '13', 'badMonth']
		]);
		expect(o.rejected.map((r) => r.row)).toEqual([3, 4, 5]);
		expect(o.rejected[0].cells[2]).toBe('20x4');
	});

	it('reads TSV, JSON records and future-industry lists', () => {
		expect(events(load('events.tsv'))[0].title.en).toBe('Tab, separated');
		const json = load('events.json');
		expect(json.files[0].rowLabel).toBe('record');
		expect(events(json).map((e) => e.cityId)).toEqual(['shanghai', 'wuhan']);
		const f = load('futures.csv', 'futures');
		const ds = unpack(f.packed!);
		const wuhan = ds.futureIndustries.find((l) => l.cityId === 'wuhan')!;
		expect(wuhan.items.map((i) => i.tracks.map((t) => [t.trackId, t.match]))).toEqual([
			[['quantum', 'exact']],
			[
				['brain', 'exact'],
				['ai', 'partial']
			]
		]);
		expect(ds.cities.find((c) => c.id === 'wuhan')).toMatchObject({ lat: null, cluster: 'other' });
	});

	it('rejects a 5 MB cell with a reason, quickly', () => {
		const t = performance.now();
		const o = importFiles([{ kind: 'events', name: 'big.csv', bytes: bigCell() }]);
		expect(performance.now() - t).toBeLessThan(5_000);
		expect(o.fatal).toBe(true);
		expect(o.problems.find((p) => p.code === 'cellTooLong')).toMatchObject({ row: 2, column: 'title_en' });
	});

	it('refuses a file over the size limit before reading it', () => {
		const o = importFiles([{ kind: 'events', name: 'x.csv', bytes: new Uint8Array(0) }]);
		expect(o.problems[0].code).toBe('emptyFile');
	});

	it('treats a payload in a city name as a name', () => {
		const bytes = new TextEncoder().encode(
			'city,category,year,title\n<img src=x onerror=alert(1)>,computing,2024,x\n'
		);
		const ds = unpack(importFiles([{ kind: 'events', name: 'x.csv', bytes }]).packed!);
		const city = ds.cities.find((c) => c.name.en.includes('<img'))!;
		expect(city.name.zh).toBe('<img src=x onerror=alert(1)>');
		expect(city.id).toMatch(/^[a-z0-9-]+$/);
	});
});
