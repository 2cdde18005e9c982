/**
 * Components mounted in jsdom: the chart draws what the engine computed, in the reader's language, and
 * notices show URL values as text only.
 */
import { render, screen, fireEvent } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { eventsPerCity } from '$lib/aggregate/counts';
import { builtinDataset } from '$lib/data/builtin';
import EventsPerCityChart from '$lib/charts/BarChart/EventsPerCityChart.svelte';
import UpSetChart from '$lib/charts/UpSet/UpSetChart.svelte';
import type { UpsetIntersection } from '$lib/aggregate/overlap';
import { FRAME_VARIANTS } from '$lib/charts/frame/variants';
import UrlNotices from '$lib/components/UrlNotices.svelte';

const ds = builtinDataset;
const rows = eventsPerCity(ds);
const withEvents = rows.filter((r) => r.count > 0);
const top = withEvents[0];
const topCity = ds.cities.find((c) => c.id === top.cityId)!;

describe('EventsPerCityChart', () => {
	it('draws one bar per city with events, in each of its widths', () => {
		const { container } = render(EventsPerCityChart, { dataset: ds, rows, locale: 'en' });
		const svgs = [...container.querySelectorAll('svg.chart')];
		expect(svgs.map((s) => s.getAttribute('data-variant'))).toEqual(FRAME_VARIANTS.map((v) => v.id));
		expect(svgs.map((s) => s.getAttribute('width'))).toEqual(FRAME_VARIANTS.map((v) => String(v.width)));
		for (const svg of svgs) expect(svg.querySelectorAll('.mark').length).toBe(withEvents.length);
	});

	it('states the finding in its title, in the reader language', () => {
		const en = render(EventsPerCityChart, { dataset: ds, rows, locale: 'en' });
		const enTitle = en.container.querySelector('svg[data-variant="wide"] title')!.textContent!;
		expect(enTitle).toContain(topCity.name.en);
		expect(enTitle).not.toMatch(/[\u4e00-\u9fff]/);
		en.unmount();
		const zh = render(EventsPerCityChart, { dataset: ds, rows, locale: 'zh' });
		const zhTitle = zh.container.querySelector('svg[data-variant="wide"] title')!.textContent!;
		expect(zhTitle).toContain(topCity.name.zh);
	});

	it('draws fewer bars when the counts come from a narrower filter', () => {
		const firstCluster = ds.clusters[0].id;
		const filtered = eventsPerCity(ds, { clusters: [firstCluster] });
		const { container } = render(EventsPerCityChart, { dataset: ds, rows: filtered, locale: 'en' });
		const marks = container.querySelectorAll('svg[data-variant="wide"] .mark').length;
		expect(marks).toBe(filtered.filter((r) => r.count > 0).length);
		expect(marks).toBeLessThan(withEvents.length);
	});
});

describe('UpSetChart', () => {
	it('selects a group when its column is chosen and clears it when chosen again', async () => {
		const calls: (UpsetIntersection | null)[] = [];
		const { container } = render(UpSetChart, {
			dataset: ds,
			locale: 'en',
			onselectintersection: (x: UpsetIntersection | null) => calls.push(x)
		});
		const column = () =>
			container.querySelector('svg[data-variant="tablet"] .mark[data-key="suzhou+nanjing"]')!;
		await fireEvent.click(column());
		expect(calls.at(-1)?.cityIds).toEqual(['suzhou', 'nanjing']);
		expect(column().querySelector('.selection-outline')).not.toBeNull();
		await fireEvent.click(column());
		expect(calls.at(-1)).toBeNull();
		expect(column().querySelector('.selection-outline')).toBeNull();
		// the page lists the chosen group's tracks; the chart does not repeat them
		await fireEvent.click(column());
		const tracks = calls.at(-1)!.trackIds.map((id) => ds.tracks.find((t) => t.id === id)!.name.en);
		const items = [...container.querySelectorAll('li')].map((li) => li.textContent?.trim());
		for (const t of tracks) expect(items).not.toContain(t);
	});
});

describe('UrlNotices', () => {
	it('shows a hostile value as text, never as markup, and can be dismissed', async () => {
		const value = '<img src=x onerror=alert(1)>';
		const { container } = render(UrlNotices, {
			notices: [{ param: 'cities', value, reason: 'unknown' }],
			locale: 'en'
		});
		expect(container.querySelector('img')).toBeNull();
		expect(screen.getByTestId('url-notice').textContent).toContain(value);
		await fireEvent.click(screen.getByRole('button'));
		expect(screen.queryByTestId('url-notice')).toBeNull();
	});
});
