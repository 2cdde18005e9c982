/**
 * Strings of the dot map.
 * `en` defines the keys; `zh` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'map.placeholder': '—'
} as const;

export const zh: Record<keyof typeof en, string> = {
	'map.placeholder': '—'
};
