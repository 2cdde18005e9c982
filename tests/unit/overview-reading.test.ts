import { describe, expect, it } from 'vitest';
import { builtinDataset as ds } from '../../src/lib/data/builtin';
import { overviewReading } from '../../src/lib/views/overview-reading';

describe('overview reading', () => {
	it("counts the items with no year ('earlier') apart from the year's undated, in both languages", () => {
		// the overview's default: article events only (44); 9 of 2023 without a month, 2 "earlier"
		const en = overviewReading(ds, { includeCommentary: false }, 'en');
		expect(en).toContain(
			'May 2023 was the busiest month (6 events); 9 events carry no month, and 2 “earlier” items give no year at all.'
		);
		const zh = overviewReading(ds, { includeCommentary: false }, 'zh');
		expect(zh).toContain(
			'2023年5月是事件最多的月份（6 件）；另有 9 件未注明月份，2 件“此前”的事项未给出年份。'
		);
	});

	it('keeps the plain sentence when there are no such items', () => {
		const dated = { ...ds, events: ds.events.filter((e) => e.year !== null) };
		const en = overviewReading(dated, { includeCommentary: false }, 'en');
		expect(en).toContain('May 2023 was the busiest month (6 events); 9 events carry no month.');
	});
});
