/** Share cards: one per page and language, each the page's lead chart fitted inside 1200 × 630. */
import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../../src/lib/data/builtin';
import { CARD_HEIGHT, CARD_WIDTH, cardFile } from '../../src/lib/export/card-files';
import { cardFiles, cardKeys, cardSvg } from '../../src/lib/export/cards';

const OPTIONS = { siteUrl: 'https://example.org', exportedAt: '2024-01-03T00:00:00Z' };

describe('share cards', () => {
	it('name one card per page and per city, in each language', () => {
		const keys = cardKeys(builtinDataset);
		expect(keys).toEqual(
			expect.arrayContaining(['overview', 'compare', 'industries', 'events', 'city-shanghai'])
		);
		expect(cardFiles(builtinDataset)).toHaveLength(keys.length * 2);
		expect(cardFile('en', 'city-../../x')).toBe('en-city-x.png');
	});

	it.each(['overview', 'industries', 'city-hefei'])('fit %s’s lead chart inside the card, centred', (key) => {
		for (const locale of ['zh', 'en'] as const) {
			const svg = cardSvg(builtinDataset, locale, key, OPTIONS);
			expect(svg).toMatch(
				new RegExp(`^<\\?xml[^>]*>\\n<svg [^>]*width="${CARD_WIDTH}" height="${CARD_HEIGHT}"`)
			);
			const inner = /<svg [^>]*x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)"/.exec(svg.slice(10))!;
			const [x, y, w, h] = inner.slice(1).map(Number);
			expect(x).toBeGreaterThanOrEqual(0);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(x + w).toBeLessThanOrEqual(CARD_WIDTH);
			expect(y + h).toBeLessThanOrEqual(CARD_HEIGHT);
			expect(Math.abs(x - (CARD_WIDTH - w - x))).toBeLessThanOrEqual(1);
			expect(svg).toContain(`https://example.org/${locale}`);
		}
	});

	it('refuse a key that names no page', () => {
		expect(() => cardSvg(builtinDataset, 'en', 'nowhere', OPTIONS)).toThrow();
		expect(() => cardSvg(builtinDataset, 'en', 'city-atlantis', OPTIONS)).toThrow();
	});
});
