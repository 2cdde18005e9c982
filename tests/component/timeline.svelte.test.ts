/**
 * The timeline in jsdom, under a page's selection: the keyboard walks its cells (the frame draws the
 * focus ring and tooltip from the model), Enter lists a cell's events, a highlighted city dims the other
 * rows under two sheets, and the one pointer target exists once the chart has mounted.
 */
import { fireEvent, render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { timeline } from '$lib/aggregate/timeline';
import TimelineChart from '$lib/charts/Timeline/TimelineChart.svelte';
import { builtinDataset } from '$lib/data/builtin';
import type { Selection } from '$lib/state/selection.svelte';
import WithSelection from './fixtures/WithSelection.svelte';

const tl = timeline(builtinDataset, { includeCommentary: false });

function mount() {
	let selection!: Selection;
	const { container } = render(WithSelection, {
		props: {
			chart: TimelineChart,
			props: { dataset: builtinDataset, timeline: tl, locale: 'en' },
			expose: (s: Selection) => (selection = s)
		}
	});
	const wide = container.querySelector('svg[data-variant="wide"]')!;
	return { container, wide, selection };
}

describe('TimelineChart', () => {
	it('has one pointer target per width once mounted', () => {
		const { container } = mount();
		expect(container.querySelectorAll('.hits rect.mark')).toHaveLength(4);
	});

	it('walks its cells with the keyboard, and Enter lists the cell’s events', async () => {
		const { container, wide, selection } = mount();
		const keys = container.querySelector('.chart-keys')!;
		await fireEvent.keyDown(keys, { key: 'ArrowRight' });
		expect(wide.querySelector('.focus-ring')).not.toBeNull();
		const tip = wide.querySelector('.chart-tooltip')!;
		// Shanghai's first cell: February, the X-ray laser and the innovative-HQ rules
		expect(tip.textContent).toContain('Shanghai, February 2023: 2 events');
		await fireEvent.keyDown(keys, { key: 'Enter' });
		expect(selection.opened).toMatchObject({ chart: 'timeline', label: 'Shanghai, February 2023: 2 events' });
		expect(selection.opened!.eventIds).toHaveLength(2);
	});

	it('dims the rows of the other cities, the national row too, under two sheets', () => {
		const { wide, selection } = mount();
		expect(wide.querySelectorAll('rect.dim')).toHaveLength(0);
		selection.toggleCity('hangzhou');
		flushSync();
		const sheets = [...wide.querySelectorAll('rect.dim')];
		expect(sheets).toHaveLength(2);
		const row = wide.querySelector('[data-row="hangzhou"] line')!;
		expect(Number(sheets[0].getAttribute('y')) + Number(sheets[0].getAttribute('height'))).toBeLessThan(
			Number(row.getAttribute('y1'))
		);
		const national = wide.querySelector('[data-row="__national"] line')!;
		expect(
			Number(sheets[1].getAttribute('y')) + Number(sheets[1].getAttribute('height'))
		).toBeGreaterThanOrEqual(Number(national.getAttribute('y1')));
	});
});
