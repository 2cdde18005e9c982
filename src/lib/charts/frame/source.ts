/**
 * The source line of whatever the dashboard shows, read from the dataset's own metadata: its sources by
 * publisher, title and date (all of them for a combined dataset; the article only where its data is
 * shown), else the name the reader gave an imported dataset that names no source. Never one dataset
 * credited with another's data.
 */
import { sourcesText } from '$lib/data/meta';
import type { DatasetMeta, Locale } from '$lib/data/types';
import { translator } from '$lib/i18n';
import { sourceParts } from '$lib/site';

export function sourceLine(locale: Locale, importedName: string | null, meta?: DatasetMeta | null): string {
	const tr = translator(locale);
	const sources = meta ? sourcesText(meta, locale) : null;
	if (sources) return tr('chart.sourceList', { sources });
	return importedName
		? tr('chart.sourceImported', { name: importedName })
		: tr('chart.sourceLine', sourceParts(locale));
}
