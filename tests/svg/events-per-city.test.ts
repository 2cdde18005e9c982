import { describe, expect, it } from 'vitest';
import { eventsPerCity } from '../../src/lib/aggregate/counts';
import EventsPerCityChart from '../../src/lib/charts/BarChart/EventsPerCityChart.svelte';
import { builtinDataset } from '../../src/lib/data/builtin';
import { fixtureDataset } from './fixture';
import { expectGolden, renderSvgs } from './golden';

describe('events per city (golden SVG)', () => {
	it('renders the fixture in English', () => {
		const rows = eventsPerCity(fixtureDataset);
		const [svg] = renderSvgs(EventsPerCityChart, { dataset: fixtureDataset, rows, locale: 'en' });
		expectGolden('events-per-city-fixture-en', svg);
	});

	it('renders the fixture stacked by category in Chinese', () => {
		const rows = eventsPerCity(fixtureDataset);
		const [svg] = renderSvgs(EventsPerCityChart, {
			dataset: fixtureDataset,
			rows,
			locale: 'zh',
			stacked: true
		});
		expectGolden('events-per-city-fixture-zh-stacked', svg);
	});

	it('renders the narrow (phone) variant', () => {
		const rows = eventsPerCity(fixtureDataset);
		const [svg] = renderSvgs(EventsPerCityChart, { dataset: fixtureDataset, rows, locale: 'en' }, 'phone');
		expectGolden('events-per-city-fixture-en-narrow', svg);
	});

	it('states the finding in its title and description on the real data', () => {
		const rows = eventsPerCity(builtinDataset, { includeCommentary: false });
		const [svg] = renderSvgs(EventsPerCityChart, { dataset: builtinDataset, rows, locale: 'zh' });
		expect(svg).toMatch(/<title[^>]*>上海事件最多（10 件），其次是北京（7 件）<\/title>/);
		expect(svg).toContain('role="img"');
		// one bar per city with events
		expect(svg.match(/class="mark/g)?.length).toBe(15);
	});
});
