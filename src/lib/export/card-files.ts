/** The share cards' size and file names, shared by the pages that name them and the build that draws them. */
import type { Locale } from '$lib/data/types';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** A card's file name under `og/`: `<lang>-<key>.png` (key: a page's name or `city-<id>`). */
export function cardFile(locale: Locale, key: string): string {
	return `${locale}-${key.replace(/[^a-z0-9-]/g, '')}.png`;
}
