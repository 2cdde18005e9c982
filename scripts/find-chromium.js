/**
 * Finds a Chromium for Playwright (it cannot download its own browser here): CHROMIUM_PATH, then
 * /usr/bin/chromium, chromium-browser, google-chrome. When none is found and we are root on
 * Debian/Ubuntu, installs Debian's `chromium`; otherwise stops with a one-line message.
 */
import { existsSync } from 'node:fs';
import { execSync, spawnSync } from 'node:child_process';

/** The flags every headless Chromium run here uses (tests, benchmarks, Lighthouse): no sandbox, GPU or QUIC,
 * and no background traffic or first-run work that would disturb a measurement. */
export const CHROMIUM_FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

function which(cmd) {
	const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}

export function findChromium() {
	if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
	for (const cmd of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
		const p = which(cmd);
		if (p) return p;
	}
	return null;
}

export function ensureChromium() {
	let path = findChromium();
	if (path) return path;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const hasApt = existsSync('/usr/bin/apt-get');
	if (isRoot && hasApt) {
		console.log('No Chromium found: installing Debian’s chromium package…');
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
			stdio: 'inherit'
		});
		path = findChromium();
		if (path) return path;
	}
	console.error(
		'No Chromium found for the end-to-end tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to its binary.'
	);
	process.exit(1);
}

/**
 * `rsvg-convert` (librsvg, what many CMSs and converters use to turn SVG into PNG), for the export checks.
 * Installed from Debian's `librsvg2-bin` when missing and we are root; otherwise stops with a message.
 */
export function ensureRsvg() {
	let path = which('rsvg-convert');
	if (path) return path;
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	if (isRoot && existsSync('/usr/bin/apt-get')) {
		console.log('No rsvg-convert found: installing Debian’s librsvg2-bin package…');
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq librsvg2-bin', {
			stdio: 'inherit'
		});
		path = which('rsvg-convert');
		if (path) return path;
	}
	console.error(
		'No rsvg-convert found for the export checks: install it (Debian/Ubuntu: `sudo apt-get install librsvg2-bin`) or put it on PATH.'
	);
	process.exit(1);
}
