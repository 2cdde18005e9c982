/**
 * The source line of whatever the dashboard shows: the article for the built-in data, the reader's own
 * dataset (by the name they gave it) for data they imported; never one credited with the other's data.
 */
import type { Locale } from '$lib/data/types';
import { translator } from '$lib/i18n';
import { sourceParts } from '$lib/site';

export function sourceLine(locale: Locale, importedName: string | null): string {
	const tr = translator(locale);
	return importedName
		? tr('chart.sourceImported', { name: importedName })
		: tr('chart.sourceLine', sourceParts(locale));
}
