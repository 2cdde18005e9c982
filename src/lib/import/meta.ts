/**
 * A dataset's metadata as the import reads it: from the project's own JSON export (its `meta`, or the
 * `name` older exports carried), from a Frictionless `datapackage.json` (title, sources, licenses,
 * description, created), or from the import form. Everything goes through the one valibot schema
 * (`checkMeta`), so a bad value comes back as issues naming the field; the caller keeps everything else.
 * Pure; no DOM.
 */
import { checkMeta, type MetaIssue } from '../data/schema';
import type { DatasetMeta } from '../data/types';

export type MetaOrigin = 'dataset' | 'datapackage';

export interface MetaRead {
	/** Which kind of file it was; null when it carries no metadata this import knows. */
	origin: MetaOrigin | null;
	/** The checked metadata; null when there was none, or it did not pass (see `issues`). */
	meta: DatasetMeta | null;
	issues: MetaIssue[];
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);
const own = (o: Record<string, unknown>, key: string): unknown =>
	Object.hasOwn(o, key) ? o[key] : undefined;
const str = (x: unknown): string => (typeof x === 'string' ? x.trim() : '');

/** A file name without its extension, as a dataset's default name. */
export function nameFromFile(fileName: string): string {
	return fileName
		.replace(/\.[^.]+$/, '')
		.trim()
		.slice(0, 80);
}

/** A datapackage.json's `sources` entry → a source: title, its path when it is a web address. */
function frictionlessSource(s: unknown): unknown {
	if (!isObject(s)) return s; // the schema names the entry that is not an object
	const path = str(own(s, 'path'));
	return {
		title: typeof own(s, 'title') === 'string' ? str(own(s, 'title')) : own(s, 'title'),
		publisher: str(own(s, 'publisher')),
		date: '',
		url: /^https?:\/\//i.test(path) ? path : null
	};
}

/** The Frictionless descriptor's metadata, in the dashboard's shape (not yet checked). */
function fromDataPackage(p: Record<string, unknown>, fileName: string): Record<string, unknown> {
	const licenses = own(p, 'licenses');
	const licence = Array.isArray(licenses)
		? licenses
				.filter(isObject)
				.map((l) => {
					const label = str(own(l, 'title')) || str(own(l, 'name'));
					const path = str(own(l, 'path'));
					return path && label ? `${label} (${path})` : label || path;
				})
				.filter(Boolean)
				.join('; ')
		: '';
	const sources = own(p, 'sources');
	const created = str(own(p, 'created'));
	const contacts = Array.isArray(sources)
		? sources
				.filter(isObject)
				.map((s) => str(own(s, 'email')))
				.filter(Boolean)
		: [];
	const notes = [
		str(own(p, 'description')),
		created ? `created: ${created}` : '',
		contacts.length ? `contact: ${contacts.join(', ')}` : ''
	]
		.filter(Boolean)
		.join('\n');
	return {
		name: str(own(p, 'title')) || str(own(p, 'name')) || nameFromFile(fileName),
		sources: sources === undefined ? [] : Array.isArray(sources) ? sources.map(frictionlessSource) : sources,
		licence,
		notes
	};
}

/** True for a Frictionless descriptor (a data package), by its own marks. */
export function isDataPackage(value: unknown): value is Record<string, unknown> {
	if (!isObject(value)) return false;
	const profile = own(value, 'profile');
	return (
		(typeof profile === 'string' && /data-package/.test(profile)) ||
		Array.isArray(own(value, 'resources')) ||
		(own(value, 'events') === undefined &&
			(Array.isArray(own(value, 'licenses')) || Array.isArray(own(value, 'sources'))))
	);
}

/**
 * The metadata a parsed JSON file carries: our export's `meta` (or its name), or a datapackage.json's.
 * `fileName` gives the name when the file gives none.
 */
export function readMeta(value: unknown, fileName: string): MetaRead {
	if (!isObject(value)) return { origin: null, meta: null, issues: [] };
	let origin: MetaOrigin;
	let raw: unknown;
	if (isDataPackage(value)) {
		origin = 'datapackage';
		raw = fromDataPackage(value, fileName);
	} else if (own(value, 'meta') !== undefined) {
		origin = 'dataset';
		raw = own(value, 'meta');
	} else if (typeof own(value, 'name') === 'string' && Array.isArray(own(value, 'events'))) {
		// an export from before datasets carried metadata: its name, nothing else
		origin = 'dataset';
		raw = { name: str(own(value, 'name')) || nameFromFile(fileName), sources: [], licence: '', notes: '' };
	} else return { origin: null, meta: null, issues: [] };
	const checked = checkMeta(raw);
	return checked.ok
		? { origin, meta: checked.meta, issues: [] }
		: { origin, meta: null, issues: checked.issues };
}

/** One source row of the import form. */
export interface SourceRow {
	title: string;
	publisher: string;
	date: string;
	url: string;
	/** False: the source is not public (no address). */
	public: boolean;
}

export interface MetaForm {
	name: string;
	sources: SourceRow[];
	licence: string;
	notes: string;
}

/**
 * The metadata the reader typed, checked: trimmed, an empty address or "not public" as null, source
 * rows left wholly empty dropped. An issue's field names the form's row (sources.<row>.<field>).
 */
export function metaFromForm(
	form: MetaForm
): { ok: true; meta: DatasetMeta } | { ok: false; issues: MetaIssue[] } {
	const rows: number[] = [];
	const sources = form.sources.flatMap((s, i) => {
		if (!(s.title.trim() || s.publisher.trim() || s.date.trim() || s.url.trim())) return [];
		rows.push(i);
		return [
			{
				title: s.title.trim(),
				publisher: s.publisher.trim(),
				date: s.date.trim(),
				url: s.public && s.url.trim() ? s.url.trim() : null
			}
		];
	});
	const checked = checkMeta({
		name: form.name.trim(),
		sources,
		licence: form.licence.trim(),
		notes: form.notes.trim()
	});
	if (checked.ok) return checked;
	return {
		ok: false,
		issues: checked.issues.map((issue) => ({
			...issue,
			field: issue.field.replace(/^sources\.(\d+)/, (_, k: string) => `sources.${rows[Number(k)] ?? k}`)
		}))
	};
}

/** The form's rows for a dataset's metadata (one empty source row when it names none). */
export function formOf(meta: DatasetMeta | null, fallbackName: string): MetaForm {
	const text = (t: unknown) =>
		typeof t === 'string' ? t : isObject(t) ? str(own(t, 'zh')) || str(own(t, 'en')) : '';
	if (!meta) return { name: fallbackName, sources: [{ ...blankRow() }], licence: '', notes: '' };
	return {
		name: text(meta.name) || fallbackName,
		sources: meta.sources.length
			? meta.sources.map((s) => ({
					title: text(s.title),
					publisher: text(s.publisher),
					date: s.date,
					url: s.url ?? '',
					public: s.url !== null
				}))
			: [blankRow()],
		licence: text(meta.licence),
		notes: text(meta.notes)
	};
}

export function blankRow(): SourceRow {
	return { title: '', publisher: '', date: '', url: '', public: true };
}

/** Licences offered as suggestions (free text is accepted too). */
export const LICENCE_SUGGESTIONS = ['CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'ODbL-1.0', 'PDDL-1.0'] as const;
