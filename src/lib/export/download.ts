/** Browser-only helpers that hand a file to the user. Imported lazily by the download menu. */

export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.rel = 'noopener';
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
	downloadBlob(new Blob([text], { type }), filename);
}

/** Serialises a chart's on-page `<svg>` without the marks that exist only for interaction (focus, tooltip). */
export function svgMarkupOf(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	for (const el of clone.querySelectorAll('[data-export="omit"]')) el.remove();
	for (const el of clone.querySelectorAll('[data-selected], .is-dimmed, .is-highlighted')) {
		el.removeAttribute('data-selected');
		el.classList.remove('is-dimmed', 'is-highlighted');
	}
	return new XMLSerializer().serializeToString(clone);
}
