/**
 * Strings of the pages: compare, city profiles, industries, events explorer, URL-state notices.
 * `en` defines the keys; `zh` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'pages.placeholder': '—'
} as const;

export const zh: Record<keyof typeof en, string> = {
	'pages.placeholder': '—'
};
