/**
 * Strings of the category-mix and timeline charts.
 * `en` defines the keys; `zh` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'charts.placeholder': '—'
} as const;

export const zh: Record<keyof typeof en, string> = {
	'charts.placeholder': '—'
};
