// The production install as the README gives it: what `npm run build` made, copied to a folder of its own with the
// migrations and the exercise folders, `npm ci --omit=dev` there (no Vite, no tsx, no TypeScript), then the compiled
// scripts, the web server and a judge worker, all in production mode and judging in the real sandbox.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { test, expect } from '@playwright/test';
import { migrate, openDatabase } from '../src/lib/server/db';
import * as judge from '../src/lib/server/judge';
import * as auth from '../src/lib/server/auth';
import { createUser } from '../src/lib/server/testing/factories';
import { createDatabase, startJudgeWorker, startWebServer, waitFor, type RunningProcess } from './support/processes';
import { testBudget } from './environment';

const run = promisify(execFile);

test.describe.configure({ mode: 'serial', timeout: 2 * testBudget });
test.skip(!process.env.TEST_DATABASE_URL, 'TEST_DATABASE_URL is not set');

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** What a production machine holds: the build, the package files, the migrations and the exercise folders. */
async function copyRelease(folder: string) {
	for (const path of ['build', 'package.json', 'package-lock.json', 'supabase/migrations', 'src/content/exercises']) {
		await cp(path, join(folder, path), { recursive: true });
	}
}

test('npm ci --omit=dev, then the compiled scripts, node build and node build/judge-worker.js work', async ({ page }) => {
	const folder = await mkdtemp(join(tmpdir(), 'itbu-release-'));
	const database = await createDatabase('itbu_release');
	const processes: RunningProcess[] = [];
	try {
		await copyRelease(folder);
		await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: folder, timeout: 180_000 });
		for (const tool of ['vite', 'tsx', 'typescript', '@sveltejs/kit', 'monaco-editor']) {
			expect(existsSync(join(folder, 'node_modules', tool)), `${tool} is a development dependency`).toBe(false);
		}

		const env = { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'production' };
		const migrated = await run(process.execPath, ['build/migrate.js'], { cwd: folder, env });
		expect(migrated.stdout).toMatch(/^Applied: \d{14}/);
		const admin = await run(process.execPath, ['build/admin.js', 'create-coordinator', '--email', 'release@example.jp', '--name', '事務局'], {
			cwd: folder,
			env: { ...env, ADMIN_PASSWORD: 'release-check-2026' }
		});
		expect(admin.stdout).toBe('Created coordinator release@example.jp.\n');
		const imported = await run(process.execPath, ['build/content-import.js'], { cwd: folder, env });
		expect(imported.stdout).toMatch(/^ {2}added \(61\): hello-world, /m);

		const port = await freePort();
		const server = await startWebServer(port, { DATABASE_URL: database.url, JUDGE_IN_PROCESS: '0' }, { cwd: folder });
		processes.push(server);
		const worker = startJudgeWorker({ DATABASE_URL: database.url, JUDGE_CONCURRENCY: '1' }, { cwd: folder });
		processes.push(worker);
		await waitFor(`the worker to start\n${worker.output()}`, async () => /"judge worker started".*"sandboxed":true/.test(worker.output()));

		await page.goto(`http://127.0.0.1:${port}/login`);
		await expect(page.getByRole('button', { name: 'ログインする' })).toBeVisible();

		const connection = await openDatabase({ url: database.url, maxConnections: 2 });
		try {
			await migrate(connection);
			const student = await createUser(connection.db, { roles: ['student'] });
			const { token } = await auth.createSession(connection.db, student.id);
			const response = await fetch(`http://127.0.0.1:${port}/api/submissions`, {
				method: 'POST',
				headers: { cookie: `session=${token}`, 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
				body: JSON.stringify({
					exercise: 'hello-world',
					language: 'javascript',
					source: await readFile('src/content/exercises/hello-world/solution.js', 'utf8'),
					mode: 'submit'
				})
			});
			expect(response.status).toBe(202);
			const { id } = (await response.json()) as { id: string };
			const judged = await waitFor('the worker judging the submission', async () => {
				const row = await judge.getSubmission(connection.db, id);
				return row?.status === 'done' && row;
			});
			expect(judged).toMatchObject({ verdict: 'AC', sandboxed: true });
		} finally {
			await connection.close();
		}
	} finally {
		for (const process of processes) await process.stop();
		await database.drop();
		await rm(folder, { recursive: true, force: true });
	}
});
