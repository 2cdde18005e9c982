/**
 * Share cards under build/og/: every page's lead chart as a 1200 × 630 PNG in the page's language, named by
 * the page's `og:image`. The chart's text is drawn as shapes (HarfBuzz, Noto Sans SC) before resvg
 * rasterises it, so the card needs no fonts on the machine that builds it. At a fixed export time (the
 * dataset's date) so that builds are reproducible.
 */
import { error } from '@sveltejs/kit';
import { Resvg } from '@resvg/resvg-js';
import { builtinDataset, SOURCE } from '$lib/data/builtin';
import { CARD_WIDTH } from '$lib/export/card-files';
import { cardFiles, cardSvg } from '$lib/export/cards';
import { outlineInNode } from '$lib/export/outline-node';
import { SITE_URL } from '$lib/site';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => cardFiles(builtinDataset).map(({ file }) => ({ card: file }));

export const GET: RequestHandler = async ({ params }) => {
	const card = cardFiles(builtinDataset).find((c) => c.file === params.card);
	if (!card) error(404, 'No such card');
	const svg = cardSvg(builtinDataset, card.locale, card.key, {
		siteUrl: SITE_URL,
		exportedAt: `${SOURCE.date}T00:00:00Z`
	});
	const png = new Resvg(await outlineInNode(svg), {
		fitTo: { mode: 'width', value: CARD_WIDTH },
		font: { loadSystemFonts: false }
	})
		.render()
		.asPng();
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
