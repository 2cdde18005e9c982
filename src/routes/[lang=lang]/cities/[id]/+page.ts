import { error } from '@sveltejs/kit';
import { builtinDataset } from '$lib/data/builtin';
import { LOCALES } from '$lib/i18n';
import type { EntryGenerator, PageLoad } from './$types';

// Every built-in city has a prerendered profile in both languages.
export const prerender = true;

export const entries: EntryGenerator = () =>
	LOCALES.flatMap((lang) => builtinDataset.cities.map((city) => ({ lang, id: city.id })));

/** An unknown id is a 404; the error page then suggests the cities with the closest names. */
export const load: PageLoad = async ({ params, parent }) => {
	const { dataset } = await parent(); // the dataset in view comes from the layout's load
	if (!dataset.cities.some((c) => c.id === params.id)) error(404, 'Not found');
	return { cityId: params.id };
};
