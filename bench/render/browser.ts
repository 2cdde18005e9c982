/**
 * Shared by the browser benchmarks: Debian's Chromium through Playwright (it cannot download its own
 * browser here), with a GC the page can call, and a static server for a directory on a fixed port.
 */
import { createServer, type Server } from 'node:http';
import { chromium, type Browser } from '@playwright/test';
import sirv from 'sirv';
// @ts-expect-error plain JavaScript module without types
import { CHROMIUM_FLAGS, findChromium } from '../../scripts/find-chromium.js';

export async function launch(): Promise<Browser> {
	const executablePath = (findChromium() as string | null) ?? undefined;
	return chromium.launch({
		executablePath,
		args: [...CHROMIUM_FLAGS, '--font-render-hinting=none', '--js-flags=--expose-gc']
	});
}

/** Serves `dir` on 127.0.0.1:`port`. */
export async function serveDir(dir: string, port: number): Promise<Server> {
	const assets = sirv(dir, { dev: true, extensions: ['html'] });
	const server = createServer((req, res) =>
		assets(req, res, () => {
			res.writeHead(404).end('not found');
		})
	);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	return server;
}
