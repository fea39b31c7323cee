// The standalone worker, as deployed: its own process on a real Postgres, stopped by SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type DatabaseConnection } from '../src/lib/server/db';
import { createUser } from '../src/lib/server/testing/factories';
import * as judge from '../src/lib/server/judge';
import { createSumExercise, sumPrograms } from '../src/lib/server/judge/testing';

const testDatabaseUrl = process.env.TEST_DATABASE_URL;

describe.skipIf(!testDatabaseUrl)('scripts/judge-worker.ts', () => {
	const name = `itbu_test_worker_${randomBytes(6).toString('hex')}`;
	const url = new URL(testDatabaseUrl ?? 'postgres://unset');
	url.pathname = `/${name}`;
	let admin: postgres.Sql;
	let connection: DatabaseConnection;

	beforeAll(async () => {
		admin = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		connection = await openDatabase({ url: url.toString(), maxConnections: 2 });
		await migrate(connection);
	});
	afterAll(async () => {
		await connection?.close();
		await admin?.unsafe(`drop database if exists ${name} with (force)`);
		await admin?.end();
	});

	it('judges what the web server enqueues, and exits 0 on SIGTERM', { timeout: 30_000 }, async () => {
		const db = connection.db;
		const exercise = await createSumExercise(db);
		const user = await createUser(db);
		const { id } = await judge.enqueueSubmission(db, {
			userId: user.id,
			exerciseId: exercise.id,
			language: 'python',
			mode: 'submit',
			source: sumPrograms.python,
			stdin: null
		});

		// tsx itself, not npx: npx does not pass SIGTERM on to the program.
		const worker = spawn('node_modules/.bin/tsx', ['scripts/judge-worker.ts'], {
			env: { ...process.env, DATABASE_URL: url.toString(), JUDGE_CONCURRENCY: '1', NODE_ENV: 'production' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		worker.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		worker.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => worker.on('exit', (code) => resolve(code)));

		try {
			let submission = await judge.getSubmission(db, id);
			for (let waited = 0; submission?.status !== 'done' && waited < 20_000; waited += 100) {
				await new Promise((resolve) => setTimeout(resolve, 100));
				submission = await judge.getSubmission(db, id);
			}
			expect(submission, output).toMatchObject({ status: 'done', verdict: 'AC', sandboxed: true });

			worker.kill('SIGTERM');
			expect(await exited, output).toBe(0);
			expect(output).toMatch(/judge worker stopped/);
		} finally {
			if (worker.exitCode === null) worker.kill('SIGKILL');
		}
	});
});
