/**
 * A small, fixed dataset for chart golden tests: four cities in three clusters, three categories,
 * a handful of dated, undated, ranged, national and grouped events, and two future-industry lists.
 */
import type { Dataset, InnovationEvent } from '../../src/lib/data/types';

const ev = (
	id: string,
	cityId: string | null,
	categoryId: string,
	month: number | null,
	extra: Partial<InnovationEvent> = {}
): InnovationEvent => ({
	id,
	cityId,
	scope: cityId ? 'city' : 'national',
	categoryId,
	year: 2023,
	before: null,
	month,
	monthEnd: null,
	kind: 'policy',
	actors: [],
	document: null,
	documentEn: null,
	title: { zh: `事件${id}`, en: `Event ${id}` },
	note: null,
	groupId: null,
	source: { section: 'events', heading: '测试', bullet: 1 },
	...extra
});

export const fixtureDataset: Dataset = {
	id: 'fixture',
	version: 'fixture.1',
	clusters: [
		{ id: 'yrd', name: { zh: '长三角', en: 'Yangtze River Delta' }, order: 0 },
		{ id: 'jjj', name: { zh: '京津冀', en: 'Beijing-Tianjin-Hebei' }, order: 1 },
		{ id: 'gba', name: { zh: '粤港澳大湾区', en: 'Greater Bay Area' }, order: 2 }
	],
	cities: [
		{
			id: 'alpha',
			name: { zh: '甲城', en: 'Alpha' },
			pinyin: 'jiacheng',
			province: { zh: '甲省', en: 'Alpha Province' },
			cluster: 'yrd',
			lat: 31.23,
			lon: 121.47
		},
		{
			id: 'beta',
			name: { zh: '乙城', en: 'Beta' },
			pinyin: 'yicheng',
			province: { zh: '乙省', en: 'Beta Province' },
			cluster: 'jjj',
			lat: 39.9,
			lon: 116.4
		},
		{
			id: 'gamma',
			name: { zh: '丙城', en: 'Gamma City' },
			pinyin: 'bingcheng',
			province: { zh: '丙省', en: 'Gamma Province' },
			cluster: 'gba',
			lat: 22.54,
			lon: 114.06
		},
		{
			id: 'delta',
			name: { zh: '丁城', en: 'Delta' },
			pinyin: 'dingcheng',
			province: { zh: '丁省', en: 'Delta Province' },
			cluster: 'yrd',
			lat: 30.27,
			lon: 120.15
		}
	],
	categories: [
		{ id: 'big-science', name: { zh: '大科学装置', en: 'Big science facilities' }, order: 0 },
		{ id: 'computing', name: { zh: '城市算力', en: 'Urban computing power' }, order: 1 },
		{ id: 'digital', name: { zh: '数字产业与数字治理', en: 'Digital industry and governance' }, order: 2 }
	],
	events: [
		ev('a1', 'alpha', 'big-science', 2),
		ev('a2', 'alpha', 'big-science', 7),
		ev('a3', 'alpha', 'computing', 4),
		ev('a4', 'alpha', 'digital', null),
		ev('b1', 'beta', 'digital', 1),
		ev('b2', 'beta', 'digital', 5, { monthEnd: 6 }),
		ev('b3', 'beta', 'computing', 9, { groupId: 'g1' }),
		ev('c1', 'gamma', 'computing', 9, { groupId: 'g1' }),
		ev('d1', 'delta', 'big-science', 10),
		ev('n1', null, 'computing', 10),
		ev('x1', 'gamma', 'digital', 5, { source: { section: 'commentary', heading: '点评', bullet: null } })
	],
	tracks: [
		{ id: 'quantum', name: { zh: '量子', en: 'Quantum' }, description: { zh: '量子', en: 'Quantum' } },
		{
			id: 'cell-gene',
			name: { zh: '细胞与基因', en: 'Cell and gene' },
			description: { zh: '细胞与基因', en: 'Cell and gene' }
		},
		{
			id: 'metaverse',
			name: { zh: '元宇宙', en: 'Metaverse' },
			description: { zh: '元宇宙', en: 'Metaverse' }
		}
	],
	futureIndustries: [
		{
			cityId: 'alpha',
			items: [
				{
					name: { zh: '量子技术', en: 'Quantum technology' },
					tracks: [{ trackId: 'quantum', match: 'exact', reason: { zh: '同一领域', en: 'Same field' } }]
				},
				{
					name: { zh: '元宇宙', en: 'Metaverse' },
					tracks: [{ trackId: 'metaverse', match: 'exact', reason: { zh: '同一领域', en: 'Same field' } }]
				}
			]
		},
		{
			cityId: 'gamma',
			items: [
				{
					name: { zh: '量子信息', en: 'Quantum information' },
					tracks: [{ trackId: 'quantum', match: 'exact', reason: { zh: '同一领域', en: 'Same field' } }]
				},
				{
					name: { zh: '未来健康', en: 'Future health' },
					tracks: [
						{ trackId: 'cell-gene', match: 'broad', reason: { zh: '宽泛方向', en: 'Broad direction' } }
					]
				}
			]
		}
	]
};
