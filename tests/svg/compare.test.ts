import { describe, expect, it } from 'vitest';
import { compareCities } from '../../src/lib/aggregate/compare';
import CompareChart from '../../src/lib/charts/Compare/CompareChart.svelte';
import { builtinDataset } from '../../src/lib/data/builtin';
import { expectGolden, renderSvgs } from './golden';

const CITIES = ['shanghai', 'shenzhen', 'hefei'];
const FILTER = { includeCommentary: false };

describe('compare small multiples (golden SVG)', () => {
	const comparison = compareCities(builtinDataset, CITIES, FILTER);

	for (const variant of ['tablet', 'phone', 'wide'] as const) {
		for (const locale of ['en', 'zh'] as const) {
			it(`renders Shanghai, Shenzhen and Hefei in ${locale} (${variant})`, () => {
				const [svg] = renderSvgs(
					CompareChart,
					{ dataset: builtinDataset, comparison, locale, filter: FILTER },
					variant
				);
				expectGolden(`compare-builtin-${locale}-${variant}`, svg);
			});
		}
	}

	it('wraps every field name instead of cutting it, down to the phone width', () => {
		for (const variant of ['phone', 'tablet'] as const) {
			const [svg] = renderSvgs(CompareChart, { dataset: builtinDataset, comparison, locale: 'en' }, variant);
			const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
			expect(
				texts.filter((t) => t.endsWith('…')),
				variant
			).toEqual([]);
			// every field's words are drawn, across however many lines
			const drawn = texts.join(' ');
			for (const c of builtinDataset.categories) {
				for (const word of c.name.en.split(/\s+/)) expect(drawn, `${variant}: ${c.name.en}`).toContain(word);
			}
		}
	});
});
