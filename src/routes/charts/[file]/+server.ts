/**
 * The default view of every chart, in both languages, as standalone SVG files under build/charts/ (to link
 * or embed as <img> from elsewhere), plus an index.json listing them. Rendered with svelte/server and
 * written by the same `standaloneSvg` the download buttons use, at a fixed export time (the dataset's
 * date) so that builds are reproducible.
 */
import { error, json } from '@sveltejs/kit';
import { builtinDataset, SOURCE } from '$lib/data/builtin';
import { chartFiles, chartFileSvg } from '$lib/export/registry';
import { SITE_URL } from '$lib/site';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

const INDEX = 'index.json';
const EXPORTED_AT = `${SOURCE.date}T00:00:00Z`;

export const entries: EntryGenerator = () => [
	...chartFiles(builtinDataset).map(({ file }) => ({ file })),
	{ file: INDEX }
];

export const GET: RequestHandler = ({ params }) => {
	const files = chartFiles(builtinDataset);
	if (params.file === INDEX) {
		return json({
			datasetVersion: builtinDataset.version,
			exported: EXPORTED_AT,
			files: files.map((f) => ({
				file: f.file,
				chart: f.chart,
				lang: f.locale,
				view: SITE_URL.replace(/\/$/, '') + f.path
			}))
		});
	}
	const file = files.find((f) => f.file === params.file);
	if (!file) error(404, 'No such chart file');
	const svg = chartFileSvg(file, builtinDataset, { siteUrl: SITE_URL, exportedAt: EXPORTED_AT });
	return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
