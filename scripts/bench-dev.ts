// `npm run bench:dev [-- --cold-vite]`: a newcomer's first start. Runs `vite dev` (what `npm run dev` runs) on a new,
// empty embedded database and times, from the start of the command: Vite ready, the demo accounts printed, the first
// page answering, and the first coordinator login through to the dashboard. `--cold-vite` first deletes Vite's
// dependency cache (node_modules/.vite), as on a fresh clone. Prints figures (`dev first page ms: N`); asserts nothing.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './performance/ports';

const coldVite = process.argv.includes('--cold-vite');
if (coldVite) await rm('node_modules/.vite', { recursive: true, force: true });

const loadAtStart = loadavg()[0]!;
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const pgliteDir = await mkdtemp(join(tmpdir(), 'itbu-bench-dev-'));
const started = performance.now();
const elapsed = () => Math.round(performance.now() - started);
const marks: Record<string, number> = {};

const server = spawn('node_modules/.bin/vite', ['dev', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
	env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: '', NODE_ENV: 'development', SEED_DEMO: '1', FORCE_COLOR: '0' },
	stdio: ['ignore', 'pipe', 'pipe'],
	detached: true
});
let output = '';
const watch = (chunk: Buffer) => {
	output += chunk.toString();
	if (marks.viteReady === undefined && /ready in/.test(output)) marks.viteReady = elapsed();
	if (marks.demoAccounts === undefined && /Demo accounts/.test(output)) marks.demoAccounts = elapsed();
};
server.stdout.on('data', watch);
server.stderr.on('data', watch);

async function until<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 300_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const result = await attempt().catch(() => undefined);
		if (result !== undefined) return result;
		if (Date.now() > deadline) throw new Error(`${what}: no answer within ${timeoutMs / 1000} s\n${output}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

try {
	await until('first page', async () => {
		const response = await fetch(`${origin}/`);
		return response.ok && (await response.text()).includes('</html>') ? true : undefined;
	});
	marks.firstPage = elapsed();

	// The first coordinator login, as a person does it: the login form, then the dashboard it leads to.
	const loginStarted = performance.now();
	await fetch(`${origin}/login`);
	const login = await fetch(`${origin}/login`, {
		method: 'POST',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: 'coordinator@demo.itbu.jp', password: 'itbu-demo-2026' }),
		redirect: 'manual'
	});
	const cookie = login.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
	if (login.status !== 303 || !cookie.includes('session')) throw new Error(`login failed: ${login.status} ${(await login.text()).slice(0, 3000)}`);
	const dashboard = await fetch(`${origin}/coordinator`, { headers: { cookie, accept: 'text/html' } });
	if (!dashboard.ok) throw new Error(`dashboard: ${dashboard.status}`);
	await dashboard.text();
	const loginMs = Math.round(performance.now() - loginStarted);

	console.log(`vite dependency cache: ${coldVite ? 'cold (deleted first)' : 'as found'}`);
	console.log(`machine load (1-minute average, ${cpus().length} cores): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`);
	console.log(`dev vite ready ms: ${marks.viteReady ?? 'not seen'}`);
	console.log(`dev demo accounts printed ms: ${marks.demoAccounts ?? 'not seen'}`);
	console.log(`dev first coordinator login and dashboard ms: ${loginMs}`);
	console.log(`dev first page ms: ${marks.firstPage}`);
} finally {
	if (server.pid) process.kill(-server.pid, 'SIGTERM');
	await new Promise((resolve) => setTimeout(resolve, 500));
	await rm(pgliteDir, { recursive: true, force: true });
}
