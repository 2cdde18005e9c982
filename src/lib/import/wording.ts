/**
 * A problem in the reader's language: the catalogue's `import.problem.<code>` with its parameters
 * worded too (field groups, a dataset check's rule, numbers formatted for the language). The import
 * page and its rejected-rows report use this; nothing a browser engine or the schema says in English
 * reaches the reader. Pure; no DOM.
 */
import { formatList, formatNumber, t, type Locale, type MessageKey } from '$lib/i18n';
import type { Problem } from './problems';

/** Parameters that are positions in a file, not amounts: shown without grouping. */
const PLAIN = new Set(['year', 'line', 'column']);

export function problemText(locale: Locale, p: Pick<Problem, 'code' | 'params'>): string {
	const params: Record<string, string | number> = { ...(p.params ?? {}) };
	if (p.code === 'required' && typeof params.field === 'string')
		params.field = t(locale, `import.group.${params.field}` as MessageKey);
	if (p.code === 'missingColumns' && typeof params.fields === 'string')
		params.fields = formatList(
			locale,
			params.fields.split(', ').map((f) => t(locale, `import.group.${f}` as MessageKey))
		);
	// the dataset check's rule, in the reader's language (its English detail is for the build log)
	if (p.code === 'datasetIssue' && typeof params.rule === 'string')
		params.reason = t(locale, `import.issue.${params.rule}` as MessageKey);
	for (const [k, v] of Object.entries(params))
		if (typeof v === 'number' && !PLAIN.has(k)) params[k] = formatNumber(locale, v);
	return t(locale, `import.problem.${p.code}` as MessageKey, params);
}
