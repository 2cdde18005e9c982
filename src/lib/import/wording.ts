/**
 * A problem in the reader's language: the catalogue's `import.problem.<code>` with its parameters
 * worded too (field groups, a dataset check's rule, numbers formatted for the language). The import
 * page and its rejected-rows report use this; nothing a browser engine or the schema says in English
 * reaches the reader. Pure; no DOM.
 */
import { formatList, formatNumber, hasMessage, t, type Locale, type MessageKey } from '$lib/i18n';
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
	if (p.code === 'badMeta' && typeof params.rule === 'string') {
		params.reason = metaRuleText(locale, params.rule);
		params.field = metaFieldText(locale, String(params.field ?? ''));
	}
	for (const [k, v] of Object.entries(params))
		if (typeof v === 'number' && !PLAIN.has(k)) params[k] = formatNumber(locale, v);
	return t(locale, `import.problem.${p.code}` as MessageKey, params);
}

const META_FIELDS = new Set([
	'name',
	'sources',
	'title',
	'publisher',
	'date',
	'url',
	'licence',
	'notes',
	'parts',
	'id'
]);

/** A metadata field's path in words: 'sources.1.date' → "source 2 › date" / "来源 2 › 日期". */
export function metaFieldText(locale: Locale, path: string): string {
	if (!path) return t(locale, 'import.meta.field.whole');
	const out: string[] = [];
	const keys = path.split('.');
	for (let i = 0; i < keys.length; i++) {
		const k = keys[i];
		const next = keys[i + 1];
		if ((k === 'sources' || k === 'parts') && next !== undefined && /^\d+$/.test(next)) {
			out.push(t(locale, `import.meta.field.${k}One`, { n: Number(next) + 1 }));
			i++;
		} else out.push(META_FIELDS.has(k) ? t(locale, `import.meta.field.${k}` as MessageKey) : k);
	}
	return out.join(' › ');
}

/** What is wrong with a metadata value, in the reader's language. */
export function metaRuleText(locale: Locale, rule: string): string {
	const key = `import.meta.rule.${rule}`;
	return t(locale, (hasKey(locale, key) ? key : `import.issue.${rule}`) as MessageKey);
}

function hasKey(locale: Locale, key: string): boolean {
	return hasMessage(locale, key);
}
