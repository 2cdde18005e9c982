/**
 * Shared by the browser benchmarks (render, interaction): machine line, medians, and writing one
 * "## …" section of BENCHMARKS.md in place without touching the others.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length === 0 ? NaN : s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function cpuModel(): string {
	try {
		const m = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m);
		if (m) return m[1].trim();
	} catch {
		// not Linux
	}
	return os.cpus()[0]?.model.trim() ?? 'unknown CPU';
}

/** "2 cores, <cpu>, Node v20…, Chromium …; 1-minute load average a at the start, b at the end". */
export function machineLine(browserVersion: string, loadStart: number, loadEnd: number): string {
	return (
		`${os.cpus().length} cores, ${cpuModel()}, Node ${process.version}, Chromium ${browserVersion}; ` +
		`1-minute load average ${loadStart.toFixed(2)} at the start, ${loadEnd.toFixed(2)} at the end`
	);
}

/** True when the machine was busier than its cores during the run. */
export function overloaded(loadStart: number, loadEnd: number): boolean {
	return Math.max(loadStart, loadEnd) > os.cpus().length;
}

export const today = (): string => new Date().toISOString().slice(0, 10);

export function ms(v: number): string {
	if (!Number.isFinite(v)) return '–';
	return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** Replaces the section that starts with `heading` (up to the next "## ") or appends it. */
export function writeSection(heading: string, body: string): void {
	const file = path.join(root, 'BENCHMARKS.md');
	const doc = existsSync(file)
		? readFileSync(file, 'utf8')
		: '# Benchmarks\n\nMeasured by `npm run bench`; each section is written by its own benchmark.\n';
	const section = `${heading}\n\n${body.trim()}\n`;
	const start = doc.startsWith(`${heading}\n`) ? 0 : doc.indexOf(`\n${heading}\n`) + 1;
	let next: string;
	if (start <= 0 && !doc.startsWith(`${heading}\n`)) next = `${doc.trimEnd()}\n\n${section}`;
	else {
		const after = doc.indexOf('\n## ', start + 1);
		next = doc.slice(0, start) + section + (after < 0 ? '' : '\n' + doc.slice(after + 1));
	}
	writeFileSync(file, next.trimEnd() + '\n');
	console.log(`Wrote the "${heading.replace(/^## /, '')}" section of BENCHMARKS.md`);
}
