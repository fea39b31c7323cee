// The queue's guarantees, on PGlite and on real Postgres: each submission judged once, whatever workers do.
import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import type { JudgeReport } from './judge';
import { onSubmissionQueued } from './events';
import * as queue from './queue';
import { createSumExercise, expireLease, sumPrograms } from './testing';

const acceptedReport = (cases = 1): JudgeReport => ({
	verdict: 'AC',
	cases: Array.from({ length: cases }, () => ({ verdict: 'AC' as const, timeMs: 10, stdout: '3\n', stderr: '' })),
	sandboxed: true
});

describeEachDatabase('judge queue', (connection) => {
	const db = () => connection().db;

	async function enqueue(overrides: Partial<queue.NewSubmission> = {}) {
		const user = await createUser(db());
		const exercise = await createSumExercise(db());
		const submission = {
			userId: user.id,
			exerciseId: exercise.id,
			language: 'python' as const,
			mode: 'submit' as const,
			source: sumPrograms.python,
			stdin: null,
			...overrides
		};
		return { ...(await queue.enqueueSubmission(db(), submission)), user, exercise };
	}

	/** Claims until the queue is empty; leaves every claimed row running (so nobody claims it again). */
	async function claimAll(workerId: string): Promise<string[]> {
		const claimed: string[] = [];
		for (let next = await queue.claimNext(db(), workerId, 60_000); next; next = await queue.claimNext(db(), workerId, 60_000)) {
			claimed.push(next.submission.id);
		}
		return claimed;
	}

	it('knows how many cases a submission has: all to submit, the samples to run, one for custom input', async () => {
		const submitted = await enqueue();
		const run = await enqueue({ mode: 'run' });
		const custom = await enqueue({ mode: 'run', stdin: '4 5\n' });
		const totals = await Promise.all([submitted, run, custom].map(async ({ id }) => (await queue.getSubmission(db(), id))?.casesTotal));
		expect(totals).toEqual([5, 2, 1]);
		expect(await queue.getSubmission(db(), submitted.id)).toMatchObject({ status: 'queued', attempts: 0, verdict: null });
		await claimAll('cleanup');
	});

	it('refuses submissions its exercise does not take', async () => {
		const user = await createUser(db());
		const base = { userId: user.id, mode: 'submit' as const, source: 'print(1)', stdin: null };
		const pythonOnly = await createSumExercise(db(), { overrides: { languages: ['python'] } });
		await expect(queue.enqueueSubmission(db(), { ...base, exerciseId: pythonOnly.id, language: 'javascript' })).rejects.toMatchObject({
			reason: 'language_not_allowed'
		});
		const empty = await createSumExercise(db(), { samples: 0, hidden: 0 });
		await expect(queue.enqueueSubmission(db(), { ...base, exerciseId: empty.id, language: 'python' })).rejects.toMatchObject({ reason: 'no_cases' });
		await expect(queue.enqueueSubmission(db(), { ...base, exerciseId: crypto.randomUUID(), language: 'python' })).rejects.toMatchObject({
			reason: 'exercise_not_found'
		});
		expect(await queue.claimNext(db(), 'worker', 60_000)).toBeUndefined();
	});

	it('validates what a student sends at the boundary', () => {
		const valid = { exerciseId: crypto.randomUUID(), language: 'python', mode: 'run', source: 'print(1)' };
		expect(queue.newSubmissionSchema.parse(valid)).toEqual({ ...valid, stdin: null });
		expect(queue.newSubmissionSchema.safeParse({ ...valid, language: 'ruby' }).success).toBe(false);
		expect(queue.newSubmissionSchema.safeParse({ ...valid, source: 'x'.repeat(queue.maxSourceBytes + 1) }).success).toBe(false);
		expect(queue.newSubmissionSchema.safeParse({ ...valid, mode: 'submit', stdin: '1' }).success).toBe(false);
	});

	it('two workers claiming at once get each submission exactly once', async () => {
		const ids = [];
		for (let index = 0; index < 12; index++) ids.push((await enqueue()).id);
		const [first, second] = await Promise.all([claimAll('worker-a'), claimAll('worker-b')]);
		const all = [...first!, ...second!];
		expect(new Set(all).size).toBe(all.length);
		expect([...all].sort()).toEqual([...ids].sort());
	});

	it('claims the oldest first and records the attempt', async () => {
		const older = await enqueue();
		const newer = await enqueue();
		const claimed = await queue.claimNext(db(), 'worker', 60_000);
		expect(claimed?.submission).toMatchObject({ id: older.id, status: 'running', attempts: 1 });
		expect(claimed?.submission.startedAt).toBeInstanceOf(Date);
		expect((await queue.claimNext(db(), 'worker', 60_000))?.submission.id).toBe(newer.id);
	});

	it('an expired lease returns the submission to another worker, and only that one’s verdict is written', async () => {
		const { id } = await enqueue();
		const stale = await queue.claimNext(db(), 'slow-worker', 60_000);
		expect(stale?.submission.id).toBe(id);
		expect(await queue.claimNext(db(), 'other-worker', 60_000)).toBeUndefined();
		await expireLease(db(), id);
		const fresh = await queue.claimNext(db(), 'other-worker', 60_000);
		expect(fresh?.submission).toMatchObject({ id, attempts: 2 });

		expect(await queue.heartbeat(db(), stale!.lease)).toBe(false);
		expect(await queue.recordProgress(db(), stale!.lease, { casesDone: 1, casesTotal: 5 })).toBe(false);
		expect(await queue.completeSubmission(db(), stale!.lease, { ...acceptedReport(), verdict: 'WA' })).toBe(false);
		expect(await queue.completeSubmission(db(), fresh!.lease, acceptedReport(5))).toBe(true);
		// The stale worker finishing late changes nothing, and completing again is a no-op.
		expect(await queue.completeSubmission(db(), stale!.lease, { ...acceptedReport(), verdict: 'WA' })).toBe(false);
		expect(await queue.completeSubmission(db(), fresh!.lease, { ...acceptedReport(), verdict: 'TLE' })).toBe(false);
		expect(await queue.getSubmission(db(), id)).toMatchObject({ status: 'done', verdict: 'AC', casesDone: 5, attempts: 2, sandboxed: true });
		expect((await queue.getSubmission(db(), id))?.finishedAt).toBeInstanceOf(Date);
	});

	it('a heartbeat extends the lease', async () => {
		const { id } = await enqueue();
		const claimed = await queue.claimNext(db(), 'worker', 60_000);
		await expireLease(db(), id, { byMs: -1_000 });
		expect(await queue.heartbeat(db(), claimed!.lease)).toBe(true);
		expect((await queue.getSubmission(db(), id))!.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
		expect(await queue.claimNext(db(), 'thief', 60_000)).toBeUndefined();
		expect((await queue.getSubmission(db(), id))?.leaseOwner).toBe(claimed!.lease.owner);
		await queue.completeSubmission(db(), claimed!.lease, acceptedReport());
	});

	it('records progress as cases finish', async () => {
		const { id } = await enqueue();
		const claimed = await queue.claimNext(db(), 'worker', 60_000);
		expect(await queue.recordProgress(db(), claimed!.lease, { casesDone: 0, casesTotal: 5 })).toBe(true);
		for (const casesDone of [1, 2, 3]) {
			expect(await queue.recordProgress(db(), claimed!.lease, { casesDone, casesTotal: 5 })).toBe(true);
			expect(await queue.getSubmission(db(), id)).toMatchObject({ casesDone, casesTotal: 5, status: 'running' });
		}
		await queue.completeSubmission(db(), claimed!.lease, acceptedReport(5));
	});

	it('a judge failure is retried, and after 3 attempts the submission fails as IE', async () => {
		const { id } = await enqueue();
		const statuses = [];
		for (let attempt = 1; attempt <= queue.maxAttempts; attempt++) {
			const claimed = await queue.claimNext(db(), 'worker', 60_000);
			expect(claimed?.submission).toMatchObject({ id, attempts: attempt });
			statuses.push(await queue.failOrRetry(db(), claimed!.lease, `sandbox broke (${attempt})`));
		}
		expect(statuses).toEqual(['queued', 'queued', 'failed']);
		expect(await queue.getSubmission(db(), id)).toMatchObject({ status: 'failed', verdict: 'IE', attempts: 3, lastError: 'sandbox broke (3)' });
		expect(await queue.claimNext(db(), 'worker', 60_000)).toBeUndefined();
	});

	it('a submission whose worker died on every attempt fails as IE instead of being claimed a fourth time', async () => {
		const { id } = await enqueue();
		for (let attempt = 1; attempt <= queue.maxAttempts; attempt++) {
			expect((await queue.claimNext(db(), `dying-worker-${attempt}`, 60_000))?.submission.id).toBe(id);
			await expireLease(db(), id);
		}
		expect(await queue.claimNext(db(), 'worker', 60_000)).toBeUndefined();
		expect(await queue.getSubmission(db(), id)).toMatchObject({ status: 'failed', verdict: 'IE', attempts: 3 });
	});

	it('a released submission goes back to the queue without using up an attempt', async () => {
		const { id } = await enqueue();
		const claimed = await queue.claimNext(db(), 'stopping-worker', 60_000);
		await queue.releaseSubmission(db(), claimed!.lease);
		expect(await queue.getSubmission(db(), id)).toMatchObject({ status: 'queued', attempts: 0, leaseOwner: null });
		expect((await queue.claimNext(db(), 'worker', 60_000))?.submission).toMatchObject({ id, attempts: 1 });
	});

	it('wakes this process’s idle workers when a submission is enqueued', async () => {
		let woken = 0;
		const stop = onSubmissionQueued(() => woken++);
		await enqueue();
		stop();
		await enqueue();
		expect(woken).toBe(1);
		await claimAll('cleanup');
	});

	describe('fairness at a club session', () => {
		async function enqueueFor(user: { id: string }, exercise: { id: string }, mode: 'run' | 'submit' = 'submit') {
			return queue.enqueueSubmission(db(), { userId: user.id, exerciseId: exercise.id, language: 'python', mode, source: sumPrograms.python, stdin: null });
		}

		it('a person holding a judge slot waits while someone else has nothing being judged', async () => {
			const [busy, other] = [await createUser(db()), await createUser(db())];
			const exercises = await Promise.all([1, 2, 3].map(() => createSumExercise(db())));
			const held = await enqueueFor(busy, exercises[0]!);
			expect((await queue.claimNext(db(), 'worker', 60_000))?.submission.id).toBe(held.id);
			const busyMore = [await enqueueFor(busy, exercises[1]!), await enqueueFor(busy, exercises[2]!)];
			const othersOne = await enqueueFor(other, exercises[0]!);
			// Newest of all, but its author has nothing running.
			expect((await queue.claimNext(db(), 'worker', 60_000))?.submission.id).toBe(othersOne.id);
			// Only the busy person is left: their work is not held back for nobody.
			expect((await queue.claimNext(db(), 'worker', 60_000))?.submission.id).toBe(busyMore[0]!.id);
			await claimAll('cleanup');
		});

		it('among the waiting, the person with the fewest in flight goes first, and a run before a submit', async () => {
			const [many, few, runner] = [await createUser(db()), await createUser(db()), await createUser(db())];
			const exercises = await Promise.all([1, 2, 3].map(() => createSumExercise(db())));
			for (const exercise of exercises) await enqueueFor(many, exercise);
			const fewOnly = await enqueueFor(few, exercises[0]!);
			const run = await enqueueFor(runner, exercises[0]!, 'run');
			const order = await claimAll('worker');
			expect(order.slice(0, 2)).toEqual([run.id, fewOnly.id]);
			expect(order).toHaveLength(5);
		});

		it('claims are serialised: two workers never both give a slot to one person while another waits', async () => {
			const [first, second] = [await createUser(db()), await createUser(db())];
			const exercises = await Promise.all([1, 2].map(() => createSumExercise(db())));
			for (const exercise of exercises) await enqueueFor(first, exercise);
			for (const exercise of exercises) await enqueueFor(second, exercise);
			const claimed = await Promise.all([queue.claimNext(db(), 'worker-a', 60_000), queue.claimNext(db(), 'worker-b', 60_000)]);
			expect(new Set(claimed.map((claim) => claim?.submission.userId))).toEqual(new Set([first.id, second.id]));
			await claimAll('cleanup');
		});
	});

	describe('a newer submit replaces an older one that has not started', () => {
		it('the older one is marked replaced, pointing at the newer; it is never judged', async () => {
			const older = await enqueue();
			const newer = await queue.enqueueSubmission(db(), {
				userId: older.user.id,
				exerciseId: older.exercise.id,
				language: 'python',
				mode: 'submit',
				source: 'print(1)\n',
				stdin: null
			});
			expect(newer.replaced).toEqual([older.id]);
			expect(await queue.getSubmission(db(), older.id)).toMatchObject({ status: 'replaced', replacedBy: newer.id, verdict: null });
			expect(await claimAll('worker')).toEqual([newer.id]);
		});

		it('not one in another language: both are judged', async () => {
			const python = await enqueue();
			const javascript = await queue.enqueueSubmission(db(), {
				userId: python.user.id,
				exerciseId: python.exercise.id,
				language: 'javascript',
				mode: 'submit',
				source: 'console.log(1)\n',
				stdin: null
			});
			expect(javascript.replaced).toEqual([]);
			expect(new Set(await claimAll('worker'))).toEqual(new Set([python.id, javascript.id]));
		});

		it('not one that is being judged, not another mode, exercise or person', async () => {
			const started = await enqueue();
			await queue.claimNext(db(), 'worker', 60_000);
			const base = { userId: started.user.id, exerciseId: started.exercise.id, language: 'python' as const, source: 'print(1)\n', stdin: null };
			const run = await queue.enqueueSubmission(db(), { ...base, mode: 'run' });
			const submit = await queue.enqueueSubmission(db(), { ...base, mode: 'submit' });
			expect(run.replaced).toEqual([]);
			expect(submit.replaced).toEqual([]);
			const stranger = await createUser(db());
			const strangers = await queue.enqueueSubmission(db(), { ...base, userId: stranger.id, mode: 'submit' });
			expect(strangers.replaced).toEqual([]);
			expect(await queue.getSubmission(db(), started.id)).toMatchObject({ status: 'running' });
			await claimAll('cleanup');
		});
	});
});
