// A student asks for a review of a submission, or for help while stuck. One discussion per exercise: sending
// another submission while it is open adds the next iteration and brings it back to the mentor's attention.
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { users, exercises } from '../db/schema';
import { submissions } from '../judge/schema';
import { isUuid } from '../ids';
import { studentPublicProfile } from '../mentoring';
import type { NotifyContext } from '../notifications';
import { isActiveMentorSql, iterationCount } from './access';
import { tellAboutReview, tellMentorsAboutRequest } from './notices';
import { reviewComments, reviewIterations, reviewRequests, type ClosedReason, type ReviewKind, type ReviewRequest, type ReviewStatus } from './schema';
import { ok, refuse, type Outcome } from '../outcome';

/** Open discussions a student may have at once, so that the queue stays fair to everyone. */
export const openRequestsPerStudent = 3;

export type RequestProblem =
	'review_error_submission_not_found' | 'review_error_not_judged' | 'review_error_help_after_accepted' | 'review_error_already_sent' | 'review_error_too_many';

export interface ReviewRequestInput {
	submissionId: string;
	kind: ReviewKind;
	question: string | undefined;
}

/**
 * Sends the student's submission for review: a new discussion, or the next iteration of the open one for the same
 * exercise. Returns the discussion's id.
 */
export async function requestReview(
	db: Database,
	studentId: string,
	input: ReviewRequestInput,
	context: NotifyContext
): Promise<Outcome<RequestProblem, { id: string; iteration: number }>> {
	const now = context.now ?? new Date();
	if (!isUuid(input.submissionId)) return refuse('review_error_submission_not_found');
	return db.transaction(async (tx) => {
		const [submission] = await tx
			.select({
				id: submissions.id,
				userId: submissions.userId,
				exerciseId: submissions.exerciseId,
				language: submissions.language,
				mode: submissions.mode,
				status: submissions.status,
				verdict: submissions.verdict
			})
			.from(submissions)
			.where(eq(submissions.id, input.submissionId));
		if (!submission || submission.userId !== studentId || submission.mode !== 'submit') return refuse('review_error_submission_not_found');
		if (submission.status !== 'done' && submission.status !== 'failed') return refuse('review_error_not_judged');
		if (input.kind === 'help' && submission.verdict === 'AC') return refuse('review_error_help_after_accepted');
		const student = await studentPublicProfile(tx, studentId);
		const studentName = student?.nickname ?? '';

		// Serialises a student's requests: two sends at once can neither open two discussions nor race past the limit.
		await tx.execute(sql`select id from users where id = ${studentId} for update`);
		const [open] = await tx
			.select()
			.from(reviewRequests)
			.where(and(eq(reviewRequests.studentId, studentId), eq(reviewRequests.exerciseId, submission.exerciseId), ne(reviewRequests.status, 'closed')))
			.for('update');

		if (!open) {
			const [opened] = await tx
				.select({ openCount: sql<number>`count(*)::int`.mapWith(Number) })
				.from(reviewRequests)
				.where(and(eq(reviewRequests.studentId, studentId), ne(reviewRequests.status, 'closed')));
			if ((opened?.openCount ?? 0) >= openRequestsPerStudent) return refuse('review_error_too_many');
			const [created] = await tx
				.insert(reviewRequests)
				.values({
					studentId,
					exerciseId: submission.exerciseId,
					language: submission.language,
					kind: input.kind,
					question: input.question ?? null,
					waitingSince: now,
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: reviewRequests.id });
			await tx.insert(reviewIterations).values({ requestId: created!.id, number: 1, submissionId: submission.id, createdAt: now });
			await tellMentorsAboutRequest(tx, { id: created!.id, exerciseId: submission.exerciseId }, studentName, { ...context, now });
			return { ok: true, id: created!.id, iteration: 1 };
		}

		return appendIteration(tx, open, submission, { kind: input.kind, note: input.question, studentId, studentName }, { ...context, now });
	});
}

type Submitted = { id: string; exerciseId: string; language: ReviewRequest['language'] };

/**
 * The next iteration of an open discussion: back to its mentor while they are active (a new 48-hour claim),
 * otherwise to the queue as a new wait; the student's note, if any, goes into the thread with it.
 */
async function appendIteration(
	tx: Database,
	open: ReviewRequest,
	submission: Submitted,
	from: { kind: ReviewKind; note: string | undefined; studentId: string; studentName: string },
	context: NotifyContext & { now: Date }
): Promise<Outcome<'review_error_already_sent', { id: string; iteration: number }>> {
	const { now } = context;
	const iterations = await tx
		.select({ number: reviewIterations.number, submissionId: reviewIterations.submissionId })
		.from(reviewIterations)
		.where(eq(reviewIterations.requestId, open.id))
		.orderBy(desc(reviewIterations.number));
	if (iterations.some((iteration) => iteration.submissionId === submission.id)) return refuse('review_error_already_sent');
	const number = (iterations[0]?.number ?? 0) + 1;
	const [iteration] = await tx
		.insert(reviewIterations)
		.values({ requestId: open.id, number, submissionId: submission.id, createdAt: now })
		.returning({ id: reviewIterations.id });
	if (from.note) {
		await tx.insert(reviewComments).values({
			requestId: open.id,
			iterationId: iteration!.id,
			authorId: from.studentId,
			authorRole: 'student',
			body: from.note,
			publishedAt: now,
			createdAt: now
		});
	}

	let status: ReviewStatus = open.status;
	let mentorId = open.mentorId;
	if (open.status === 'answered') {
		const [active] = mentorId
			? await tx
					.select({ active: isActiveMentorSql(mentorId) })
					.from(users)
					.where(eq(users.id, mentorId))
			: [];
		status = active?.active ? 'claimed' : 'waiting';
		if (status === 'waiting') mentorId = null;
	}
	await tx
		.update(reviewRequests)
		.set({
			status,
			mentorId,
			language: submission.language,
			kind: from.kind,
			...(status === 'claimed' && open.status !== 'claimed' ? { claimedAt: now, touchedAt: now } : {}),
			...(status === 'waiting' && open.status !== 'waiting' ? { waitingSince: now, claimedAt: null, touchedAt: null } : {}),
			updatedAt: now
		})
		.where(eq(reviewRequests.id, open.id));
	const request = { id: open.id, exerciseId: submission.exerciseId };
	if (status === 'waiting' && open.status !== 'waiting') await tellMentorsAboutRequest(tx, request, from.studentName, context);
	else if (mentorId && status === 'claimed')
		await tellAboutReview(tx, { userId: mentorId, audience: 'mentor' }, 'review_resubmitted', request, from.studentName, context);
	return { ok: true, id: open.id, iteration: number };
}

/**
 * After the mentor asked for changes, the student's next submit to the exercise joins the discussion by itself as its
 * next iteration (the student need not ask again). Later submits while the mentor is on it do not: the student sends
 * one explicitly when they want it seen, so a run of attempts does not flood the mentor.
 */
export async function followUpSubmission(
	db: Database,
	studentId: string,
	submissionId: string,
	context: NotifyContext
): Promise<{ requestId: string; iteration: number } | null> {
	const now = context.now ?? new Date();
	if (!isUuid(submissionId)) return null;
	return db.transaction(async (tx) => {
		const [submission] = await tx
			.select({ id: submissions.id, exerciseId: submissions.exerciseId, language: submissions.language })
			.from(submissions)
			.where(and(eq(submissions.id, submissionId), eq(submissions.userId, studentId), eq(submissions.mode, 'submit')));
		if (!submission) return null;
		// A submit that replaced an earlier one before it was judged (judge/queue.ts) takes its place in the discussion.
		const [moved] = await tx
			.update(reviewIterations)
			.set({ submissionId: submission.id })
			.where(
				inArray(
					reviewIterations.submissionId,
					tx
						.select({ id: submissions.id })
						.from(submissions)
						.where(and(eq(submissions.replacedBy, submission.id), eq(submissions.userId, studentId)))
				)
			)
			.returning({ requestId: reviewIterations.requestId, number: reviewIterations.number });
		if (moved) return { requestId: moved.requestId, iteration: moved.number };
		const [open] = await tx
			.select()
			.from(reviewRequests)
			.where(and(eq(reviewRequests.studentId, studentId), eq(reviewRequests.exerciseId, submission.exerciseId), eq(reviewRequests.status, 'answered')))
			.for('update');
		if (!open) return null;
		const student = await studentPublicProfile(tx, studentId);
		const added = await appendIteration(
			tx,
			open,
			submission,
			{ kind: open.kind, note: undefined, studentId, studentName: student?.nickname ?? '' },
			{ ...context, now }
		);
		return added.ok ? { requestId: added.id, iteration: added.iteration } : null;
	});
}

export type CloseProblem = 'review_error_not_found' | 'review_error_closed';

/** The student ends the discussion: "withdrawn" while no mentor has replied, "resolved" after. */
export async function closeRequest(db: Database, studentId: string, requestId: string, now = new Date()): Promise<Outcome<CloseProblem>> {
	if (!isUuid(requestId)) return refuse('review_error_not_found');
	return db.transaction(async (tx) => {
		const [request] = await tx
			.select()
			.from(reviewRequests)
			.where(and(eq(reviewRequests.id, requestId), eq(reviewRequests.studentId, studentId)))
			.for('update');
		if (!request) return refuse('review_error_not_found');
		if (request.status === 'closed') return refuse('review_error_closed');
		const [answered] = await tx
			.select({ id: reviewComments.id })
			.from(reviewComments)
			.where(and(eq(reviewComments.requestId, requestId), eq(reviewComments.authorRole, 'mentor'), sql`${reviewComments.publishedAt} is not null`))
			.limit(1);
		await tx
			.update(reviewRequests)
			.set({ status: 'closed', closedReason: answered ? 'resolved' : 'withdrawn', closedAt: now, updatedAt: now })
			.where(eq(reviewRequests.id, requestId));
		// A mentor's unposted drafts are of no use any more.
		await tx.delete(reviewComments).where(and(eq(reviewComments.requestId, requestId), sql`${reviewComments.publishedAt} is null`));
		return ok;
	});
}

export interface StudentRequest {
	id: string;
	kind: ReviewKind;
	status: ReviewStatus;
	outcome: 'approved' | 'changes_requested' | null;
	closedReason: ClosedReason | null;
	exercise: { slug: string; title: string };
	iterations: number;
	updatedAt: Date;
}

/** A student's discussions, open ones first, most recent first. */
export async function listStudentRequests(
	db: Database,
	studentId: string,
	locale: 'ja' | 'en',
	options: { exerciseId?: string } = {}
): Promise<StudentRequest[]> {
	const rows = await db
		.select({
			id: reviewRequests.id,
			kind: reviewRequests.kind,
			status: reviewRequests.status,
			outcome: reviewRequests.outcome,
			closedReason: reviewRequests.closedReason,
			updatedAt: reviewRequests.updatedAt,
			slug: exercises.slug,
			title: locale === 'en' ? exercises.titleEn : exercises.titleJa,
			iterations: iterationCount
		})
		.from(reviewRequests)
		.innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId))
		.where(and(eq(reviewRequests.studentId, studentId), options.exerciseId ? eq(reviewRequests.exerciseId, options.exerciseId) : undefined))
		.orderBy(sql`${reviewRequests.status} = 'closed'`, desc(reviewRequests.updatedAt))
		.limit(100);
	return rows.map(({ slug, title, ...row }) => ({ ...row, exercise: { slug, title } }));
}

/** For a submission's page: the discussion it belongs to, or the open discussion of its exercise it could join. */
export async function reviewStateOfSubmission(db: Database, studentId: string, submissionId: string) {
	if (!isUuid(submissionId)) return undefined;
	const [submission] = await db
		.select({ exerciseId: submissions.exerciseId })
		.from(submissions)
		.where(and(eq(submissions.id, submissionId), eq(submissions.userId, studentId)));
	if (!submission) return undefined;
	const [sentIn] = await db
		.select({ requestId: reviewIterations.requestId, number: reviewIterations.number })
		.from(reviewIterations)
		.innerJoin(reviewRequests, eq(reviewRequests.id, reviewIterations.requestId))
		.where(and(eq(reviewIterations.submissionId, submissionId), eq(reviewRequests.studentId, studentId)))
		.orderBy(desc(reviewIterations.id))
		.limit(1);
	const [open] = await db
		.select({ id: reviewRequests.id, kind: reviewRequests.kind, status: reviewRequests.status })
		.from(reviewRequests)
		.where(and(eq(reviewRequests.studentId, studentId), eq(reviewRequests.exerciseId, submission.exerciseId), ne(reviewRequests.status, 'closed')));
	const [opened] = await db
		.select({ openCount: sql<number>`count(*)::int`.mapWith(Number) })
		.from(reviewRequests)
		.where(and(eq(reviewRequests.studentId, studentId), inArray(reviewRequests.status, ['waiting', 'claimed', 'answered'])));
	return {
		sentIn: sentIn ? { requestId: sentIn.requestId, iteration: sentIn.number } : null,
		open: open ?? null,
		atLimit: !open && (opened?.openCount ?? 0) >= openRequestsPerStudent
	};
}
