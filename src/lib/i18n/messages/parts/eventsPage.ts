/**
 * Strings of the events explorer page.
 * `en` defines the keys; `zh` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'eventsPage.placeholder': '—'
} as const;

export const zh: Record<keyof typeof en, string> = {
	'eventsPage.placeholder': '—'
};
