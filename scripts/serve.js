#!/usr/bin/env node
/**
 * Serves the built dashboard (build/) with a real static file server: sirv, with the precompressed
 * .br/.gz files the build writes, long caching for hashed assets, and the security headers a static host
 * should send. `--build-if-needed` builds first when build/ is missing or older than the sources.
 *
 * Usage: node scripts/serve.js [--build-if-needed] [--port 4173] [--host ::]
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import sirv from 'sirv';
import { SECURITY_HEADERS, securityHeaders } from './security-headers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(root, 'build');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
	const i = args.indexOf(name);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(flag('--port', process.env.PORT ?? 4173));
const host = flag('--host', process.env.HOST ?? undefined);

/** Newest modification time among the files that make the site. */
function newestSource() {
	let newest = 0;
	const visit = (p) => {
		if (!existsSync(p)) return;
		const st = statSync(p);
		if (st.isDirectory()) {
			for (const name of readdirSync(p)) visit(join(p, name));
		} else newest = Math.max(newest, st.mtimeMs);
	};
	for (const p of ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json']) {
		visit(join(root, p));
	}
	return newest;
}

if (args.includes('--build-if-needed')) {
	const stamp = join(buildDir, 'index.html');
	const stale = !existsSync(stamp) || statSync(stamp).mtimeMs < newestSource();
	if (stale) {
		console.log('Building the dashboard (build/ is missing or older than the sources)…');
		const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
		if (r.status !== 0) process.exit(r.status ?? 1);
	}
}

if (!existsSync(join(buildDir, 'index.html'))) {
	console.error('No build found in build/. Run `npm run build` first (or `npm start`, which builds).');
	process.exit(1);
}

const assets = sirv(buildDir, {
	extensions: ['html'],
	gzip: true,
	brotli: true,
	etag: true,
	setHeaders(res, pathname) {
		// the embed pages may be framed by any site; every other file keeps frame-ancestors 'self'
		for (const [k, v] of Object.entries(securityHeaders(pathname))) res.setHeader(k, v);
		if (pathname.startsWith('/_app/immutable/')) {
			res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
		} else {
			res.setHeader('Cache-Control', 'public, max-age=0, must-revalidate');
		}
		if (pathname.endsWith('.csv')) res.setHeader('Content-Type', 'text/csv; charset=utf-8');
		if (pathname === '/service-worker.js') res.setHeader('Service-Worker-Allowed', '/');
	}
});

/**
 * The 404 page of the path's language (/en/… or /zh/…); outside them the root one, which speaks the
 * reader's saved or browser language once it runs.
 */
function notFound(req, res) {
	const lang = /^\/(en|zh)(\/|$)/.exec(req.url ?? '')?.[1];
	const pages = [lang ? join(buildDir, lang, '404.html') : '', join(buildDir, '404.html')];
	const page = pages.find((p) => p && existsSync(p));
	res.statusCode = 404;
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
	res.setHeader('Content-Type', page ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8');
	res.end(page ? readFileSync(page) : 'Not found');
}

const server = createServer((req, res) => {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.statusCode = 405;
		for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
		res.setHeader('Allow', 'GET, HEAD');
		res.end();
		return;
	}
	assets(req, res, () => notFound(req, res));
});

// A file that disappears while it is being streamed (a rebuild replacing build/) or a client that hangs
// up mid-response must not take the server down: log it and keep serving.
process.on('uncaughtException', (err) => {
	if (['ENOENT', 'EPIPE', 'ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE'].includes(err?.code)) {
		console.error(`serve: ${err.code}: ${err.message}`);
		return;
	}
	throw err;
});
/**
 * A request the parser refuses still gets an answer: 414 when its address alone is too long, 431 when its
 * headers are (Node stops reading at 16 KB), 400 for anything else malformed; with the security headers,
 * then the connection is closed.
 */
function refusal(err) {
	if (err?.code !== 'HPE_HEADER_OVERFLOW') return [400, 'Bad Request'];
	const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket : Buffer.alloc(0);
	const lineEnd = raw.indexOf('\r\n');
	return lineEnd === -1 || lineEnd > 8192 ? [414, 'URI Too Long'] : [431, 'Request Header Fields Too Large'];
}
server.on('clientError', (err, socket) => {
	if (!socket.writable || err?.code === 'ECONNRESET') {
		socket.destroy();
		return;
	}
	const [status, text] = refusal(err);
	const headers = Object.entries({ ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
		.map(([k, v]) => `${k}: ${v}\r\n`)
		.join('');
	socket.end(
		`HTTP/1.1 ${status} ${text}\r\n${headers}Content-Length: ${text.length}\r\nConnection: close\r\n\r\n${text}`
	);
});

server.listen(port, host, () => {
	console.log(`Dashboard: http://localhost:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
