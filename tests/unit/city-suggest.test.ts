import { describe, expect, it } from 'vitest';
import { builtinDataset } from '$lib/data/builtin';
import {
	editDistance,
	nameSimilarity,
	normaliseName,
	shorten,
	suggestCities,
	unknownCityFromPath
} from '$lib/views/city/suggest';

const cities = builtinDataset.cities;
const ids = new Set(cities.map((c) => c.id));
const first = (value: unknown) => suggestCities(value, cities)[0]?.cityId;

describe('editDistance', () => {
	it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
		expect(editDistance('shangai', 'shanghai')).toBe(1);
		expect(editDistance('shagnhai', 'shanghai')).toBe(1);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('abc', '')).toBe(3);
		expect(editDistance('kitten', 'sitting')).toBe(3);
		expect(editDistance('上海', '上海')).toBe(0);
		expect(editDistance('上', '上海')).toBe(1);
	});

	it('is symmetric', () => {
		for (const [a, b] of [
			['beijing', 'bejing'],
			['hangzhou', 'guangzhou'],
			['深圳', '圳深']
		]) {
			expect(editDistance(a, b)).toBe(editDistance(b, a));
		}
	});
});

describe('normaliseName', () => {
	it('keeps letters and digits only, in lower case, full width folded', () => {
		expect(normaliseName('Hong Kong')).toBe('hongkong');
		expect(normaliseName('hong-kong')).toBe('hongkong');
		expect(normaliseName('ＨＯＮＧＫＯＮＧ')).toBe('hongkong');
		expect(normaliseName(' 上海 ')).toBe('上海');
		expect(normaliseName('<script>alert(1)</script>')).toBe('scriptalert1script');
	});

	it('reads anything without throwing, and bounds the length', () => {
		expect(normaliseName(undefined)).toBe('');
		expect(normaliseName(null)).toBe('');
		expect(normaliseName(42)).toBe('42');
		expect(normaliseName({})).toBe('objectobject');
		expect([...normaliseName('a'.repeat(10_000))].length).toBe(64);
	});
});

describe('suggestCities', () => {
	it('finds the city behind a typo in its English name or id', () => {
		expect(first('shangai')).toBe('shanghai');
		expect(first('Shanghia')).toBe('shanghai');
		expect(first('beiijng')).toBe('beijing');
		expect(first('shenzen')).toBe('shenzhen');
		expect(first('hong-kong')).toBe('hongkong');
		expect(first('guangzou')).toBe('guangzhou');
	});

	it('matches pinyin and names typed halfway', () => {
		expect(first('hefe')).toBe('hefei');
		expect(first('nanj')).toBe('nanjing');
		expect(first('SUZHOU')).toBe('suzhou');
	});

	it('matches Chinese names, whole or by their first character', () => {
		expect(first('上')).toBe('shanghai');
		expect(first('上海')).toBe('shanghai');
		expect(first('深圳市')).toBe('shenzhen');
		expect(first('杭洲')).toBe('hangzhou');
	});

	it('scores an exact name 1 and ranks best first', () => {
		const s = suggestCities('wuxi', cities);
		expect(s[0]).toEqual({ cityId: 'wuxi', score: 1 });
		for (let i = 1; i < s.length; i++) expect(s[i - 1].score).toBeGreaterThanOrEqual(s[i].score);
	});

	it('gives nothing for empty input', () => {
		expect(suggestCities('', cities)).toEqual([]);
		expect(suggestCities('   ', cities)).toEqual([]);
		expect(suggestCities('///', cities)).toEqual([]);
		expect(suggestCities(undefined, cities)).toEqual([]);
		expect(suggestCities('shanghai', [])).toEqual([]);
		expect(suggestCities('shanghai', cities, { limit: 0 })).toEqual([]);
	});

	it('respects the limit and the minimum score', () => {
		expect(suggestCities('zhou', cities, { limit: 2, minScore: 0 })).toHaveLength(2);
		expect(suggestCities('atlantis', cities, { minScore: 0.99 })).toEqual([]);
		expect(suggestCities('atlantis', cities, { minScore: 0 }).length).toBe(3);
	});

	it('never throws on hostile input and returns only known city ids', () => {
		const hostile: unknown[] = [
			'<script>alert(1)</script>',
			'"><img src=x onerror=alert(1)>',
			'../../etc/passwd',
			'\u0000\u202e\ud800',
			'🙂'.repeat(500),
			'x'.repeat(100_000),
			'%',
			Symbol.for('x').toString(),
			12345,
			{ toString: () => 'shanghai' },
			[]
		];
		for (const value of hostile) {
			const out = suggestCities(value, cities, { minScore: 0 });
			expect(Array.isArray(out)).toBe(true);
			for (const s of out) {
				expect(Object.keys(s).sort()).toEqual(['cityId', 'score']);
				expect(ids.has(s.cityId)).toBe(true);
				expect(s.score).toBeGreaterThanOrEqual(0);
				expect(s.score).toBeLessThanOrEqual(1);
			}
		}
	});

	it('answers `<script>` with plain city ids, none of the markup', () => {
		const out = suggestCities('<script>', cities, { minScore: 0 });
		expect(out.length).toBeGreaterThan(0);
		expect(JSON.stringify(out)).not.toMatch(/[<>]/);
	});

	it('does not mutate the cities', () => {
		const before = structuredClone(cities);
		suggestCities('shangai', cities);
		expect(cities).toEqual(before);
	});
});

describe('nameSimilarity', () => {
	it('is 1 for equal names, 0 for nothing to compare, and within [0, 1]', () => {
		expect(nameSimilarity('shanghai', 'shanghai')).toBe(1);
		expect(nameSimilarity('', 'shanghai')).toBe(0);
		const v = nameSimilarity('atlantis', 'hangzhou');
		expect(v).toBeGreaterThanOrEqual(0);
		expect(v).toBeLessThan(1);
	});
});

describe('unknownCityFromPath', () => {
	it('reads the city segment of a city address in either language', () => {
		expect(unknownCityFromPath('/en/cities/shangai')).toBe('shangai');
		expect(unknownCityFromPath('/zh/cities/%E4%B8%8A')).toBe('上');
		expect(unknownCityFromPath('/zh/cities/x/')).toBe('x');
	});

	it('gives null elsewhere and the raw text when it does not decode', () => {
		expect(unknownCityFromPath('/en/cities')).toBeNull();
		expect(unknownCityFromPath('/en/compare')).toBeNull();
		expect(unknownCityFromPath('/fr/cities/paris')).toBeNull();
		expect(unknownCityFromPath('/en/cities/a/b')).toBeNull();
		expect(unknownCityFromPath('/en/cities/%E4%B8')).toBe('%E4%B8');
	});
});

describe('shorten', () => {
	it('cuts long values by code point and marks the cut', () => {
		expect(shorten('shanghai')).toBe('shanghai');
		expect(shorten('a'.repeat(41))).toBe('a'.repeat(39) + '…');
		expect([...shorten('上'.repeat(100), 10)]).toHaveLength(10);
		expect(shorten('🙂'.repeat(50), 5)).toBe('🙂🙂🙂🙂…');
	});
});
