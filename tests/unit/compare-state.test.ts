import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinDataset as ds } from '../../src/lib/data/builtin';
import {
	compareQuery,
	defaultCities,
	findCities,
	moveCity,
	parseCompareState,
	searchKey
} from '../../src/lib/views/compare-state';

const q = (s: string) => new URLSearchParams(s);

describe('compare state', () => {
	it('defaults to the three cities with the most events in the event list', () => {
		// event list (commentary excluded): Shanghai 10, Beijing 7, then Hangzhou and Shenzhen 5 each —
		// Hangzhou comes first in the dataset's city order
		expect(defaultCities(ds)).toEqual(['shanghai', 'beijing', 'hangzhou']);
		expect(parseCompareState(q(''), ds)).toMatchObject({
			cities: defaultCities(ds),
			isDefault: true,
			notices: []
		});
	});

	it('keeps the reader’s cities and order', () => {
		expect(parseCompareState(q('cities=hefei,shenzhen'), ds).cities).toEqual(['hefei', 'shenzhen']);
	});

	it('falls back to the default with a notice when fewer than two usable cities remain', () => {
		const s = parseCompareState(q('cities=hefei,atlantis'), ds);
		expect(s.isDefault).toBe(true);
		expect(s.notices.map((n) => n.reason).sort()).toEqual(['tooFew', 'unknown']);
	});

	it('never yields fewer than 2 or more than 4 known, distinct cities', () => {
		const ids = ds.cities.map((c) => c.id);
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.constantFrom(...ids), fc.string()), { maxLength: 8 }), (list) => {
				const s = parseCompareState(q('cities=' + list.map(encodeURIComponent).join(',')), ds);
				expect(s.cities.length).toBeGreaterThanOrEqual(2);
				expect(s.cities.length).toBeLessThanOrEqual(4);
				expect(new Set(s.cities).size).toBe(s.cities.length);
				for (const id of s.cities) expect(ids).toContain(id);
			})
		);
	});

	it('writes the URL the parser reads back', () => {
		expect(compareQuery(['shanghai', 'hefei'])).toBe('?cities=shanghai,hefei');
		expect(parseCompareState(q(compareQuery(['wuxi', 'hefei']).slice(1)), ds).cities).toEqual([
			'wuxi',
			'hefei'
		]);
	});
});

describe('city search', () => {
	it('finds a city by Chinese name, English name or pinyin', () => {
		expect(findCities(ds, '合肥').map((c) => c.id)).toEqual(['hefei']);
		expect(findCities(ds, 'Hefei').map((c) => c.id)).toEqual(['hefei']);
		expect(findCities(ds, 'hong kong').map((c) => c.id)).toEqual(['hongkong']);
		expect(findCities(ds, 'HANGZ').map((c) => c.id)).toEqual(['hangzhou']);
	});
	it('puts prefix matches before substring matches and leaves out chosen cities', () => {
		const ids = findCities(ds, 'zhou').map((c) => c.id);
		expect(ids).toEqual(expect.arrayContaining(['suzhou', 'hangzhou', 'guangzhou', 'wenzhou']));
		expect(findCities(ds, 'zhou', ['suzhou']).map((c) => c.id)).not.toContain('suzhou');
	});
	it('returns nothing for empty or hostile queries, without throwing', () => {
		expect(findCities(ds, '')).toEqual([]);
		expect(findCities(ds, '<script>')).toEqual([]);
	});
	it('normalises keys', () => {
		expect(searchKey('Hóng Kōng')).toBe('hongkong');
	});
});

describe('moveCity', () => {
	it('swaps with a neighbour and ignores moves off the ends', () => {
		expect(moveCity(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
		expect(moveCity(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
	});
});

describe('the chosen mark in the address', () => {
	it('reads a chart and a key, and nothing else', async () => {
		const { parseOpen, compareQuery, MAX_OPEN } = await import('../../src/lib/views/compare-state');
		const p = (q: string) => parseOpen(new URLSearchParams(q));
		expect(p('open=compare:shanghai:big-science')).toEqual({ chart: 'compare', key: 'shanghai:big-science' });
		expect(p('open=compare-story:fields.0')).toEqual({ chart: 'compare-story', key: 'fields.0' });
		expect(p('open=timeline:shanghai|4')).toEqual({ chart: 'timeline', key: 'shanghai|4' });
		for (const bad of [
			'',
			'open=',
			'open=compare',
			'open=compare:',
			'open=:x',
			'open=__proto__:x',
			'open=toString:x'
		])
			expect(p(bad), bad).toBeNull();
		expect(p(`open=compare:${'x'.repeat(MAX_OPEN)}`)).toBeNull();
		expect(compareQuery(['a', 'b'], { chart: 'compare', key: 'a:c' })).toBe(
			'?cities=a,b&open=compare%3Aa%3Ac'
		);
		expect(compareQuery(['a', 'b'], null)).toBe('?cities=a,b');
	});
});
