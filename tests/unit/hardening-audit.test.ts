/**
 * The outside audit's findings outside the import (issue: hardening, round two): URL parsers that stay
 * linear on a crafted address and cap their notices, the city finder on pasted pages, colour look-ups by
 * ids named after built-in properties, saving failures told apart, and dataset ids that never repeat.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinDataset } from '../../src/lib/data/builtin';
import { categoryColour, clusterColour } from '../../src/lib/charts/core/palette';
import { newDatasetId } from '../../src/lib/import/ids';
import { saveFailure } from '../../src/lib/import/store';
import {
	capNotices,
	displayValue,
	MAX_NOTICES_PER_PARAM,
	parseIdList,
	parseText,
	type UrlNotice
} from '../../src/lib/state/url';
import { findCities, MAX_FINDER_QUERY, parseCompareState } from '../../src/lib/views/compare-state';
import { parseEventsView } from '../../src/lib/views/events/query';
import { parseIndustriesState } from '../../src/lib/views/industries-state';

const known = new Set(builtinDataset.cities.map((c) => c.id));
const COLOUR = /^#[0-9a-f]{6}$/i;
const PROTOTYPE_NAMES = [
	'constructor',
	'__proto__',
	'hasOwnProperty',
	'toString',
	'valueOf',
	'isPrototypeOf',
	'prototype',
	'__defineGetter__'
];

/** The audit's freezing address: `a,` × 16,000 then `,` × 66,000 (98 KB), scaled to `size` bytes. */
function craftedList(size: number): string {
	const items = Math.floor(size / 2 / 2.6);
	return 'a,'.repeat(items) + ','.repeat(Math.max(0, size - items * 2));
}

function timed<T>(fn: () => T): { ms: number; value: T } {
	const t0 = performance.now();
	const value = fn();
	return { ms: performance.now() - t0, value };
}

describe('URL parsers on crafted addresses', () => {
	it('handle a 1 MB list in linear time (a generous bound: the figure is in BENCHMARKS.md)', () => {
		const params = new URLSearchParams({ cities: craftedList(1_000_000) });
		parseCompareState(params, builtinDataset); // warm up
		const { ms, value } = timed(() => parseCompareState(params, builtinDataset));
		expect(ms).toBeLessThan(100);
		expect(value.isDefault).toBe(true);
	});

	it('list a few notices per parameter and count the rest', () => {
		const raw = craftedList(98_000);
		const r = parseIdList(new URLSearchParams({ cities: raw }), 'cities', known, { max: 4, min: 2 });
		expect(r.value).toEqual([]);
		const listed = r.notices.filter((n) => n.reason !== 'more');
		expect(listed.length).toBeLessThanOrEqual(MAX_NOTICES_PER_PARAM);
		const more = r.notices.find((n) => n.reason === 'more');
		const items = raw.split(',').filter((s) => s === 'a').length;
		// every unknown item is accounted for, one malformed notice stands for all the empty ones
		expect(listed.length + (more?.count ?? 0)).toBe(items + 1);
	});

	it('keep one notice for all empty items, as before', () => {
		const r = parseIdList(new URLSearchParams('cities=shanghai,,,beijing'), 'cities', known);
		expect(r.value).toEqual(['shanghai', 'beijing']);
		expect(r.notices.map((n) => n.reason)).toEqual(['malformed']);
		expect(parseIdList(new URLSearchParams('cities=shanghai,'), 'cities', known).notices).toEqual([]);
	});

	it('cap what a page lists across parameters, counting every problem left out', () => {
		const params = new URLSearchParams({
			city: craftedList(20_000),
			cluster: 'x,y,z,w,v,u,t',
			cat: 'q,r,s'
		});
		const { notices } = parseEventsView(params, builtinDataset);
		const total = notices.reduce((n, x) => n + (x.reason === 'more' ? x.count! : 1), 0);
		const shown = capNotices(notices);
		expect(shown.filter((n) => n.reason !== 'more').length).toBeLessThanOrEqual(8);
		expect(shown.at(-1)?.reason).toBe('more');
		expect(shown.reduce((n, x) => n + (x.reason === 'more' ? x.count! : 1), 0)).toBe(total);
	});

	it('leave a short list of notices as it is', () => {
		const few: UrlNotice[] = [{ param: 'cities', value: 'x', reason: 'unknown' }];
		expect(capNotices(few)).toEqual(few);
	});

	it('show values without control, zero-width or bidi characters, and read only their head', () => {
		expect(displayValue('a\u200bb\u200dc\u2066d\u202ee\u0007f\u009bg\ufeffh')).toBe('abcdefgh');
		const huge = '\u200b'.repeat(2_000_000) + 'x';
		const { ms, value } = timed(() => displayValue(huge));
		expect(value).toBe('…');
		expect(ms).toBeLessThan(50);
		expect(parseText(new URLSearchParams({ q: 'x'.repeat(1_000_000) }), 'q', 200).value).toHaveLength(200);
	});

	it('parse the industries page state from a 1 MB set quickly', () => {
		const params = new URLSearchParams({ set: 'shanghai+'.repeat(110_000) });
		const { ms, value } = timed(() => parseIndustriesState(params, known));
		expect(value.set).toBeNull();
		expect(ms).toBeLessThan(100);
	});
});

describe('the compare finder on pasted text', () => {
	it('reads a bounded head of the text, so a pasted page costs what a name does', () => {
		const pasted = '合肥'.repeat(50_000);
		const { ms } = timed(() => findCities(builtinDataset, pasted));
		expect(ms).toBeLessThan(50);
		expect(findCities(builtinDataset, '合肥' + 'x'.repeat(MAX_FINDER_QUERY * 10))).toEqual([]);
		expect(findCities(builtinDataset, '合肥').map((c) => c.id)).toEqual(['hefei']);
	});
});

describe('colours by ids named after built-in properties', () => {
	it('are always colours', () => {
		for (const id of PROTOTYPE_NAMES) {
			expect(clusterColour(id), id).toMatch(COLOUR);
			expect(clusterColour(id, 3), id).toMatch(COLOUR);
		}
		fc.assert(
			fc.property(fc.string(), fc.double(), (id, order) => {
				expect(clusterColour(id, order)).toMatch(COLOUR);
				expect(categoryColour(order)).toMatch(COLOUR);
			})
		);
	});
	it('keep the built-in clusters’ colours', () => {
		expect(clusterColour('yrd')).toBe('#0072B2');
		expect(categoryColour(-1)).toMatch(COLOUR);
	});
});

describe('saving an imported dataset', () => {
	it('tells a full store, a dataset too large to copy and other failures apart', () => {
		expect(saveFailure(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe('quota');
		expect(saveFailure(new DOMException('Data cannot be cloned, out of memory.', 'DataCloneError'))).toBe(
			'tooLarge'
		);
		expect(saveFailure(new RangeError('Array buffer allocation failed'))).toBe('tooLarge');
		expect(saveFailure(new DOMException('The database connection is closing.', 'InvalidStateError'))).toBe(
			'failed'
		);
		expect(saveFailure(null)).toBe('failed');
	});

	it('gives two imports in the same millisecond different ids', () => {
		const now = 1_700_000_000_000;
		const ids = new Set(Array.from({ length: 1000 }, () => newDatasetId(now)));
		expect(ids.size).toBe(1000);
		for (const id of ids) expect(id).toMatch(/^user-[a-z0-9-]+$/);
	});
});

describe('colours for fields an imported dataset adds', () => {
	it('give each of up to fourteen fields a colour of its own, the article’s eight unchanged', () => {
		const colours = Array.from({ length: 14 }, (_, i) => categoryColour(i).toLowerCase());
		expect(new Set(colours).size).toBe(14);
		expect(colours.slice(0, 8)).toEqual(
			['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#7f7f7f', '#F0E442'].map((c) =>
				c.toLowerCase()
			)
		);
	});
});
