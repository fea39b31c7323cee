// Mentors' saved comments: per exercise, a shared set of comments (「この変数名なら何が入っているかわかるね」) that any
// mentor reviewing a solution to that exercise can put into a line comment with a click and edit before posting.
// Only the mentor holding a request sees and changes its exercise's set; each counts how often it was used. Beside
// them, the mentor sees how other students' solutions to the exercise were reviewed, without anyone's name.
import { and, asc, count, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import * as ratelimit from '../ratelimit';
import { ok, refuse, type Outcome } from '../outcome';
import { accessFor } from './access';
import { renderMarkdown } from '../exercises';
import { maxSavedCommentLength, reviewComments, reviewRequests, reviewSavedComments, type ReviewOutcome } from './schema';

export type SavedCommentProblem =
	| 'review_error_not_found'
	| 'review_error_not_yours'
	| 'review_saved_error_too_long'
	| 'review_saved_error_exists'
	| 'review_saved_error_full'
	| 'review_error_rate_limited';

/** Enough for every common remark on one exercise, short of a list nobody reads. */
export const savedCommentsPerExercise = 50;
/** Saves per mentor: a review's worth at once, short of flooding a set. */
const saveWindow = { limit: 30, windowMs: 10 * 60 * 1000 };

export interface SavedComment {
	id: number;
	body: string;
	uses: number;
	/** Saved by this mentor, who may delete it. */
	mine: boolean;
}

/** The saved comments of the request's exercise, most used first, for the mentor holding the request (none otherwise). */
export async function listSavedComments(db: Database, mentorId: string, requestId: string, now = new Date()): Promise<SavedComment[]> {
	const access = await accessFor(db, requestId, { id: mentorId, as: 'mentor' }, now);
	if (!access?.can.review) return [];
	const rows = await db
		.select()
		.from(reviewSavedComments)
		.where(eq(reviewSavedComments.exerciseId, access.request.exerciseId))
		.orderBy(desc(reviewSavedComments.uses), asc(reviewSavedComments.createdAt), asc(reviewSavedComments.id));
	return rows.map((row) => ({ id: row.id, body: row.body, uses: row.uses, mine: row.authorId === mentorId }));
}

/** Adds a comment to the set of the request's exercise (the mentor must hold the request). */
export async function saveComment(
	db: Database,
	mentorId: string,
	requestId: string,
	body: string,
	now = new Date()
): Promise<Outcome<SavedCommentProblem, { id: number }>> {
	const text = body.trim();
	if (text.length === 0 || text.length > maxSavedCommentLength) return refuse('review_saved_error_too_long');
	return db.transaction(async (tx) => {
		const access = await accessFor(tx, requestId, { id: mentorId, as: 'mentor' }, now);
		if (!access) return refuse('review_error_not_found');
		if (!access.can.review) return refuse('review_error_not_yours');
		const exerciseId = access.request.exerciseId;
		// One exercise's set at a time, so that two mentors saving at once cannot pass the limit together.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`review-saved:${exerciseId}`}, 0))`);
		const [saved] = await tx.select({ n: count() }).from(reviewSavedComments).where(eq(reviewSavedComments.exerciseId, exerciseId));
		if ((saved?.n ?? 0) >= savedCommentsPerExercise) return refuse('review_saved_error_full');
		if (!(await ratelimit.tryConsume(tx, `review-saved:${mentorId}`, saveWindow))) return refuse('review_error_rate_limited');
		const [created] = await tx
			.insert(reviewSavedComments)
			.values({ exerciseId, authorId: mentorId, body: text, createdAt: now })
			.onConflictDoNothing()
			.returning({ id: reviewSavedComments.id });
		if (!created) return refuse('review_saved_error_exists');
		return { ok: true, id: created.id };
	});
}

/** The mentor who saved a comment takes it out of the set (while holding a request for its exercise). */
export async function deleteSavedComment(
	db: Database,
	mentorId: string,
	requestId: string,
	savedId: number,
	now = new Date()
): Promise<Outcome<'review_error_not_found' | 'review_error_not_yours'>> {
	const access = await accessFor(db, requestId, { id: mentorId, as: 'mentor' }, now);
	if (!access) return refuse('review_error_not_found');
	if (!access.can.review) return refuse('review_error_not_yours');
	if (!Number.isSafeInteger(savedId)) return refuse('review_error_not_found');
	const deleted = await db
		.delete(reviewSavedComments)
		.where(and(eq(reviewSavedComments.id, savedId), eq(reviewSavedComments.exerciseId, access.request.exerciseId), eq(reviewSavedComments.authorId, mentorId)))
		.returning({ id: reviewSavedComments.id });
	return deleted.length > 0 ? ok : refuse('review_error_not_found');
}

/** How much the saved comments are reused, for the coordinators: how many there are, and how often they were used. */
export async function savedCommentTotals(db: Database): Promise<{ saved: number; uses: number }> {
	const [totals] = await db
		.select({ saved: count(), uses: sql<number>`coalesce(sum(${reviewSavedComments.uses}), 0)`.mapWith(Number) })
		.from(reviewSavedComments);
	return { saved: totals?.saved ?? 0, uses: totals?.uses ?? 0 };
}

/** Counts one use of a saved comment by a comment posted on a request for its exercise; another exercise's id counts nothing. */
export async function countSavedCommentUse(db: Database, exerciseId: string, savedId: number): Promise<void> {
	if (!Number.isSafeInteger(savedId)) return;
	await db
		.update(reviewSavedComments)
		.set({ uses: sql`${reviewSavedComments.uses} + 1` })
		.where(and(eq(reviewSavedComments.id, savedId), eq(reviewSavedComments.exerciseId, exerciseId)));
}

export interface EarlierReview {
	outcome: ReviewOutcome;
	reviewedAt: Date;
	bodyHtml: string;
	lineComments: Array<{ line: number; lineText: string; bodyHtml: string }>;
}

/**
 * How other students' solutions to the request's exercise were reviewed, newest first: each posted review with its
 * line comments and the lines they were written on, without the names of the students or the mentors. For the mentor
 * holding the request (nothing otherwise).
 */
export async function earlierReviewsOfExercise(db: Database, mentorId: string, requestId: string, limit = 5, now = new Date()): Promise<EarlierReview[]> {
	const access = await accessFor(db, requestId, { id: mentorId, as: 'mentor' }, now);
	if (!access?.can.review) return [];
	const reviews = await db
		.select({
			iterationId: reviewComments.iterationId,
			body: reviewComments.body,
			outcome: reviewComments.outcome,
			publishedAt: reviewComments.publishedAt
		})
		.from(reviewRequests)
		.innerJoin(reviewComments, eq(reviewComments.requestId, reviewRequests.id))
		.where(
			and(
				eq(reviewRequests.exerciseId, access.request.exerciseId),
				ne(reviewRequests.id, requestId),
				isNotNull(reviewComments.outcome),
				isNotNull(reviewComments.publishedAt)
			)
		)
		.orderBy(desc(reviewComments.publishedAt))
		.limit(limit);
	if (reviews.length === 0) return [];
	const lines = await db
		.select({ iterationId: reviewComments.iterationId, line: reviewComments.line, lineText: reviewComments.lineText, body: reviewComments.body })
		.from(reviewComments)
		.where(
			and(
				inArray(
					reviewComments.iterationId,
					reviews.map((review) => review.iterationId)
				),
				isNotNull(reviewComments.line),
				isNotNull(reviewComments.publishedAt),
				eq(reviewComments.authorRole, 'mentor')
			)
		)
		.orderBy(asc(reviewComments.line), asc(reviewComments.id));
	return reviews.map((review) => ({
		outcome: review.outcome!,
		reviewedAt: review.publishedAt!,
		bodyHtml: renderMarkdown(review.body),
		lineComments: lines
			.filter((comment) => comment.iterationId === review.iterationId)
			.map((comment) => ({ line: comment.line!, lineText: comment.lineText ?? '', bodyHtml: renderMarkdown(comment.body) }))
	}));
}
