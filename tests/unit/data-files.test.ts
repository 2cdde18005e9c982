import { csvParse, csvParseRows } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../../src/lib/data/builtin';
import { DATA_FILE_NAMES, dataFiles, EVENT_COLUMNS, FUTURE_INDUSTRY_COLUMNS } from '../../src/lib/data/files';
import { validateDataset } from '../../src/lib/data/schema';
import { neutraliseCell, toCsv } from '../../src/lib/export/csv';
import type { Dataset } from '../../src/lib/data/types';

const BOM = '\uFEFF';
const files = dataFiles(builtinDataset);
const parse = (csv: string) => csvParse(csv.slice(1));

describe('toCsv and neutraliseCell', () => {
	it('neutralises cells a spreadsheet would run as formulas', () => {
		for (const s of ['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx']) expect(neutraliseCell(s)).toBe(`'${s}`);
		for (const s of ['上海', 'a=b', '', "'quoted", '2023-10']) expect(neutraliseCell(s)).toBe(s);
	});

	it('drops control, bidi and zero-width characters from every cell, keeping tabs and line breaks inside', () => {
		expect(neutraliseCell('合\u0007肥\u001b[31m\u202e\u200b\u0085')).toBe('合肥[31m');
		expect(neutraliseCell('two\nlines\tand a tab')).toBe('two\nlines\tand a tab');
		// a formula hidden behind an invisible character is still neutralised
		expect(neutraliseCell('\u200b=cmd()')).toBe("'=cmd()");
	});

	it('writes RFC 4180 with CRLF and an optional BOM', () => {
		const csv = toCsv(
			[
				['a', 'b'],
				['x,y', 'say "hi"'],
				['two\nlines', '=1+1']
			],
			{ bom: true }
		);
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv).toBe(`${BOM}a,b\r\n"x,y","say ""hi"""\r\n"two\nlines",'=1+1\r\n`);
		expect(csvParseRows(csv.slice(1))).toEqual([
			['a', 'b'],
			['x,y', 'say "hi"'],
			['two\nlines', "'=1+1"]
		]);
		expect(toCsv([['a']])).toBe('a\r\n');
	});

	it('round-trips any text through d3-dsv, neutralised', () => {
		const cellArb = fc.string({
			unit: fc.constantFrom('a', '上', ',', '"', '\n', '\r', '=', '+', '-', '@', '\t', ' ', "'")
		});
		fc.assert(
			fc.property(
				fc.array(fc.array(cellArb, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
				(rows) => {
					const back = csvParseRows(toCsv(rows, { bom: true }).slice(1));
					expect(back).toEqual(rows.map((r) => r.map(neutraliseCell)));
				}
			)
		);
	});
});

describe('dataFiles', () => {
	it('produces every public file', () => {
		expect(Object.keys(files).sort()).toEqual([...DATA_FILE_NAMES].sort());
	});

	it('writes JSON arrays that round-trip to a valid dataset', () => {
		const back = Object.fromEntries(
			(['cities', 'clusters', 'categories', 'events', 'tracks'] as const).map((k) => [
				k,
				JSON.parse(files[`${k}.json`])
			])
		);
		const result = validateDataset({
			id: 'builtin',
			version: builtinDataset.version,
			...back,
			futureIndustries: JSON.parse(files['future-industries.json'])
		});
		expect(result.ok).toBe(true);
		// the records only: the dataset's metadata travels in datapackage.json, not in these arrays
		const { meta: _meta, ...records } = builtinDataset;
		if (result.ok) expect(result.dataset).toEqual(records);
		expect(files['events.json']).toMatch(/^\[\n {2}\{/);
	});

	it('starts the CSVs with a BOM and ends lines with CRLF', () => {
		for (const name of ['events.csv', 'future-industries.csv'] as const) {
			const csv = files[name];
			expect(csv.startsWith(BOM)).toBe(true);
			// No cell in the built-in data holds a line break, so every \n must be part of a CRLF record end.
			expect(csv.split('\r\n').join('')).not.toContain('\n');
			expect(csv.endsWith('\r\n')).toBe(true);
		}
	});

	it('parses back to one row per record with the documented columns', () => {
		const ev = parse(files['events.csv']);
		expect(ev).toHaveLength(builtinDataset.events.length);
		expect(ev.columns).toEqual([...EVENT_COLUMNS]);
		// items with no year: the year cell is empty and 'before' names the event they precede
		const gz = ev.find((r) => r.id === 'guangzhou-public-data-rules');
		expect(gz).toMatchObject({ year: '', month: '', before: 'hongkong-cross-border-data-mou' });
		expect(ev.find((r) => r.id === 'hongkong-cross-border-data-mou')).toMatchObject({
			year: '2023',
			before: ''
		});
		// the English rendering of each document title beside the verbatim Chinese one
		const plan = ev.find((r) => r.id === 'national-computing-infrastructure-plan');
		expect(plan?.document).toBe('《算力基础设施高质量发展行动计划》');
		expect(plan?.document_en).toBe(
			'Action Plan for the High-Quality Development of Computing Infrastructure'
		);
		const fi = parse(files['future-industries.csv']);
		expect(fi).toHaveLength(builtinDataset.futureIndustries.reduce((n, l) => n + l.items.length, 0));
		expect(fi.columns).toEqual([...FUTURE_INDUSTRY_COLUMNS]);
		const bj = fi.filter((r) => r.cityId === 'beijing');
		expect(bj.map((r) => r.item_zh)).toEqual([
			'未来信息',
			'未来健康',
			'未来制造',
			'未来能源',
			'未来材料',
			'未来空间'
		]);
		expect(bj[1].matches).toBe('broad; broad; broad');
		const hk = ev.find((r) => r.id === 'hongkong-cross-border-data-mou');
		expect(hk).toMatchObject({
			cityId: 'hongkong',
			month: '12',
			monthEnd: '',
			source_bullet: '23',
			source_section: 'events'
		});
		const llm = ev.find((r) => r.id === 'national-llm-wave');
		expect(llm?.cityId).toBe('');
		expect(llm?.actors_zh.split('; ')).toHaveLength(10);
	});

	it('neutralises formula-like text coming from the data', () => {
		const d: Dataset = structuredClone(builtinDataset);
		d.events[0].title = { zh: '=HYPERLINK("x")', en: '+danger' };
		d.futureIndustries[0].items[0].name.en = '@evil';
		const out = dataFiles(d);
		const row = parse(out['events.csv'])[0];
		expect(row.title_zh).toBe(`'=HYPERLINK("x")`);
		expect(row.title_en).toBe("'+danger");
		expect(parse(out['future-industries.csv'])[0].item_en).toBe("'@evil");
	});

	it('describes every table in datapackage.json by its copy without a BOM', () => {
		const pkg = JSON.parse(files['datapackage.json']);
		// the spreadsheet CSVs (with a BOM) are the same tables as the package's -nobom copies; the JSON
		// files hold the same records nested and are not tables a Frictionless client can read
		expect(pkg.resources.map((r: { path: string }) => r.path).sort()).toEqual(
			DATA_FILE_NAMES.filter((n) => n.endsWith('-nobom.csv')).sort()
		);
		for (const n of DATA_FILE_NAMES.filter((x) => x.endsWith('.csv') && !x.endsWith('-nobom.csv')))
			expect(DATA_FILE_NAMES).toContain(n.replace('.csv', '-nobom.csv'));
		expect(files['events-nobom.csv']).toBe(files['events.csv'].slice(1));
		expect(files['future-industries-nobom.csv']).toBe(files['future-industries.csv'].slice(1));
		expect(files['events-nobom.csv'].startsWith('id,')).toBe(true);
		expect(pkg.version).toBe(builtinDataset.version);
		expect(pkg.licenses[0].name).toBe('CC-BY-4.0');
		expect(pkg.sources[0].title).toContain('《科技创新：换道超车冲向未来产业》');
		expect(pkg.sources[0].title).toContain('2024-01-03');
		expect(JSON.stringify(pkg.sources)).not.toMatch(/thepaper|http/);
		for (const r of pkg.resources) {
			expect(r).toMatchObject({ encoding: 'utf-8' });
			expect(r).toMatchObject({ format: 'csv', mediatype: 'text/csv', profile: 'tabular-data-resource' });
		}
		const evSchema = pkg.resources.find((r: { path: string }) => r.path === 'events-nobom.csv').schema;
		expect(evSchema.fields.map((f: { name: string }) => f.name)).toEqual([...EVENT_COLUMNS]);
		expect(evSchema.fields.find((f: { name: string }) => f.name === 'month').type).toBe('integer');
	});

	it('is deterministic and leaves the dataset untouched', () => {
		const before = structuredClone(builtinDataset);
		expect(dataFiles(builtinDataset)).toEqual(files);
		expect(builtinDataset).toEqual(before);
	});
});
