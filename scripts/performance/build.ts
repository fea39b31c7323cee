// The benchmarks measure the production build (`node build`, `node build/judge-worker.js`); rebuild it when any
// source is newer.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestModification(directory: string): number {
	let newest = 0;
	for (const entry of readdirSync(directory, { withFileTypes: true })) {
		const path = join(directory, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
	}
	return newest;
}

export function ensureFreshBuild(root = '.'): void {
	const built = join(root, 'build', 'index.js');
	// The compiled judge worker (tests/support/processes.ts starts it) is made by the same `npm run build`.
	const worker = join(root, 'build', 'judge-worker.js');
	const stale = !existsSync(built) || !existsSync(worker) || newestModification(join(root, 'src')) > statSync(built).mtimeMs;
	if (!stale) return;
	console.log('build/ is missing or older than src/: npm run build …');
	try {
		execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
	} catch (error) {
		const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
		console.error(`${stdout ?? ''}${stderr ?? ''}`);
		throw new Error('npm run build failed', { cause: error });
	}
}
