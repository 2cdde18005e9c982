/** The view each page shows, by its SvelteKit route id, so a navigation can load the view before rendering. */
export type ViewName = 'overview' | 'cities' | 'city' | 'compare' | 'industries' | 'events' | 'methodology';

export const ROUTE_VIEWS: Readonly<Record<string, ViewName>> = {
	'/': 'overview',
	'/[lang=lang]': 'overview',
	'/[lang=lang]/cities': 'cities',
	'/[lang=lang]/cities/[id]': 'city',
	'/[lang=lang]/compare': 'compare',
	'/[lang=lang]/industries': 'industries',
	'/[lang=lang]/events': 'events',
	'/[lang=lang]/methodology': 'methodology'
};
