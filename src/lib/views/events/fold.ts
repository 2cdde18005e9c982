/** The events page folds its filters on a phone, so the table is in view when the page opens. */
const PHONE = '(max-width: 47.99rem)';

export function isPhone(): boolean {
	return typeof window !== 'undefined' && window.matchMedia(PHONE).matches;
}

/** Folds the filters the prerendered page shows open, before the view hydrates (it adopts the state). */
export function foldFiltersOnPhones(): void {
	if (!isPhone()) return;
	const filters = document.querySelector<HTMLDetailsElement>('details.events-filters');
	if (filters) filters.open = false;
}
