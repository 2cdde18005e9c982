import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinDataset as ds } from '../../src/lib/data/builtin';
import { syntheticDataset } from '../../src/lib/aggregate/synthetic';
import { monthIndex } from '../../src/lib/aggregate/filter';

/** A month of 2023 (the built-in data's year) as a period bound. */
const M = (m: number) => monthIndex(2023, m);
import type { Dataset, InnovationEvent } from '../../src/lib/data/types';
import {
	COLUMNS,
	csvFileName,
	csvRows,
	dateText,
	documentText,
	eventCells,
	sourceText
} from '../../src/lib/views/events/cells';
import {
	DEFAULT_VIEW,
	MAX_QUERY,
	SCOPES,
	SORT_DIRS,
	SORT_KEYS,
	defaultView,
	isFiltered,
	parseEventsView,
	searchTerms,
	serialiseEventsView,
	sortOrder,
	visibleEvents,
	type EventsView
} from '../../src/lib/views/events/query';

const q = (s: string) => new URLSearchParams(s);
const view = (patch: Partial<EventsView> = {}): EventsView => ({ ...defaultView(), ...patch });
const ids = (events: readonly InnovationEvent[]) => events.map((e) => e.id);
const byId = (id: string) => {
	const e = ds.events.find((x) => x.id === id);
	if (!e) throw new Error(`no event ${id}`);
	return e;
};

describe('parseEventsView', () => {
	it('gives the default view for an empty query', () => {
		expect(parseEventsView(q(''), ds)).toEqual({ view: DEFAULT_VIEW, notices: [] });
	});

	it('reads every parameter', () => {
		const { view: v, notices } = parseEventsView(
			q(
				'city=shenzhen,shanghai&cluster=yrd&cat=computing,digital&from=3&to=9&undated=0&earlier=0&scope=city&commentary=0&q=算力&sort=title&dir=desc'
			),
			ds
		);
		expect(notices).toEqual([]);
		expect(v).toEqual({
			cities: ['shenzhen', 'shanghai'],
			clusters: ['yrd'],
			categories: ['computing', 'digital'],
			from: M(3),
			to: M(9),
			undated: false,
			earlier: false,
			scope: 'city',
			commentary: false,
			q: '算力',
			sort: 'title',
			dir: 'desc'
		});
	});

	it('reads a GET form submission (repeated names, empty selects, hidden fallbacks)', () => {
		const { view: v, notices } = parseEventsView(
			q('q=&city=hefei&city=wuxi&from=&to=6&undated=1&undated=0&scope=all&commentary=0&sort=date&dir=asc'),
			ds
		);
		expect(notices).toEqual([]);
		expect(v).toEqual(view({ cities: ['hefei', 'wuxi'], to: M(6), commentary: false }));
	});

	it('drops hostile and malformed values with notices, keeping the rest', () => {
		const { view: v, notices } = parseEventsView(
			q('city=atlantis,,<script>alert(1)</script>,hefei&from=13&to=x&scope=everywhere&sort=__proto__&dir=up'),
			ds
		);
		expect(v).toEqual(view({ cities: ['hefei'] }));
		const reasons = notices.map((n) => `${n.param}:${n.reason}`);
		expect(reasons.sort()).toEqual([
			'city:malformed',
			'city:unknown',
			'city:unknown',
			'dir:unknown',
			'from:outOfRange',
			'scope:unknown',
			'sort:unknown',
			'to:malformed'
		]);
		expect(notices.some((n) => n.value.includes('<script>'))).toBe(true);
	});

	it('caps the search text', () => {
		const { view: v, notices } = parseEventsView(q(`q=${'a'.repeat(MAX_QUERY + 5)}`), ds);
		expect(v.q).toHaveLength(MAX_QUERY);
		expect(notices[0].reason).toBe('outOfRange');
	});
});

describe('serialiseEventsView', () => {
	it('writes nothing for the default view', () => {
		expect(serialiseEventsView(view())).toBe('');
		expect(isFiltered(view())).toBe(false);
	});
	it('writes the parameters in a fixed order, leaving defaults out', () => {
		expect(
			serialiseEventsView(
				view({ sort: 'city', q: 'ai', cities: ['shanghai', 'hefei'], commentary: false, from: M(5) })
			)
		).toBe('?city=shanghai,hefei&from=2023-05&commentary=0&q=ai&sort=city');
		expect(isFiltered(view({ q: '   ' }))).toBe(false);
		expect(isFiltered(view({ scope: 'national' }))).toBe(true);
	});
});

describe('visibleEvents on the built-in data', () => {
	it('lists every event once by default, dated ones by month, undated last', () => {
		const rows = visibleEvents(ds, view(), 'en');
		expect(rows).toHaveLength(ds.events.length);
		expect(new Set(ids(rows)).size).toBe(ds.events.length);
		const months = rows.map((e) => e.month);
		const firstUndated = months.indexOf(null);
		expect(months.slice(firstUndated).every((m) => m === null)).toBe(true);
		const dated = months.slice(0, firstUndated) as number[];
		expect(dated).toEqual([...dated].sort((a, b) => a - b));
	});

	it('filters by city and field; national events stay unless the scope is cities only', () => {
		const v = view({ cities: ['shanghai'], categories: ['computing'] });
		expect(ids(visibleEvents(ds, v, 'en'))).toEqual([
			'shanghai-computing-dispatch-guidance',
			'shanghai-new-infrastructure-plan',
			'national-computing-infrastructure-plan'
		]);
		expect(ids(visibleEvents(ds, { ...v, scope: 'city' }, 'en'))).toEqual([
			'shanghai-computing-dispatch-guidance',
			'shanghai-new-infrastructure-plan'
		]);
	});

	it('national-only and cities-only scopes partition the list', () => {
		const national = visibleEvents(ds, view({ scope: 'national' }), 'zh');
		const cities = visibleEvents(ds, view({ scope: 'city' }), 'zh');
		expect(national.every((e) => e.cityId === null)).toBe(true);
		expect(cities.every((e) => e.cityId !== null)).toBe(true);
		expect(national.length + cities.length).toBe(ds.events.length);
	});

	it('leaves out commentary items and undated events when asked', () => {
		const noCommentary = visibleEvents(ds, view({ commentary: false }), 'en');
		expect(noCommentary.every((e) => e.source.section === 'events')).toBe(true);
		expect(noCommentary.length).toBe(ds.events.filter((e) => e.source.section === 'events').length);
		expect(visibleEvents(ds, view({ undated: false }), 'en').every((e) => e.month !== null)).toBe(true);
	});

	it("keeps the items with no year ('earlier') apart from the undated of 2023", () => {
		const earlierIds = [
			'guangzhou-public-data-rules',
			'shenzhen-public-data-rules',
			'shanghai-future-industry-plan-earlier'
		];
		const all = ids(visibleEvents(ds, view({}), 'en'));
		for (const id of earlierIds) expect(all).toContain(id);
		const noEarlier = visibleEvents(ds, view({ earlier: false }), 'en');
		expect(noEarlier.some((e) => e.year === null)).toBe(false);
		expect(noEarlier.some((e) => e.month === null)).toBe(true); // the undated of 2023 stay
		expect(serialiseEventsView(view({ earlier: false }))).toContain('earlier=0');
		const byId = (id: string) => ds.events.find((e) => e.id === id)!;
		expect(eventCells(byId('guangzhou-public-data-rules'), ds, 'en').date).toBe(
			'Earlier, year not given (before December 2023)'
		);
		expect(eventCells(byId('guangzhou-public-data-rules'), ds, 'zh').date).toBe(
			'此前，年份不详（早于2023年12月）'
		);
		expect(eventCells(byId('shanghai-future-industry-plan-earlier'), ds, 'en').date).toBe(
			'Earlier, year not given (before an item of 2023)'
		);
		expect(eventCells(byId('national-llm-wave'), ds, 'en').date).toBe('No month');
		// sorted by date, the earlier items come after every dated one, never inside a month
		const byDate = visibleEvents(ds, view({ sort: 'date' }), 'en');
		const firstEmpty = byDate.findIndex((e) => e.month === null);
		expect(byDate.slice(firstEmpty).every((e) => e.month === null)).toBe(true);
		for (const dir of ['asc', 'desc'] as const)
			expect(
				visibleEvents(ds, view({ sort: 'date', dir }), 'en')
					.slice(-3)
					.map((e) => e.id)
			).toEqual(earlierIds);
	});

	it('shows the English rendering beside a document title in the English CSV', () => {
		const e = ds.events.find((x) => x.id === 'national-computing-infrastructure-plan')!;
		expect(documentText(e, 'en')).toBe(
			'《算力基础设施高质量发展行动计划》 (Action Plan for the High-Quality Development of Computing Infrastructure)'
		);
		expect(documentText(e, 'zh')).toBe('《算力基础设施高质量发展行动计划》');
		const rows = csvRows([e], ds, 'en');
		expect(rows[1]).toContain(documentText(e, 'en'));
	});

	it('keeps a May–June event in a June-only range', () => {
		const june = ids(visibleEvents(ds, view({ from: M(6), to: M(6), undated: false }), 'en'));
		expect(june).toContain('beijing-ai-industry-policy');
		expect(june).toContain('hefei-advanced-light-source');
		expect(june).not.toContain('shanghai-ssrf-beamlines');
		// an open end means "to December" / "from January"
		expect(visibleEvents(ds, view({ from: M(12), undated: false }), 'en').every((e) => e.month === 12)).toBe(
			true
		);
		expect(visibleEvents(ds, view({ to: M(1), undated: false }), 'en').every((e) => e.month === 1)).toBe(
			true
		);
	});

	it('searches titles, documents, actors and city names, case-insensitively, in both languages', () => {
		const search = (text: string) => ids(visibleEvents(ds, view({ q: text }), 'en'));
		expect(search('算力')).toContain('national-computing-infrastructure-plan'); // zh title / document
		expect(search('算力基础设施高质量')).toEqual(['national-computing-infrastructure-plan']); // document
		expect(search('TIM COOK').sort()).toEqual(['chengdu-cook-visit', 'jiaxing-cook-visit']); // actor (en)
		expect(search('库克').sort()).toEqual(['chengdu-cook-visit', 'jiaxing-cook-visit']); // actor (zh)
		expect(search('合肥').sort()).toEqual([
			'hefei-advanced-light-source',
			'hefei-fusion-open-innovation-pilot'
		]);
		expect(search('Ｈｅｆｅｉ')).toEqual(search('hefei')); // full-width letters fold
		expect(search('hefei light')).toEqual(['hefei-advanced-light-source']); // every term must match
		expect(search('no such thing')).toEqual([]);
		expect(searchTerms('  a\u3000b  ')).toEqual(['a', 'b']);
	});

	it('sorts any column both ways, empty values last, ties in data order', () => {
		for (const key of SORT_KEYS) {
			for (const dir of SORT_DIRS) {
				const rows = visibleEvents(ds, view({ sort: key, dir }), 'zh');
				expect(rows).toHaveLength(ds.events.length);
			}
		}
		const desc = visibleEvents(ds, view({ dir: 'desc' }), 'en');
		expect(desc[0].month).toBe(12);
		expect(desc.at(-1)?.month).toBeNull();
		const byCity = visibleEvents(ds, view({ sort: 'city' }), 'en').map((e) => eventCells(e, ds, 'en').city);
		expect(byCity[0]).toBe('Beijing');
		expect(byCity.at(-1)).toBe('National');
		const bySource = visibleEvents(ds, view({ sort: 'source' }), 'en');
		expect(bySource[0].source.bullet).toBe(1);
		expect(bySource.at(-1)?.source.section).toBe('commentary');
		const byDoc = visibleEvents(ds, view({ sort: 'document', dir: 'desc' }), 'zh');
		expect(byDoc.at(-1)?.document).toBeNull();
		expect(byDoc[0].document).not.toBeNull();
	});

	it('does not mutate the dataset', () => {
		const before = structuredClone(ds);
		visibleEvents(ds, view({ q: 'shanghai', sort: 'title', dir: 'desc' }), 'en');
		expect(ds).toEqual(before);
	});
});

describe('cells', () => {
	it('formats months, ranges and undated items', () => {
		expect(dateText(byId('hefei-advanced-light-source'), 'zh')).toBe('2023年6月');
		expect(dateText(byId('hefei-advanced-light-source'), 'en')).toBe('June 2023');
		expect(dateText(byId('beijing-ai-industry-policy'), 'en')).toBe('May 2023–June 2023');
		expect(dateText(byId('hangzhou-3n-fund-cluster'), 'zh')).toBe('未注明月份');
	});

	it('names the source section, heading and bullet', () => {
		expect(sourceText(byId('shanghai-ssrf-beamlines'), 'en')).toBe('Event list · 大科学装置 · bullet 3');
		expect(sourceText(byId('shanghai-ssrf-beamlines'), 'zh')).toBe('事件清单 · 大科学装置 · 第3条');
		expect(sourceText(byId('national-genai-interim-measures'), 'en')).toMatch(/^Commentary · 2023:/);
	});

	it('writes national events and English titles only', () => {
		const cells = eventCells(byId('national-llm-wave'), ds, 'en');
		expect(cells.city).toBe('National');
		expect(cells.cluster).toBe('');
		expect(cells.title).not.toMatch(/[\u4e00-\u9fff]/);
		expect(eventCells(byId('national-llm-wave'), ds, 'zh').city).toBe('全国');
	});

	it('builds the CSV rows and file name', () => {
		const rows = visibleEvents(ds, view({ cities: ['hefei'], scope: 'city' }), 'en');
		const csv = csvRows(rows, ds, 'en');
		expect(csv[0]).toEqual([
			'Date',
			'City',
			'Cluster',
			'Field',
			'Event',
			'Kind',
			'Document',
			'Source in the article'
		]);
		expect(csv).toHaveLength(rows.length + 1);
		expect(csv.every((r) => r.length === COLUMNS.length)).toBe(true);
		expect(csvFileName(['hefei', 'wuxi'], 'en')).toBe('events_hefei-wuxi_en.csv');
		expect(csvFileName([], 'zh')).toBe('events_all_zh.csv');
	});
});

// ---- properties, on a larger synthetic dataset ----

const synth: Dataset = syntheticDataset({ seed: 7, events: 3000, cities: 40 });
const cityIds = synth.cities.map((c) => c.id);
const clusterIds = synth.clusters.map((c) => c.id);
const categoryIds = synth.categories.map((c) => c.id);

const subset = <T>(xs: T[]) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: Math.min(5, xs.length) });
const month = fc.option(
	fc.integer({ min: 1, max: 12 }).map((m) => M(m)),
	{ nil: null }
);
/** Text a URL can carry back unchanged: no control or bidi characters, at most MAX_QUERY long. */
const queryText = fc
	.string({
		maxLength: 30,
		unit: fc.constantFrom('a', 'b', 'e', '1', ' ', '类', '别', ',', '&', '=', '%', '+', '#', 'Ｅ')
	})
	.filter((s) => s.length <= MAX_QUERY);

const arbView: fc.Arbitrary<EventsView> = fc.record({
	cities: subset(cityIds),
	clusters: subset(clusterIds),
	categories: subset(categoryIds),
	from: month,
	to: month,
	undated: fc.boolean(),
	earlier: fc.boolean(),
	scope: fc.constantFrom(...SCOPES),
	commentary: fc.boolean(),
	q: queryText,
	sort: fc.constantFrom(...SORT_KEYS),
	dir: fc.constantFrom(...SORT_DIRS)
});

/** A change that can only narrow the list. */
const arbTightening: fc.Arbitrary<(v: EventsView) => EventsView> = fc.oneof(
	fc.constantFrom(...categoryIds).map((id) => (v: EventsView) => ({
		...v,
		categories: v.categories.length ? v.categories.filter((c) => c !== id) : [id]
	})),
	fc.constantFrom(...cityIds).map((id) => (v: EventsView) => ({
		...v,
		cities: v.cities.length ? v.cities.filter((c) => c !== id) : [id]
	})),
	fc.constant((v: EventsView) => ({ ...v, commentary: false })),
	fc.constant((v: EventsView) => ({ ...v, undated: false })),
	fc.constant((v: EventsView) => ({ ...v, scope: v.scope === 'all' ? ('city' as const) : v.scope })),
	fc.constantFrom('1', 'e', '类别', 'event').map((t) => (v: EventsView) => ({ ...v, q: `${v.q} ${t}` })),
	fc.integer({ min: 1, max: 12 }).map((m) => (v: EventsView) => ({
		...v,
		from: Math.max(v.from ?? M(1), Math.min(M(m), v.to ?? M(12))),
		to: v.to
	}))
);

describe('properties', { timeout: 30_000 }, () => {
	it('filtering only ever removes rows: a result is a duplicate-free subset, and narrowing keeps it a subset', () => {
		fc.assert(
			fc.property(arbView, arbTightening, (v, tighten) => {
				const rows = visibleEvents(synth, v, 'en');
				const all = new Set(synth.events);
				expect(rows.every((e) => all.has(e))).toBe(true);
				expect(new Set(rows).size).toBe(rows.length);
				// removing the last city of a one-city list widens it; only test real narrowings
				const narrowed = tighten(v);
				if (v.cities.length && narrowed.cities.length === 0) return;
				if (v.categories.length && narrowed.categories.length === 0) return;
				const kept = new Set(rows);
				expect(visibleEvents(synth, narrowed, 'en').every((e) => kept.has(e))).toBe(true);
			}),
			{ numRuns: 150 }
		);
	});

	it('the sort order never changes which rows are shown', () => {
		fc.assert(
			fc.property(arbView, fc.constantFrom(...SORT_KEYS), fc.constantFrom(...SORT_DIRS), (v, sort, dir) => {
				const a = new Set(visibleEvents(synth, v, 'zh'));
				const b = visibleEvents(synth, { ...v, sort, dir }, 'en');
				expect(b.length).toBe(a.size);
				expect(b.every((e) => a.has(e))).toBe(true);
			}),
			{ numRuns: 100 }
		);
	});

	it('serialise → parse gives the same view back, without notices', () => {
		fc.assert(
			fc.property(arbView, (v) => {
				const query = serialiseEventsView(v);
				const back = parseEventsView(new URLSearchParams(query), synth);
				expect(back.notices).toEqual([]);
				expect(back.view).toEqual(v);
				// and the written form is stable
				expect(serialiseEventsView(back.view)).toBe(query);
			}),
			{ numRuns: 300 }
		);
	});

	it('sort orders are permutations of the events', () => {
		for (const key of SORT_KEYS) {
			const order = sortOrder(synth, key, 'desc', 'zh');
			expect(new Set(order).size).toBe(synth.events.length);
		}
	});
});

describe('scale', () => {
	it('filters 100,000 events quickly once the caches are warm', () => {
		const big = syntheticDataset({ seed: 3, events: 100_000 });
		visibleEvents(big, view({ q: 'x' }), 'en'); // builds the search text and the date order
		const t0 = performance.now();
		const rows = visibleEvents(big, view({ q: 'category 3', commentary: false, from: M(3), to: M(8) }), 'en');
		const ms = performance.now() - t0;
		expect(rows.length).toBeGreaterThan(0);
		// a linear pass: tens of milliseconds on a quiet machine; the bound leaves room for a busy one
		expect(ms).toBeLessThan(1500);
	}, 60_000);
});
