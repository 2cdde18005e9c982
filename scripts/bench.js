#!/usr/bin/env node
// Runs the project's benchmarks: every bench/*.ts in name order, or only those named on the command
// line (`npm run bench -- aggregate`, or a path such as bench/aggregate.ts). Each runs in its own
// process with tsx, one after the other so they do not compete for the machine's cores.
// Exits non-zero if any benchmark fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');

function resolveBench(name) {
	const candidates = [name, path.join(benchDir, name), path.join(benchDir, `${name}.ts`)];
	const found = candidates.find((p) => p.endsWith('.ts') && existsSync(p));
	if (!found) throw new Error(`no benchmark named ${name} (looked in ${path.relative(root, benchDir)}/)`);
	return path.resolve(found);
}

const names = process.argv.slice(2);
const files = names.length
	? names.map(resolveBench)
	: existsSync(benchDir)
		? readdirSync(benchDir)
				.filter((f) => f.endsWith('.ts'))
				.sort()
				.map((f) => path.join(benchDir, f))
		: [];

if (files.length === 0) {
	console.log('No benchmarks found in bench/.');
	process.exit(0);
}

const failed = [];
for (const file of files) {
	const rel = path.relative(root, file);
	console.log(`\n▶ ${rel}`);
	const started = Date.now();
	const run = spawnSync('npx', ['tsx', file], { cwd: root, stdio: 'inherit' });
	const secs = ((Date.now() - started) / 1000).toFixed(1);
	if (run.status !== 0) {
		failed.push(rel);
		console.log(`✗ ${rel} failed (exit ${run.status ?? run.signal}) after ${secs} s`);
	} else {
		console.log(`✓ ${rel} finished in ${secs} s`);
	}
}
if (failed.length) {
	console.log(`\n${failed.length} of ${files.length} benchmark(s) failed: ${failed.join(', ')}`);
	process.exit(1);
}
