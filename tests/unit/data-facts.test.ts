/**
 * Facts pinned by hand from the article (澎湃新闻 · 澎湃研究所, 2024-01-03), so an edit to the JSON that
 * changes what the dashboard says about a city shows up here.
 */
import { describe, expect, it } from 'vitest';
import { builtinDataset as d, SOURCE } from '../../src/lib/data/builtin';
import type { InnovationEvent } from '../../src/lib/data/types';
import { findCities } from '../../src/lib/views/compare-state';
import { suggestCities } from '../../src/lib/views/city/suggest';
import { haystacks } from '../../src/lib/views/events/query';

const listed = d.events.filter((e) => e.source.section === 'events');
const byCity = (events: InnovationEvent[]) => {
	const counts: Record<string, number> = {};
	for (const e of events) counts[e.cityId ?? 'national'] = (counts[e.cityId ?? 'national'] ?? 0) + 1;
	return counts;
};
const itemsOf = (cityId: string) => d.futureIndustries.find((l) => l.cityId === cityId)?.items ?? [];
const tracksOf = (cityId: string, zh: string) =>
	new Set(
		itemsOf(cityId)
			.find((i) => i.name.zh === zh)
			?.tracks.map((t) => t.trackId) ?? []
	);

describe('cities and clusters', () => {
	it('has the 15 cities of the event list, each in one of the four clusters', () => {
		expect(d.cities.map((c) => c.id).sort()).toEqual(
			[
				'beijing',
				'chengdu',
				'guangzhou',
				'hangzhou',
				'hefei',
				'hongkong',
				'jiaxing',
				'nanjing',
				'ningbo',
				'shanghai',
				'shenzhen',
				'suzhou',
				'wenzhou',
				'wuhu',
				'wuxi'
			].sort()
		);
		expect(d.clusters.map((c) => [c.id, c.name.zh])).toEqual([
			['yrd', '长三角'],
			['jjj', '京津冀'],
			['gba', '粤港澳大湾区'],
			['cy', '成渝']
		]);
		const clusterOf = Object.fromEntries(d.cities.map((c) => [c.id, c.cluster]));
		expect(clusterOf.beijing).toBe('jjj');
		expect(clusterOf.chengdu).toBe('cy');
		expect(['shenzhen', 'guangzhou', 'hongkong'].map((c) => clusterOf[c])).toEqual(['gba', 'gba', 'gba']);
		expect(d.cities.filter((c) => c.cluster === 'yrd')).toHaveLength(10);
	});

	it('gives Hong Kong as an SAR and municipalities as their own province', () => {
		const get = (id: string) => d.cities.find((c) => c.id === id);
		expect(get('hongkong')?.province.en).toBe('Hong Kong SAR');
		expect(get('shanghai')?.province.zh).toBe('上海市');
		expect(get('beijing')?.province.zh).toBe('北京市');
		expect(get('suzhou')?.province.zh).toBe('江苏省');
	});

	it("gives 香港 its pinyin, xianggang, and keeps 'hongkong' as an alias a search still finds", () => {
		const hk = d.cities.find((c) => c.id === 'hongkong');
		expect(hk?.pinyin).toBe('xianggang');
		expect(hk?.aliases).toEqual(['hongkong']);
		for (const q of ['xianggang', 'xiang', 'hongkong', 'Hong Kong', '香港'])
			expect(findCities(d, q).map((c) => c.id)).toContain('hongkong');
		expect(suggestCities('xianggang', d.cities)[0]?.cityId).toBe('hongkong');
		const i = d.events.findIndex((e) => e.cityId === 'hongkong');
		expect(haystacks(d)[i]).toContain('xianggang');
		expect(haystacks(d)[i]).toContain('hongkong');
	});
});

describe('categories', () => {
	it("are the article's eight sections in its order", () => {
		expect(d.categories.map((c) => c.name.zh)).toEqual([
			'大科学装置',
			'城市算力',
			'“专精特新”与科技型企业',
			'创业投资与国资基金',
			'中外交流',
			'数字产业与数字治理',
			'语言大模型与AI治理',
			'布局未来产业'
		]);
		expect(d.categories.map((c) => c.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
	});
});

describe('events', () => {
	it('counts per city in the event list', () => {
		expect(byCity(listed)).toEqual({
			shanghai: 10,
			beijing: 7,
			hangzhou: 5,
			shenzhen: 5,
			suzhou: 2,
			jiaxing: 2,
			guangzhou: 2,
			chengdu: 2,
			hefei: 1,
			wuxi: 1,
			ningbo: 1,
			wuhu: 1,
			wenzhou: 1,
			hongkong: 1,
			nanjing: 1,
			national: 2
		});
		expect(listed).toHaveLength(44);
	});

	it('adds six commentary items named only in the review and the interview', () => {
		const commentary = d.events.filter((e) => e.source.section === 'commentary');
		expect(byCity(commentary)).toEqual({ national: 3, hefei: 1, guangzhou: 1, shanghai: 1 });
		expect(commentary.every((e) => e.source.bullet === null)).toBe(true);
		expect(d.events).toHaveLength(50);
	});

	it("gives each city the article's categories", () => {
		const cats = (city: string) =>
			[...new Set(listed.filter((e) => e.cityId === city).map((e) => e.categoryId))].sort();
		expect(cats('shanghai')).toEqual([
			'big-science',
			'computing',
			'digital',
			'exchange',
			'specialised-firms',
			'venture-funds'
		]);
		expect(cats('beijing')).toEqual([
			'ai-models',
			'digital',
			'exchange',
			'future-industries',
			'specialised-firms'
		]);
		expect(cats('hangzhou')).toEqual(['big-science', 'digital', 'venture-funds']);
		expect(cats('shenzhen')).toEqual([
			'ai-models',
			'computing',
			'digital',
			'future-industries',
			'venture-funds'
		]);
		expect(cats('suzhou')).toEqual(['big-science', 'future-industries']);
		expect(cats('jiaxing')).toEqual(['computing', 'exchange']);
		expect(cats('guangzhou')).toEqual(['digital', 'specialised-firms']);
		expect(cats('chengdu')).toEqual(['ai-models', 'exchange']);
		expect(cats('hongkong')).toEqual(['digital']);
		expect(cats('nanjing')).toEqual(['future-industries']);
		expect(cats('wenzhou')).toEqual(['venture-funds']);
	});

	it('keeps the months the article gives, and only those', () => {
		const months = (city: string) =>
			listed
				.filter((e) => e.cityId === city)
				.map((e) => (e.month === null ? null : e.monthEnd === null ? e.month : `${e.month}-${e.monthEnd}`));
		expect(months('shanghai')).toEqual([7, 2, 12, 4, 10, 2, 5, null, 6, 8]);
		expect(months('beijing')).toEqual([9, 9, 6, 1, 7, '5-6', null]);
		expect(months('hangzhou')).toEqual([10, null, 5, 5, 11]);
		expect(months('shenzhen')).toEqual([4, null, null, '5-6', null]);
		expect(months('suzhou')).toEqual([2, null]);
		expect(months('hefei')).toEqual([6]);
		expect(months('wuxi')).toEqual([1]);
		expect(months('ningbo')).toEqual([1]);
		expect(months('jiaxing')).toEqual([8, 10]);
		expect(months('wuhu')).toEqual([9]);
		expect(months('guangzhou')).toEqual([8, null]);
		expect(months('chengdu')).toEqual([10, '5-6']);
		expect(months('hongkong')).toEqual([12]);
		// every item is of 2023 but the three the article only places "earlier" (此前), with no year
		expect(d.events.filter((e) => e.year !== 2023).map((e) => e.id)).toEqual([
			'guangzhou-public-data-rules',
			'shenzhen-public-data-rules',
			'shanghai-future-industry-plan-earlier'
		]);
	});

	it("records 'earlier' (此前) items as the article gives them: no year, no month, before a named event", () => {
		const earlier = d.events.filter((e) => e.groupId === 'public-data-rules-earlier');
		expect(earlier.map((e) => e.cityId)).toEqual(['guangzhou', 'shenzhen']);
		for (const e of earlier) {
			expect(e.year).toBeNull();
			expect(e.month).toBeNull();
			expect(e.before).toBe('hongkong-cross-border-data-mou');
			expect(e.note?.zh).toContain('此前');
			expect(e.note?.zh).toContain('没有给出年份');
			expect(e.note?.en).toMatch(/earlier/);
			expect(e.note?.en).toMatch(/no year/);
		}
		const shanghai = d.events.find((e) => e.id === 'shanghai-future-industry-plan-earlier');
		expect(shanghai).toMatchObject({ year: null, month: null, before: 'guangzhou-future-industry-strategy' });
		expect(shanghai?.note?.en).toMatch(/no year/);
		expect(d.events.filter((e) => e.before !== null)).toHaveLength(3);
		// what they precede is dated: the December MoU, and Guangzhou's 2023 strategy
		const byId = (id: string) => d.events.find((e) => e.id === id);
		expect(byId('hongkong-cross-border-data-mou')).toMatchObject({ year: 2023, month: 12 });
		expect(byId('guangzhou-future-industry-strategy')).toMatchObject({ year: 2023 });
	});

	it('gives every document an English rendering, without 《》', () => {
		const docs = d.events.filter((e) => e.document !== null);
		expect(docs).toHaveLength(18);
		for (const e of docs) {
			expect(e.documentEn).toBeTruthy();
			expect(e.documentEn).not.toMatch(/[《》\p{Script=Han}]/u);
		}
		expect(d.events.filter((e) => e.document === null).every((e) => e.documentEn === null)).toBe(true);
		// a document named in an English note carries its English rendering too
		for (const e of d.events)
			for (const m of e.note?.en.matchAll(/《[^》]*》(.?)/gu) ?? []) expect(m[1], e.id).toBe(' ');
		expect(d.events.find((e) => e.id === 'wenzhou-key-industry-fund')?.note?.en).toContain(
			'《温州市重点产业发展基金管理办法》 (Wenzhou Measures for the Management of the Key Industry Development Fund)'
		);
		const mou = d.events.find((e) => e.id === 'hongkong-cross-border-data-mou');
		expect(mou?.documentEn).toMatch(/Cross-Boundary Data Flow/);
	});

	it('gives multi-city actions one record per city under one groupId', () => {
		const groups = new Map<string, string[]>();
		for (const e of d.events)
			if (e.groupId) groups.set(e.groupId, [...(groups.get(e.groupId) ?? []), e.cityId ?? '']);
		expect(Object.fromEntries(groups)).toEqual({
			'cook-visit-2023-10': ['chengdu', 'jiaxing'],
			'public-data-rules-earlier': ['guangzhou', 'shenzhen'],
			'ai-policies-2023-05-06': ['beijing', 'shenzhen', 'chengdu']
		});
	});

	it('records national actions with no city', () => {
		const national = listed.filter((e) => e.scope === 'national');
		expect(national.map((e) => [e.source.bullet, e.kind, e.document])).toEqual([
			[11, 'plan', '《算力基础设施高质量发展行动计划》'],
			[24, 'model-release', null]
		]);
		expect(national.every((e) => e.cityId === null)).toBe(true);
		expect(national[1].actors).toHaveLength(10);
	});

	it('keeps document titles verbatim with their brackets', () => {
		const docs = d.events.flatMap((e) => (e.document ? [e.document] : []));
		expect(docs).toHaveLength(18);
		expect(docs).toContain('《上海市吸引集聚企业研发机构 推进研发 产业化的实施意见》');
		expect(docs).toContain('《关于促进粤港澳大湾区数据跨境流动的合作备忘录》');
		expect(docs.every((t) => t.startsWith('《') && t.endsWith('》'))).toBe(true);
	});

	it('files future-industry bullets as undated plans', () => {
		const fi = listed.filter((e) => e.categoryId === 'future-industries');
		expect(fi.map((e) => [e.cityId, e.source.bullet, e.kind, e.month])).toEqual([
			['suzhou', 26, 'plan', null],
			['nanjing', 27, 'plan', null],
			['beijing', 28, 'plan', null],
			['shenzhen', 29, 'plan', null]
		]);
	});
});

describe('future-industry lists', () => {
	it('are exactly the lists the article gives, in its order', () => {
		const zh = (city: string) => itemsOf(city).map((i) => i.name.zh);
		expect(d.futureIndustries.map((l) => l.cityId)).toEqual(['suzhou', 'nanjing', 'beijing', 'shenzhen']);
		expect(zh('suzhou')).toEqual([
			'前沿新材料',
			'光子芯片与光器件',
			'元宇宙',
			'氢能',
			'数字金融',
			'细胞和基因诊疗',
			'空天开发',
			'量子技术'
		]);
		expect(zh('nanjing')).toEqual([
			'新一代人工智能',
			'第三代半导体',
			'基因与细胞',
			'元宇宙',
			'未来网络与先进通信',
			'储能与氢能'
		]);
		expect(zh('beijing')).toEqual(['未来信息', '未来健康', '未来制造', '未来能源', '未来材料', '未来空间']);
		expect(zh('shenzhen')).toEqual([
			'合成生物',
			'区块链',
			'细胞与基因',
			'空天技术',
			'脑科学与类脑智能',
			'深地深海',
			'可见光通信与光计算',
			'量子信息'
		]);
	});
});

describe('track crosswalk', () => {
	const link = (cityId: string, zh: string, trackId: string) =>
		itemsOf(cityId)
			.find((i) => i.name.zh === zh)
			?.tracks.find((t) => t.trackId === trackId);

	it('names the brain track as brain-inspired intelligence, as 类脑智能 says', () => {
		const brain = d.tracks.find((t) => t.id === 'brain');
		expect(brain?.name.zh).toBe('脑科学与类脑智能');
		expect(brain?.name.en).toBe('Brain science and brain-inspired intelligence');
		expect(brain?.description.en).toMatch(/brain-inspired intelligence/);
		expect(JSON.stringify(d.tracks)).not.toMatch(/brain-inspired computing/);
	});

	it("marks items that cover part of their track 'partial', with the part left out in the reason", () => {
		const semi = link('nanjing', '第三代半导体', 'semiconductors');
		expect(semi?.match).toBe('partial');
		expect(semi?.reason.zh).toContain('一代');
		expect(semi?.reason.en).toMatch(/one generation/i);
		const photonic = link('suzhou', '光子芯片与光器件', 'photonics');
		expect(photonic?.match).toBe('partial');
		expect(photonic?.reason.zh).toContain('不含');
		expect(photonic?.reason.en).toMatch(/not the computing with light/);
	});

	it('keeps digital finance and blockchain apart, and says why on both links', () => {
		const finance = tracksOf('suzhou', '数字金融');
		const chain = tracksOf('shenzhen', '区块链');
		expect([...finance]).toEqual(['digital-finance']);
		expect([...chain]).toEqual(['blockchain']);
		expect(link('suzhou', '数字金融', 'digital-finance')?.reason.zh).toContain('不连到区块链');
		expect(link('suzhou', '数字金融', 'digital-finance')?.reason.en).toMatch(/not linked to blockchain/i);
		expect(link('shenzhen', '区块链', 'blockchain')?.reason.zh).toContain('不连到数字金融');
		expect(link('shenzhen', '区块链', 'blockchain')?.reason.en).toMatch(/not linked to digital finance/i);
	});

	it('puts the three cell-and-gene items on one shared track', () => {
		const shared = [
			tracksOf('suzhou', '细胞和基因诊疗'),
			tracksOf('nanjing', '基因与细胞'),
			tracksOf('shenzhen', '细胞与基因')
		];
		expect(shared.every((s) => s.has('cell-gene'))).toBe(true);
	});

	it('puts both quantum items on one track', () => {
		expect(tracksOf('suzhou', '量子技术')).toEqual(tracksOf('shenzhen', '量子信息'));
		expect(tracksOf('suzhou', '量子技术').has('quantum')).toBe(true);
	});

	it('keeps deep earth / deep sea apart from the metaverse', () => {
		const deep = tracksOf('shenzhen', '深地深海');
		for (const city of ['suzhou', 'nanjing']) {
			const meta = tracksOf(city, '元宇宙');
			expect([...deep].filter((t) => meta.has(t))).toEqual([]);
		}
	});

	it("maps Beijing's directions as 'broad', several tracks for the wide ones", () => {
		for (const item of itemsOf('beijing')) {
			expect(item.tracks.every((t) => t.match === 'broad')).toBe(true);
		}
		expect(tracksOf('beijing', '未来健康').size).toBeGreaterThan(1);
		expect(tracksOf('beijing', '未来信息').size).toBeGreaterThan(1);
	});

	it('explains every mapping in both languages', () => {
		for (const list of d.futureIndustries)
			for (const item of list.items) {
				expect(item.tracks.length).toBeGreaterThan(0);
				for (const t of item.tracks) expect(t.reason.zh && t.reason.en).toBeTruthy();
			}
	});

	it('uses every track at least once', () => {
		const used = new Set(
			d.futureIndustries.flatMap((l) => l.items.flatMap((i) => i.tracks.map((t) => t.trackId)))
		);
		expect(d.tracks.filter((t) => !used.has(t.id))).toEqual([]);
	});
});

describe('source', () => {
	it('credits the article without inventing a URL', () => {
		expect(SOURCE.outlet.zh).toBe('澎湃新闻 · 澎湃研究所');
		expect(SOURCE.title.zh).toBe('《科技创新：换道超车冲向未来产业》');
		expect(SOURCE.date).toBe('2024-01-03');
		expect(SOURCE.url).toBeNull();
		expect(d.id).toBe('builtin');
	});
});
