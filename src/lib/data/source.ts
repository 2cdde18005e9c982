/** The source of the built-in data and the dataset's version: small, needed by every page. */
import type { I18nText } from './types';

/** The article every built-in record comes from. Its original URL is not known, so none is given. */
export const SOURCE = {
	outlet: { zh: '澎湃新闻 · 澎湃研究所', en: 'The Paper · Pengpai Research Institute' } satisfies I18nText,
	title: {
		zh: '《科技创新：换道超车冲向未来产业》',
		en: 'Sci-tech innovation: changing lanes to overtake, racing toward future industries'
	} satisfies I18nText,
	date: '2024-01-03',
	url: null
} as const;

/** Dataset version: the article's date plus a revision number for our own corrections. */
export const BUILTIN_VERSION = '2024-01-03.1';
