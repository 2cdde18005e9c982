/**
 * Problems found in an imported file. Each names the file, the row as a spreadsheet numbers it (header
 * = row 1; null for the file as a whole), the column as the file names it, the cell's value and a reason
 * code with parameters; the page words the reason in the reader's language (`import.problem.<code>`
 * in the data messages). Errors reject the row; warnings keep it and say what was done. Pure; no DOM.
 */
import type { FileKind } from './columns';

export type ProblemCode =
	// the file as a whole
	| 'fileTooLarge'
	| 'notText'
	| 'notTextUnknown'
	| 'utf16NoBom'
	| 'unsupportedEncoding'
	| 'unknownEncoding'
	| 'emptyFile'
	| 'noHeader'
	| 'missingColumns'
	| 'noMonthColumn'
	| 'cellTooLong'
	| 'tooManyColumns'
	| 'unclosedQuote'
	| 'badJson'
	| 'badJsonEnd'
	| 'badJsonUnplaced'
	| 'jsonShape'
	| 'datasetIssue'
	| 'noRows'
	// a row: errors
	| 'required'
	| 'badYear'
	| 'badMonth'
	| 'badMonthEnd'
	| 'monthEndBefore'
	| 'rangeTooLong'
	| 'monthEndAlone'
	| 'yearConflict'
	| 'badScope'
	| 'nationalWithCity'
	| 'badSection'
	| 'badBullet'
	| 'duplicateId'
	| 'actorsMismatch'
	| 'groupRepeatsCity'
	| 'badPosition'
	| 'duplicatePosition'
	| 'matchesMismatch'
	| 'badMatch'
	| 'badDocument'
	| 'valueTooLong'
	// a row: warnings (the row is kept)
	| 'duplicateRow'
	| 'unknownKind'
	| 'badCoordinate'
	| 'coordinateOutside'
	| 'halfCoordinate'
	| 'groupSingle'
	| 'commentaryBullet'
	| 'newTrack'
	| 'cleaned'
	| 'badBytes'
	// the file's metadata could not be used (its rows are kept; the reader fills the form)
	| 'badMeta';

export type Severity = 'error' | 'warning';

export interface Problem {
	file: FileKind;
	/** Row number as in the file (header = 1); for JSON, the record's position (1-based). null: the whole file. */
	row: number | null;
	/** The column's name as the file gives it, or the field's name. */
	column: string | null;
	value: string;
	code: ProblemCode;
	severity: Severity;
	params?: Record<string, string | number>;
}

const WARNINGS = new Set<ProblemCode>([
	'noMonthColumn',
	'duplicateRow',
	'unknownKind',
	'badCoordinate',
	'coordinateOutside',
	'halfCoordinate',
	'groupSingle',
	'commentaryBullet',
	'newTrack',
	'cleaned',
	'badBytes',
	'badMeta'
]);

export const severityOf = (code: ProblemCode): Severity => (WARNINGS.has(code) ? 'warning' : 'error');

/** Longest cell value kept in a problem (the report keeps the original cells in full). */
const MAX_VALUE = 200;

/**
 * Collects problems, keeping the first `limit` in full and counting the rest by code, so a file with a
 * million bad rows still reports quickly and in bounded memory.
 */
export class ProblemLog {
	readonly list: Problem[] = [];
	readonly counts: Partial<Record<ProblemCode, number>> = {};
	errors = 0;
	warnings = 0;
	constructor(readonly limit = 2_000) {}

	add(
		file: FileKind,
		row: number | null,
		column: string | null,
		value: string,
		code: ProblemCode,
		params?: Record<string, string | number>
	): void {
		const severity = severityOf(code);
		if (severity === 'error') this.errors++;
		else this.warnings++;
		this.counts[code] = (this.counts[code] ?? 0) + 1;
		if (this.list.length < this.limit) {
			const shown = value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) + '…' : value;
			this.list.push({ file, row, column, value: shown, code, severity, ...(params ? { params } : {}) });
		}
	}

	get total(): number {
		return this.errors + this.warnings;
	}
}
