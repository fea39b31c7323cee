// What mentors and students write in a discussion: a mentor's line comments (drafts until the review is posted),
// the review itself (an overall comment that ends with "approved" or "needs changes"), and replies from both sides.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { submissions } from '../judge/schema';
import { studentPublicProfile } from '../mentoring';
import type { NotifyContext } from '../notifications';
import * as ratelimit from '../ratelimit';
import { accessFor, touchClaim, type Viewer } from './access';
import { tellAboutReview } from './notices';
import { countSavedCommentUse } from './saved-comments';
import { reviewComments, reviewIterations, reviewRequests, type ReviewOutcome } from './schema';
import { ok, refuse, type Outcome } from '../outcome';

export type CommentProblem =
	'review_error_not_found' | 'review_error_not_yours' | 'review_error_closed' | 'review_error_line_out_of_range' | 'review_error_rate_limited';

/** Replies and comments per person, generous for a real conversation and short of flooding one. */
export const commentWindow = { limit: 60, windowMs: 10 * 60 * 1000 };

async function withinRate(db: Database, userId: string) {
	return ratelimit.tryConsume(db, `review-comment:${userId}`, commentWindow);
}

async function iterationOf(db: Database, requestId: string, number?: number) {
	const [row] = await db
		.select({ id: reviewIterations.id, number: reviewIterations.number, source: submissions.source })
		.from(reviewIterations)
		.innerJoin(submissions, eq(submissions.id, reviewIterations.submissionId))
		.where(and(eq(reviewIterations.requestId, requestId), number === undefined ? undefined : eq(reviewIterations.number, number)))
		.orderBy(desc(reviewIterations.number))
		.limit(1);
	return row;
}

export const sourceLines = (source: string) => source.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');

/** A draft comment on one line of an iteration's code; only its author sees it until the review is posted. */
export async function addLineComment(
	db: Database,
	mentorId: string,
	requestId: string,
	input: { iteration: number; line: number; body: string; savedCommentId?: number },
	now = new Date()
): Promise<Outcome<CommentProblem, { id: number }>> {
	return db.transaction(async (tx) => {
		const access = await accessFor(tx, requestId, { id: mentorId, as: 'mentor' }, now, { lock: true });
		if (!access) return refuse('review_error_not_found');
		if (!access.can.review) return refuse('review_error_not_yours');
		const iteration = await iterationOf(tx, requestId, input.iteration);
		if (!iteration) return refuse('review_error_not_found');
		const lines = sourceLines(iteration.source);
		if (input.line < 1 || input.line > lines.length) return refuse('review_error_line_out_of_range');
		if (!(await withinRate(tx, mentorId))) return refuse('review_error_rate_limited');
		const [created] = await tx
			.insert(reviewComments)
			.values({
				requestId,
				iterationId: iteration.id,
				authorId: mentorId,
				authorRole: 'mentor',
				line: input.line,
				lineText: lines[input.line - 1]!.slice(0, 1000),
				body: input.body,
				createdAt: now
			})
			.returning({ id: reviewComments.id });
		if (input.savedCommentId !== undefined) await countSavedCommentUse(tx, access.request.exerciseId, input.savedCommentId);
		await touchClaim(tx, requestId, now);
		return { ok: true, id: created!.id };
	});
}

/** The mentor takes back one of their own unposted line comments. */
export async function deleteDraftComment(
	db: Database,
	mentorId: string,
	requestId: string,
	commentId: number,
	now = new Date()
): Promise<Outcome<CommentProblem>> {
	return db.transaction(async (tx) => {
		const access = await accessFor(tx, requestId, { id: mentorId, as: 'mentor' }, now, { lock: true });
		if (!access?.can.review) return refuse('review_error_not_found');
		const deleted = await tx
			.delete(reviewComments)
			.where(
				and(
					eq(reviewComments.id, commentId),
					eq(reviewComments.requestId, requestId),
					eq(reviewComments.authorId, mentorId),
					isNull(reviewComments.publishedAt)
				)
			)
			.returning({ id: reviewComments.id });
		if (deleted.length === 0) return refuse('review_error_not_found');
		await touchClaim(tx, requestId, now);
		return ok;
	});
}

/**
 * Posts the review: the overall comment with its outcome, and every draft line comment of this mentor at once.
 * "Approved" closes the discussion; "needs changes" hands it to the student, whose next iteration comes back here.
 */
export async function postReview(
	db: Database,
	mentorId: string,
	requestId: string,
	input: { body: string; outcome: ReviewOutcome },
	context: NotifyContext
): Promise<Outcome<CommentProblem>> {
	const now = context.now ?? new Date();
	return db.transaction(async (tx) => {
		const access = await accessFor(tx, requestId, { id: mentorId, as: 'mentor' }, now, { lock: true });
		if (!access) return refuse('review_error_not_found');
		if (!access.can.review) return refuse('review_error_not_yours');
		const iteration = await iterationOf(tx, requestId);
		if (!iteration) return refuse('review_error_not_found');
		await tx
			.update(reviewComments)
			.set({ publishedAt: now })
			.where(and(eq(reviewComments.requestId, requestId), eq(reviewComments.authorId, mentorId), isNull(reviewComments.publishedAt)));
		await tx.insert(reviewComments).values({
			requestId,
			iterationId: iteration.id,
			authorId: mentorId,
			authorRole: 'mentor',
			body: input.body,
			outcome: input.outcome,
			publishedAt: now,
			createdAt: now
		});
		const approved = input.outcome === 'approved';
		await tx
			.update(reviewRequests)
			.set({
				outcome: input.outcome,
				status: approved ? 'closed' : 'answered',
				closedReason: approved ? 'approved' : null,
				closedAt: approved ? now : null,
				touchedAt: now,
				updatedAt: now
			})
			.where(eq(reviewRequests.id, requestId));
		const [mentor] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, mentorId));
		await tellAboutReview(
			tx,
			{ userId: access.request.studentId, audience: 'student' },
			'review_posted',
			{ id: requestId, exerciseId: access.request.exerciseId },
			mentor?.displayName ?? '',
			{ ...context, now }
		);
		return ok;
	});
}

/** A reply in the thread, from the student or the discussion's mentor; the other side is told. */
export async function reply(db: Database, viewer: Viewer, requestId: string, body: string, context: NotifyContext): Promise<Outcome<CommentProblem>> {
	const now = context.now ?? new Date();
	return db.transaction(async (tx) => {
		const access = await accessFor(tx, requestId, viewer, now, { lock: true });
		if (!access) return refuse('review_error_not_found');
		const { request } = access;
		if (request.status === 'closed') return refuse('review_error_closed');
		if (!access.can.reply) return refuse('review_error_not_yours');
		const iteration = await iterationOf(tx, requestId);
		if (!iteration) return refuse('review_error_not_found');
		if (!(await withinRate(tx, viewer.id))) return refuse('review_error_rate_limited');
		const role = viewer.as === 'student' ? 'student' : 'mentor';
		await tx
			.insert(reviewComments)
			.values({ requestId, iterationId: iteration.id, authorId: viewer.id, authorRole: role, body, publishedAt: now, createdAt: now });
		await tx.update(reviewRequests).set({ updatedAt: now }).where(eq(reviewRequests.id, requestId));
		if (role === 'mentor') await touchClaim(tx, requestId, now);
		const target = { id: requestId, exerciseId: request.exerciseId };
		if (role === 'student' && request.mentorId) {
			const student = await studentPublicProfile(tx, viewer.id);
			await tellAboutReview(tx, { userId: request.mentorId, audience: 'mentor' }, 'review_reply', target, student?.nickname ?? '', { ...context, now });
		} else if (role === 'mentor') {
			const [mentor] = await tx.select({ displayName: users.displayName }).from(users).where(eq(users.id, viewer.id));
			await tellAboutReview(tx, { userId: request.studentId, audience: 'student' }, 'review_reply', target, mentor?.displayName ?? '', { ...context, now });
		}
		return ok;
	});
}
