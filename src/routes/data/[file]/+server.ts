/**
 * The dataset's public files, prerendered into build/data/ from the same validated records the pages use.
 */
import { error } from '@sveltejs/kit';
import { builtinDataset } from '$lib/data/builtin';
import { DATA_FILE_NAMES, dataFiles, type DataFileName } from '$lib/data/files';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => DATA_FILE_NAMES.map((file) => ({ file }));

const TYPES: Record<string, string> = {
	json: 'application/json; charset=utf-8',
	csv: 'text/csv; charset=utf-8'
};

export const GET: RequestHandler = ({ params }) => {
	const name = params.file as DataFileName;
	if (!DATA_FILE_NAMES.includes(name)) error(404, 'No such data file');
	const body = dataFiles(builtinDataset)[name];
	return new Response(body, {
		headers: { 'Content-Type': TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream' }
	});
};
