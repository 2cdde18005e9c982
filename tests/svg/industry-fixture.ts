/**
 * Fixture for the industry charts' goldens: the shared chart fixture with future-industry lists for all
 * four cities (the shared one has two), so overlaps of degree 1–3 and every match strength appear.
 */
import type { Dataset, FutureIndustryItem, MatchStrength } from '../../src/lib/data/types';
import { fixtureDataset } from './fixture';

const item = (zh: string, en: string, ...tracks: [string, MatchStrength][]): FutureIndustryItem => ({
	name: { zh, en },
	tracks: tracks.map(([trackId, match]) => ({
		trackId,
		match,
		reason: { zh: '编辑对应', en: 'Editorial mapping' }
	}))
});

export const industryFixture: Dataset = {
	...fixtureDataset,
	id: 'industry-fixture',
	tracks: [
		...fixtureDataset.tracks,
		{
			id: 'hydrogen',
			name: { zh: '氢能', en: 'Hydrogen energy' },
			description: { zh: '氢能', en: 'Hydrogen' }
		}
	],
	futureIndustries: [
		{
			cityId: 'alpha',
			items: [
				item('量子技术', 'Quantum technology', ['quantum', 'exact']),
				item('元宇宙', 'Metaverse', ['metaverse', 'exact']),
				item('氢能', 'Hydrogen energy', ['hydrogen', 'exact'])
			]
		},
		{
			cityId: 'beta',
			items: [
				item('未来信息', 'Future information', ['quantum', 'broad'], ['metaverse', 'broad']),
				item('未来健康', 'Future health', ['cell-gene', 'broad'])
			]
		},
		{
			cityId: 'gamma',
			items: [
				item('量子信息', 'Quantum information', ['quantum', 'exact']),
				item('细胞与基因', 'Cells and genes', ['cell-gene', 'exact']),
				item('储能与氢能', 'Energy storage and hydrogen', ['hydrogen', 'partial'])
			]
		}
	]
};
