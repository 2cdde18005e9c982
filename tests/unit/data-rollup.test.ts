import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../../src/lib/data/builtin';
import { formatSpan, reconcileArticleCounts, rollupBullets } from '../../src/lib/data/rollup';
import type { InnovationEvent } from '../../src/lib/data/types';

const events = builtinDataset.events;

describe('rollupBullets', () => {
	const rows = rollupBullets(events);

	it('gives the 29 bullets of the event list, in order', () => {
		expect(rows.map((r) => r.bullet)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
	});

	it('carries heading, cities, events and months per bullet', () => {
		const b = (n: number) => rows[n - 1];
		expect(b(3)).toMatchObject({ heading: '大科学装置', cityIds: ['shanghai'], countedAs: 3 });
		expect(b(3).eventIds).toHaveLength(3);
		expect(b(3).periods.map((p) => p.month)).toEqual([2, 7, 12]);
		expect(b(11)).toMatchObject({ cityIds: [], national: true, periods: [{ month: 10, monthEnd: null }] });
		expect(b(14)).toMatchObject({
			cityIds: ['beijing'],
			periods: [{ month: 9, monthEnd: null }],
			countedAs: 1
		});
		expect(b(19).cityIds).toEqual(['chengdu', 'jiaxing']);
		expect(b(23)).toMatchObject({ cityIds: ['hongkong', 'guangzhou', 'shenzhen'], undated: 2, countedAs: 1 });
		expect(b(25)).toMatchObject({
			cityIds: ['beijing', 'shenzhen', 'chengdu'],
			periods: [{ month: 5, monthEnd: 6 }],
			countedAs: 1
		});
		expect(b(24)).toMatchObject({ national: true, periods: [], countedAs: 1 });
		expect(rows.slice(25).map((r) => r.heading)).toEqual([
			'布局未来产业',
			'布局未来产业',
			'布局未来产业',
			'布局未来产业'
		]);
	});

	it('leaves commentary items out and does not mutate its input', () => {
		const before = structuredClone(events);
		const ids = rows.flatMap((r) => r.eventIds);
		expect(ids).toHaveLength(44);
		expect(ids).not.toContain('hefei-fusion-open-innovation-pilot');
		expect(events).toEqual(before);
	});
});

describe('reconcileArticleCounts', () => {
	const r = reconcileArticleCounts(events);

	it("reaches the article's 35 events by counting each bullet once per distinct month", () => {
		expect(r.bulletCount).toBe(29);
		expect(r.missingBullets).toEqual([]);
		expect(r.counted).toBe(35);
		expect(r.eventsMatch).toBe(true);
		expect(r.extras.map((x) => [x.bullet, x.extra])).toEqual([
			[3, 2],
			[8, 1],
			[12, 1],
			[20, 1],
			[21, 1]
		]);
	});

	it("finds the article's 15 cities", () => {
		expect(r.cities.count).toBe(15);
		expect(r.cities.match).toBe(true);
	});

	it('shows the other ways of counting and what they give', () => {
		const v = Object.fromEntries(r.variants.map((x) => [x.id, x.value]));
		expect(v).toEqual({
			rule: 35,
			bullets: 29,
			'ranges-as-months': 36,
			'undated-as-own': 36,
			'bullet-places': 36,
			'event-records': 44,
			'city-event-records': 42,
			'all-records': 50
		});
		expect(r.explanation.zh).toContain('35');
		expect(r.explanation.en).toContain('matches');
	});

	it('says the rule is the one that reproduces 35, and that the other natural rules give 36', () => {
		expect(r.nearVariants.map((x) => [x.id, x.value])).toEqual([
			['ranges-as-months', 36],
			['undated-as-own', 36],
			['bullet-places', 36]
		]);
		expect(r.ruleStatus.en).toContain('reproduces the article');
		expect(r.ruleStatus.en).toContain('not one it states');
		expect(r.ruleStatus.en).toContain('give 36');
		expect(r.ruleStatus.zh).toContain('能得出这个数字的数法');
		expect(r.ruleStatus.zh).toContain('得出36件');
		expect(r.explanation.en).toContain('the rule that reproduces');
	});

	it('counts Hong Kong among the 15 cities, for its one item: an agreement with a national body', () => {
		expect(r.cities.ids).toContain('hongkong');
		const hk = events.filter((e) => e.cityId === 'hongkong');
		expect(hk.map((e) => [e.kind, e.source.bullet])).toEqual([['agreement', 23]]);
		expect(hk[0].actors.map((a) => a.zh).join()).toContain('国家网信办');
		expect(reconcileArticleCounts(events.filter((e) => e.cityId !== 'hongkong')).cities.count).toBe(14);
	});

	it('reports a gap instead of hiding it', () => {
		const fewer = events.filter((e) => e.id !== 'shanghai-hard-xray-fel' && e.source.bullet !== 2);
		const g = reconcileArticleCounts(fewer);
		expect(g.counted).toBe(33);
		expect(g.eventsMatch).toBe(false);
		expect(g.missingBullets).toEqual([2]);
		expect(g.explanation.en).toContain('difference is -2');
	});

	it('counts a month range once', () => {
		const e = events.find((x) => x.source.bullet === 25) as InnovationEvent;
		expect(formatSpan({ month: e.month as number, monthEnd: e.monthEnd })).toEqual({
			zh: '5–6月',
			en: 'May–Jun'
		});
	});
});
