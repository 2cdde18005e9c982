#!/usr/bin/env node
/** Builds the site and runs the Playwright end-to-end tests in a real Chromium. Never skips silently. */
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureRsvg } from './find-chromium.js';

const chromium = ensureChromium();
// exported charts are checked in librsvg too (tests/e2e/outline.spec.ts)
ensureRsvg();
const env = { ...process.env, CHROMIUM_PATH: chromium };
const run = (cmd, args) => {
	const r = spawnSync(cmd, args, { stdio: 'inherit', env });
	if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!process.argv.includes('--no-build')) run('npm', ['run', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2).filter((a) => a !== '--no-build')]);
