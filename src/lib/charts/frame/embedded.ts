/**
 * A chart drawn alone on an embed page (`/[lang]/embed/[chart]`, framed by other sites) rather than on the
 * dashboard. The embed page sets this context; the chart frame then leaves out what belongs to the
 * dashboard (the data table and the download menu), names the chart as the page's heading, and hands its
 * words to `head` for the page's <title> and share tags (the page does not know the chart's title: the
 * chart's model makes it).
 */
import { getContext, setContext, type Snippet } from 'svelte';
import type { FrameText } from './layout';

export interface EmbeddedFrame {
	/** Rendered once by the frame with its words (a component with a <svelte:head> goes here). */
	head?: Snippet<[FrameText]>;
}

const KEY = Symbol('embedded-frame');

export function setEmbedded(embedded: EmbeddedFrame): void {
	setContext(KEY, embedded);
}

/** The embed page's context, or undefined on the dashboard. */
export function getEmbedded(): EmbeddedFrame | undefined {
	return getContext<EmbeddedFrame | undefined>(KEY);
}
