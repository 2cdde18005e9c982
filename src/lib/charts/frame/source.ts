/**
 * The source line of whatever the dashboard shows, from the dataset's own metadata: its sources by
 * publisher, title and date (all of them for a combined dataset, worded by `creditText`; the article
 * only where its data is shown), else the name the reader gave an imported dataset that names no
 * source, else (the built-in data) the article. Never one dataset credited with another's data.
 */
import type { Locale } from '$lib/data/types';
import { translator } from '$lib/i18n';
import { sourceParts } from '$lib/site';

export function sourceLine(locale: Locale, importedName: string | null, sources?: string | null): string {
	const tr = translator(locale);
	if (importedName && sources) return tr('chart.sourceList', { sources });
	return importedName
		? tr('chart.sourceImported', { name: importedName })
		: tr('chart.sourceLine', sourceParts(locale));
}
