/**
 * Load test of `npm start`'s static server on loopback: the overview page and a data file, each for a
 * bounded time with autocannon. Reports requests per second and latency percentiles, requires zero errors
 * and zero non-2xx responses, and writes the "Static server under load" section of BENCHMARKS.md.
 * Needs a build (`npm run build`); traffic goes only to 127.0.0.1.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startSite } from '../scripts/start-site.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = 4188;
const DURATION = 8; // seconds per target
const CONNECTIONS = 32;
const TARGETS = ['/zh', '/data/events.json'];

if (!existsSync(join(root, 'build', 'index.html'))) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}

interface Row {
	path: string;
	rps: number;
	p50: number;
	p99: number;
	requests: number;
	errors: number;
	non2xx: number;
	kbPerReq: number;
}

async function hit(path: string): Promise<Row> {
	const result = await autocannon({
		url: `http://127.0.0.1:${PORT}${path}`,
		connections: CONNECTIONS,
		duration: DURATION,
		headers: { 'accept-encoding': 'br, gzip' }
	});
	return {
		path,
		rps: result.requests.average,
		p50: result.latency.p50,
		p99: result.latency.p99,
		requests: result.requests.total,
		errors: result.errors + result.timeouts,
		non2xx: result.non2xx,
		kbPerReq: result.throughput.total / Math.max(1, result.requests.total) / 1024
	};
}

const { stop } = await startSite({ port: PORT, host: '127.0.0.1', probe: '/zh', stderr: 'inherit' });
const load = loadavg()[0];
const rows: Row[] = [];
for (const path of TARGETS) {
	const row = await hit(path);
	rows.push(row);
	console.log(
		`${path}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.requests} requests, ${row.errors} errors, ${row.non2xx} non-2xx`
	);
}
stop();

const date = new Date().toISOString().slice(0, 10);
const section = `## Static server under load

Written by \`bench/server-load.ts\` (\`npm run bench -- server-load\`) on ${date}.
Machine: ${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}; 1-minute load average ${load.toFixed(2)} at the start.
\`npm start\`'s server (sirv with precompressed files and the security headers) on 127.0.0.1, ${CONNECTIONS} connections for ${DURATION} s per address, brotli/gzip accepted; autocannon runs in the same machine, so the two share its cores.

| address | requests/s | p50 ms | p99 ms | requests | errors | non-2xx | KB per response |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.map((r) => `| \`${r.path}\` | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.non2xx} | ${r.kbPerReq.toFixed(1)} |`).join('\n')}
`;

const file = join(root, 'BENCHMARKS.md');
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const pattern = /## Static server under load\n[\s\S]*?(?=\n## |$)/;
const next = pattern.test(current) ? current.replace(pattern, section) : current.trimEnd() + '\n\n' + section;
writeFileSync(file, next);

const bad = rows.filter((r) => r.errors > 0 || r.non2xx > 0);
if (bad.length) {
	console.error(`Errors under load: ${bad.map((r) => r.path).join(', ')}`);
	process.exit(1);
}
