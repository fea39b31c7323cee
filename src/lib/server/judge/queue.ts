// The judge's work queue is the submissions table itself. A worker claims the next waiting row in fair order
// (claimNext) under a lease it keeps extending; a row whose lease expired (its worker died) is claimed again, and
// after maxAttempts it fails as IE. Every write after the claim is conditional on still holding the lease, so a
// worker that lost it can never overwrite the result.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import { announceQueued } from './events';
import type { JudgeReport } from './judge';
import { languages } from './languages';
import { submissionModes, submissions, type Submission } from './schema';
import { exerciseShape } from './exercises';

export const maxAttempts = 3;
export const maxSourceBytes = 65_536;
export const maxStdinBytes = 1_048_576;

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** What a student sends: for the form and the action that accept it. */
export const newSubmissionSchema = z
	.object({
		exerciseId: z.uuid(),
		language: z.enum(languages),
		mode: z.enum(submissionModes),
		source: z.string().refine((source) => byteLength(source) <= maxSourceBytes, 'source_too_long'),
		stdin: z
			.string()
			.refine((stdin) => byteLength(stdin) <= maxStdinBytes, 'stdin_too_long')
			.nullable()
			.default(null)
	})
	.refine((submission) => submission.stdin === null || submission.mode === 'run', 'stdin_only_when_running');

export type NewSubmission = z.infer<typeof newSubmissionSchema> & { userId: string };

export class SubmissionRejected extends Error {
	override name = 'SubmissionRejected';
	constructor(readonly reason: 'exercise_not_found' | 'language_not_allowed' | 'no_cases') {
		super(reason);
	}
}

/** One worker's hold on one submission; `owner` is unique to this claim. */
export interface Lease {
	submissionId: string;
	owner: string;
	leaseMs: number;
}

export interface Enqueued {
	id: string;
	/** Earlier submissions of the same person, exercise, mode and language that had not started: replaced by this one. */
	replaced: string[];
}

export async function enqueueSubmission(db: Database, submission: NewSubmission): Promise<Enqueued> {
	const exercise = await exerciseShape(db, submission.exerciseId);
	if (!exercise) throw new SubmissionRejected('exercise_not_found');
	if (!exercise.languages.includes(submission.language)) throw new SubmissionRejected('language_not_allowed');
	const casesTotal = submission.stdin !== null ? 1 : submission.mode === 'run' ? exercise.samples : exercise.cases;
	if (casesTotal === 0) throw new SubmissionRejected('no_cases');
	const enqueued = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(submissions)
			.values({
				userId: submission.userId,
				exerciseId: submission.exerciseId,
				language: submission.language,
				source: submission.source,
				mode: submission.mode,
				stdin: submission.stdin,
				casesTotal
			})
			.returning({ id: submissions.id });
		if (!row) throw new Error('insert returned no row');
		// Only the newest counts for a student who pressed the button again: the older ones would make everyone wait.
		// Another language is another attempt (a coordinator verifies every reference solution at once).
		const replaced = await tx
			.update(submissions)
			.set({ status: 'replaced', replacedBy: row.id, finishedAt: sql`now()` })
			.where(
				and(
					eq(submissions.userId, submission.userId),
					eq(submissions.exerciseId, submission.exerciseId),
					eq(submissions.mode, submission.mode),
					eq(submissions.language, submission.language),
					eq(submissions.status, 'queued'),
					eq(submissions.attempts, 0),
					ne(submissions.id, row.id)
				)
			)
			.returning({ id: submissions.id });
		return { id: row.id, replaced: replaced.map((older) => older.id) };
	});
	announceQueued();
	return enqueued;
}

const leaseEnd = (leaseMs: number) => sql`now() + ${leaseMs} * interval '1 millisecond'`;

/** Serialises claims across every worker on this database, so fairness is decided on what is really running. */
const claimLock = sql`select pg_advisory_xact_lock(hashtext('itbu:judge:claim'))`;

/**
 * The next submission to judge, now leased to `workerId`; undefined if none waits. Fair at a club session:
 * 1. people with nothing being judged go before people who already hold a judge slot;
 * 2. an interactive run before a submit (someone is watching the output);
 * 3. the person with the fewest submissions in flight first;
 * 4. then the oldest. A row abandoned by a dead worker (expired lease) waits like a queued one.
 */
export async function claimNext(db: Database, workerId: string, leaseMs: number): Promise<{ submission: Submission; lease: Lease } | undefined> {
	await failExhaustedSubmissions(db);
	const owner = `${workerId}/${randomBytes(4).toString('hex')}`;
	const claimable = or(eq(submissions.status, 'queued'), and(eq(submissions.status, 'running'), lt(submissions.leaseExpiresAt, sql`now()`)));
	return db.transaction(async (tx) => {
		await tx.execute(claimLock);
		const load = tx
			.select({
				userId: submissions.userId,
				holding: sql<number>`count(*) filter (where ${submissions.status} = 'running' and ${submissions.leaseExpiresAt} >= now())`.as('holding'),
				inFlight: sql<number>`count(*)`.as('in_flight')
			})
			.from(submissions)
			.where(inArray(submissions.status, ['queued', 'running']))
			.groupBy(submissions.userId)
			.as('load');
		const [next] = await tx
			.select({ id: submissions.id })
			.from(submissions)
			.innerJoin(load, eq(load.userId, submissions.userId))
			.where(claimable)
			.orderBy(sql`${load.holding} > 0`, sql`${submissions.mode} <> 'run'`, load.inFlight, submissions.createdAt)
			.limit(1);
		if (!next) return undefined;
		const [submission] = await tx
			.update(submissions)
			.set({
				status: 'running',
				attempts: sql`${submissions.attempts} + 1`,
				leaseOwner: owner,
				leaseExpiresAt: leaseEnd(leaseMs),
				startedAt: sql`now()`,
				casesDone: 0
			})
			.where(and(eq(submissions.id, next.id), claimable))
			.returning();
		return submission && { submission, lease: { submissionId: submission.id, owner, leaseMs } };
	});
}

/** Submissions whose worker died on each of their attempts: the fault is ours, reported as IE. */
async function failExhaustedSubmissions(db: Database): Promise<void> {
	await db
		.update(submissions)
		.set({
			status: 'failed',
			verdict: 'IE',
			leaseExpiresAt: null,
			finishedAt: sql`now()`,
			lastError: sql`coalesce(${submissions.lastError}, 'the lease expired on every attempt')`
		})
		.where(and(eq(submissions.status, 'running'), lt(submissions.leaseExpiresAt, sql`now()`), sql`${submissions.attempts} >= ${maxAttempts}`));
}

const heldBy = (lease: Lease) => and(eq(submissions.id, lease.submissionId), eq(submissions.leaseOwner, lease.owner), eq(submissions.status, 'running'));

/** Extends the lease; false when it was lost (expired and claimed by another worker). */
export async function heartbeat(db: Database, lease: Lease): Promise<boolean> {
	const rows = await db
		.update(submissions)
		.set({ leaseExpiresAt: leaseEnd(lease.leaseMs) })
		.where(heldBy(lease))
		.returning({ id: submissions.id });
	return rows.length === 1;
}

/** Cases judged so far, of how many; also extends the lease. */
export async function recordProgress(db: Database, lease: Lease, progress: { casesDone: number; casesTotal: number }): Promise<boolean> {
	const rows = await db
		.update(submissions)
		.set({ ...progress, leaseExpiresAt: leaseEnd(lease.leaseMs) })
		.where(heldBy(lease))
		.returning({ id: submissions.id });
	return rows.length === 1;
}

/** Writes the verdict, once: false (and nothing written) when the lease was lost meanwhile. */
export async function completeSubmission(db: Database, lease: Lease, report: JudgeReport): Promise<boolean> {
	const results = report.compileError ? { cases: report.cases, compileError: report.compileError } : { cases: report.cases };
	const rows = await db
		.update(submissions)
		.set({
			status: 'done',
			verdict: report.verdict,
			results,
			sandboxed: report.sandboxed,
			casesDone: report.cases.length,
			leaseExpiresAt: null,
			finishedAt: sql`now()`
		})
		.where(heldBy(lease))
		.returning({ id: submissions.id });
	return rows.length === 1;
}

/**
 * The judge failed on this submission (not the program: the sandbox, the database...). It goes back to
 * the queue for another attempt, or after maxAttempts fails as IE. Returns the new status, or undefined
 * when the lease was lost meanwhile.
 */
export async function failOrRetry(db: Database, lease: Lease, error: string): Promise<'queued' | 'failed' | undefined> {
	const exhausted = sql`${submissions.attempts} >= ${maxAttempts}`;
	const [row] = await db
		.update(submissions)
		.set({
			status: sql`case when ${exhausted} then 'failed' else 'queued' end`,
			verdict: sql`case when ${exhausted} then 'IE' end`,
			finishedAt: sql`case when ${exhausted} then now() end`,
			leaseOwner: null,
			leaseExpiresAt: null,
			lastError: error.slice(0, 2000)
		})
		.where(heldBy(lease))
		.returning({ status: submissions.status });
	return row?.status === 'queued' || row?.status === 'failed' ? row.status : undefined;
}

/** Puts a submission back unjudged, as if this attempt never happened (the worker is shutting down). */
export async function releaseSubmission(db: Database, lease: Lease): Promise<void> {
	await db
		.update(submissions)
		.set({
			status: 'queued',
			attempts: sql`${submissions.attempts} - 1`,
			leaseOwner: null,
			leaseExpiresAt: null,
			casesDone: 0
		})
		.where(heldBy(lease));
}

export async function getSubmission(db: Database, id: string): Promise<Submission | undefined> {
	const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
	return row;
}
