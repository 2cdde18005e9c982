/**
 * Main-thread blocking time as a page opens on a slow phone, in Chromium through Playwright: a phone's
 * viewport, the CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate`, as Lighthouse's mobile run), the
 * built site served with its precompressed files. Each load records the long tasks (over 50 ms) that start
 * after the first contentful paint until the page has gone quiet (the network idle and no long task for a
 * second); blocking time is the sum of their time over 50 ms, as Lighthouse's total blocking time. Also
 * recorded: the JavaScript the page loaded on opening (gzip, as the build wrote it). Loads alternate
 * between pages (and between builds, when comparing), so a busy moment on the shared machine falls on all
 * of them alike. Reported: the median of BLOCKING_RUNS loads (default 5) and the worst.
 *
 * Run: npm run build && npm run bench -- blocking
 * Compare builds (A/B, not written to BENCHMARKS.md): BLOCKING_DIRS=before=/tmp/a,after=build npm run bench -- blocking
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { launch } from './render/browser';
import { machineLine, median, ms, overloaded, root, today, writeSection } from './render/report';

const RUNS = Number(process.env.BLOCKING_RUNS ?? 5);
const RATE = 4;
const TARGET = 150;
const PAGES = ['/zh', '/en/events', '/en/industries', '/zh/cities/shanghai', '/en/compare'];
const compare = process.env.BLOCKING_DIRS;
const builds = (compare ?? `build=${path.join(root, 'build')}`).split(',').map((entry) => {
	const [name, dir] = entry.includes('=') ? entry.split('=') : [entry, entry];
	return { name, dir: path.resolve(root, dir), port: 0 };
});
for (const { dir } of builds)
	if (!existsSync(path.join(dir, 'index.html'))) {
		console.error(`No build found in ${dir}. Run \`npm run build\` first.`);
		process.exit(1);
	}

/** Serves a build on a free port (other work on the machine may hold any fixed one); sets its port. */
async function serve(build: (typeof builds)[number]): Promise<Server> {
	const assets = sirv(build.dir, { gzip: true, brotli: true, extensions: ['html'] });
	const server = createServer((req, res) => assets(req, res, () => res.writeHead(404).end()));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	build.port = (server.address() as AddressInfo).port;
	return server;
}

function gzipSize(dir: string, pathname: string): number {
	const file = path.join(dir, decodeURIComponent(pathname));
	if (existsSync(file + '.gz')) return statSync(file + '.gz').size;
	return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0;
}

/** Installed before any page script: notes long tasks and the first contentful paint. */
const observe = () => {
	const w = window as unknown as { __long: { start: number; duration: number }[] };
	w.__long = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
	}).observe({ type: 'longtask', buffered: true });
};

interface Load {
	tbt: number;
	longest: number;
	js: number;
}

const browser = await launch();
const servers = await Promise.all(builds.map(serve));
const loadStart = os.loadavg()[0];

async function measure(build: (typeof builds)[number], pathname: string): Promise<Load> {
	const context = await browser.newContext({
		viewport: { width: 412, height: 823 },
		deviceScaleFactor: 1.75,
		isMobile: true,
		hasTouch: true,
		serviceWorkers: 'block'
	});
	const page = await context.newPage();
	await page.addInitScript(observe);
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
	const scripts = new Set<string>();
	page.on('request', (req) => {
		const url = new URL(req.url());
		if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
	});
	await page.goto(`http://127.0.0.1:${build.port}${pathname}`, { waitUntil: 'networkidle' });
	// quiet: no new long task for a second
	let seen = -1;
	for (;;) {
		await page.waitForTimeout(1000);
		const n = await page.evaluate(() => (window as unknown as { __long: unknown[] }).__long.length);
		if (n === seen) break;
		seen = n;
	}
	const { fcp, long } = await page.evaluate(() => ({
		fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
		long: (window as unknown as { __long: { start: number; duration: number }[] }).__long
	}));
	await context.close();
	const after = long.filter((t) => t.start >= fcp);
	return {
		tbt: after.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
		longest: Math.max(0, ...after.map((t) => t.duration)),
		js: [...scripts].reduce((sum, p) => sum + gzipSize(build.dir, p), 0)
	};
}

const results = new Map<string, Load[]>();
const key = (b: string, p: string) => `${b} ${p}`;
for (let run = 0; run < RUNS; run++)
	for (const pathname of PAGES)
		for (const build of run % 2 ? [...builds].reverse() : builds) {
			const load = await measure(build, pathname);
			results.set(key(build.name, pathname), [...(results.get(key(build.name, pathname)) ?? []), load]);
			console.log(
				`run ${run + 1} ${build.name.padEnd(8)} ${pathname.padEnd(22)} TBT ${ms(load.tbt).padStart(5)} ms, ` +
					`longest task ${ms(load.longest).padStart(5)} ms, JS ${(load.js / 1024).toFixed(1)} KB`
			);
		}
const loadEnd = os.loadavg()[0];
const version = browser.version();
await browser.close();
for (const s of servers) s.close();

const rows = PAGES.flatMap((pathname) =>
	builds.map((b) => {
		const loads = results.get(key(b.name, pathname)) ?? [];
		const tbt = median(loads.map((l) => l.tbt));
		return {
			build: b.name,
			pathname,
			tbt,
			worst: Math.max(...loads.map((l) => l.tbt)),
			longest: median(loads.map((l) => l.longest)),
			js: median(loads.map((l) => l.js)),
			ok: tbt <= TARGET
		};
	})
);
const table = [
	`| ${compare ? 'Build | ' : ''}Page | Blocking time, median (ms) | Worst of ${RUNS} (ms) | Longest task, median (ms) | JS on opening (KB gzip) |`,
	`| ${compare ? '--- | ' : ''}--- | ---: | ---: | ---: | ---: |`,
	...rows.map(
		(r) =>
			`| ${compare ? `${r.build} | ` : ''}\`${r.pathname}\` | ${ms(r.tbt)}${r.ok ? '' : ' ✗'} | ${ms(r.worst)} | ${ms(r.longest)} | ${(r.js / 1024).toFixed(1)} |`
	)
].join('\n');
console.log('\n' + table);
console.log(machineLine(version, loadStart, loadEnd));

if (!compare) {
	const builtAt = statSync(path.join(root, 'build', 'index.html')).mtime;
	writeSection(
		'## Blocking time on opening (4× slower CPU)',
		`Measured ${today()} by \`npm run bench -- blocking\` on the build of ${builtAt.toISOString().slice(0, 16)}Z: ` +
			`each page opened ${RUNS} times in a phone-sized Chromium with the CPU slowed ${RATE}× ` +
			`(\`Emulation.setCPUThrottlingRate\`), service worker off; blocking time is the sum over long tasks ` +
			`after the first contentful paint, until the page is quiet, of their time beyond 50 ms (as Lighthouse's ` +
			`total blocking time). Target: ≤ ${TARGET} ms. ${machineLine(version, loadStart, loadEnd)}.` +
			(overloaded(loadStart, loadEnd)
				? ' The machine was busier than its cores during the run: figures are pessimistic.'
				: '') +
			'\n\n' +
			table
	);
}
