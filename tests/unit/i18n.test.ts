import { describe, expect, it } from 'vitest';
import { en as core } from '../../src/lib/i18n/messages/en';
import { zh as coreZh } from '../../src/lib/i18n/messages/zh';
import { en as importEn } from '../../src/lib/i18n/messages/parts/importPage';
import { zh as importZh } from '../../src/lib/i18n/messages/parts/importPage.zh';
import { en as editEn } from '../../src/lib/i18n/messages/parts/exportEdit';
import { zh as editZh } from '../../src/lib/i18n/messages/parts/exportEdit.zh';

/** Every string of each language: what every page loads, the import page's and the edit panel's parts. */
const en = { ...core, ...importEn, ...editEn };
const zh = { ...coreZh, ...importZh, ...editZh };
import {
	addressLocale,
	CHART_EVENT_COUNT,
	CITY_EVENT_COUNT,
	countPhrase,
	formatMonth,
	formatNumber,
	localeFromPath,
	localePath,
	switchLocalePath,
	t
} from '../../src/lib/i18n';

const HAN = /\p{Script=Han}/u;

describe('message catalogues', () => {
	it('have exactly the same keys', () => {
		expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
	});

	it('have no empty values', () => {
		for (const [lang, cat] of Object.entries({ en, zh })) {
			for (const [key, value] of Object.entries(cat)) {
				expect(value.trim(), `${lang}:${key}`).not.toBe('');
			}
		}
	});

	it('use the same placeholders in both languages', () => {
		const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			expect(names(zh[key]), key).toEqual(names(en[key]));
		}
	});

	it('keep Chinese out of English strings (but for the switch to Chinese itself)', () => {
		for (const [key, value] of Object.entries(en)) {
			if (key === 'lang.switch') continue;
			expect(HAN.test(value), `${key}: ${value}`).toBe(false);
		}
	});
});

describe('the import page’s strings', () => {
	it('are a part of their own, which no other page loads', () => {
		expect(Object.keys(importEn).length).toBeGreaterThan(100);
		for (const key of Object.keys(importEn)) expect(Object.hasOwn(core, key), key).toBe(false);
		for (const key of Object.keys(core)) expect(key.startsWith('import.'), key).toBe(false);
	});
});

describe('t()', () => {
	it('fills placeholders and leaves unknown ones visible', () => {
		expect(t('en', 'chart.eventCount', { count: 3 })).toBe('3 events');
		expect(t('zh', 'chart.eventCount', { count: 3 })).toBe('3 件');
		expect(t('en', 'chart.eventCount')).toBe('{count} events');
	});

	it('treats parameters as plain text', () => {
		expect(t('en', 'chart.eventCount', { count: '<b>x</b>' })).toBe('<b>x</b> events');
	});
});

describe('formatting', () => {
	it('formats months per locale', () => {
		expect(formatMonth('zh', 2023, 5)).toBe('2023年5月');
		expect(formatMonth('en', 2023, 5)).toBe('May 2023');
	});
	it('formats numbers per locale', () => {
		expect(formatNumber('en', 1234567)).toBe('1,234,567');
		expect(formatNumber('zh', 1234.5, 1)).toBe('1,234.5');
	});
});

describe('countPhrase()', () => {
	it('uses the form for one, the general form with the number formatted, and none only where given', () => {
		expect(countPhrase('en', 1, CHART_EVENT_COUNT)).toBe(en['chart.eventCountOne']);
		expect(countPhrase('en', 1234, CHART_EVENT_COUNT)).toBe(
			en['chart.eventCount'].replace('{count}', '1,234')
		);
		expect(countPhrase('en', 0, CHART_EVENT_COUNT)).toBe(en['chart.eventCount'].replace('{count}', '0'));
		expect(countPhrase('en', 0, CITY_EVENT_COUNT)).toBe(en['city.eventCountNone']);
		expect(countPhrase('zh', 0, CITY_EVENT_COUNT)).toBe(zh['city.eventCountNone']);
		expect(countPhrase('zh', 1, CITY_EVENT_COUNT)).toBe(zh['city.eventCountOne']);
		expect(countPhrase('zh', 12, CITY_EVENT_COUNT)).toBe(zh['city.eventCount'].replace('{count}', '12'));
		expect(countPhrase('en', 2, CITY_EVENT_COUNT)).not.toBe(countPhrase('en', 1, CITY_EVENT_COUNT));
	});
});

describe('paths', () => {
	it('reads the language from the path prefix', () => {
		expect(localeFromPath('/en/compare')).toBe('en');
		expect(localeFromPath('/zh')).toBe('zh');
		expect(localeFromPath('/')).toBe('zh');
		expect(localeFromPath('/english')).toBe('zh');
	});
	it("picks an unknown address's language: its prefix, else the saved choice, the browser's, Chinese", () => {
		expect(addressLocale('/en/cities/atlantis', 'zh', ['zh-CN'])).toBe('en');
		expect(addressLocale('/zh/cities/atlantis', 'en', ['en-GB'])).toBe('zh');
		expect(addressLocale('/nowhere', 'en', ['zh-CN'])).toBe('en');
		expect(addressLocale('/nowhere', null, ['zh-TW', 'en'])).toBe('zh');
		expect(addressLocale('/nowhere', 'fr', ['en-GB'])).toBe('en');
		expect(addressLocale('/english/x', undefined, [])).toBe('zh');
	});
	it('switches language and keeps the rest of the path', () => {
		expect(switchLocalePath('/zh/cities/shanghai', 'en')).toBe('/en/cities/shanghai');
		expect(switchLocalePath('/', 'en')).toBe('/en');
		expect(switchLocalePath('/en', 'zh')).toBe('/zh');
	});
	it('builds localized paths', () => {
		expect(localePath('en')).toBe('/en');
		expect(localePath('zh', '/events')).toBe('/zh/events');
	});
});
