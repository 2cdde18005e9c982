/**
 * Rows → a Dataset, one row at a time, so a file of a million rows is checked as it streams in and only
 * the accepted events are kept (packed into typed columns, see `pack.ts`). Each row is read cell by cell
 * (`values.ts`), every problem is logged with its row, column and value (`problems.ts`), and only a row
 * with no error is added — its city and category are resolved or created only then (`registry.ts`).
 * Checks that span rows (duplicate ids and rows, groups, list positions) run as rows arrive or at the end.
 * Pure; no DOM.
 */
import { builtinDataset } from '../data/builtin';
import type {
	Dataset,
	EventKind,
	FutureIndustryItem,
	FutureIndustryList,
	I18nText,
	InnovationEvent,
	MatchStrength,
	SourceSection
} from '../data/types';
import { type FileKind, type Mapping } from './columns';
import { EventPacker, type PackedDataset, PACK_FORMAT } from './pack';
import { ProblemLog, severityOf, type ProblemCode } from './problems';
import { IMPORTED_REASON, insideChina, Registry, type CityInfo } from './registry';
import {
	BAD,
	halfWidth,
	hasCjk,
	isNationalName,
	readKind,
	readMatch,
	readNumber,
	readPositive,
	readScope,
	readSection,
	readWhen,
	readYear,
	rowHash,
	splitList,
	type When
} from './values';

/** Rows kept for the rejected-rows report (beyond this they are only counted). */
const MAX_REJECTED = 20_000;

export interface RejectedRow {
	file: FileKind;
	row: number;
	cells: string[];
}

export interface BuildOptions {
	/** Records names resolve against (default: the built-in dataset). */
	base?: Dataset;
	/** Put every base record in the result (a whole dataset given as JSON), not only those used. */
	includeAll?: boolean;
	id?: string;
	version?: string;
	/** Most problems kept in full (the rest are counted). */
	maxProblems?: number;
}

export interface BuildSummary {
	events: number;
	lists: number;
	rows: Record<FileKind, number>;
	accepted: Record<FileKind, number>;
	rejected: Record<FileKind, number>;
	duplicates: Record<FileKind, number>;
	blank: Record<FileKind, number>;
	newCities: { id: string; name: I18nText; mapped: boolean }[];
	newCategories: { id: string; name: I18nText }[];
	years: number[];
}

export interface BuildResult {
	packed: PackedDataset;
	summary: BuildSummary;
}

/** A formula-neutralising quote put in by a CSV export (`'=…`) is taken off again on import. */
const NEUTRALISED = /^'[=+\-@\t\r]/;

type Getter = (field: string) => string;

const ok = (w: When | null | typeof BAD): When | null => (w === BAD ? null : w);

/** Both languages of a text from its _zh, _en and one-language columns; '' where none is given. */
function bilingual(zh: string, en: string, either: string): I18nText {
	let z = zh.trim();
	let e = en.trim();
	const x = either.trim();
	if (x && !z && hasCjk(x)) z = x;
	if (x && !e && !hasCjk(x)) e = x;
	if (x && !z && !e) z = e = x;
	return { zh: z || e || x, en: e || z || x };
}

export class DatasetBuilder {
	readonly registry: Registry;
	readonly problems: ProblemLog;
	readonly rejected: RejectedRow[] = [];
	readonly packer = new EventPacker(4096);
	readonly summary: BuildSummary = {
		events: 0,
		lists: 0,
		rows: { events: 0, futures: 0 },
		accepted: { events: 0, futures: 0 },
		rejected: { events: 0, futures: 0 },
		duplicates: { events: 0, futures: 0 },
		blank: { events: 0, futures: 0 },
		newCities: [],
		newCategories: [],
		years: []
	};
	readonly options: Required<Omit<BuildOptions, 'base'>> & { base: Dataset };

	/** Per accepted event: its row in the file and a hash of its cells. */
	#rowOf: number[] = [];
	#idIndex = new Map<string, number>();
	#hashIndex = new Map<number, number>();
	#hashOf: number[] = [];
	/** Cells of grouped rows, in case the group check at the end rejects them. */
	#groupCells = new Map<number, string[]>();
	#groups = new Map<string, number[]>();
	#years = new Set<number>();

	#lists = new Map<string, { position: number; row: number; item: FutureIndustryItem }[]>();
	#futureHashes = new Set<number>();

	// current file
	#kind: FileKind = 'events';
	#mapping: Mapping = {};
	#header: string[] = [];
	#fileName = '';
	#unquote = true;
	#rowErrors = 0;
	#cells: string[] = [];
	/** The current row's cell for a field ('' when unmapped or absent); one function for all rows. */
	#get: Getter = (field) => {
		const i = this.#mapping[field] ?? -1;
		const cells = this.#cells;
		if (i < 0 || i >= cells.length) return '';
		const v = cells[i];
		return this.#unquote && v.charCodeAt(0) === 39 && NEUTRALISED.test(v) ? v.slice(1) : v;
	};

	constructor(options: BuildOptions = {}) {
		const base = options.base ?? builtinDataset;
		this.options = {
			base,
			includeAll: options.includeAll ?? false,
			id: options.id ?? 'import',
			version: options.version ?? '1',
			maxProblems: options.maxProblems ?? 2_000
		};
		this.registry = new Registry(base, this.options.includeAll);
		this.problems = new ProblemLog(this.options.maxProblems);
	}

	/** Starts a file: its kind, header (for column names in problems) and column mapping. */
	startFile(kind: FileKind, header: string[], mapping: Mapping, fileName: string, fromCsv = true): void {
		this.#kind = kind;
		this.#header = header;
		this.#mapping = mapping;
		this.#fileName = fileName;
		this.#unquote = fromCsv;
	}

	#column(field: string): string {
		const i = this.#mapping[field] ?? -1;
		return i >= 0 ? (this.#header[i] ?? field) : field;
	}

	#problem(
		row: number,
		field: string,
		value: string,
		code: ProblemCode,
		params?: Record<string, string | number>
	) {
		this.problems.add(this.#kind, row, field ? this.#column(field) : null, value, code, params);
		if (severityOf(code) === 'error') this.#rowErrors++;
	}

	#reject(row: number, cells: string[]): void {
		this.summary.rejected[this.#kind]++;
		if (this.rejected.length < MAX_REJECTED) this.rejected.push({ file: this.#kind, row, cells });
	}

	/** One data row (not the header). A blank row (`[]` or all cells blank) is counted and skipped. */
	addRow(cells: string[], row: number): void {
		this.summary.rows[this.#kind]++;
		if (cells.length === 0 || cells.every((c) => c.trim() === '')) {
			this.summary.blank[this.#kind]++;
			return;
		}
		if (this.#kind === 'events') this.#eventRow(cells, row);
		else this.#futureRow(cells, row);
	}

	#cityInfo(get: Getter, row: number): CityInfo {
		let lat = readNumber(get('lat'));
		let lon = readNumber(get('lon'));
		if (lat === BAD) this.#problem(row, 'lat', get('lat'), 'badCoordinate');
		if (lon === BAD) this.#problem(row, 'lon', get('lon'), 'badCoordinate');
		if (lat === BAD || lon === BAD) lat = lon = null;
		if ((lat === null) !== (lon === null)) {
			this.#problem(row, lat === null ? 'lat' : 'lon', '', 'halfCoordinate');
			lat = lon = null;
		}
		if (lat !== null && lon !== null && !insideChina(lat, lon)) {
			this.#problem(row, 'lat', `${lat}, ${lon}`, 'coordinateOutside');
			lat = lon = null;
		}
		return {
			ref: get('cityId').trim(),
			zh: get('city_zh').trim(),
			en: get('city_en').trim(),
			pinyin: get('city_pinyin').trim(),
			provinceZh: get('province_zh').trim(),
			provinceEn: get('province_en').trim(),
			cluster: get('cluster').trim(),
			clusterZh: get('cluster_zh').trim(),
			clusterEn: get('cluster_en').trim(),
			lat,
			lon
		};
	}

	#eventRow(cells: string[], row: number): void {
		this.#cells = cells;
		const get = this.#get;
		this.#rowErrors = 0;
		const hash = rowHash(cells);
		const givenId = halfWidth(get('id'));

		// duplicates: the same id (or, without ids, the same cells) seen in an accepted row
		const seen = givenId ? this.#idIndex.get(givenId) : this.#hashIndex.get(hash);
		if (seen !== undefined) {
			if (this.#hashOf[seen] === hash) {
				this.summary.duplicates.events++;
				this.#problem(row, givenId ? 'id' : '', givenId, 'duplicateRow', { first: this.#rowOf[seen] });
				return;
			}
			this.#problem(row, 'id', givenId, 'duplicateId', { first: this.#rowOf[seen] });
		}

		const city = this.#cityInfo(get, row);
		const cityNamed = city.ref || city.zh || city.en;
		const scope = readScope(get('scope'));
		if (scope === BAD) this.#problem(row, 'scope', get('scope'), 'badScope');
		const namesNation = cityNamed !== '' && isNationalName(cityNamed);
		const national = scope === 'national' || (scope === null && namesNation);
		if (scope === 'national' && cityNamed && !namesNation)
			this.#problem(row, 'cityId', cityNamed, 'nationalWithCity');
		if (scope === 'city' && namesNation)
			this.#problem(row, 'cityId', cityNamed, 'required', { field: 'city' });
		if (!national && !cityNamed) this.#problem(row, 'cityId', '', 'required', { field: 'city' });

		const catRef = get('categoryId').trim();
		const catZh = get('category_zh').trim();
		const catEn = get('category_en').trim();
		if (!catRef && !catZh && !catEn) this.#problem(row, 'categoryId', '', 'required', { field: 'category' });

		const title = bilingual(get('title_zh'), get('title_en'), get('title'));
		if (!title.zh) this.#problem(row, 'title_zh', '', 'required', { field: 'title' });

		// when: year, month, monthEnd and date columns, each of which may carry a year or a range
		const yearCell = readYear(get('year'));
		if (yearCell === BAD) this.#problem(row, 'year', get('year'), 'badYear');
		const monthCell = readWhen(get('month'));
		if (monthCell === BAD) this.#problem(row, 'month', get('month'), 'badMonth');
		const endCell = readWhen(get('monthEnd'));
		if (endCell === BAD || (endCell && endCell.monthEnd !== null))
			this.#problem(row, 'monthEnd', get('monthEnd'), 'badMonthEnd');
		const dateCell = readWhen(get('date'));
		if (dateCell === BAD) this.#problem(row, 'date', get('date'), 'badMonth');
		const y = ok(yearCell);
		const mo = ok(monthCell);
		const d = ok(dateCell);
		const year = y?.year ?? mo?.year ?? d?.year ?? null;
		if (y?.year != null && mo?.year != null && y.year !== mo.year)
			this.#problem(row, 'month', get('month'), 'yearConflict', { year: y.year });
		if (year === null) {
			if (yearCell !== BAD) this.#problem(row, 'year', '', 'required', { field: 'year' });
		} else if (year < 1900 || year > 2100) this.#problem(row, 'year', get('year'), 'badYear');
		const month = mo?.month ?? d?.month ?? y?.month ?? null;
		const e = ok(endCell);
		const monthEnd = (e && e.monthEnd === null ? e.month : null) ?? mo?.monthEnd ?? d?.monthEnd ?? null;
		if (monthEnd !== null && month === null) this.#problem(row, 'monthEnd', get('monthEnd'), 'monthEndAlone');
		if (monthEnd !== null && month !== null && monthEnd < month)
			this.#problem(row, 'monthEnd', String(monthEnd), 'monthEndBefore', { month });

		let kind: EventKind = 'other';
		const kindCell = readKind(get('kind'));
		if (kindCell === BAD) this.#problem(row, 'kind', get('kind'), 'unknownKind');
		else if (kindCell) kind = kindCell;

		let document: string | null = get('document').trim() || null;
		if (document !== null && !/^《.+》$/u.test(document)) {
			const inner = document.replace(/^《+|》+$/gu, '').trim();
			if (inner) document = `《${inner}》`;
			else this.#problem(row, 'document', document, 'badDocument');
		}

		const aZh = splitList(get('actors_zh'));
		const aEn = splitList(get('actors_en'));
		if (aZh.length && aEn.length && aZh.length !== aEn.length)
			this.#problem(row, 'actors_en', get('actors_en'), 'actorsMismatch', { zh: aZh.length, en: aEn.length });
		const actors = (aZh.length ? aZh : aEn).map((zh, i) => ({
			zh: aZh[i] ?? aEn[i],
			en: aEn[i] ?? aZh[i] ?? zh
		}));

		const sectionCell = readSection(get('source_section'));
		if (sectionCell === BAD) this.#problem(row, 'source_section', get('source_section'), 'badSection');
		const section: SourceSection = sectionCell === BAD || sectionCell === null ? 'events' : sectionCell;
		const bulletCell = readPositive(get('source_bullet'));
		if (bulletCell === BAD) this.#problem(row, 'source_bullet', get('source_bullet'), 'badBullet');
		let bullet = bulletCell === BAD ? null : bulletCell;
		if (section === 'commentary' && bullet !== null) {
			this.#problem(row, 'source_bullet', get('source_bullet'), 'commentaryBullet');
			bullet = null;
		}
		// the row's place in the file stands in for the article's bullet position
		if (section === 'events' && bullet === null) bullet = row;
		const heading = get('source_heading').trim() || this.#fileName || 'import';

		const note = bilingual(get('note_zh'), get('note_en'), get('note'));
		const groupId = get('groupId').trim() || null;

		if (this.#rowErrors > 0) return this.#reject(row, cells);

		const cityId = national ? null : this.registry.city(city);
		const categoryId = this.registry.category(catRef, catZh, catEn);
		const index = this.packer.count;
		const event: InnovationEvent = {
			id: givenId || `row-${row}`,
			cityId,
			scope: national ? 'national' : 'city',
			categoryId,
			year: year!,
			month,
			monthEnd,
			kind,
			actors,
			document,
			title,
			note: note.zh ? note : null,
			groupId,
			source: { section, heading, bullet }
		};
		this.packer.add(event);
		this.#rowOf.push(row);
		this.#hashOf.push(hash);
		this.#years.add(event.year);
		if (givenId) this.#idIndex.set(givenId, index);
		else this.#hashIndex.set(hash, index);
		if (groupId !== null) {
			let members = this.#groups.get(groupId);
			if (!members) this.#groups.set(groupId, (members = []));
			members.push(index);
			this.#groupCells.set(index, cells);
		}
		this.summary.accepted.events++;
	}

	#futureRow(cells: string[], row: number): void {
		this.#cells = cells;
		const get = this.#get;
		this.#rowErrors = 0;
		const hash = rowHash(cells);
		if (this.#futureHashes.has(hash)) {
			this.summary.duplicates.futures++;
			this.#problem(row, '', '', 'duplicateRow', {});
			return;
		}
		const city = this.#cityInfo(get, row);
		if (!city.ref && !city.zh && !city.en) this.#problem(row, 'cityId', '', 'required', { field: 'city' });
		const item = bilingual(get('item_zh'), get('item_en'), '');
		if (!item.zh) this.#problem(row, 'item_zh', '', 'required', { field: 'item' });
		const position = readPositive(get('position'));
		if (position === BAD) this.#problem(row, 'position', get('position'), 'badPosition');

		const ids = splitList(get('trackIds'));
		const namesZh = splitList(get('track_names_zh'));
		const namesEn = splitList(get('track_names_en'));
		const n = Math.max(ids.length, namesZh.length, namesEn.length);
		if (n === 0) this.#problem(row, 'trackIds', '', 'required', { field: 'tracks' });
		const matchCells = splitList(get('matches'));
		if (matchCells.length > 1 && matchCells.length !== n)
			this.#problem(row, 'matches', get('matches'), 'matchesMismatch', {
				tracks: n,
				given: matchCells.length
			});
		const matches: MatchStrength[] = [];
		for (let j = 0; j < n; j++) {
			const m = readMatch(matchCells.length === 1 ? matchCells[0] : (matchCells[j] ?? ''));
			if (m === BAD) {
				this.#problem(row, 'matches', matchCells[j] ?? '', 'badMatch');
				break;
			}
			matches.push(m ?? 'exact');
		}
		const rZh = splitList(get('reasons_zh'));
		const rEn = splitList(get('reasons_en'));
		for (const [list, field] of [
			[rZh, 'reasons_zh'],
			[rEn, 'reasons_en']
		] as const)
			if (list.length > 1 && list.length !== n)
				this.#problem(row, field, get(field), 'matchesMismatch', { tracks: n, given: list.length });

		const cityId = this.#rowErrors === 0 ? this.registry.findCity(city) : null;
		if (this.#rowErrors === 0 && position !== null && position !== BAD && cityId !== null) {
			const clash = this.#lists.get(cityId)?.find((x) => x.position === position);
			if (clash) this.#problem(row, 'position', String(position), 'duplicatePosition', { first: clash.row });
		}
		if (this.#rowErrors > 0) return this.#reject(row, cells);

		const tracks: FutureIndustryItem['tracks'] = [];
		const seen = new Set<string>();
		for (let j = 0; j < n; j++) {
			const { id, created } = this.registry.track(ids[j] ?? '', namesZh[j] ?? '', namesEn[j] ?? '');
			if (created)
				this.#problem(row, 'trackIds', ids[j] ?? namesZh[j] ?? namesEn[j] ?? '', 'newTrack', { id });
			if (seen.has(id)) continue;
			seen.add(id);
			const one = (l: string[]) => (l.length === 1 ? l[0] : l[j]);
			const reasonZh = one(rZh) ?? one(rEn);
			const reasonEn = one(rEn) ?? one(rZh);
			tracks.push({
				trackId: id,
				match: matches[j],
				reason: reasonZh ? { zh: reasonZh, en: reasonEn ?? reasonZh } : IMPORTED_REASON
			});
		}
		const id = this.registry.city(city);
		let list = this.#lists.get(id);
		if (!list) this.#lists.set(id, (list = []));
		const pos = position === null || position === BAD ? (list.at(-1)?.position ?? 0) + 1 : position;
		list.push({ position: pos, row, item: { name: item, tracks } });
		this.#futureHashes.add(hash);
		this.summary.accepted.futures++;
	}

	/** File-level problem (missing columns, a stopped reader, bad JSON…). */
	fileProblem(
		kind: FileKind,
		code: ProblemCode,
		params?: Record<string, string | number>,
		row: number | null = null,
		column: string | null = null,
		value = ''
	): void {
		this.problems.add(kind, row, column, value, code, params);
	}

	/** Cross-row checks, then the packed dataset and a summary. */
	finish(lists?: FutureIndustryList[]): BuildResult {
		const drop = new Uint8Array(this.packer.count);
		this.#kind = 'events';
		for (const [groupId, members] of this.#groups) {
			const cities = new Set<string | null>();
			const kept: number[] = [];
			for (const i of members) {
				const city = this.packer.cityOf(i);
				if (cities.has(city)) {
					drop[i] = 1;
					this.problems.add('events', this.#rowOf[i], this.#column('groupId'), groupId, 'groupRepeatsCity', {
						city: city ?? '—'
					});
					this.summary.accepted.events--;
					this.summary.rejected.events++;
					if (this.rejected.length < MAX_REJECTED)
						this.rejected.push({ file: 'events', row: this.#rowOf[i], cells: this.#groupCells.get(i) ?? [] });
				} else {
					cities.add(city);
					kept.push(i);
				}
			}
			if (kept.length === 1) {
				this.packer.setGroup(kept[0], null);
				this.problems.add('events', this.#rowOf[kept[0]], this.#column('groupId'), groupId, 'groupSingle');
			}
		}
		this.rejected.sort((a, b) => (a.file === b.file ? a.row - b.row : a.file === 'events' ? -1 : 1));

		const events = this.packer.finish(drop);
		const futureIndustries: FutureIndustryList[] = [
			...(lists ?? (this.options.includeAll ? this.options.base.futureIndustries : [])).filter(
				(l) => !this.#lists.has(l.cityId)
			),
			...[...this.#lists].map(([cityId, items]) => ({
				cityId,
				items: items.sort((a, b) => a.position - b.position).map((x) => x.item)
			}))
		];
		for (const l of futureIndustries) this.registry.cities.used.add(l.cityId);
		const collections = this.registry.collections();
		const reg = this.registry;
		this.summary.events = events.count;
		this.summary.lists = futureIndustries.length;
		this.summary.newCities = reg.cities.created
			.filter((id) => reg.cities.used.has(id))
			.map((id) => {
				const c = reg.cities.records.get(id)!;
				return { id, name: c.name, mapped: c.lat !== null };
			});
		this.summary.newCategories = reg.categories.created.map((id) => ({
			id,
			name: reg.categories.records.get(id)!.name
		}));
		this.summary.years = [...this.#years].sort((a, b) => a - b);
		return {
			packed: {
				format: PACK_FORMAT,
				id: this.options.id,
				version: this.options.version,
				...collections,
				events,
				futureIndustries
			},
			summary: this.summary
		};
	}
}
