/**
 * Rolls event records back up to the article's event list ("2023城市科创大事件", 29 bullets) and
 * reconciles our record count with the article's own tally of 35 events in 15 cities.
 * The methodology page renders the returned table; nothing here touches the data, it only counts.
 */
import type { I18nText, InnovationEvent } from './types';

/** What the article says about its own list. */
export const ARTICLE_CLAIM = { events: 35, cities: 15, bullets: 29 } as const;

/** A month, or a month range ("5月到6月" → { month: 5, monthEnd: 6 }). */
export interface MonthSpan {
	month: number;
	monthEnd: number | null;
}

export interface BulletRollup {
	/** 1-based position in the article's event list. */
	bullet: number;
	/** The sub-heading the bullet sits under (zh, verbatim). */
	heading: string;
	categoryId: string;
	/** Distinct cities named, in record order. */
	cityIds: string[];
	/** True when the bullet holds a national (city-less) item. */
	national: boolean;
	eventIds: string[];
	/** Distinct months and month ranges the bullet names, in calendar order. */
	periods: MonthSpan[];
	/** Items in the bullet that carry no month. */
	undated: number;
	/** How often the article's tally counts this bullet: once per period, or once if it names none. */
	countedAs: number;
}

export interface CountVariant {
	id: string;
	label: I18nText;
	value: number;
}

export interface Reconciliation {
	claimed: { events: number; cities: number };
	/** The counting rule, in words. */
	rule: I18nText;
	bulletCount: number;
	/** Bullet positions missing between 1 and the highest one found (empty when the list is complete). */
	missingBullets: number[];
	/** The tally under the rule. */
	counted: number;
	eventsMatch: boolean;
	/** Bullets that count more than once, and why. */
	extras: { bullet: number; heading: string; periods: MonthSpan[]; extra: number }[];
	cities: { count: number; ids: string[]; match: boolean };
	/** Other plausible ways to count, to show why the rule above is the one that fits. */
	variants: CountVariant[];
	/**
	 * What the rule is: the article does not say how it counted, so the rule is the one found to
	 * reproduce its figure, and the other natural rules (those one off the claim) are named.
	 */
	ruleStatus: I18nText;
	/** The other natural rules: variants that land one event away from the claim. */
	nearVariants: CountVariant[];
	explanation: I18nText;
	rows: BulletRollup[];
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2月" / "5–6月" and "Feb" / "May–Jun". */
export function formatSpan(span: MonthSpan): I18nText {
	if (span.monthEnd === null || span.monthEnd === span.month) {
		return { zh: `${span.month}月`, en: MONTHS_EN[span.month - 1] };
	}
	return {
		zh: `${span.month}–${span.monthEnd}月`,
		en: `${MONTHS_EN[span.month - 1]}–${MONTHS_EN[span.monthEnd - 1]}`
	};
}

const spanKey = (s: MonthSpan) => `${s.month}-${s.monthEnd ?? s.month}`;

const listEvents = (events: readonly InnovationEvent[]) =>
	events.filter((e) => e.source.section === 'events' && e.source.bullet !== null);

/** One row per bullet of the event list, in bullet order. */
export function rollupBullets(events: readonly InnovationEvent[]): BulletRollup[] {
	const byBullet = new Map<number, InnovationEvent[]>();
	for (const e of listEvents(events)) {
		const b = e.source.bullet as number;
		byBullet.set(b, [...(byBullet.get(b) ?? []), e]);
	}
	return [...byBullet.keys()]
		.sort((a, b) => a - b)
		.map((bullet) => {
			const items = byBullet.get(bullet) ?? [];
			const periods = new Map<string, MonthSpan>();
			for (const e of items) {
				if (e.month === null) continue;
				const span = { month: e.month, monthEnd: e.monthEnd };
				periods.set(spanKey(span), span);
			}
			const sorted = [...periods.values()].sort(
				(a, b) => a.month - b.month || (a.monthEnd ?? a.month) - (b.monthEnd ?? b.month)
			);
			return {
				bullet,
				heading: items[0].source.heading,
				categoryId: items[0].categoryId,
				cityIds: [...new Set(items.flatMap((e) => (e.cityId === null ? [] : [e.cityId])))],
				national: items.some((e) => e.cityId === null),
				eventIds: items.map((e) => e.id),
				periods: sorted,
				undated: items.filter((e) => e.month === null).length,
				countedAs: Math.max(1, sorted.length)
			};
		});
}

/** Distinct cities named in the event list (commentary items excluded), in first-mention order. */
export function eventListCities(events: readonly InnovationEvent[]): string[] {
	return [...new Set(listEvents(events).flatMap((e) => (e.cityId === null ? [] : [e.cityId])))];
}

/** Compares our records with the article's "35 events, 15 cities". */
export function reconcileArticleCounts(
	events: readonly InnovationEvent[],
	claim: { events: number; cities: number } = ARTICLE_CLAIM
): Reconciliation {
	const rows = rollupBullets(events);
	const list = listEvents(events);
	const counted = rows.reduce((sum, r) => sum + r.countedAs, 0);
	const maxBullet = rows.length ? rows[rows.length - 1].bullet : 0;
	const present = new Set(rows.map((r) => r.bullet));
	const missingBullets = Array.from({ length: maxBullet }, (_, i) => i + 1).filter((b) => !present.has(b));
	const cityIds = eventListCities(events);
	const extras = rows
		.filter((r) => r.countedAs > 1)
		.map((r) => ({ bullet: r.bullet, heading: r.heading, periods: r.periods, extra: r.countedAs - 1 }));

	const monthsInRanges = rows.reduce(
		(sum, r) =>
			sum +
			Math.max(
				1,
				new Set(
					r.periods.flatMap((p) =>
						Array.from({ length: (p.monthEnd ?? p.month) - p.month + 1 }, (_, i) => p.month + i)
					)
				).size
			),
		0
	);
	const undatedAsOwn = rows.reduce(
		(sum, r) => sum + Math.max(1, r.periods.length + (r.periods.length > 0 && r.undated > 0 ? 1 : 0)),
		0
	);
	const bulletPlaces = rows.reduce((sum, r) => sum + r.cityIds.length + (r.national ? 1 : 0), 0);
	const variants: CountVariant[] = [
		{
			id: 'rule',
			label: {
				zh: '每条按所列不同月份(或月份区间)计,无月份计1次',
				en: 'Each bullet once per distinct month or month range it names; undated bullets once'
			},
			value: counted
		},
		{ id: 'bullets', label: { zh: '条目数', en: 'Bullets' }, value: rows.length },
		{
			id: 'ranges-as-months',
			label: {
				zh: '按本规则,但区间中的每个月分别计',
				en: 'As the rule, but each month inside a range counted separately'
			},
			value: monthsInRanges
		},
		{
			id: 'undated-as-own',
			label: {
				zh: '按本规则,但有日期条目中的无月份事项另计1次',
				en: 'As the rule, but an undated item inside a dated bullet counted once more'
			},
			value: undatedAsOwn
		},
		{
			id: 'bullet-places',
			label: { zh: '每条按涉及的城市(或全国)计', en: 'Each bullet once per city (or national) it names' },
			value: bulletPlaces
		},
		{
			id: 'event-records',
			label: { zh: '事件清单中的记录数', en: 'Records from the event list' },
			value: list.length
		},
		{
			id: 'city-event-records',
			label: { zh: '事件清单中的城市级记录数', en: 'City-level records from the event list' },
			value: list.filter((e) => e.cityId !== null).length
		},
		{
			id: 'all-records',
			label: { zh: '全部记录(含点评与访谈)', en: 'All records, commentary included' },
			value: events.length
		}
	];

	const extraZh = extras
		.map((x) => `第${x.bullet}条(${x.periods.map((p) => formatSpan(p).zh).join('、')},+${x.extra})`)
		.join(';');
	const extraEn = extras
		.map((x) => `bullet ${x.bullet} (${x.periods.map((p) => formatSpan(p).en).join(', ')}: +${x.extra})`)
		.join('; ');
	const verdictZh =
		counted === claim.events
			? `与文章的${claim.events}件一致。`
			: `文章称${claim.events}件,相差${counted - claim.events}件。`;
	const verdictEn =
		counted === claim.events
			? `This matches the article's ${claim.events}.`
			: `The article says ${claim.events}; the difference is ${counted - claim.events}.`;
	const explanation: I18nText = {
		zh:
			`事件清单共${rows.length}条。按能得出文章数字的规则,每条按其写出的不同月份计一次:` +
			(extras.length ? `${extraZh}多计,` : '') +
			`合计${counted}件,${verdictZh}` +
			'“同月”不另计,“5月到6月”作为一个区间计一次,没有月份的条目计一次,有日期条目中“此前”等无月份事项不另计。' +
			`事件清单涉及${cityIds.length}座城市(文章称${claim.cities}座)。`,
		en:
			`The event list has ${rows.length} bullets. Under the rule that reproduces the article's figure, each bullet counts once per distinct month it names: ` +
			(extras.length ? `${extraEn} count extra, ` : '') +
			`for ${counted} in all. ${verdictEn} ` +
			"'The same month' adds nothing, the May–June range counts once, an undated bullet counts once, and an undated item ('earlier') inside a dated bullet adds nothing. " +
			`The list names ${cityIds.length} cities (the article says ${claim.cities}).`
	};

	const nearVariants = variants.filter((v) => v.id !== 'rule' && Math.abs(v.value - claim.events) === 1);
	const nearValues = [...new Set(nearVariants.map((v) => v.value))].sort((a, b) => a - b);
	const ruleStatus: I18nText =
		counted === claim.events
			? {
					zh:
						`文章没有说明${claim.events}件是怎样数出来的；这条规则是我们找到的能得出这个数字的数法，并非文章写明的规则。` +
						(nearVariants.length
							? `其他几种同样自然的数法得出${nearValues.join('或')}件（${nearVariants.map((v) => v.label.zh).join('；')}）。`
							: ''),
					en:
						`The article does not say how it arrived at ${claim.events}; this rule is the one we found that reproduces the article's figure, not one it states.` +
						(nearVariants.length
							? ` The other natural rules give ${nearValues.join(' or ')} (${nearVariants.map((v) => v.label.en.charAt(0).toLowerCase() + v.label.en.slice(1)).join('; ')}).`
							: '')
				}
			: {
					zh: `文章没有说明${claim.events}件是怎样数出来的；按这条规则得到${counted}件，与文章不符。`,
					en: `The article does not say how it arrived at ${claim.events}; this rule gives ${counted}, which does not match.`
				};

	return {
		claimed: { events: claim.events, cities: claim.cities },
		rule: variants[0].label,
		bulletCount: rows.length,
		missingBullets,
		counted,
		eventsMatch: counted === claim.events,
		extras,
		cities: { count: cityIds.length, ids: cityIds, match: cityIds.length === claim.cities },
		variants,
		ruleStatus,
		nearVariants,
		explanation,
		rows
	};
}
