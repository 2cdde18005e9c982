/** "Cite this chart": the sentence, CSL-JSON and BibTeX, in both languages, crediting the right source. */
import { describe, expect, it } from 'vitest';
import { bibtexEscape, citeChart, type CiteInput } from '../../src/lib/export/cite';

const base: CiteInput = {
	locale: 'en',
	title: 'Shanghai has the most events (10), then Beijing (7)',
	url: 'https://example.org/en#events-per-city',
	datasetVersion: '2024-01-03.1',
	importedName: null,
	accessed: '2026-12-02'
};

describe('citeChart', () => {
	it('credits the built-in article, with the version, address and access date', () => {
		const { sentence, csl, bibtex } = citeChart(base);
		expect(sentence).toContain(base.title);
		expect(sentence).toContain('The Paper · Pengpai Research Institute');
		expect(sentence).toContain('2024-01-03.1');
		expect(sentence).toContain(base.url);
		expect(sentence).toContain('2026-12-02');
		expect(csl).toMatchObject({
			type: 'figure',
			title: base.title,
			URL: base.url,
			version: '2024-01-03.1',
			accessed: { 'date-parts': [[2026, 12, 2]] }
		});
		expect(bibtex).toMatch(/^@misc\{cityinnovation20261202,\n/);
		expect(bibtex).toContain('\\url{https://example.org/en#events-per-city}');
		expect(bibtex.match(/\{/g)!.length).toBe(bibtex.match(/\}/g)!.length);
	});

	it('credits an imported dataset to the reader, never to the article', () => {
		const { sentence, csl, bibtex } = citeChart({ ...base, importedName: 'My 2024 events', locale: 'zh' });
		expect(sentence).toContain('My 2024 events');
		expect(sentence).not.toContain('澎湃');
		expect(String(csl.note)).not.toContain('澎湃');
		expect(bibtex).not.toContain('澎湃');
		expect(csl.language).toBe('zh-CN');
		expect(citeChart(base).sentence).toContain('The Paper');
	});

	it('keeps hostile names inert in BibTeX', () => {
		const { bibtex } = citeChart({ ...base, importedName: 'x} @misc{evil, title={pwn\u202e}%' });
		expect(bibtex).toContain('x\\} @misc\\{evil, title=\\{pwn\\}\\%');
		expect(bibtex).not.toContain('\u202e');
		expect(bibtex.match(/^@/gm)).toHaveLength(1);
		expect(bibtexEscape('a_b & c^d~e\\f')).toBe(
			'a\\_b \\& c\\textasciicircum{}d\\textasciitilde{}e\\textbackslash{}f'
		);
	});
});
