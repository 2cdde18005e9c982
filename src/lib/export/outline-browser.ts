/**
 * The browser side of "text as shapes": hands a standalone SVG to `outline.worker.ts` and returns the
 * outlined document. Loaded on demand by the download menu.
 */
import { workerClient } from './worker-client';

const drawer = workerClient<{ svg: string }, string>(
	() => new Worker(new URL('./outline.worker.ts', import.meta.url), { type: 'module' }),
	(answer) => (typeof answer.svg === 'string' ? answer.svg : undefined),
	'drawing the text as shapes failed'
);

/** `svg` (a standalone document) with every label drawn as glyph outlines. */
export function outlineInBrowser(svg: string): Promise<string> {
	return drawer.request({ svg });
}
