/**
 * Build-time validation of the built-in dataset. The server hook imports this module, so prerendering
 * stops with every problem listed (file, record, field, reason) before any page is written.
 */
import { builtinRaw } from './builtin';
import { formatIssue, validateDataset } from './schema';
import type { Dataset } from './types';

/** Validates raw built-in collections; throws one Error listing every issue. */
export function loadBuiltin(raw: unknown): Dataset {
	const result = validateDataset(raw);
	if (!result.ok) {
		const lines = result.issues.map((issue) => `  - ${formatIssue(issue)}`);
		throw new Error(`The built-in dataset has ${result.issues.length} problem(s):\n${lines.join('\n')}`);
	}
	return result.dataset;
}

/** The built-in dataset, validated (throws at import when a record is bad). */
export const validatedBuiltin: Dataset = loadBuiltin(builtinRaw);
