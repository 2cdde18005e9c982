/**
 * A page's own strings survive the layout's load running at the same time (a catalogue arriving late used to
 * replace the one they were added to, so the compare and industries views failed to wake), and two page
 * parts loaded at once both stay.
 */
import { describe, expect, it, vi } from 'vitest';

describe('loading catalogues and page parts', () => {
	it('keeps page parts added while the catalogue loads', async () => {
		vi.resetModules();
		// a fresh i18n module: nothing registered (the test setup registered everything on the old one)
		const i18n = await import('../../src/lib/i18n/index');
		await Promise.all([
			i18n.loadCatalogue('zh'),
			i18n.loadCompareStrings('zh'),
			i18n.loadIndustryStrings('zh'),
			i18n.loadCatalogue('zh')
		]);
		expect(i18n.t('zh', 'story.section.alike')).toBe('相似程度');
		expect(i18n.t('zh', 'matrix.legendTitle')).toBeTruthy();
		expect(i18n.t('zh', 'nav.overview')).toBeTruthy();
		expect(() => i18n.t('zh', 'method.title')).toThrow(/not loaded/);
	});
});
