// A student's review requests in their own data download (/me/data): what they asked, which submissions they sent,
// and the published thread. Mentors appear by display name only; a mentor's unposted drafts are not the student's.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../db';
import { users, exercises } from '../db/schema';
import { reviewComments, reviewIterations, reviewRequests } from './schema';

export async function exportOwnReviews(db: Database, studentId: string) {
	const requests = await db
		.select({
			request: reviewRequests,
			slug: exercises.slug,
			titleJa: exercises.titleJa,
			titleEn: exercises.titleEn,
			mentorName: users.displayName
		})
		.from(reviewRequests)
		.innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId))
		.leftJoin(users, eq(users.id, reviewRequests.mentorId))
		.where(eq(reviewRequests.studentId, studentId))
		.orderBy(asc(reviewRequests.createdAt), asc(reviewRequests.id));
	if (requests.length === 0) return [];
	const requestIds = requests.map((row) => row.request.id);
	const [iterations, comments] = await Promise.all([
		db
			.select({
				requestId: reviewIterations.requestId,
				number: reviewIterations.number,
				submissionId: reviewIterations.submissionId,
				createdAt: reviewIterations.createdAt
			})
			.from(reviewIterations)
			.where(inArray(reviewIterations.requestId, requestIds))
			.orderBy(asc(reviewIterations.number)),
		db
			.select({ comment: reviewComments, iteration: reviewIterations.number, authorName: users.displayName })
			.from(reviewComments)
			.innerJoin(reviewIterations, eq(reviewIterations.id, reviewComments.iterationId))
			.leftJoin(users, eq(users.id, reviewComments.authorId))
			.where(and(inArray(reviewComments.requestId, requestIds), isNotNull(reviewComments.publishedAt)))
			.orderBy(asc(reviewComments.id))
	]);
	return requests.map(({ request, slug, titleJa, titleEn, mentorName }) => ({
		exercise: { slug, title: { ja: titleJa, en: titleEn } },
		kind: request.kind,
		language: request.language,
		question: request.question,
		status: request.status,
		outcome: request.outcome,
		closedReason: request.closedReason,
		mentor: mentorName,
		createdAt: request.createdAt.toISOString(),
		closedAt: request.closedAt?.toISOString() ?? null,
		iterations: iterations
			.filter((iteration) => iteration.requestId === request.id)
			.map((iteration) => ({ number: iteration.number, submissionId: iteration.submissionId, sentAt: iteration.createdAt.toISOString() })),
		comments: comments
			.filter(({ comment }) => comment.requestId === request.id)
			.map(({ comment, iteration, authorName }) => ({
				authorRole: comment.authorRole,
				// The student's own comments need no name; a mentor is their display name, nothing else about them.
				mentor: comment.authorRole === 'mentor' ? (authorName ?? null) : undefined,
				iteration,
				line: comment.line,
				lineText: comment.lineText,
				body: comment.body,
				outcome: comment.outcome,
				writtenAt: comment.createdAt.toISOString(),
				publishedAt: comment.publishedAt!.toISOString()
			}))
	}));
}

/**
 * What a mentor wrote in reviews, for their own data download: their comments and reviews, drafts included, with the
 * exercise. Nothing about the students they wrote to (not even the nickname): that is the students' data.
 */
export async function exportOwnReviewComments(db: Database, mentorId: string) {
	const rows = await db
		.select({ comment: reviewComments, iteration: reviewIterations.number, slug: exercises.slug })
		.from(reviewComments)
		.innerJoin(reviewIterations, eq(reviewIterations.id, reviewComments.iterationId))
		.innerJoin(reviewRequests, eq(reviewRequests.id, reviewComments.requestId))
		.innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId))
		.where(and(eq(reviewComments.authorId, mentorId), eq(reviewComments.authorRole, 'mentor')))
		.orderBy(asc(reviewComments.id));
	return rows.map(({ comment, iteration, slug }) => ({
		exercise: slug,
		iteration,
		line: comment.line,
		body: comment.body,
		outcome: comment.outcome,
		createdAt: comment.createdAt.toISOString(),
		publishedAt: comment.publishedAt?.toISOString() ?? null
	}));
}
