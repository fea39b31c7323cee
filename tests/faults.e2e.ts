// Faults a real deployment meets: a web server or judge worker killed mid-work, PostgreSQL going away,
// the mail server being down. Each test runs its own processes on its own database.
import { createServer } from 'node:net';
import { eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { test, expect } from '@playwright/test';
import { migrate, openDatabase, type DatabaseConnection } from '../src/lib/server/db';
import { outboxMail, sessions, exerciseCases, exercises } from '../src/lib/server/db/schema';
import { submissions } from '../src/lib/server/judge/schema';
import * as judge from '../src/lib/server/judge';
import * as auth from '../src/lib/server/auth';
import * as mail from '../src/lib/server/mail';
import { createUser } from '../src/lib/server/testing/factories';
import { createDatabase, createPrivateCluster, startJudgeWorker, startWebServer, waitFor } from './support/processes';
import { testBudget } from './environment';

test.describe.configure({ mode: 'serial', timeout: 2 * testBudget });
test.skip(!process.env.TEST_DATABASE_URL, 'TEST_DATABASE_URL is not set');

/** Each case sleeps, so a submission is still being judged when the process dies. */
const slowSum = 'import time\ntime.sleep(0.3)\na, b = map(int, input().split())\nprint(a + b)\n';

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

async function slowExercise(db: DatabaseConnection['db']) {
	const [exercise] = await db
		.insert(exercises)
		.values({
			slug: `fault-${Math.random().toString(16).slice(2, 8)}`,
			titleJa: '足し算',
			titleEn: 'Sum',
			statementJa: 'A + B',
			statementEn: 'A + B',
			languages: ['python'],
			published: true
		})
		.returning();
	await db
		.insert(exerciseCases)
		.values([1, 2, 3, 4].map((n, position) => ({ exerciseId: exercise!.id, position, isSample: true, input: `${n} ${n}\n`, expectedOutput: `${2 * n}\n` })));
	return exercise!;
}

async function open(url: string) {
	const connection = await openDatabase({ url, maxConnections: 2 });
	await migrate(connection);
	return connection;
}

test('a web server killed with -9 mid-judging loses nothing, and each submission is judged once after restart', async () => {
	const database = await createDatabase('itbu_fault_web');
	const connection = await open(database.url);
	const db = connection.db;
	const port = await freePort();
	const env = { DATABASE_URL: database.url, JUDGE_CONCURRENCY: '1', JUDGE_LEASE_MS: '2000' };
	let server = await startWebServer(port, env);
	try {
		const exercise = await slowExercise(db);
		// Five students (one person's newer unstarted submit would replace their older one: judge/queue.ts).
		const students = await Promise.all(Array.from({ length: 5 }, () => createUser(db, { roles: ['student'] })));
		const tokens = await Promise.all(students.map(async (student) => (await auth.createSession(db, student.id)).token));
		const [student] = students;
		const token = tokens[0]!;
		await mail.enqueueMail(db, { kind: 'test', to: student!.email, subject: '件名', text: '本文' });
		const ids: string[] = [];
		for (const sessionToken of tokens) {
			const response = await fetch(`http://127.0.0.1:${port}/api/submissions`, {
				method: 'POST',
				headers: { cookie: `session=${sessionToken}`, 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
				body: JSON.stringify({ exercise: exercise.slug, language: 'python', source: slowSum, mode: 'submit' })
			});
			expect(response.status).toBe(202);
			ids.push(((await response.json()) as { id: string }).id);
		}
		await waitFor('a submission in the middle of judging', async () => {
			const rows = await db.select().from(submissions).where(inArray(submissions.id, ids));
			return rows.some((row) => row.status === 'running' && row.casesDone > 0);
		});
		await server.crash();

		const before = await db.select().from(submissions).where(inArray(submissions.id, ids));
		expect(before.filter((row) => row.status !== 'done').length).toBeGreaterThan(0);
		expect(await db.select().from(sessions).where(eq(sessions.userId, student!.id))).toHaveLength(1);
		expect(await db.select().from(outboxMail).where(eq(outboxMail.toAddress, student!.email))).toHaveLength(1);

		server = await startWebServer(port, env);
		const after = await waitFor('every submission judged', async () => {
			const rows = await db.select().from(submissions).where(inArray(submissions.id, ids));
			return rows.every((row) => row.status === 'done') && rows;
		});
		expect(after).toHaveLength(5);
		for (const row of after) {
			expect(row.verdict).toBe('AC');
			expect(row.results?.cases).toHaveLength(4);
			// Judged once: at most the interrupted attempt and the one that finished.
			expect(row.attempts).toBeLessThanOrEqual(2);
		}
		expect(after.filter((row) => row.attempts === 2).length).toBeGreaterThanOrEqual(1);

		const settings = await fetch(`http://127.0.0.1:${port}/settings`, { headers: { cookie: `session=${token}` }, redirect: 'manual' });
		expect(settings.status).toBe(200);
	} finally {
		await server.stop();
		await connection.close();
		await database.drop();
	}
});

test('a judge worker killed with -9 mid-run: its lease expires and another worker finishes the submission', async () => {
	const database = await createDatabase('itbu_fault_worker');
	const connection = await open(database.url);
	const db = connection.db;
	const env = { DATABASE_URL: database.url, JUDGE_CONCURRENCY: '1', JUDGE_LEASE_MS: '2000' };
	const first = startJudgeWorker(env);
	let second: ReturnType<typeof startJudgeWorker> | undefined;
	try {
		const exercise = await slowExercise(db);
		const student = await createUser(db, { roles: ['student'] });
		const { id } = await judge.enqueueSubmission(db, {
			userId: student.id,
			exerciseId: exercise.id,
			language: 'python',
			mode: 'submit',
			source: slowSum,
			stdin: null
		});
		const running = await waitFor('the first worker judging', async () => {
			const row = await judge.getSubmission(db, id);
			return row?.status === 'running' && row.casesDone > 0 && row;
		});
		await first.crash();
		second = startJudgeWorker(env);
		const done = await waitFor(
			'the second worker finishing',
			async () => {
				const row = await judge.getSubmission(db, id);
				return row?.status === 'done' && row;
			},
			60_000
		);
		expect(done.verdict).toBe('AC');
		expect(done.attempts).toBe(2);
		expect(done.leaseOwner).not.toBe(running.leaseOwner);
	} finally {
		await first.stop();
		await second?.stop();
		await connection.close();
		await database.drop();
	}
});

test('with PostgreSQL stopped, pages answer 503 in Japanese and health says so; the app recovers by itself', async () => {
	const cluster = createPrivateCluster(await freePort());
	const port = await freePort();
	let server: Awaited<ReturnType<typeof startWebServer>> | undefined;
	const connection = await open(cluster.url);
	try {
		const student = await createUser(connection.db, { roles: ['student'] });
		const { token } = await auth.createSession(connection.db, student.id);
		await connection.close();
		server = await startWebServer(port, { DATABASE_URL: cluster.url, JUDGE_CONCURRENCY: '1' });
		const page = (path: string) =>
			fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie: `session=${token}`, accept: 'text/html' }, redirect: 'manual' });
		expect((await page('/student')).status).toBe(200);

		cluster.stop();
		const down = await page('/student');
		expect(down.status).toBe(503);
		expect(await down.text()).toContain('ただいま利用できません');
		const health = await fetch(`http://127.0.0.1:${port}/api/health`);
		expect(health.status).toBe(503);
		expect(await health.json()).toEqual({ status: 'unavailable', database: 'unreachable' });

		cluster.start();
		await waitFor('the app to recover', async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).ok);
		expect((await page('/student')).status).toBe(200);
		expect(server.process.exitCode).toBeNull();
	} finally {
		await server?.stop();
		cluster.destroy();
	}
});

test('with the mail server unreachable, mails wait in the outbox and go out when it returns', async () => {
	const database = await createDatabase('itbu_fault_mail');
	const connection = await open(database.url);
	const db = connection.db;
	const smtpPort = await freePort();
	const port = await freePort();
	const received: string[] = [];
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onData(stream, session, callback) {
			let data = '';
			stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
			stream.on('end', () => {
				received.push(data);
				callback();
			});
		}
	});
	const server = await startWebServer(port, { DATABASE_URL: database.url, JUDGE_CONCURRENCY: '0', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
	try {
		await mail.enqueueMail(db, { kind: 'test', to: 'guardian@example.jp', subject: 'お知らせ', text: '本文です' });
		const failed = await waitFor('a failed delivery attempt', async () => {
			const [row] = await db.select().from(outboxMail).where(eq(outboxMail.toAddress, 'guardian@example.jp'));
			return row && row.attempts >= 1 && row;
		});
		expect(failed.sentAt).toBeNull();
		expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);

		await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
		// Skip the backoff wait (its schedule has its own unit test) instead of sleeping through it.
		await db.update(outboxMail).set({ nextAttemptAt: new Date() }).where(eq(outboxMail.id, failed.id));
		const sent = await waitFor('the mail to go out', async () => {
			const [row] = await db.select().from(outboxMail).where(eq(outboxMail.id, failed.id));
			return row?.sentAt ? row : undefined;
		});
		expect(sent.attempts).toBe(1);
		expect(received).toHaveLength(1);
		expect(received[0]).toContain('guardian@example.jp');
	} finally {
		await server.stop();
		await new Promise<void>((resolve) => smtp.close(() => resolve()));
		await connection.close();
		await database.drop();
	}
});
