/**
 * The one-way architecture, checked on the source: the data and aggregate stages are plain TypeScript
 * (no DOM, no Svelte, no app framework), and charts draw what they are given as props, reaching into
 * nothing of SvelteKit's (`$app/*`), so the same component renders on a page, in an export and in a test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../src/lib');

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
		const p = path.join(dir, d.name);
		return d.isDirectory() ? files(p) : /\.(ts|svelte)$/.test(d.name) ? [p] : [];
	});
}

const importsOf = (file: string) =>
	[...readFileSync(file, 'utf8').matchAll(/(?:import|from)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);

describe('architecture', () => {
	it('charts import nothing from $app', () => {
		const offenders = files(path.join(root, 'charts')).flatMap((f) =>
			importsOf(f)
				.filter((m) => m.startsWith('$app/'))
				.map((m) => `${path.relative(root, f)} imports ${m}`)
		);
		expect(offenders).toEqual([]);
	});

	it('data and aggregate modules import no Svelte, no $app and no DOM-only code', () => {
		const offenders = ['data', 'aggregate'].flatMap((dir) =>
			files(path.join(root, dir))
				.filter((f) => !f.endsWith('.browser.ts'))
				.flatMap((f) =>
					importsOf(f)
						.filter(
							(m) =>
								m.startsWith('$app/') || m === 'svelte' || m.startsWith('svelte/') || m.endsWith('.svelte')
						)
						.map((m) => `${path.relative(root, f)} imports ${m}`)
				)
		);
		expect(offenders).toEqual([]);
	});
});
