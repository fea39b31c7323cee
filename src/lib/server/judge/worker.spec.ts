// Workers end to end: enqueue, judge in the real sandbox, write the result; and what they do when things go wrong.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Database } from '../db';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import { SandboxFailure } from './bubblewrap';
import { demoExercises, seedDemoExercises } from '../exercises/testing';
import type { Language } from './languages';
import * as queue from './queue';
import type { Sandbox } from './sandbox';
import { exercises } from '../db/schema';
import { createSumExercise, sumPrograms, useSandbox } from './testing';
import { runWorkers, type WorkerOptions } from './worker';

const realSandbox = useSandbox();

/** Workers on `sandbox` that resolve `finished(id)` when a submission's result is written. */
function startPool(db: Database, sandbox: Sandbox, options: Partial<WorkerOptions> = {}) {
	const results = new Map<string, { status: string; verdict: string | null }>();
	const waiting = new Map<string, () => void>();
	const pool = runWorkers(db, sandbox, {
		production: true,
		concurrency: 2,
		...options,
		onFinished: (submission) => {
			results.set(submission.id, submission);
			waiting.get(submission.id)?.();
		}
	});
	const finished = async (id: string) => {
		if (!results.has(id)) await new Promise<void>((resolve) => waiting.set(id, resolve));
		return results.get(id);
	};
	return { pool, finished };
}

describeEachDatabase('judge workers', (connection) => {
	const db = () => connection().db;

	async function submit(exerciseId: string, language: Language, source: string, extra: Partial<queue.NewSubmission> = {}) {
		const user = await createUser(db());
		return queue.enqueueSubmission(db(), { userId: user.id, exerciseId, language, mode: 'submit', source, stdin: null, ...extra });
	}

	it('judges submissions in the sandbox and store verdict, per-case results and progress', async () => {
		const exercise = await createSumExercise(db());
		const { pool, finished } = startPool(db(), realSandbox());
		try {
			const python = await submit(exercise.id, 'python', sumPrograms.python);
			const javascript = await submit(exercise.id, 'javascript', sumPrograms.javascript);
			const wrong = await submit(exercise.id, 'python', 'a, b = map(int, input().split())\nprint(a * b)\n');
			const broken = await submit(exercise.id, 'python', 'print(\n');
			expect(await finished(python.id)).toEqual({ id: python.id, status: 'done', verdict: 'AC' });
			expect(await finished(javascript.id)).toMatchObject({ verdict: 'AC' });
			expect(await finished(wrong.id)).toMatchObject({ verdict: 'WA' });
			expect(await finished(broken.id)).toMatchObject({ verdict: 'CE' });

			const stored = await queue.getSubmission(db(), python.id);
			expect(stored).toMatchObject({ status: 'done', verdict: 'AC', casesDone: 5, casesTotal: 5, attempts: 1, sandboxed: true });
			expect(stored?.results?.cases.map((result) => result.verdict)).toEqual(['AC', 'AC', 'AC', 'AC', 'AC']);
			const ce = await queue.getSubmission(db(), broken.id);
			expect(ce?.results).toMatchObject({ cases: [], compileError: { explanation: { code: 'python_syntax_error', line: 1 } } });
		} finally {
			await pool.stop();
		}
	});

	it('shows progress while judging, not only at the end', async () => {
		const exercise = await createSumExercise(db(), { samples: 0, hidden: 6 });
		// The cases after the first wait until the test has seen the progress of the first in the database, so what it
		// sees never depends on how fast the machine judges.
		const real = realSandbox();
		let release = () => {};
		const released = new Promise<void>((resolve) => (release = resolve));
		let runs = 0;
		const gated: Sandbox = {
			...real,
			run: async (request) => {
				if (++runs > 1) await released;
				return real.run(request);
			}
		};
		const { pool, finished } = startPool(db(), gated, { concurrency: 1 });
		try {
			const { id } = await submit(exercise.id, 'python', sumPrograms.python);
			const done = finished(id);
			let stored = await queue.getSubmission(db(), id);
			while (!(stored?.status === 'running' && stored.casesDone > 0)) {
				await new Promise((resolve) => setTimeout(resolve, 40));
				stored = await queue.getSubmission(db(), id);
			}
			expect(stored).toMatchObject({ status: 'running', casesDone: 1, casesTotal: 6 });
			release();
			await done;
			expect(await queue.getSubmission(db(), id)).toMatchObject({ verdict: 'AC', casesDone: 6, casesTotal: 6 });
		} finally {
			release();
			await pool.stop();
		}
	});

	it('run mode: the samples, or the custom input shown without a verdict', async () => {
		const exercise = await createSumExercise(db());
		const { pool, finished } = startPool(db(), realSandbox());
		try {
			const samples = await submit(exercise.id, 'python', sumPrograms.python, { mode: 'run' });
			const custom = await submit(exercise.id, 'python', sumPrograms.python, { mode: 'run', stdin: '40 2\n' });
			await finished(samples.id);
			await finished(custom.id);
			expect(await queue.getSubmission(db(), samples.id)).toMatchObject({ verdict: 'AC', casesDone: 2, casesTotal: 2 });
			const customRun = await queue.getSubmission(db(), custom.id);
			expect(customRun).toMatchObject({ status: 'done', verdict: null, casesTotal: 1 });
			expect(customRun?.results?.cases).toEqual([{ verdict: null, timeMs: expect.any(Number), stdout: '42\n', stderr: '' }]);
		} finally {
			await pool.stop();
		}
	});

	it('a sandbox that keeps failing: three attempts, then IE', async () => {
		const exercise = await createSumExercise(db());
		let runs = 0;
		const broken: Sandbox = {
			sandboxed: true,
			run: async () => {
				runs++;
				throw new SandboxFailure('bwrap: Creating new namespace failed');
			}
		};
		const { pool, finished } = startPool(db(), broken);
		try {
			const { id } = await submit(exercise.id, 'python', sumPrograms.python);
			expect(await finished(id)).toMatchObject({ status: 'failed', verdict: 'IE' });
			expect(runs).toBe(3);
			expect(await queue.getSubmission(db(), id)).toMatchObject({ status: 'failed', verdict: 'IE', attempts: 3, lastError: expect.stringContaining('bwrap') });
		} finally {
			await pool.stop();
		}
	});

	it('stopping abandons the submission being judged: back in the queue, attempt not counted', async () => {
		const exercise = await createSumExercise(db());
		let started!: () => void;
		const running = new Promise<void>((resolve) => (started = resolve));
		const endless: Sandbox = {
			sandboxed: true,
			run: (run) =>
				new Promise((_, reject) => {
					started();
					run.signal?.addEventListener('abort', () => reject(run.signal?.reason));
				})
		};
		const { pool } = startPool(db(), endless, { concurrency: 1 });
		const { id } = await submit(exercise.id, 'python', sumPrograms.python);
		await running;
		await pool.stop();
		expect(await queue.getSubmission(db(), id)).toMatchObject({ status: 'queued', attempts: 0, leaseOwner: null });
		// Not left in the queue for the next test's workers.
		await db().delete(exercises).where(eq(exercises.id, exercise.id));
	});

	it('a worker started elsewhere picks up work by polling', async () => {
		const exercise = await createSumExercise(db());
		const { id } = await submit(exercise.id, 'python', sumPrograms.python);
		const { pool, finished } = startPool(db(), realSandbox(), { pollIntervalMs: 50 });
		try {
			expect(await finished(id)).toMatchObject({ verdict: 'AC' });
		} finally {
			await pool.stop();
		}
	});

	it('the demo exercises are seeded once, and judge reference solutions AC in both languages', async () => {
		await seedDemoExercises(db());
		await seedDemoExercises(db());
		const solutions: Record<string, Record<'python' | 'javascript', string>> = {
			hello: { python: 'print(f"こんにちは、{input()}!")\n', javascript: "console.log(`こんにちは、${require('fs').readFileSync(0, 'utf8').trim()}!`);\n" },
			'sum-of-two-numbers': sumPrograms
		};
		const { pool, finished } = startPool(db(), realSandbox());
		try {
			for (const demo of demoExercises) {
				const rows = await db().select().from(exercises).where(eq(exercises.slug, demo.slug));
				expect(rows).toHaveLength(1);
				for (const language of ['python', 'javascript'] as const) {
					const { id } = await submit(rows[0]!.id, language, solutions[demo.slug]![language]);
					expect(await finished(id), `${demo.slug} in ${language}`).toMatchObject({ verdict: 'AC' });
					expect((await queue.getSubmission(db(), id))?.casesTotal).toBe(5);
				}
			}
		} finally {
			await pool.stop();
		}
	});

	it('one account’s sleeping programs delay another account’s run by at most one of them (fair queue)', async () => {
		const patient = await createUser(db());
		const hog = await createUser(db());
		const limits = { timeLimitMs: 500 };
		const hogExercises = await Promise.all([1, 2, 3].map(() => createSumExercise(db(), { overrides: limits })));
		const runExercise = await createSumExercise(db(), { overrides: limits });
		const { pool, finished } = startPool(db(), realSandbox(), { concurrency: 2 });
		try {
			const sleepers = [];
			for (const exercise of hogExercises) {
				sleepers.push(
					await queue.enqueueSubmission(db(), {
						userId: hog.id,
						exerciseId: exercise.id,
						language: 'python',
						mode: 'submit',
						source: 'import time\ntime.sleep(30)\n',
						stdin: null
					})
				);
			}
			const run = await queue.enqueueSubmission(db(), {
				userId: patient.id,
				exerciseId: runExercise.id,
				language: 'python',
				mode: 'run',
				source: sumPrograms.python,
				stdin: '1 2\n'
			});
			await finished(run.id);
			for (const sleeper of sleepers) expect(await finished(sleeper.id)).toMatchObject({ verdict: 'TLE' });
			const [ran, ...slept] = await Promise.all([run, ...sleepers].map(({ id }) => queue.getSubmission(db(), id)));
			// Both slots were taken by the first two sleepers; the first slot to come free went to the other person,
			// not to the third sleeper, so the run waited for one time limit at most, whatever the machine's speed.
			expect(ran!.startedAt!.getTime()).toBeLessThanOrEqual(slept[2]!.startedAt!.getTime());
			expect(ran!.status).toBe('done');
			// And each sleeper stopped after its first case: one time limit each, not one per case.
			for (const sleeper of slept) expect(sleeper!.results!.cases.filter((result) => !result.notRun)).toHaveLength(1);
		} finally {
			await pool.stop();
		}
	});
});
