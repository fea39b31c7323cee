// The queue's guarantees, on PGlite and on real Postgres: each submission judged once, whatever workers do.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../db/testing';
import { createUser } from '../testing/factories';
import type { JudgeReport } from './judge';
import * as queue from './queue';
import { createSumExercise, sumPrograms } from './testing';

const acceptedReport = (cases = 1): JudgeReport => ({
	verdict: 'AC',
	cases: Array.from({ length: cases }, () => ({ verdict: 'AC' as const, timeMs: 10, stdout: '3\n', stderr: '' })),
	sandboxed: true
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase('judge queue', (connection) => {
	const db = () => connection().db;

	async function enqueue(overrides: Partial<queue.NewSubmission> = {}) {
		const user = await createUser(db());
		const exercise = await createSumExercise(db());
		const submission = { userId: user.id, exerciseId: exercise.id, language: 'python' as const, mode: 'submit' as const, source: sumPrograms.python, stdin: null, ...overrides };
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
		await expect(queue.enqueueSubmission(db(), { ...base, exerciseId: pythonOnly.id, language: 'javascript' })).rejects.toMatchObject({ reason: 'language_not_allowed' });
		const empty = await createSumExercise(db(), { samples: 0, hidden: 0 });
		await expect(queue.enqueueSubmission(db(), { ...base, exerciseId: empty.id, language: 'python' })).rejects.toMatchObject({ reason: 'no_cases' });
		await expect(queue.enqueueSubmission(db(), { ...base, exerciseId: crypto.randomUUID(), language: 'python' })).rejects.toMatchObject({ reason: 'exercise_not_found' });
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
		const stale = await queue.claimNext(db(), 'slow-worker', 50);
		expect(stale?.submission.id).toBe(id);
		expect(await queue.claimNext(db(), 'other-worker', 60_000)).toBeUndefined();
		await sleep(120);
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

	it('a heartbeat keeps the lease', async () => {
		const { id } = await enqueue();
		const claimed = await queue.claimNext(db(), 'worker', 300);
		await sleep(200);
		expect(await queue.heartbeat(db(), claimed!.lease)).toBe(true);
		await sleep(200);
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
			expect((await queue.claimNext(db(), `dying-worker-${attempt}`, 20))?.submission.id).toBe(id);
			await sleep(60);
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
		const stop = queue.onSubmissionQueued(() => woken++);
		await enqueue();
		stop();
		await enqueue();
		expect(woken).toBe(1);
		await claimAll('cleanup');
	});
});
