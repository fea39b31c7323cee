// exercise_progress and submit_days (kept by triggers on submissions, 20261208100000_exercise_progress.sql) always say
// what the submissions say: after submissions, runs, verdicts written by the judge's own functions, verdicts written at
// the same moment by concurrent transactions, re-judging, and deletion. Each check recomputes the expected progress
// here, in TypeScript, from the person's submissions.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../db';
import { describeEachDatabase } from '../db/testing';
import { claimNext, completeSubmission, enqueueSubmission, failOrRetry } from '../judge/queue';
import { submissions } from '../judge/schema';
import { exercises } from '../db/schema';
import { createSumExercise, sumPrograms } from '../judge/testing';
import { createUser } from '../testing/factories';
import { catalogEntries } from './catalog';
import { submitStreak } from './profile';
import { exerciseProgress, submitDays } from './schema';
import { recordSubmission } from './testing';

interface Progress {
	exerciseId: string;
	submissions: number;
	submits: number;
	solvedAt: number | null;
	lastVerdict: string | null;
	lastSubmittedAt: number | null;
}

const japanDay = (at: Date) => new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

/** What the person's submissions say, computed without the database's help. */
async function expectedProgress(db: Database, userId: string) {
	const rows = await db.select().from(submissions).where(eq(submissions.userId, userId));
	const byExercise = new Map<string, typeof rows>();
	for (const row of rows) byExercise.set(row.exerciseId, [...(byExercise.get(row.exerciseId) ?? []), row]);
	const progress: Progress[] = [...byExercise].map(([exerciseId, mine]) => {
		const submits = mine.filter((row) => row.mode === 'submit');
		const latest = [...submits].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : 1))[0];
		const accepted = submits.filter((row) => row.verdict === 'AC').map((row) => row.createdAt.getTime());
		return {
			exerciseId,
			submissions: mine.length,
			submits: submits.length,
			solvedAt: accepted.length ? Math.min(...accepted) : null,
			lastVerdict: latest?.verdict ?? null,
			lastSubmittedAt: latest ? latest.createdAt.getTime() : null
		};
	});
	const days = new Map<string, number>();
	for (const row of rows) if (row.mode === 'submit') days.set(japanDay(row.createdAt), (days.get(japanDay(row.createdAt)) ?? 0) + 1);
	return { progress: sortProgress(progress), days: Object.fromEntries([...days].sort()) };
}

async function storedProgress(db: Database, userId: string) {
	const rows = await db.select().from(exerciseProgress).where(eq(exerciseProgress.userId, userId));
	const days = await db.select().from(submitDays).where(eq(submitDays.userId, userId));
	return {
		progress: sortProgress(
			rows.map((row) => ({
				exerciseId: row.exerciseId,
				submissions: row.submissions,
				submits: row.submits,
				solvedAt: row.solvedAt?.getTime() ?? null,
				lastVerdict: row.lastVerdict,
				lastSubmittedAt: row.lastSubmittedAt?.getTime() ?? null
			}))
		),
		days: Object.fromEntries(days.map((day) => [String(day.day), day.submits] as const).sort())
	};
}

const sortProgress = (rows: Progress[]) => [...rows].sort((a, b) => (a.exerciseId < b.exerciseId ? -1 : 1));

describeEachDatabase('per-person progress equals what the submissions say', (connection) => {
	const db = () => connection().db;
	let first: string;
	let second: string;
	beforeAll(async () => {
		first = (await createSumExercise(db())).id;
		second = (await createSumExercise(db())).id;
	});
	const student = () => createUser(db(), { roles: ['student'] });
	const expectConsistent = async (userId: string) => {
		const expected = await expectedProgress(db(), userId);
		expect(await storedProgress(db(), userId)).toEqual(expected);
		return expected;
	};

	it('counts runs and submits, the first AC, the latest verdict and each Japan day', async () => {
		const alice = await student();
		await recordSubmission(db(), { userId: alice.id, exerciseId: first, mode: 'run', verdict: null, createdAt: new Date('2026-11-01T10:00:00Z') });
		await recordSubmission(db(), { userId: alice.id, exerciseId: first, verdict: 'WA', createdAt: new Date('2026-11-01T14:50:00Z') });
		// 23:59 and 00:01 in Japan: two days.
		await recordSubmission(db(), { userId: alice.id, exerciseId: first, verdict: 'AC', createdAt: new Date('2026-11-01T14:59:00Z') });
		await recordSubmission(db(), { userId: alice.id, exerciseId: first, verdict: 'RE', createdAt: new Date('2026-11-01T15:01:00Z') });
		await recordSubmission(db(), { userId: alice.id, exerciseId: second, mode: 'run', verdict: 'AC' });
		const { progress, days } = await expectConsistent(alice.id);
		expect(progress.find((row) => row.exerciseId === first)).toMatchObject({
			submissions: 4,
			submits: 3,
			solvedAt: new Date('2026-11-01T14:59:00Z').getTime(),
			lastVerdict: 'RE'
		});
		expect(progress.find((row) => row.exerciseId === second)).toMatchObject({ submissions: 1, submits: 0, solvedAt: null });
		expect(days).toEqual({ '2026-11-01': 2, '2026-11-02': 1 });
		// The pages read it: a run's AC does not solve.
		const statuses = Object.fromEntries((await catalogEntries(db(), alice.id)).map((entry) => [entry.slug, entry.status]));
		const slugs = await db().select({ id: exercises.id, slug: exercises.slug }).from(exercises);
		const slugOf = (id: string) => slugs.find((row) => row.id === id)!.slug;
		expect(statuses[slugOf(first)]).toBe('solved');
		expect(statuses[slugOf(second)]).toBe('tried');
	});

	it('follows verdicts the judge writes, retries included, and a re-judge that takes an AC back', async () => {
		const bob = await student();
		const { id } = await enqueueSubmission(db(), {
			userId: bob.id,
			exerciseId: first,
			language: 'python',
			source: sumPrograms.python,
			mode: 'submit',
			stdin: null
		});
		expect((await storedProgress(db(), bob.id)).progress).toMatchObject([{ submits: 1, solvedAt: null, lastVerdict: null }]);
		const claimed = await claimNext(db(), 'progress-test', 60_000);
		expect(claimed?.submission.id).toBe(id);
		expect(await failOrRetry(db(), claimed!.lease, 'the sandbox broke')).toBe('queued');
		const again = await claimNext(db(), 'progress-test', 60_000);
		const report = { verdict: 'AC' as const, cases: [], sandboxed: true };
		expect(await completeSubmission(db(), again!.lease, report)).toBe(true);
		// A verdict written twice (a lost lease) changes nothing.
		expect(await completeSubmission(db(), again!.lease, report)).toBe(false);
		expect((await expectConsistent(bob.id)).progress[0]).toMatchObject({ lastVerdict: 'AC', solvedAt: expect.any(Number) });

		await db().update(submissions).set({ verdict: 'WA' }).where(eq(submissions.id, id));
		expect((await expectConsistent(bob.id)).progress[0]).toMatchObject({ lastVerdict: 'WA', solvedAt: null });
		expect((await catalogEntries(db(), bob.id)).every((entry) => entry.status !== 'solved')).toBe(true);
	});

	it('stays right when verdicts and new submissions of the same person and exercise are written at the same moment', async () => {
		const carol = await student();
		const ids = await Promise.all(
			Array.from({ length: 8 }, (_, index) =>
				recordSubmission(db(), { userId: carol.id, exerciseId: first, status: 'running', verdict: null, createdAt: new Date(Date.UTC(2026, 10, 2, 1, index)) })
			)
		);
		// Each verdict in its own transaction that stays open a moment after writing, so that on PostgreSQL they overlap:
		// a transaction that recomputed from a snapshot without the others' verdicts would leave a wrong count behind.
		await Promise.all([
			...ids.map((id, index) =>
				db().transaction(async (tx) => {
					await tx
						.update(submissions)
						.set({ status: 'done', verdict: index === 3 ? 'AC' : 'WA' })
						.where(eq(submissions.id, id));
					await tx.execute(sql`select pg_sleep(0.02)`);
				})
			),
			...Array.from({ length: 4 }, (_, index) =>
				recordSubmission(db(), {
					userId: carol.id,
					exerciseId: first,
					mode: index % 2 ? 'run' : 'submit',
					verdict: 'WA',
					createdAt: new Date(Date.UTC(2026, 10, 3, 1, index))
				})
			)
		]);
		const { progress } = await expectConsistent(carol.id);
		expect(progress[0]).toMatchObject({ submissions: 12, submits: 10, solvedAt: Date.UTC(2026, 10, 2, 1, 3), lastVerdict: 'WA' });
		// Re-judged all at once, concurrently.
		await Promise.all(ids.map((id) => db().update(submissions).set({ verdict: 'TLE' }).where(eq(submissions.id, id))));
		expect((await expectConsistent(carol.id)).progress[0]).toMatchObject({ solvedAt: null });
	});

	it('forgets what is deleted: a submission, then the person', async () => {
		const dave = await student();
		const only = await recordSubmission(db(), { userId: dave.id, exerciseId: second, verdict: 'AC', createdAt: new Date('2026-11-05T03:00:00Z') });
		await recordSubmission(db(), { userId: dave.id, exerciseId: first, verdict: 'AC', createdAt: new Date('2026-11-06T03:00:00Z') });
		await db().delete(submissions).where(eq(submissions.id, only));
		const { progress, days } = await expectConsistent(dave.id);
		expect(progress.map((row) => row.exerciseId)).toEqual([first]);
		expect(days).toEqual({ '2026-11-06': 1 });
		expect((await submitStreak(db(), dave.id, new Date('2026-11-06T12:00:00Z'))).current).toBe(1);
		await db().execute(sql`delete from users where id = ${dave.id}`);
		expect(await storedProgress(db(), dave.id)).toEqual({ progress: [], days: {} });
	});
});
