/**
 * Every dataset carries its own metadata (issue #18, part 2): the schema takes good metadata and names
 * the field of bad or hostile metadata; a datapackage.json's title, sources, licences and description
 * are read; the project's JSON export keeps the metadata, each event's part and the years of events
 * through export → import; the credit a chart prints comes from the dataset in view.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinDataset } from '../../src/lib/data/builtin';
import { BUILTIN_META } from '../../src/lib/data/builtin-meta';
import { sourcesText, textOf } from '../../src/lib/data/meta';
import { checkMeta, validateDataset } from '../../src/lib/data/schema';
import type { Dataset, DatasetMeta } from '../../src/lib/data/types';
import { dataPackage } from '../../src/lib/data/files';
import { datasetJson } from '../../src/lib/import/export';
import { metaFromForm, readMeta } from '../../src/lib/import/meta';
import { pack, unpack } from '../../src/lib/import/pack';
import { packedProblem } from '../../src/lib/import/saved-check';
import { importFiles, importText } from '../../src/lib/import/pipeline';
import { metaFieldText } from '../../src/lib/import/wording';
import { loadCatalogue } from '../../src/lib/i18n';

const GOOD: DatasetMeta = {
	name: 'Yangtze policies 2024–2025',
	sources: [
		{ title: 'City gazettes', publisher: 'Our lab', date: '2025-03', url: 'https://example.org/gazettes' },
		{ title: 'Field notes', publisher: '', date: '', url: null }
	],
	licence: 'CC-BY-4.0',
	notes: 'Coded by two readers.\nDisagreements settled by a third.'
};

describe('metadata schema', () => {
	it('takes good metadata, in one language or both', () => {
		expect(checkMeta(GOOD)).toEqual({ ok: true, meta: GOOD });
		expect(checkMeta(BUILTIN_META).ok).toBe(true);
	});

	it('names the field of bad metadata', () => {
		const cases: [unknown, string, string][] = [
			[{ ...GOOD, name: '  ' }, 'name', 'empty'],
			[{ ...GOOD, sources: [{ ...GOOD.sources[0], title: '' }] }, 'sources.0.title', 'empty'],
			[
				{ ...GOOD, sources: [GOOD.sources[0], { ...GOOD.sources[1], date: '2024-02-30' }] },
				'sources.1.date',
				'badDate'
			],
			[{ ...GOOD, sources: [{ ...GOOD.sources[0], date: '03/2025' }] }, 'sources.0.date', 'badDate'],
			[{ ...GOOD, licence: 7 }, 'licence', 'wrongType'],
			[{ ...GOOD, extra: 1 }, 'extra', 'unknownField'],
			[{ name: 'x', licence: '', notes: '' }, 'sources', 'missingField']
		];
		for (const [raw, field, rule] of cases) {
			const r = checkMeta(raw);
			expect(r.ok, field).toBe(false);
			if (!r.ok) expect(r.issues.map((i) => [i.field, i.rule])).toContainEqual([field, rule]);
		}
	});

	it('refuses hostile metadata: scripts as addresses, direction overrides, control characters, floods', () => {
		const hostile: [unknown, string, string][] = [
			[{ ...GOOD, sources: [{ ...GOOD.sources[0], url: 'javascript:alert(1)' }] }, 'sources.0.url', 'badUrl'],
			[
				{ ...GOOD, sources: [{ ...GOOD.sources[0], url: 'data:text/html,<script>' }] },
				'sources.0.url',
				'badUrl'
			],
			[{ ...GOOD, name: 'evil\u202Egnp.exe' }, 'name', 'hostile'],
			[
				{ ...GOOD, sources: [{ ...GOOD.sources[0], publisher: 'a\u0000b' }] },
				'sources.0.publisher',
				'hostile'
			],
			[{ ...GOOD, name: 'two\nlines' }, 'name', 'oneLine'],
			[{ ...GOOD, notes: 'x'.repeat(4001) }, 'notes', 'tooLong'],
			[{ ...GOOD, sources: Array.from({ length: 51 }, () => GOOD.sources[0]) }, 'sources', 'tooMany']
		];
		for (const [raw, field, rule] of hostile) {
			const r = checkMeta(raw);
			expect(r.ok, `${field} ${rule}`).toBe(false);
			if (!r.ok) expect(r.issues.map((i) => [i.field, i.rule])).toContainEqual([field, rule]);
		}
		// a key named after a prototype property is only an unknown field
		const proto = checkMeta(
			JSON.parse('{"name":"x","sources":[],"licence":"","notes":"","__proto__":{"a":1}}')
		);
		expect(proto.ok).toBe(false);
	});

	it('never throws, whatever it is given', () => {
		fc.assert(
			fc.property(fc.anything(), (raw) => {
				const r = checkMeta(raw);
				expect(typeof r.ok).toBe('boolean');
			})
		);
	});

	it('words an issue field in the reader’s language', async () => {
		await Promise.all([loadCatalogue('zh'), loadCatalogue('en')]);
		expect(metaFieldText('en', 'sources.1.date')).toBe('source 2 › date');
		expect(metaFieldText('zh', 'sources.1.date')).toBe('来源 2 › 日期');
	});

	it('reads the import form: empty source rows dropped, an issue names the form’s row', () => {
		const row = { title: '', publisher: '', date: '', url: '', public: true };
		const ok = metaFromForm({ name: ' My data ', sources: [row], licence: '', notes: '' });
		expect(ok).toEqual({ ok: true, meta: { name: 'My data', sources: [], licence: '', notes: '' } });
		const bad = metaFromForm({
			name: 'x',
			sources: [row, { ...row, title: 'T', date: 'soon' }],
			licence: '',
			notes: ''
		});
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.issues[0].field).toBe('sources.1.date');
		const notPublic = metaFromForm({
			name: 'x',
			sources: [{ ...row, title: 'T', url: 'https://x.org', public: false }],
			licence: '',
			notes: ''
		});
		expect(notPublic.ok && notPublic.meta.sources[0].url).toBe(null);
	});
});

describe('datapackage.json metadata', () => {
	it('reads title, sources, licences, description and created', () => {
		const read = readMeta(
			{
				profile: 'data-package',
				name: 'city-policies',
				title: 'City policies 2024',
				description: 'Policies of 12 cities.',
				created: '2025-01-10T08:00:00Z',
				sources: [
					{ title: 'Municipal gazettes', path: 'https://gov.example/gazette', email: 'a@b.org' },
					{ title: 'Interviews', path: 'notes/interviews.md' }
				],
				licenses: [
					{
						name: 'CC-BY-4.0',
						path: 'https://creativecommons.org/licenses/by/4.0/',
						title: 'Creative Commons Attribution 4.0'
					}
				],
				resources: []
			},
			'datapackage.json'
		);
		expect(read.origin).toBe('datapackage');
		expect(read.issues).toEqual([]);
		expect(read.meta?.name).toBe('City policies 2024');
		expect(read.meta?.sources.map((s) => [s.title, s.url])).toEqual([
			['Municipal gazettes', 'https://gov.example/gazette'],
			['Interviews', null]
		]);
		expect(read.meta?.licence).toBe(
			'Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/)'
		);
		expect(read.meta?.notes).toContain('Policies of 12 cities.');
		expect(read.meta?.notes).toContain('2025-01-10');
		expect(read.meta?.notes).toContain('a@b.org');
	});

	it('reads the dashboard’s own datapackage.json', () => {
		const read = readMeta(dataPackage(builtinDataset), 'datapackage.json');
		expect(read.meta?.sources[0].title).toContain('澎湃新闻');
		expect(read.meta?.licence).toContain('Creative Commons');
	});

	it('names the field of a bad source, and falls back to the file name for a name', () => {
		const read = readMeta({ resources: [], sources: [{ title: 42 }] }, 'my-package.json');
		expect(read.meta).toBe(null);
		expect(read.issues[0].field).toBe('sources.0.title');
		expect(readMeta({ resources: [] }, 'my-package.json').meta?.name).toBe('my-package');
	});
});

const CSV = [
	'id,cityId,city_en,categoryId,year,month,kind,title_zh,title_en',
	'a1,上海,Shanghai,大科学装置,2023,2,facility,甲,A',
	'a2,上海,Shanghai,大科学装置,2024,2,facility,乙,B',
	'a3,上海,Shanghai,大科学装置,2025,2,facility,丙,C'
].join('\n');

describe('export → import', () => {
	it('keeps the metadata and the years of events', () => {
		const first = importText(CSV);
		expect(first.packed).not.toBe(null);
		const ds: Dataset = { ...unpack(first.packed!), meta: GOOD };
		const json = datasetJson(ds, GOOD.name as string);
		const again = importFiles([{ kind: 'events', name: 'mine.json', bytes: new TextEncoder().encode(json) }]);
		expect(again.meta?.meta).toEqual(GOOD);
		const back = unpack(again.packed!);
		expect(back.meta).toEqual(GOOD);
		expect(back.events.map((e) => [e.id, e.year, e.month]).sort()).toEqual([
			['a1', 2023, 2],
			['a2', 2024, 2],
			['a3', 2025, 2]
		]);
	});

	it('keeps the built-in dataset’s metadata, both languages', () => {
		const json = datasetJson(builtinDataset, 'built-in');
		const again = importFiles([
			{ kind: 'events', name: 'builtin.json', bytes: new TextEncoder().encode(json) }
		]);
		expect(again.meta?.meta).toEqual(BUILTIN_META);
		expect(unpack(again.packed!).events.length).toBe(builtinDataset.events.length);
	});

	it('keeps the rows when the metadata is bad, and says which field', () => {
		const first = importText(CSV);
		const json = JSON.parse(datasetJson({ ...unpack(first.packed!), meta: GOOD }, 'x'));
		json.meta.sources[0].url = 'ftp://nowhere';
		const again = importFiles([
			{ kind: 'events', name: 'bad.json', bytes: new TextEncoder().encode(JSON.stringify(json)) }
		]);
		expect(again.packed?.events.count).toBe(3);
		expect(again.meta?.meta).toBe(null);
		const p = again.problems.find((p) => p.code === 'badMeta');
		expect(p?.severity).toBe('warning');
		expect(p?.params).toMatchObject({ field: 'sources.0.url', rule: 'badUrl' });
	});

	it('packs and checks the metadata as saved', () => {
		const p = pack({ ...builtinDataset });
		expect(packedProblem(p)).toBe(null);
		expect(unpack(p).meta).toEqual(BUILTIN_META);
		expect(packedProblem({ ...p, meta: { name: 3 } })).toBe('meta: malformed');
	});

	it('validates the built-in dataset with its metadata', () => {
		const r = validateDataset(builtinDataset);
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.dataset.meta).toEqual(BUILTIN_META);
	});
});

describe('credit', () => {
	it('names the article for the built-in data exactly as the source line always did', () => {
		expect(sourcesText(BUILTIN_META, 'zh')).toBe(
			'澎湃新闻 · 澎湃研究所，《科技创新：换道超车冲向未来产业》（2024-01-03）'
		);
		expect(sourcesText(BUILTIN_META, 'en')).toBe(
			'The Paper · Pengpai Research Institute, Sci-tech innovation: changing lanes to overtake, racing toward future industries (2024-01-03)'
		);
	});
	it('names an imported dataset’s own sources, never the article', () => {
		const text = sourcesText(GOOD, 'en')!;
		expect(text).toBe('Our lab, City gazettes (2025-03); Field notes');
		expect(text).not.toContain('Paper');
		expect(textOf(GOOD.name, 'zh')).toBe(GOOD.name);
	});
});
