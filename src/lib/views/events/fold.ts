/** The events page folds its filters on a phone, so the table is in view when the page opens. */
const PHONE = '(max-width: 47.99rem)';

export function isPhone(): boolean {
	return typeof window !== 'undefined' && window.matchMedia(PHONE).matches;
}

/**
 * Folds the filters the prerendered page shows open, before the view hydrates (it adopts the state).
 * It runs in the next frame, before that frame is drawn: changing the page while the app starts would
 * make SvelteKit's reading of the scroll position, at the end of its start, lay out the whole page
 * inside the start's task (a long task on a phone) instead of in the frame that draws it anyway.
 */
export function foldFiltersOnPhones(): void {
	requestAnimationFrame(fold);
}

function fold(): void {
	const filters = document.querySelector<HTMLDetailsElement>('details.events-filters');
	if (filters && isPhone()) filters.open = false;
	// app.css draws them folded on a phone until now, so the fold does not move the page
	document.documentElement.classList.add('events-filters-settled');
}
