/**
 * Starts the built dashboard with `scripts/serve.js` for a benchmark or a Lighthouse run: waits until the
 * server answers, fails with a one-line reason if it stops or does not answer in time, and stops the
 * server when the calling process exits.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ port: number, host?: string, buildIfNeeded?: boolean, probe?: string, timeoutMs?: number,
 *   stderr?: 'inherit' | 'ignore' }} options `probe` is the address asked until it answers (default `/`);
 *   `buildIfNeeded` builds first when build/ is missing or stale, so allow it minutes.
 * @returns {Promise<{ server: import('node:child_process').ChildProcess, base: string, stop: () => void }>}
 */
export async function startSite({
	port,
	host,
	buildIfNeeded = false,
	probe = '/',
	timeoutMs = buildIfNeeded ? 300_000 : 15_000,
	stderr = 'ignore'
}) {
	const args = [path.join(root, 'scripts', 'serve.js'), '--port', String(port)];
	if (host) args.push('--host', host);
	if (buildIfNeeded) args.push('--build-if-needed');
	const server = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', stderr] });
	const stop = () => {
		if (server.exitCode === null) server.kill();
	};
	process.on('exit', stop);
	const base = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`the site server stopped (exit ${server.exitCode})`);
		try {
			if ((await fetch(base + probe)).ok) return { server, base, stop };
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			stop();
			throw new Error(`the site server did not answer on port ${port}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}
