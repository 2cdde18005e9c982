/**
 * Strings of bring-your-own-data: import, validation problems, dataset management.
 * `en` defines the keys; `zh` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'data.placeholder': '—'
} as const;

export const zh: Record<keyof typeof en, string> = {
	'data.placeholder': '—'
};
