/**
 * SVG golden tests in the style of Observable Plot's: a chart component is rendered with `svelte/server`,
 * its SVG normalised (numbers rounded, generated ids renumbered, hydration comments dropped, one element per line so a change reads as a diff) and compared
 * with a committed file under tests/svg/output/. On a mismatch a `<name>-changed.svg` is written beside it
 * so a person can open both and look. Set UPDATE_GOLDENS=1 to accept the new rendering.
 */
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Component, ComponentProps } from 'svelte';
import { render } from 'svelte/server';
import { expect } from 'vitest';
import type { VariantId } from '../../src/lib/charts/frame/variants';

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), 'output');

/** Rounds every number in the markup to 2 decimals and renumbers generated ids in order of appearance. */
export function normaliseSvg(svg: string): string {
	const ids = new Map<string, string>();
	return (
		svg
			.replace(/<!--[\s\S]*?-->/g, '')
			.replace(/\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100))
			.replace(/\bid="([^"]+)"/g, (_, id: string) => {
				if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
				return `id="${ids.get(id)}"`;
			})
			.replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole))
			.replace(/href="#([^"]+)"/g, (whole, id: string) => (ids.has(id) ? `href="#${ids.get(id)}"` : whole))
			.replace(/(aria-labelledby|aria-describedby)="([^"]+)"/g, (_, attr: string, list: string) => {
				const mapped = list
					.split(/\s+/)
					.map((id) => ids.get(id) ?? id)
					.join(' ');
				return `${attr}="${mapped}"`;
			})
			.replace(/>\s*</g, '>\n<')
			// an empty element's closing tag stays on its line
			.replace(/(<[a-zA-Z][^<>]*>)\n<\//g, '$1</')
			.trim()
	);
}

/** Renders a component on the server and returns the `<svg>` elements of its given variant. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function renderSvgs<C extends Component<any>>(
	component: C,
	props: ComponentProps<C>,
	variant: VariantId = 'tablet'
): string[] {
	const { body } = render(component as Component<ComponentProps<C>>, { props });
	const out: string[] = [];
	const re = /<svg\b[\s\S]*?<\/svg>/g;
	for (const m of body.matchAll(re)) {
		if (m[0].includes(`data-variant="${variant}"`)) out.push(m[0]);
	}
	return out;
}

/** Compares `svg` with tests/svg/output/<name>.svg; writes <name>-changed.svg on a difference. */
export function expectGolden(name: string, svg: string): void {
	mkdirSync(OUTPUT, { recursive: true });
	const expectedPath = join(OUTPUT, `${name}.svg`);
	const changedPath = join(OUTPUT, `${name}-changed.svg`);
	const actual = normaliseSvg(svg) + '\n';
	if (!existsSync(expectedPath) || process.env.UPDATE_GOLDENS) {
		writeFileSync(expectedPath, actual);
		if (existsSync(changedPath)) unlinkSync(changedPath);
		if (!process.env.UPDATE_GOLDENS && process.env.CI) {
			throw new Error(`Golden ${name}.svg was missing; it has been written — commit it.`);
		}
		return;
	}
	const expected = readFileSync(expectedPath, 'utf8');
	if (expected !== actual) {
		writeFileSync(changedPath, actual);
	} else if (existsSync(changedPath)) {
		unlinkSync(changedPath);
	}
	expect(actual, `${name}.svg differs; see ${changedPath}`).toBe(expected);
}
