import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	displayValue,
	parseEnum,
	parseFlag,
	parseIdList,
	parseInteger,
	parseText,
	toQuery
} from '../../src/lib/state/url';

const known = new Set(['shanghai', 'shenzhen', 'beijing', 'hangzhou', 'suzhou', 'hefei']);
const q = (s: string) => new URLSearchParams(s);

describe('parseIdList', () => {
	it('keeps known ids in the reader’s order', () => {
		expect(parseIdList(q('cities=shenzhen,shanghai'), 'cities', known).value).toEqual([
			'shenzhen',
			'shanghai'
		]);
	});
	it('drops unknown, empty and hostile values with notices', () => {
		const r = parseIdList(q('cities=atlantis,,<script>,shanghai'), 'cities', known, { max: 4 });
		expect(r.value).toEqual(['shanghai']);
		const reasons = r.notices.map((n) => n.reason);
		expect(reasons).toContain('unknown');
		expect(reasons).toContain('malformed');
		expect(r.notices.find((n) => n.value.includes('script'))?.reason).toBe('unknown');
	});
	it('drops repeats and anything past the maximum', () => {
		const r = parseIdList(q('cities=shanghai,shanghai,shenzhen,beijing,hangzhou,suzhou'), 'cities', known, {
			max: 4
		});
		expect(r.value).toEqual(['shanghai', 'shenzhen', 'beijing', 'hangzhou']);
		expect(r.notices.map((n) => n.reason).sort()).toEqual(['duplicate', 'tooMany']);
	});
	it('returns null when the parameter is absent', () => {
		expect(parseIdList(q(''), 'cities', known)).toEqual({ value: null, notices: [] });
	});
	it('never throws and only ever returns known ids', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				const r = parseIdList(q('cities=' + encodeURIComponent(s)), 'cities', known, { max: 4 });
				expect(r.value === null || r.value.every((id) => known.has(id))).toBe(true);
				expect((r.value ?? []).length).toBeLessThanOrEqual(4);
			})
		);
	});
});

describe('scalar parsers', () => {
	it('parses months and rejects 13 and junk', () => {
		expect(parseInteger(q('from=5'), 'from', 1, 12).value).toBe(5);
		expect(parseInteger(q('from=13'), 'from', 1, 12)).toMatchObject({
			value: null,
			notices: [{ reason: 'outOfRange' }]
		});
		expect(parseInteger(q('from=5x'), 'from', 1, 12).notices[0].reason).toBe('malformed');
	});
	it('falls back for unknown enum values', () => {
		expect(parseEnum(q('mode=share'), 'mode', ['count', 'share'], 'count').value).toBe('share');
		expect(parseEnum(q('mode=pie'), 'mode', ['count', 'share'], 'count')).toMatchObject({
			value: 'count',
			notices: [{ param: 'mode', reason: 'unknown' }]
		});
	});
	it('reads flags', () => {
		expect(parseFlag(q('x=1'), 'x', false).value).toBe(true);
		expect(parseFlag(q('x=0'), 'x', true).value).toBe(false);
		expect(parseFlag(q('x=maybe'), 'x', true).notices).toHaveLength(1);
	});
	it('cleans search text', () => {
		expect(parseText(q('q=%E4%B8%8A%E6%B5%B7%00%E2%80%AE'), 'q').value).toBe('上海');
		expect(parseText(q('q=' + 'a'.repeat(500)), 'q').value).toHaveLength(200);
	});
	it('shortens and cleans values for display', () => {
		expect(displayValue('a\u202eb\u0007c')).toBe('abc');
		expect(displayValue('x'.repeat(100)).length).toBe(41);
	});
});

describe('toQuery', () => {
	it('writes in the given order and leaves defaults out', () => {
		expect(
			toQuery([
				['cities', ['shanghai', 'shenzhen']],
				['mode', 'count', 'count'],
				['stacked', true, false],
				['q', '']
			])
		).toBe('?cities=shanghai,shenzhen&stacked=1');
		expect(toQuery([['mode', 'count', 'count']])).toBe('');
	});
	it('round-trips through the parsers', () => {
		const s = toQuery([
			['cities', ['beijing', 'hefei']],
			['from', 3]
		]);
		const p = new URLSearchParams(s.slice(1));
		expect(parseIdList(p, 'cities', known).value).toEqual(['beijing', 'hefei']);
		expect(parseInteger(p, 'from', 1, 12).value).toBe(3);
	});
});
