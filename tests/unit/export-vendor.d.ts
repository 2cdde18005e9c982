// Type declarations for the untyped packages the export tests read fonts and XML with.

declare module 'fontverter' {
	export function convert(font: Buffer, to: 'sfnt' | 'woff' | 'woff2' | 'truetype'): Promise<Buffer>;
	const fontverter: { convert: typeof convert };
	export default fontverter;
}

declare module 'jsdom' {
	export class JSDOM {
		constructor(html?: string);
		window: Window & typeof globalThis;
	}
}
