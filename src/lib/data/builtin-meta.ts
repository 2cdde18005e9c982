/**
 * The built-in dataset's metadata: the article it comes from (its address is not known: see
 * shared/source/README) and the licence its datapackage.json declares. The server's records carry it
 * (`builtin.ts`); the browser receives it inside /data/dataset.json with the records, so no page's
 * JavaScript carries these words.
 */
import { SOURCE } from './source';
import type { DatasetMeta, MetaSource } from './types';

/** The article the built-in records come from (its address is not known: see shared/source/README). */
export const BUILTIN_SOURCE: MetaSource = {
	title: { zh: SOURCE.title.zh, en: SOURCE.title.en },
	publisher: { zh: SOURCE.outlet.zh, en: SOURCE.outlet.en },
	date: SOURCE.date,
	url: SOURCE.url
};

/** The built-in dataset's metadata; the licence is the one its datapackage.json declares. */
export const BUILTIN_META: DatasetMeta = {
	name: {
		zh: '2023年城市科创大事件（内置数据）',
		en: 'Chinese cities’ S&T innovation events, 2023 (built-in data)'
	},
	sources: [BUILTIN_SOURCE],
	licence: {
		zh: 'CC-BY-4.0（知识共享 署名 4.0 国际）',
		en: 'CC-BY-4.0 (Creative Commons Attribution 4.0 International)'
	},
	notes: {
		zh: '本项目据该文整理，事件标题与说明为本项目自拟；文件、设施、企业与人名照录。',
		en: 'Compiled by this project from the article; titles and notes are our own words, names of documents, facilities, companies and people verbatim.'
	}
};
