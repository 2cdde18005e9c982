import { describe, expect, it } from 'vitest';
import { textWidth, truncate, wrap } from '../../src/lib/charts/core/text-width';

describe('textWidth', () => {
	it('counts a Chinese glyph as about 1em and a Latin letter as about half', () => {
		expect(textWidth('上海', 10)).toBe(20);
		const latin = textWidth('Shanghai', 10);
		expect(latin).toBeGreaterThan(8 * 10 * 0.4);
		expect(latin).toBeLessThan(8 * 10 * 0.7);
	});
	it('treats full-width punctuation as wide', () => {
		expect(textWidth('（）', 10)).toBe(20);
	});
	it('grows with font size', () => {
		expect(textWidth('Hefei 合肥', 20)).toBeCloseTo(2 * textWidth('Hefei 合肥', 10));
	});
});

describe('truncate', () => {
	it('returns fitting text unchanged', () => {
		expect(truncate('上海', 100, 12)).toBe('上海');
	});
	it('shortens with an ellipsis and stays within the width', () => {
		const out = truncate('粤港澳大湾区数据跨境流动合作备忘录', 80, 12);
		expect(out.endsWith('…')).toBe(true);
		expect(textWidth(out, 12)).toBeLessThanOrEqual(80);
	});
});

describe('wrap', () => {
	it('breaks Latin text between words', () => {
		const lines = wrap('Shanghai has the most events, then Beijing', 120, 12);
		expect(lines.length).toBeGreaterThan(1);
		for (const l of lines) expect(textWidth(l, 12)).toBeLessThanOrEqual(120);
		expect(lines.join(' ')).toBe('Shanghai has the most events, then Beijing');
	});
	it('breaks Chinese text between glyphs but never before closing punctuation', () => {
		const text = '上海事件最多（12 件），其次是北京（8 件）';
		const lines = wrap(text, 84, 12);
		expect(lines.length).toBeGreaterThan(1);
		for (const l of lines) {
			expect(textWidth(l, 12)).toBeLessThanOrEqual(84 + 12); // a closing mark may hang
			expect(/^[，。、）》]/.test(l)).toBe(false);
		}
		// nothing is lost but the spaces a line breaks at
		expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
	});
	it('limits the number of lines and ends the last with an ellipsis', () => {
		const lines = wrap('one two three four five six seven eight nine ten', 50, 12, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1].endsWith('…')).toBe(true);
	});
});

describe('wrap around brackets', () => {
	it('never leaves an opening bracket at the end of a line, even before Latin text', () => {
		const text = '长三角城市占全部事件的大多数（25 of 42 events）';
		for (const width of [60, 90, 120, 150, 200]) {
			for (const line of wrap(text, width, 12)) expect(line.endsWith('（')).toBe(false);
		}
	});
});
