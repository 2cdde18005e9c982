#!/usr/bin/env node
/**
 * The whole test suite, in order: type-check, lint, unit + component tests, end-to-end tests.
 * Stops at the first stage that fails and says which.
 */
import { spawnSync } from 'node:child_process';

const stages = [
	['type-check', 'npm', ['run', 'check']],
	['lint', 'npm', ['run', 'lint']],
	['unit + component tests', 'npx', ['vitest', 'run']],
	['end-to-end tests', 'node', ['scripts/e2e.js']]
];

const started = Date.now();
for (const [name, cmd, args] of stages) {
	const t0 = Date.now();
	console.log(`\n=== ${name} ===`);
	const r = spawnSync(cmd, args, { stdio: 'inherit' });
	const secs = ((Date.now() - t0) / 1000).toFixed(1);
	if (r.status !== 0) {
		console.error(`\n✗ ${name} failed after ${secs} s`);
		process.exit(r.status ?? 1);
	}
	console.log(`✓ ${name} (${secs} s)`);
}
console.log(`\nAll stages passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
