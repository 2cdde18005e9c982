/**
 * Rasterises a standalone SVG document to PNG at a chosen density, on a solid background, after the
 * fonts it uses have loaded. Browser-only; loaded on demand.
 */
import { svgSize } from './svg';

/** Embedded `@font-face` rules of an exported SVG (data: URIs), loaded into the page before drawing. */
async function loadEmbeddedFonts(svgText: string): Promise<void> {
	const style = /<style\b[^>]*>([\s\S]*?)<\/style>/.exec(svgText)?.[1] ?? '';
	const css = style
		.replace(/&apos;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
	const faces = [...css.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => {
		const body = m[1];
		const family = /font-family:'([^']+)'/.exec(body)?.[1] ?? '';
		const src = /src:(url\(data:[^)]*\)[^;]*)/.exec(body)?.[1] ?? '';
		const weight = /font-weight:(\d+)/.exec(body)?.[1] ?? '400';
		const unicodeRange = /unicode-range:([^;}]*)/.exec(body)?.[1] ?? 'U+0-10FFFF';
		return new FontFace(family, src, { weight, unicodeRange });
	});
	await Promise.all(
		faces.map(async (face) => {
			await face.load();
			document.fonts.add(face);
		})
	);
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The PNG's pixel size for an SVG of `width` × `height` at `scale`. */
export function pngSize(width: number, height: number, scale: number): { width: number; height: number } {
	return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/**
 * `background` null keeps the PNG transparent. `pixels` sets the PNG's size outright (an edited chart's:
 * e.g. a print width in mm at 300 dpi, whose SVG is sized in mm); otherwise it is the SVG's px size × scale.
 */
export async function svgToPng(
	svgText: string,
	scale: number,
	background: string | null = '#ffffff',
	pixels?: { width: number; height: number }
): Promise<Blob> {
	const own = svgSize(svgText);
	const width = pixels ? pixels.width / scale : own.width;
	const height = pixels ? pixels.height / scale : own.height;
	if (!width || !height) throw new Error('The chart has no size.');
	if (/@font-face/.test(svgText)) await loadEmbeddedFonts(svgText);
	else await document.fonts?.ready;
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const img = new Image();
		img.width = width;
		img.height = height;
		const loaded = new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The chart image could not be drawn.'));
		});
		img.src = url;
		await loaded;
		await img.decode().catch(() => undefined);
		// Fonts inside an SVG image finish loading asynchronously; give it two frames to lay out with them.
		await nextFrame();
		await nextFrame();
		const size = pixels ?? pngSize(width, height, scale);
		const canvas = document.createElement('canvas');
		canvas.width = size.width;
		canvas.height = size.height;
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('Canvas is not available.');
		if (background !== null) {
			ctx.fillStyle = background;
			ctx.fillRect(0, 0, canvas.width, canvas.height);
		}
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
