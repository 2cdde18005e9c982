import * as charts from './parts/charts';
import * as map from './parts/map';
import * as pages from './parts/pages';
import * as data from './parts/data';
import * as eventsPage from './parts/eventsPage';
import * as city from './parts/city';
import * as failure from './parts/failure';
import type * as importPage from './parts/importPage';
import type * as compareStory from './parts/compareStory';
import type * as method from './parts/method';
import type * as industry from './parts/industry';
import type * as embed from './parts/embed';
import type * as exportEdit from './parts/exportEdit';

/**
 * English interface strings. The key set is the catalogue's contract: `zh.ts` must have exactly the same
 * keys (the type checker enforces it, and a unit test checks that no value is empty).
 * Placeholders are written `{name}` and filled by `t()`.
 */
const base = {
	'site.title': 'City Innovation',
	'site.tagline': 'How Chinese cities pursue science and technology innovation',
	'nav.label': 'Main',
	'nav.overview': 'Overview',
	'nav.cities': 'Cities',
	'nav.compare': 'Compare',
	'nav.industries': 'Industries',
	'nav.events': 'Events',
	'nav.methodology': 'Methodology',
	'nav.import': 'Your data',
	'nav.skip': 'Skip to content',
	'lang.switch': '中文',
	'lang.switchLabel': 'Read this page in Chinese',
	'lang.name': 'English',
	'footer.source': 'Source: {outlet}, {title}, published {date}.',
	'footer.method': 'How we counted',
	'footer.data': 'Download the data',
	'footer.licence': 'Dataset compiled by this project from the article; titles are our own words.',
	'footer.sourceImported': 'Data in view: {name}, a dataset imported in this browser.',
	'footer.licenceImported':
		'Its sources and licence are those of whoever compiled it; the built-in data is one choice away in the Data menu.',
	'chart.sourceLine': 'Source: {outlet}, {title} ({date})',
	'chart.sourceImported': 'Source: {name} (data imported by the reader)',
	'chart.sourceList': 'Source: {sources}',
	'chart.sourceColumn': 'Source',
	'footer.sourceList': 'Source: {sources}.',
	'footer.licenceOf': 'Licence: {licence}.',
	'footer.combined': 'Data in view: {name}, combined in this browser from {parts}.',
	'chart.showTable': 'Show as table',
	'chart.hideTable': 'Hide table',
	'embed.button': 'Embed this chart',
	'cite.button': 'Cite this chart',
	'cite.heading': 'Cite this chart',
	'cite.sentence': '“{title}”. {site}, {data}. {url} (accessed {accessed}).',
	'cite.dataBuiltin': 'built-in dataset version {version}, from {outlet}, {title} ({date})',
	'cite.dataImported':
		'data: the reader’s own dataset “{name}”, imported version {version} (not from the built-in article)',
	'cite.dataSources': 'data: the dataset “{name}”, version {version}, from {sources}',
	'cite.accessed': 'Accessed {accessed}',
	'cite.copy': 'Copy the citation',
	'cite.copied': 'Citation copied.',
	'cite.copyFailed': 'Copying was not allowed here: select the citation and copy it.',
	'cite.csl': 'CSL-JSON (Zotero, Mendeley)',
	'cite.bibtex': 'BibTeX',
	'cite.close': 'Close',
	'chart.download': 'Download',
	'chart.downloadSvg': 'SVG, editable text',
	'chart.downloadSvgHint': 'The words stay text you can edit; other tools draw them in their own fonts.',
	'chart.downloadSvgShapes': 'SVG, text as shapes',
	'chart.downloadSvgShapesHint':
		'Looks the same everywhere (Inkscape, Illustrator, Word, a CMS), even without Chinese fonts; the words are drawn, not editable.',
	'chart.downloadPng2': 'PNG image (2×)',
	'chart.downloadPng4': 'PNG image (4×)',
	'chart.downloadCsv': 'Data (CSV)',
	'chart.copyLink': 'Copy link to this view',
	'chart.linkCopied': 'Link copied',
	'chart.embedFont': 'Embed font',
	'chart.events': 'events',
	'chart.eventCount': '{count} events',
	'chart.eventCountOne': '1 event',
	'chart.noData': 'No events match this selection.',
	'chart.keysHint': 'Use the arrow keys to move between marks and Enter to list their events.',
	'chart.legend': 'Legend',
	'chart.table.city': 'City',
	'chart.table.cluster': 'City cluster',
	'chart.table.events': 'Events',
	'chart.table.rank': 'Rank',
	'bars.title': '{first} has the most events ({count}), then {second} ({count2})',
	'bars.titleSingle': '{first} has the most events ({count})',
	'bars.subtitle': 'Innovation events per city in {period}, coloured by city cluster',
	'bars.subtitleStacked': 'Innovation events per city in {period}, split by field',
	'bars.axis': 'Number of events',
	'bars.desc': 'Horizontal bar chart of events per city. {list}.',
	'period.legend': 'Period',
	'years.change': 'Change {from}–{to}',
	'period.from': 'From',
	'period.to': 'To',
	'period.any': 'Any',
	'period.year': '{year}',
	'period.range': '{from} – {to}',
	'overview.heading': 'City innovation in {period} at a glance',
	'overview.lead':
		'What {cities} cities did in {period} to push science and technology innovation, and which future industries they bet on.',
	'stat.cities': 'Cities',
	'stat.events': 'Events',
	'stat.categories': 'Fields',
	'stat.busiest': 'Busiest city',
	'notice.heading': 'Some of this link could not be used',
	'notice.unknown': '“{value}” in “{param}” is not something we know; it was left out.',
	'notice.malformed': 'A value in “{param}” (“{value}”) is not well formed; it was left out.',
	'notice.duplicate': '“{value}” appears twice in “{param}”; the repeat was left out.',
	'notice.tooMany': 'Only {max} can be shown at once; “{value}” was left out.',
	'notice.tooFew': 'At least {min} are needed in “{param}”; the default view is shown instead.',
	'notice.outOfRange': '“{value}” in “{param}” is out of range; it was left out.',
	'notice.moreOne': 'One more problem is not listed.',
	'notice.more': '{count} more problems are not listed.',
	'notice.dismiss': 'Dismiss',
	'notFound.title': 'Page not found',
	'notFound.body': 'There is no page at this address.',
	'method.match.exact': 'exact',
	'method.match.partial': 'partial',
	'method.match.broad': 'broad',
	'method.crosswalk.heading': 'Future-industry crosswalk',
	'method.crosswalk.lead':
		'Cities name their future industries in their own words, and the words overlap only in meaning. We map every item to one or more canonical tracks, with a match strength and a reason. This is our editorial judgment: it is shown here in full so you can disagree with it.',
	'method.crosswalk.city': 'City',
	'method.crosswalk.item': 'City’s own words',
	'method.crosswalk.track': 'Track',
	'method.crosswalk.match': 'Match',
	'method.crosswalk.reason': 'Reason',
	'notFound.home': 'Go to the overview',
	'error.title': 'Something went wrong',
	'error.body': 'This page could not be shown. The rest of the dashboard still works.'
} as const;

/**
 * The English catalogue every page loads: the base strings plus each part's (one part per area of the
 * dashboard). The import page's strings (`parts/importPage.ts`) and the compare page's differences in words
 * (`parts/compareStory.ts`) the methodology (`parts/method.ts`) and the future-industry charts (`parts/industry.ts`) come with the pages
 * that show them only.
 */
export const en = {
	...base,
	...charts.en,
	...map.en,
	...pages.en,
	...data.en,
	...eventsPage.en,
	...city.en,
	...failure.en
};

export type BaseKey = keyof typeof base;
/** The keys every page has. */
export type CoreKey = keyof typeof en;
/** The keys that come with the import page. */
export type ImportKey = keyof typeof importPage.en;
/** The keys that come with the compare page. */
export type CompareKey = keyof typeof compareStory.en;
/** The keys that come with the methodology page. */
export type MethodKey = keyof typeof method.en;
/** The keys of the future-industry charts (matrix, similarity, UpSet): the industries and compare pages. */
export type IndustryKey = keyof typeof industry.en;
/** The keys of the embed panel and the embed pages. */
export type EmbedKey = keyof typeof embed.en;
/** The keys of the "edit before export" panel, loaded with it. */
export type ExportEditKey = keyof typeof exportEdit.en;
export type MessageKey =
	CoreKey | ImportKey | CompareKey | MethodKey | IndustryKey | EmbedKey | ExportEditKey;
/** A language's strings as every page loads them. */
export type CoreMessages = Record<CoreKey, string>;
export type ImportMessages = Record<ImportKey, string>;
export type Messages = Record<MessageKey, string>;
