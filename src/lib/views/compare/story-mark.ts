/** A sentence of the compare story as a chosen mark: its events narrow the columns (`?open=compare-story:…`). */
import type { StorySentence } from '$lib/aggregate/compare-story-text';
import type { OpenedMark } from '$lib/state/selection.svelte';

export const storyMark = (s: StorySentence, key: string): OpenedMark => ({
	chart: 'compare-story',
	key,
	label: s.text,
	eventIds: s.eventIds
});
