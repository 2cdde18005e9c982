#!/usr/bin/env node
/**
 * Lighthouse on the built site: the overview, a city page, compare, industries and events, in both
 * languages, with Lighthouse's default mobile settings (simulated slow 4G and a 4× slower CPU). Serves
 * build/ with `node scripts/serve.js --port 4183`, runs the pinned lighthouse 12.2.3 in headless
 * Chromium (CHROME_PATH, else the Chromium the end-to-end tests use), saves each JSON and HTML report under
 * reports/lighthouse/ (git-ignored), prints the four category scores as a table with the audits that
 * cost points, and writes the "## Lighthouse" section of BENCHMARKS.md.
 *
 * Targets: performance ≥ 98, accessibility, best practices and SEO 100. A missed target is printed, not
 * turned into a failure: the exit code is non-zero only when Lighthouse itself fails.
 *
 * Usage: npm run build && npm run lighthouse [-- --port 4183]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, findChromium } from './find-chromium.js';
import { startSite } from './start-site.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
	const i = args.indexOf(name);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const PORT = Number(flag('--port', 4183));
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = path.join(root, 'reports', 'lighthouse');
const LIGHTHOUSE = path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js');
const CHROME = process.env.CHROME_PATH || findChromium();
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS].join(' ');

const PAGES = [
	['overview', ''],
	['city', '/cities/shanghai'],
	['compare', '/compare'],
	['industries', '/industries'],
	['events', '/events']
];
const LANGS = ['zh', 'en'];
const CATEGORIES = [
	['performance', 'Performance', 98],
	['accessibility', 'Accessibility', 100],
	['best-practices', 'Best practices', 100],
	['seo', 'SEO', 100]
];
const METRICS = [
	['first-contentful-paint', 'FCP'],
	['largest-contentful-paint', 'LCP'],
	['total-blocking-time', 'TBT'],
	['cumulative-layout-shift', 'CLS'],
	['speed-index', 'SI'],
	['bootup-time', 'JS execution']
];

if (!existsSync(path.join(root, 'build', 'index.html'))) {
	console.error('No build found in build/. Run `npm run build` first.');
	process.exit(1);
}
if (!CHROME) {
	console.error('No Chromium found: set CHROME_PATH (e.g. /usr/bin/chromium).');
	process.exit(1);
}
const builtAt = statSync(path.join(root, 'build', 'index.html')).mtime;

// ---------------------------------------------------------------------------------------------
// the site

const loadStart = os.loadavg()[0];
const { stop: stopServer } = await startSite({ port: PORT }).catch((e) => {
	console.error(`${e.message}.`);
	process.exit(1);
});

// ---------------------------------------------------------------------------------------------
// lighthouse, one page at a time (they would compete for the machine's cores)

mkdirSync(OUT, { recursive: true });
const results = [];
let failed = 0;
for (const lang of LANGS) {
	for (const [name, suffix] of PAGES) {
		const address = `/${lang}${suffix}`;
		const stem = path.join(OUT, `${lang}-${name}`);
		process.stdout.write(`Lighthouse ${address} … `);
		const run = spawnSync(
			process.execPath,
			[
				LIGHTHOUSE,
				`${BASE}${address}`,
				'--output=json',
				'--output=html',
				`--output-path=${stem}`,
				`--chrome-flags=${CHROME_FLAGS}`,
				'--quiet'
			],
			{ cwd: root, env: { ...process.env, CHROME_PATH: CHROME }, encoding: 'utf8', maxBuffer: 64 << 20 }
		);
		const json = `${stem}.report.json`;
		if (run.status !== 0 || !existsSync(json) || statSync(json).mtimeMs < Date.now() - 10 * 60_000) {
			failed++;
			console.log(`failed (exit ${run.status ?? run.signal})`);
			console.log((run.stderr || run.stdout || '').trim().split('\n').slice(-10).join('\n'));
			continue;
		}
		const lhr = JSON.parse(readFileSync(json, 'utf8'));
		if (lhr.runtimeError) {
			failed++;
			console.log(`failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
			continue;
		}
		const scores = Object.fromEntries(
			CATEGORIES.map(([id]) => [id, Math.round((lhr.categories[id]?.score ?? NaN) * 100)])
		);
		const metrics = Object.fromEntries(METRICS.map(([id]) => [id, lhr.audits[id]?.displayValue ?? '–']));
		// audits that cost points (weighted, below full marks), and those flagged without weight
		const losing = [];
		for (const [id] of CATEGORIES) {
			for (const ref of lhr.categories[id]?.auditRefs ?? []) {
				const a = lhr.audits[ref.id];
				if (!a || a.score === null || a.score >= 1) continue;
				if (!['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode)) continue;
				if (ref.weight === 0 && id === 'performance') continue;
				losing.push({
					category: id,
					id: ref.id,
					weighted: ref.weight > 0,
					title: a.title,
					value: a.displayValue ?? '',
					items: (a.details?.items ?? [])
						.slice(0, 2)
						.map(
							(it) =>
								it.node?.snippet ?? it.source?.snippet ?? it.url ?? it.source?.url ?? it.node?.selector ?? ''
						)
						.filter(Boolean)
				});
			}
		}
		metrics['bootup-time'] = lhr.audits['bootup-time']?.displayValue ?? '–';
		const errors = Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error').length;
		results.push({ address, lang, name, scores, metrics, losing, errors, stem });
		console.log(CATEGORIES.map(([id]) => scores[id]).join(' / '));
	}
}
stopServer();
const loadEnd = os.loadavg()[0];

// ---------------------------------------------------------------------------------------------
// report

const mark = (id, v) => {
	const target = CATEGORIES.find(([c]) => c === id)[2];
	return Number.isFinite(v) ? `${v}${v >= target ? '' : ' ❌'}` : '–';
};
const table = [
	`| page | ${CATEGORIES.map(([, label, t]) => `${label} (≥ ${t})`).join(' | ')} | ${METRICS.map(([, m]) => m).join(' | ')} |`,
	`| --- | ${CATEGORIES.map(() => '---:').join(' | ')} | ${METRICS.map(() => '---:').join(' | ')} |`,
	...results.map(
		(r) =>
			`| \`${r.address}\` | ${CATEGORIES.map(([id]) => mark(id, r.scores[id])).join(' | ')} | ${METRICS.map(([id]) => r.metrics[id]).join(' | ')} |`
	)
];
const missed = results.filter((r) => CATEGORIES.some(([id, , t]) => !(r.scores[id] >= t)));

/** Audits costing points, merged over pages: audit → pages and a sample of what it found. */
const byAudit = new Map();
for (const r of results)
	for (const l of r.losing) {
		const key = `${l.category}|${l.id}`;
		const e = byAudit.get(key) ?? { ...l, pages: [] };
		e.pages.push(`${r.address}${l.value ? ` (${l.value})` : ''}`);
		byAudit.set(key, e);
	}
const line = (a) =>
	`- ${a.category}: **${a.title}** (\`${a.id}\`) — ${a.pages.join(', ')}` +
	(a.items.length
		? `; e.g. ${a.items.map((s) => `\`${String(s).replace(/`/g, "'").slice(0, 140)}\``).join(', ')}`
		: '');
const sorted = [...byAudit.values()].sort(
	(a, b) => a.category.localeCompare(b.category) || b.pages.length - a.pages.length
);
const auditLines = sorted.filter((a) => a.weighted).map(line);
const flaggedLines = sorted.filter((a) => !a.weighted).map(line);

const cores = os.cpus().length;
const cpu = (() => {
	try {
		const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
		if (m) return m[1].trim();
	} catch {
		// not Linux
	}
	return os.cpus()[0]?.model.trim() ?? 'unknown CPU';
})();
const chromeVersion = (() => {
	const r = spawnSync(CHROME, ['--version'], { encoding: 'utf8' });
	return (r.stdout || '').trim().split('\n').pop() || CHROME;
})();
const busy = Math.max(loadStart, loadEnd) > cores;
const machine = `${cores} cores, ${cpu}, Node ${process.version}, ${chromeVersion}, lighthouse 12.2.3; 1-minute load average ${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end`;
const date = new Date().toISOString().slice(0, 10);

console.log(`\n${table.join('\n')}\n`);
if (missed.length) {
	console.log(`Targets missed on ${missed.length} of ${results.length} pages. Audits that cost points:`);
	console.log(auditLines.join('\n'));
} else if (results.length) console.log(`All targets met on all ${results.length} pages.`);
if (flaggedLines.length) console.log(`Flagged, without weight in the score:\n${flaggedLines.join('\n')}`);
if (busy)
	console.log(
		`\nThe machine was busy (load ${Math.max(loadStart, loadEnd).toFixed(1)} on ${cores} cores): performance scores and timings suffer with it.`
	);
console.log(`Reports: ${path.relative(process.cwd(), OUT)}/<lang>-<page>.report.{json,html}`);

const section = `## Lighthouse

Written by \`scripts/lighthouse.js\` (\`npm run lighthouse\`) on ${date}, against the build in \`build/\` of ${builtAt.toISOString().slice(0, 16).replace('T', ' ')} UTC served by \`node scripts/serve.js --port ${PORT}\`.
Machine: ${machine}.

Lighthouse's default mobile settings (simulated slow 4G, 4× CPU slowdown, a phone-sized screen), headless Chromium, one page at a time; reports in \`reports/lighthouse/\` (not committed). Targets: performance ≥ 98, accessibility, best practices and SEO 100 (❌ marks a miss). With this Chromium, lighthouse 12.2.3 cannot run a few diagnostic audits (${Math.max(0, ...results.map((r) => r.errors))} per page, "frame_sequence"); they carry no weight and the category scores are unaffected.
${busy ? `\n**This run shared the machine with other work (load ${Math.max(loadStart, loadEnd).toFixed(1)} on ${cores} cores). The simulated timings scale what the browser observed, so a busy machine lowers the performance score; the other three categories do not depend on speed.**\n` : ''}
${table.join('\n')}

${missed.length ? `Targets missed on ${missed.length} of ${results.length} pages. The audits that cost points:\n\n${auditLines.join('\n')}` : `All targets met on all ${results.length} pages.`}
${flaggedLines.length ? `\nFlagged by Lighthouse without weight in the score:\n\n${flaggedLines.join('\n')}\n` : ''}${failed ? `\nLighthouse failed on ${failed} page(s); see the output of the run.\n` : ''}`;

const file = path.join(root, 'BENCHMARKS.md');
const doc = existsSync(file)
	? readFileSync(file, 'utf8')
	: '# Benchmarks\n\nMeasured by `npm run bench`; each section is written by its own benchmark.\n';
const start = doc.indexOf('\n## Lighthouse\n');
let next;
if (start < 0) next = `${doc.trimEnd()}\n\n${section}`;
else {
	const after = doc.indexOf('\n## ', start + 1);
	next = doc.slice(0, start + 1) + section + (after < 0 ? '' : '\n' + doc.slice(after + 1));
}
writeFileSync(file, next.trimEnd() + '\n');
console.log('Wrote the "Lighthouse" section of BENCHMARKS.md');
process.exit(failed ? 1 : 0);
