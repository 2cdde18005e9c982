/**
 * Rasterises a standalone SVG document to PNG at a chosen density, on a solid background, after the
 * fonts it names have loaded. Browser-only; loaded on demand.
 */
export async function svgToPng(svgText: string, scale: number, background = '#ffffff'): Promise<Blob> {
	const size = svgText.match(/<svg\b[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/);
	const sizeAlt = svgText.match(/<svg\b[^>]*\bheight="([\d.]+)"[^>]*\bwidth="([\d.]+)"/);
	const width = Number(size?.[1] ?? sizeAlt?.[2] ?? 720);
	const height = Number(size?.[2] ?? sizeAlt?.[1] ?? 480);
	await document.fonts?.ready;
	const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const img = new Image();
		img.decoding = 'sync';
		const loaded = new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('The chart image could not be drawn.'));
		});
		img.src = url;
		await loaded;
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const ctx = canvas.getContext('2d');
		if (!ctx) throw new Error('Canvas is not available.');
		ctx.fillStyle = background;
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
