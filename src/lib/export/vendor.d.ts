// Type declarations for the export's untyped dependencies.

declare module 'subset-font' {
	interface SubsetOptions {
		targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
		preserveNameIds?: number[];
		keepFeatures?: string[];
		noLayoutClosure?: boolean;
		noHinting?: boolean;
		dropTables?: string[];
	}
	export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
