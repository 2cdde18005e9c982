/**
 * Unknown cities and fields are the reader's decisions (src/lib/import/decisions.ts): found with their
 * rows, matched to a suggestion by id, Chinese or English name or pinyin, checked, and applied to the
 * packed rows so that mapped rows join the known record, created ones carry the names given, the result
 * is a valid dataset, and every field keeps a colour of its own.
 */
import { describe, expect, it } from 'vitest';
import { categoryColour } from '../../src/lib/charts/core/palette';
import { builtinDataset } from '../../src/lib/data/builtin';
import { validateDataset } from '../../src/lib/data/schema';
import {
	applyDecisions,
	decisionIssues,
	decisionOf,
	draftOf,
	defaultDecision,
	lookupKey,
	suggest,
	unknownValues,
	type Decision,
	type UnknownValue
} from '../../src/lib/import/decisions';
import { cityCounts, unpack } from '../../src/lib/import/pack';
import { importFiles, importText, type ImportOutcome } from '../../src/lib/import/pipeline';

const known = {
	cities: builtinDataset.cities,
	categories: builtinDataset.categories,
	clusters: builtinDataset.clusters
};

function imported(csv: string): { outcome: ImportOutcome; unknowns: UnknownValue[] } {
	const outcome = importText(csv);
	expect(outcome.packed, JSON.stringify(outcome.problems.slice(0, 3))).not.toBeNull();
	return { outcome, unknowns: unknownValues(outcome.summary!) };
}

const CSV = [
	'city,city_en,category,year,month,title_zh,title_en,groupId',
	'上海,Shanghai,城市算力,2024,3,一,One,',
	'无名城,,量子科技,2024,4,二,Two,',
	'无名城,,量子科技,2024,5,三,Three,',
	'Hefei,,Quantum tech,2024,6,四,Four,',
	'Atlantis,,computing,2024,7,五,Five,'
].join('\n');

describe('lookupKey and suggest', () => {
	it('treats 上海, Shanghai, shanghai, SHANG HAI, Shànghǎi and 上海市 as one name', () => {
		for (const s of ['Shanghai', 'shanghai', ' SHANG HAI ', 'Shànghǎi', 'Shanghai City', 'shanghai-shi'])
			expect(lookupKey(s), s).toBe('shanghai');
		expect(lookupKey('上海市')).toBe('上海');
		expect(lookupKey('上海')).toBe('上海');
		for (const v of ['上海', 'Shanghai', 'shanghai', 'shang hai', 'SHANGHAI'])
			expect(suggest('city', v, { zh: '', en: '' }, builtinDataset.cities), v).toBe('shanghai');
		// by pinyin, and by an alias (香港 is 'xianggang' in pinyin, 'hongkong' as an alias)
		expect(suggest('city', 'Xiang Gang', { zh: '', en: '' }, builtinDataset.cities)).toBe('hongkong');
		expect(suggest('city', 'Hong-Kong', { zh: '', en: '' }, builtinDataset.cities)).toBe('hongkong');
		// by a name the file gives beside an unknown id
		expect(suggest('city', 'sh01', { zh: '上海市', en: '' }, builtinDataset.cities)).toBe('shanghai');
		expect(suggest('category', 'urban computing power', { zh: '', en: '' }, builtinDataset.categories)).toBe(
			'computing'
		);
		expect(suggest('city', 'Atlantis', { zh: '', en: '' }, builtinDataset.cities)).toBeNull();
	});

	it('finds nothing for values named after built-in properties', () => {
		for (const v of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
			expect(suggest('city', v, { zh: v, en: v }, builtinDataset.cities)).toBeNull();
			expect(suggest('category', v, { zh: v, en: v }, builtinDataset.categories)).toBeNull();
		}
	});
});

describe('unknownValues', () => {
	it('lists every unknown city and field with the rows that use it', () => {
		const { unknowns } = imported(CSV);
		const brief = unknowns.map((u) => [u.kind, u.value, u.rows.events, u.sample.map((s) => s.row)]);
		expect(brief).toEqual([
			['city', '无名城', 2, [3, 4]],
			['city', 'Atlantis', 1, [6]],
			['category', '量子科技', 2, [3, 4]],
			['category', 'Quantum tech', 1, [5]]
		]);
		expect(unknowns.every((u) => u.suggestion === null)).toBe(true);
		expect(unknowns.map(defaultDecision).map((d) => d.action)).toEqual([
			'create',
			'create',
			'create',
			'create'
		]);
		expect(defaultDecision(unknowns[0])).toEqual({ action: 'create', zh: '无名城', en: '无名城' });
	});

	it('counts the future-industry rows that name an unknown city', () => {
		const enc = (t: string) => new TextEncoder().encode(t);
		const outcome = importFiles([
			{
				kind: 'events',
				name: 'e.csv',
				bytes: enc('city,category,year,month,title\nAtlantis,computing,2024,1,x')
			},
			{
				kind: 'futures',
				name: 'f.csv',
				bytes: enc('cityId,item_zh,item_en,trackIds\nAtlantis,量子,Quantum,quantum\nAtlantis,脑机,BCI,bci')
			}
		]);
		const [u] = unknownValues(outcome.summary!);
		expect(u).toMatchObject({ kind: 'city', value: 'Atlantis', rows: { events: 1, futures: 2 } });
		expect(u.sample).toEqual([
			{ file: 'events', row: 2 },
			{ file: 'futures', row: 2 },
			{ file: 'futures', row: 3 }
		]);
	});

	it('keeps prototype-named and hostile values as plain text', () => {
		const { unknowns } = imported(
			[
				'city,category,year,month,title',
				'__proto__,constructor,2024,1,a',
				'constructor,__proto__,2024,2,b',
				'"<img src=x onerror=alert(1)>","<script>alert(2)</script>",2024,3,c'
			].join('\n')
		);
		expect(unknowns.map((u) => u.value)).toEqual([
			'__proto__',
			'constructor',
			'<img src=x onerror=alert(1)>',
			'constructor',
			'__proto__',
			'<script>alert(2)</script>'
		]);
		expect(unknowns.every((u) => u.suggestion === null && u.rows.events === 1)).toBe(true);
		expect(Object.getPrototypeOf({})).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('decisionIssues', () => {
	it('asks for a known target, and two names of a usable length', () => {
		const { unknowns } = imported(CSV);
		const decisions: (Decision | null)[] = [
			{ action: 'map', target: '' },
			{ action: 'map', target: '__proto__' },
			{ action: 'create', zh: ' ', en: 'Quantum' },
			null
		];
		expect(decisionIssues(unknowns, decisions, known)).toEqual([
			{ index: 0, code: 'noTarget' },
			{ index: 1, code: 'noTarget' },
			{ index: 2, code: 'noName', locale: 'zh' },
			{ index: 3, code: 'undecided' }
		]);
		// a city id is no field: the target must be of the value's own kind
		expect(decisionIssues(unknowns, [{ action: 'map', target: 'computing' }], known)[0]).toEqual({
			index: 0,
			code: 'noTarget'
		});
		expect(
			decisionIssues(unknowns, [{ action: 'create', zh: '城'.repeat(121), en: 'x' }], known)[0]
		).toMatchObject({ code: 'nameTooLong', locale: 'zh' });
		expect(decisionIssues(unknowns, unknowns.map(defaultDecision), known)).toEqual([]);
	});
});

describe('applyDecisions', () => {
	it('maps rows to known records, names created ones, and leaves a valid dataset', () => {
		const { outcome, unknowns } = imported(CSV);
		const packed = outcome.packed!;
		const before = structuredClone(packed);
		const decisions: Decision[] = [
			{ action: 'create', zh: '新城', en: 'New Town' },
			{ action: 'map', target: 'wuxi' },
			{ action: 'map', target: 'ai-models' },
			{ action: 'create', zh: '量子技术', en: 'Quantum technology' }
		];
		const applied = applyDecisions(packed, unknowns, decisions, known);
		expect(applied.conflicts).toEqual([]);
		expect(packed).toEqual(before);
		const ds = unpack(applied.packed);
		expect(validateDataset(ds).ok).toBe(true);
		const byTitle = new Map(ds.events.map((e) => [e.title.en, e]));
		expect(byTitle.get('Two')!.categoryId).toBe('ai-models');
		expect(byTitle.get('Three')!.categoryId).toBe('ai-models');
		expect(byTitle.get('Five')!.cityId).toBe('wuxi');
		const newTown = ds.cities.find((c) => c.id === byTitle.get('Two')!.cityId)!;
		expect(newTown.name).toEqual({ zh: '新城', en: 'New Town' });
		expect(ds.cities.map((c) => c.id)).not.toContain(unknowns[1].id);
		expect(ds.cities.find((c) => c.id === 'wuxi')).toEqual(
			builtinDataset.cities.find((c) => c.id === 'wuxi')
		);
		const quantum = ds.categories.find((c) => c.id === unknowns[3].id)!;
		expect(quantum.name).toEqual({ zh: '量子技术', en: 'Quantum technology' });
		expect(ds.categories.map((c) => c.id)).not.toContain(unknowns[2].id);
		expect(ds.categories.map((c) => c.order)).toEqual(ds.categories.map((_, i) => i));
		expect(applied.newCities).toEqual([unknowns[0].id]);
		// the string table has one entry per string: counts by city are whole
		expect(cityCounts(applied.packed.events).get('wuxi')).toBe(1);
	});

	it('brings in a mapped city’s cluster and joins two cities’ lists', () => {
		const enc = (t: string) => new TextEncoder().encode(t);
		const outcome = importFiles([
			{
				kind: 'events',
				name: 'e.csv',
				bytes: enc('city,category,year,month,title\n上海,computing,2024,1,x')
			},
			{
				kind: 'futures',
				name: 'f.csv',
				bytes: enc('cityId,item_zh,item_en,trackIds\n北平,量子,Quantum,quantum\nshanghai,脑机,BCI,bci')
			}
		]);
		const unknowns = unknownValues(outcome.summary!);
		expect(unknowns.map((u) => u.value)).toEqual(['北平']);
		const ds = unpack(
			applyDecisions(outcome.packed!, unknowns, [{ action: 'map', target: 'shanghai' }], known).packed
		);
		expect(validateDataset(ds).ok).toBe(true);
		expect(ds.futureIndustries).toHaveLength(1);
		expect(ds.futureIndustries[0].items.map((i) => i.name.en).sort()).toEqual(['BCI', 'Quantum']);
		const beijing = applyDecisions(outcome.packed!, unknowns, [{ action: 'map', target: 'beijing' }], known);
		const b = unpack(beijing.packed);
		expect(validateDataset(b).ok).toBe(true);
		expect(b.clusters.map((c) => c.id).sort()).toEqual(['jjj', 'yrd']);
	});

	it('refuses decisions that put two events of one group in one city', () => {
		const { outcome, unknowns } = imported(
			[
				'city,category,year,month,title,groupId',
				'上海,computing,2024,1,a,g1',
				'Atlantis,computing,2024,1,b,g1'
			].join('\n')
		);
		const applied = applyDecisions(outcome.packed!, unknowns, [{ action: 'map', target: 'shanghai' }], known);
		expect(applied.conflicts).toEqual([{ groupId: 'g1', cityId: 'shanghai', events: ['row-2', 'row-3'] }]);
	});

	it('works with prototype-named values and names', () => {
		const { outcome, unknowns } = imported(
			[
				'city,category,year,month,title',
				'__proto__,constructor,2024,1,a',
				'constructor,computing,2024,2,b'
			].join('\n')
		);
		const decisions: Decision[] = [
			{ action: 'create', zh: '__proto__', en: 'constructor' },
			{ action: 'map', target: 'hefei' },
			{ action: 'create', zh: 'toString', en: '<b>x</b>' }
		];
		expect(decisionIssues(unknowns, decisions, known)).toEqual([]);
		const ds = unpack(applyDecisions(outcome.packed!, unknowns, decisions, known).packed);
		expect(validateDataset(ds).ok).toBe(true);
		expect(ds.cities.find((c) => c.id === unknowns[0].id)!.name).toEqual({
			zh: '__proto__',
			en: 'constructor'
		});
		expect(ds.events.find((e) => e.title.en === 'b')!.cityId).toBe('hefei');
		expect(ds.categories.find((c) => c.id === unknowns[2].id)!.name.en).toBe('<b>x</b>');
	});
});

describe('a colour for every field', () => {
	const distinct = (orders: number[]) => new Set(orders.map(categoryColour)).size === orders.length;

	it('gives up to six new fields colours no other field has (an import of rows)', () => {
		for (let n = 1; n <= 6; n++) {
			const rows = ['city,category,year,month,title'];
			for (const c of builtinDataset.categories) rows.push(`上海,${c.id},2024,1,${c.id}`);
			for (let i = 0; i < n; i++) rows.push(`上海,New field ${i},2024,2,new ${i}`);
			const { outcome, unknowns } = imported(rows.join('\n'));
			expect(unknowns).toHaveLength(n);
			const ds = applyDecisions(outcome.packed!, unknowns, unknowns.map(defaultDecision), known).packed;
			expect(ds.categories).toHaveLength(8 + n);
			expect(distinct(ds.categories.map((c) => c.order)), `${n} new fields`).toBe(true);
		}
	});

	it('does so for a whole dataset given as JSON too (its fields keep their places, new ones follow)', () => {
		const events = [
			...builtinDataset.events,
			...[0, 1, 2, 3, 4, 5].map((i) => ({
				...builtinDataset.events[0],
				id: `new-${i}`,
				groupId: null,
				categoryId: `new-field-${i}`
			}))
		];
		const json = JSON.stringify({ ...builtinDataset, events });
		const outcome = importFiles([
			{ kind: 'events', name: 'all.json', bytes: new TextEncoder().encode(json) }
		]);
		expect(outcome.packed).not.toBeNull();
		const unknowns = unknownValues(outcome.summary!);
		expect(unknowns.map((u) => u.value)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `new-field-${i}`));
		// before the decisions, the registry's positions (500 + k) would repeat the first fields' colours
		expect(distinct(outcome.packed!.categories.map((c) => c.order))).toBe(false);
		const ds = applyDecisions(outcome.packed!, unknowns, unknowns.map(defaultDecision), known, {
			keepAll: true
		}).packed;
		expect(ds.categories.slice(0, 8).map((c) => c.id)).toEqual(builtinDataset.categories.map((c) => c.id));
		expect(distinct(ds.categories.map((c) => c.order))).toBe(true);
		expect(validateDataset(unpack(ds)).ok).toBe(true);
	});
});

describe('draftOf and decisionOf', () => {
	it('fill the form with the default decision and read it back', () => {
		const { unknowns } = imported(CSV);
		for (const u of unknowns) expect(decisionOf(draftOf(u))).toEqual(defaultDecision(u));
		const d = { ...draftOf(unknowns[0]), action: 'map' as const, target: 'wuxi' };
		expect(decisionOf(d)).toEqual({ action: 'map', target: 'wuxi' });
	});
});
