/**
 * Import benchmark (`npm run bench -- import`): parse + check + build a packed Dataset from CSV text of
 * 100,000 and 1,000,000 event rows in Node, against d3-dsv's `csvParse` alone on the same text as the
 * baseline, medians of several runs. The rows are written by the import's own CSV export from the seeded
 * synthetic dataset, so every row is valid and the whole pipeline runs (no early rejections). Writes the
 * "## Import" section of BENCHMARKS.md (only that section). Browser figures come from the Playwright
 * import test (`tests/e2e/import.spec.ts`), which leaves its timing in the system temp directory.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3-dsv';
import { syntheticDataset } from '../src/lib/aggregate/synthetic';
import { eventsCsv } from '../src/lib/data/files';
import { unpack } from '../src/lib/import/pack';
import { importFiles } from '../src/lib/import/pipeline';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gc = (globalThis as { gc?: () => void }).gc;

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
	fn(); // warm-up
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		gc?.();
		const start = performance.now();
		fn();
		t.push(performance.now() - start);
	}
	return median(t);
}

const load0 = os.loadavg()[0];
const rows: string[] = [];
for (const n of [100_000, 1_000_000]) {
	const ds = syntheticDataset({ seed: 2023, events: n, cities: 300 });
	const text = eventsCsv(ds);
	const bytes = new TextEncoder().encode(text);
	const runs = n >= 1_000_000 ? 3 : 5;
	const d3 = time(() => void csvParse(text), runs);
	let events = 0;
	const ours = time(() => {
		const o = importFiles([{ kind: 'events', name: 'events.csv', bytes }]);
		events = o.summary?.events ?? 0;
		if (o.errors > 0) throw new Error(`unexpected errors: ${JSON.stringify(o.problems.slice(0, 3))}`);
	}, runs);
	let packed = importFiles([{ kind: 'events', name: 'events.csv', bytes }]).packed!;
	const unpackMs = time(() => void unpack(packed), runs);
	packed = null as never;
	const mb = bytes.length / 1048576;
	rows.push(
		`| ${n.toLocaleString('en')} | ${mb.toFixed(0)} MB | ${d3.toFixed(0)} | ${ours.toFixed(0)} | ${(ours / d3).toFixed(1)}× | ${(mb / (ours / 1000)).toFixed(0)} MB/s | ${unpackMs.toFixed(0)} | ${events.toLocaleString('en')} |`
	);
	console.log(rows.at(-1));
}
const load1 = os.loadavg()[0];

let browser = '';
const timing = path.join(os.tmpdir(), 'city-innovation-import-100k.json');
if (existsSync(timing)) {
	const t = JSON.parse(readFileSync(timing, 'utf8')) as {
		workerMs: number;
		checkedMs: number;
		saveMs: number;
	};
	browser = `\nChromium (Playwright, \`tests/e2e/import.spec.ts\`, 100,000 rows of 7 columns, last run): worker read + check ${t.workerMs} ms; file chosen → results on the page ${t.checkedMs} ms; save to IndexedDB + switch every view ${t.saveMs} ms.\n`;
}

const section = `## Import

Written by \`bench/import.ts\` (\`npm run bench -- import\`) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}; 1-minute load average ${load0.toFixed(2)} at the start, ${load1.toFixed(2)} at the end${load0 > os.cpus().length ? ' (the machine was shared with other work, so absolute times are inflated; the ratio to d3-dsv, measured in the same run, is the meaningful part)' : ''}.

CSV text in the public events.csv format (\`eventsCsv\`, 19 columns, as the site's own data file) from the seeded synthetic dataset (seed 2023, 300 cities; the file names cities and categories by id only, so the import creates 300 cities and 8 categories as it goes). "import" is the whole pipeline the worker runs: UTF-8 decoding in 1 MB chunks, the streaming CSV reader, every cell read and checked, cities and categories resolved, duplicate detection, packing into typed columns, and \`validateDataset\` on the small collections and a sample of 5,000 events. "d3-dsv" is \`csvParse\` alone on the same text (no decoding, no checks): the baseline. "unpack" rebuilds the event objects the views read (done on the page after saving). Medians of 5 runs (3 at 1M) after a warm-up.

| rows | file | d3-dsv csvParse ms | import ms | import / d3-dsv | import throughput | unpack ms | events |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}
${browser}`;

const file = path.join(root, 'BENCHMARKS.md');
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const start = current.indexOf('\n## Import\n');
let next: string;
if (start < 0) next = `${current.trimEnd()}\n\n${section}`;
else {
	const after = current.indexOf('\n## ', start + 1);
	next = current.slice(0, start + 1) + section + (after < 0 ? '' : '\n' + current.slice(after + 1));
}
writeFileSync(file, next.trimEnd() + '\n');
console.log('wrote the Import section of BENCHMARKS.md');
