/**
 * Strings of the industry charts: city × industry matrix, UpSet overlaps, similarity heatmap.
 * `en` defines the keys; `zh` must have exactly the same ones (the type checker enforces it).
 */
export const en = {
	'industry.placeholder': '—'
} as const;

export const zh: Record<keyof typeof en, string> = {
	'industry.placeholder': '—'
};
