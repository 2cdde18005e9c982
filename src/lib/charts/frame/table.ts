/** The data behind a chart, as shown in its table and downloaded as its CSV. */
export interface TableData {
	columns: string[];
	rows: (string | number | null)[][];
	/** Columns holding numbers (right-aligned, formatted). */
	numeric?: boolean[];
}
