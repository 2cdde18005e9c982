/** The events page folds its filters on a phone, so the table is in view when the page opens. */
const PHONE = '(max-width: 47.99rem)';

export function isPhone(): boolean {
	return typeof window !== 'undefined' && window.matchMedia(PHONE).matches;
}

/** Folds the filters the prerendered page shows open, before the view hydrates (it adopts the state). */
export function foldFiltersOnPhones(): void {
	const filters = document.querySelector<HTMLDetailsElement>('details.events-filters');
	if (filters && isPhone()) filters.open = false;
	// app.css draws them folded on a phone until now, so the fold does not move the page
	document.documentElement.classList.add('events-filters-settled');
}
