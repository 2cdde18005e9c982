/**
 * "Edit before export" in the address: parse and serialise round-trip, hostile input stays bounded text,
 * unknown values are dropped, look-ups never reach Object.prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PRINT_MM,
	EDIT_BACKGROUNDS,
	EDIT_LIMITS,
	EDIT_SIZES,
	editQuery,
	emptyEdit,
	parseEdit,
	withEdit,
	type ExportEdit
} from '../../src/lib/state/export-edit';

const known = new Set(['shanghai', 'beijing', 'shenzhen', 'guangzhou', 'hangzhou', 'suzhou']);
const q = (s: string) => new URLSearchParams(s);
const parse = (s: string) => parseEdit(q(s), known);

describe('parseEdit', () => {
	it('is null without an edit, and for a value that is no frame id', () => {
		expect(parse('cities=shanghai').value).toBeNull();
		expect(parse('edit=').value).toBeNull();
		expect(parse('edit=%3Cscript%3E').value).toBeNull();
		expect(parse('edit=%3Cscript%3E').notices[0].reason).toBe('malformed');
		expect(parse(`edit=${'a'.repeat(200)}`).value).toBeNull();
	});

	it('reads every setting', () => {
		const edit = parse(
			'edit=events-per-city&title=Shanghai+leads&subtitle=Events%2C+2023&notes=Draft&hl=shanghai,beijing&size=print&mm=90&bg=dark'
		).value;
		expect(edit).toEqual({
			chart: 'events-per-city',
			title: 'Shanghai leads',
			subtitle: 'Events, 2023',
			notes: 'Draft',
			highlight: ['shanghai', 'beijing'],
			size: 'print',
			mm: 90,
			bg: 'dark'
		} satisfies ExportEdit);
	});

	it('falls back to the defaults, with a notice, for unknown sizes, backgrounds and widths', () => {
		const { value, notices } = parse('edit=timeline&size=huge&bg=javascript:alert(1)&mm=9999');
		expect(value).toEqual(emptyEdit('timeline'));
		expect(notices.map((n) => [n.param, n.reason])).toEqual([
			['size', 'unknown'],
			['mm', 'outOfRange'],
			['bg', 'unknown']
		]);
		expect(parse('edit=timeline&mm=12.5').value?.mm).toBe(DEFAULT_PRINT_MM);
	});

	it('highlights at most four known cities, once each, never a prototype property', () => {
		const { value, notices } = parse(
			'edit=x&hl=__proto__,constructor,toString,shanghai,SHANGHAI,beijing,shenzhen,guangzhou,hangzhou'
		);
		expect(value?.highlight).toEqual(['shanghai', 'beijing', 'shenzhen', 'guangzhou']);
		expect(notices.some((n) => n.reason === 'unknown' && n.value === '__proto__')).toBe(true);
		expect(notices.some((n) => n.reason === 'tooMany')).toBe(true);
	});

	it('keeps hostile text as bounded text on one line: no controls, no bidi overrides, no zero-width', () => {
		const title = '<script>alert(1)</script>\u202Egnp.exe\u0000\u200B\n\tline two\u0007';
		const edit = parseEdit(new URLSearchParams({ edit: 'x', title }), known).value!;
		expect(edit.title).toBe('<script>alert(1)</script>gnp.exe line two');
		// eslint-disable-next-line no-control-regex
		expect(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(edit.title)).toBe(
			false
		);
	});

	it('caps each text at its limit, even for a megabyte of input, and never cuts a surrogate pair in two', () => {
		const long = '𠀀'.repeat(EDIT_LIMITS.title * 4);
		const { value, notices } = parseEdit(
			new URLSearchParams({ edit: 'x', title: long, notes: 'n'.repeat(1e6) }),
			known
		);
		expect(value!.title.length).toBeLessThanOrEqual(EDIT_LIMITS.title);
		expect(/[\uD800-\uDBFF]$/.test(value!.title)).toBe(false);
		expect(value!.notes.length).toBe(EDIT_LIMITS.notes);
		expect(notices.filter((n) => n.reason === 'outOfRange').map((n) => n.param)).toEqual(['title', 'notes']);
		expect(notices.every((n) => Array.from(n.value).length <= 41)).toBe(true);
	});
});

describe('editQuery and withEdit', () => {
	it('write the defaults as nothing, in a stable order', () => {
		expect(editQuery(null)).toBe('');
		expect(editQuery(emptyEdit('timeline'))).toBe('?edit=timeline');
		expect(
			editQuery({
				...emptyEdit('timeline'),
				bg: 'dark',
				size: 'social',
				highlight: ['shanghai', 'beijing'],
				title: 'A & B'
			})
		).toBe('?edit=timeline&title=A+%26+B&hl=shanghai,beijing&size=social&bg=dark');
		// the print width only with the print size
		expect(editQuery({ ...emptyEdit('x'), mm: 90 })).toBe('?edit=x');
		expect(editQuery({ ...emptyEdit('x'), size: 'print', mm: 90 })).toBe('?edit=x&size=print&mm=90');
	});

	it('keep the view’s own parameters and replace an earlier edit', () => {
		expect(
			withEdit('?cities=shanghai,beijing&edit=old&title=Old', { ...emptyEdit('compare'), title: 'New' })
		).toBe('?cities=shanghai,beijing&edit=compare&title=New');
		expect(withEdit('?cities=shanghai&edit=old&size=social', null)).toBe('?cities=shanghai');
		expect(withEdit('', null)).toBe('');
	});

	it('round-trip any edit', () => {
		const text = (max: number) =>
			fc.string({ unit: 'grapheme', maxLength: max }).map((s) => s.replace(/\s+/g, ' ').trim());
		const edit = fc.record({
			chart: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
			title: text(EDIT_LIMITS.title / 4),
			subtitle: text(40),
			notes: text(40),
			highlight: fc.uniqueArray(fc.constantFrom(...known), { maxLength: 4 }),
			size: fc.constantFrom(...EDIT_SIZES),
			mm: fc.integer({ min: EDIT_LIMITS.mmMin, max: EDIT_LIMITS.mmMax }),
			bg: fc.constantFrom(...EDIT_BACKGROUNDS)
		});
		fc.assert(
			fc.property(edit, (e) => {
				const parsed = parseEdit(q(editQuery(e)), known);
				const expected = { ...e, mm: e.size === 'print' ? e.mm : DEFAULT_PRINT_MM };
				// text round-trips as the parser cleans it (controls and invisible characters out)
				const back = parseEdit(q(editQuery(parsed.value)), known).value;
				expect(back).toEqual(parsed.value);
				expect(parsed.value!.highlight).toEqual(expected.highlight);
				expect(parsed.value!.size).toBe(expected.size);
				expect(parsed.value!.mm).toBe(expected.mm);
				expect(parsed.value!.bg).toBe(expected.bg);
				expect(parsed.value!.chart).toBe(expected.chart);
			})
		);
	});

	it('round-trip plain text exactly, Chinese included', () => {
		const e: ExportEdit = {
			...emptyEdit('events-per-city'),
			title: '深圳科创活动约为广州两倍：100% & <更多>',
			subtitle: 'Events, count, 2023 — “quoted”',
			notes: 'a=b&c=d #hash ?q',
			highlight: ['shenzhen', 'guangzhou'],
			size: 'portrait',
			bg: 'transparent'
		};
		expect(parseEdit(q(editQuery(e)), known).value).toEqual(e);
	});
});
