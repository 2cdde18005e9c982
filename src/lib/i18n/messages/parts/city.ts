/**
 * Strings of the city profile pages and the not-found page.
 * `en` defines the keys; `zh` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'city.placeholder': '—'
} as const;

export const zh: Record<keyof typeof en, string> = {
	'city.placeholder': '—'
};
