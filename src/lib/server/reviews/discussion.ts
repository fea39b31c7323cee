// A discussion as one person reads it: the exercise, every iteration with its code and verdicts, and the thread.
// Students appear by nickname and grade only (mentoring/profiles.ts): nothing else about them leaves this file.
import { and, asc, desc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises, users } from '../db/schema';
import * as audit from '../audit';
import { renderMarkdown } from '../exercises';
import { submissions } from '../judge/schema';
import type { Language } from '../judge';
import { viewSubmissionUnderReview, type SubmissionView } from '../judge';
import { studentPublicProfile, type StudentPublicProfile } from '../mentoring';
import { mentorOrganisations } from '../mentoring';
import { accessFor, claimLifetimeMs, type Permissions, type Viewer } from './access';
import { reviewComments, reviewIterations, reviewRequests, type ReviewKind, type ReviewOutcome, type ReviewStatus, type ClosedReason } from './schema';

export interface DiscussionComment {
	id: number;
	iteration: number;
	authorRole: 'student' | 'mentor';
	authorName: string;
	line: number | null;
	lineText: string | null;
	/** Rendered Markdown: no raw HTML, safe links only. */
	bodyHtml: string;
	outcome: ReviewOutcome | null;
	/** Unposted line comment, shown to its author only. */
	draft: boolean;
	createdAt: Date;
}

export interface DiscussionIteration {
	number: number;
	submissionId: string;
	createdAt: Date;
	source: string;
	result: SubmissionView | undefined;
}

export interface Discussion {
	id: string;
	kind: ReviewKind;
	status: ReviewStatus;
	outcome: ReviewOutcome | null;
	closedReason: ClosedReason | null;
	language: Language;
	questionHtml: string | null;
	createdAt: Date;
	waitingSince: Date;
	/** When the mentor's claim lapses unless they act (null unless claimed). */
	claimLapsesAt: Date | null;
	exercise: { slug: string; title: string; statementHtml: string };
	student: StudentPublicProfile;
	mentor: { name: string; organisation: string | null } | null;
	/** Whether the viewer is the discussion's mentor. */
	mine: boolean;
	iterations: DiscussionIteration[];
	comments: DiscussionComment[];
	can: Permissions;
}

/**
 * The discussion for `viewer`, or undefined when they may not see it (answered like a missing one). A coordinator's
 * reading is audited: the thread is a child's writing.
 */
export async function openDiscussion(
	db: Database,
	requestId: string,
	viewer: Viewer & { displayName: string },
	locale: 'ja' | 'en',
	now = new Date()
): Promise<Discussion | undefined> {
	const access = await accessFor(db, requestId, viewer, now);
	if (!access) return undefined;
	const { request, can } = access;
	const english = locale === 'en';
	const [[exercise], iterationRows, commentRows, student] = await Promise.all([
		db
			.select({
				slug: exercises.slug,
				title: english ? exercises.titleEn : exercises.titleJa,
				statement: english ? exercises.statementEn : exercises.statementJa
			})
			.from(exercises)
			.where(eq(exercises.id, request.exerciseId)),
		db
			.select({
				id: reviewIterations.id,
				number: reviewIterations.number,
				submissionId: reviewIterations.submissionId,
				createdAt: reviewIterations.createdAt,
				source: submissions.source
			})
			.from(reviewIterations)
			.innerJoin(submissions, eq(submissions.id, reviewIterations.submissionId))
			.where(eq(reviewIterations.requestId, request.id))
			.orderBy(asc(reviewIterations.number)),
		db
			.select({ comment: reviewComments, authorName: users.displayName })
			.from(reviewComments)
			.leftJoin(users, eq(users.id, reviewComments.authorId))
			.where(and(eq(reviewComments.requestId, request.id), or(isNotNull(reviewComments.publishedAt), eq(reviewComments.authorId, viewer.id))))
			.orderBy(asc(reviewComments.id)),
		studentPublicProfile(db, request.studentId)
	]);
	if (!exercise) return undefined;
	const numberOf = new Map(iterationRows.map((row) => [row.id, row.number]));
	const mentorIds = [...new Set(commentRows.filter((row) => row.comment.authorRole === 'mentor' && row.comment.authorId).map((row) => row.comment.authorId!))];
	if (request.mentorId && !mentorIds.includes(request.mentorId)) mentorIds.push(request.mentorId);
	const [organisations, mentorNames, results] = await Promise.all([
		mentorOrganisations(db, mentorIds),
		mentorIds.length ? db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, mentorIds)) : Promise.resolve([]),
		Promise.all(iterationRows.map((row) => viewSubmissionUnderReview(db, row.submissionId)))
	]);
	const nameOf = Object.fromEntries(mentorNames.map((row) => [row.id, row.name]));
	if (viewer.as === 'coordinator')
		await audit.record(db, { id: viewer.id, displayName: viewer.displayName }, 'review_viewed', { detail: { requestId: request.id } });
	const studentProfile = student ?? { nickname: '?', grade: null };
	return {
		id: request.id,
		kind: request.kind,
		status: request.status,
		outcome: request.outcome,
		closedReason: request.closedReason,
		language: request.language,
		questionHtml: request.question ? renderMarkdown(request.question) : null,
		createdAt: request.createdAt,
		waitingSince: request.waitingSince,
		claimLapsesAt: request.status === 'claimed' && request.touchedAt ? new Date(request.touchedAt.getTime() + claimLifetimeMs) : null,
		exercise: { slug: exercise.slug, title: exercise.title, statementHtml: renderMarkdown(exercise.statement) },
		student: studentProfile,
		mentor: request.mentorId ? { name: nameOf[request.mentorId] ?? '', organisation: organisations[request.mentorId] ?? null } : null,
		mine: request.mentorId === viewer.id,
		iterations: iterationRows.map((row, index) => ({
			number: row.number,
			submissionId: row.submissionId,
			createdAt: row.createdAt,
			source: row.source,
			result: results[index]
		})),
		comments: commentRows.map(({ comment, authorName }) => ({
			id: comment.id,
			iteration: numberOf.get(comment.iterationId) ?? 0,
			authorRole: comment.authorRole,
			// A student is their nickname to everyone here, whatever their account's display name.
			authorName: comment.authorRole === 'student' ? studentProfile.nickname : (authorName ?? ''),
			line: comment.line,
			lineText: comment.lineText,
			bodyHtml: renderMarkdown(comment.body),
			outcome: comment.outcome,
			draft: comment.publishedAt === null,
			createdAt: comment.createdAt
		})),
		can
	};
}

export interface EditorAnnotation {
	/** The line in the reviewed code (the iteration's), not in whatever the editor holds now. */
	line: number;
	lineText: string;
	bodyHtml: string;
	/** Plain text for the editor's hover (Monaco renders it as text, never HTML). */
	body: string;
	authorName: string;
}

export interface EditorReview {
	requestId: string;
	status: ReviewStatus;
	closedReason: ClosedReason | null;
	/** The iteration the comments were written on, its language and its code (what the comments' lines count in). */
	iteration: number;
	language: Language;
	reviewedSource: string;
	annotations: EditorAnnotation[];
}

/**
 * The mentor's posted line comments on the latest commented iteration of the student's discussion for this exercise
 * (the open one, else the most recent), for their editor, with the code they were written on: the editor follows
 * each reviewed line through the student's edits ($lib/reviews/annotations.ts).
 */
export async function editorReview(db: Database, studentId: string, exerciseId: string): Promise<EditorReview | null> {
	const [request] = await db
		.select({ id: reviewRequests.id, status: reviewRequests.status, closedReason: reviewRequests.closedReason, language: reviewRequests.language })
		.from(reviewRequests)
		.where(and(eq(reviewRequests.studentId, studentId), eq(reviewRequests.exerciseId, exerciseId)))
		.orderBy(sql`${reviewRequests.status} = 'closed'`, desc(reviewRequests.updatedAt))
		.limit(1);
	if (!request) return null;
	const rows = await db
		.select({
			comment: reviewComments,
			iteration: reviewIterations.number,
			language: submissions.language,
			submissionId: submissions.id,
			authorName: users.displayName
		})
		.from(reviewComments)
		.innerJoin(reviewIterations, eq(reviewIterations.id, reviewComments.iterationId))
		.innerJoin(submissions, eq(submissions.id, reviewIterations.submissionId))
		.leftJoin(users, eq(users.id, reviewComments.authorId))
		.where(and(eq(reviewComments.requestId, request.id), isNotNull(reviewComments.line), isNotNull(reviewComments.publishedAt)))
		.orderBy(desc(reviewIterations.number), asc(reviewComments.line), asc(reviewComments.id));
	const latest = rows[0]?.iteration;
	if (latest === undefined)
		return {
			requestId: request.id,
			status: request.status,
			closedReason: request.closedReason,
			iteration: 0,
			language: request.language,
			reviewedSource: '',
			annotations: []
		};
	const [reviewed] = await db.select({ source: submissions.source }).from(submissions).where(eq(submissions.id, rows[0]!.submissionId));
	return {
		requestId: request.id,
		status: request.status,
		closedReason: request.closedReason,
		iteration: latest,
		language: rows[0]!.language,
		reviewedSource: reviewed?.source ?? '',
		annotations: rows
			.filter((row) => row.iteration === latest)
			.map(({ comment, authorName }) => ({
				line: comment.line!,
				lineText: comment.lineText ?? '',
				bodyHtml: renderMarkdown(comment.body),
				body: comment.body,
				authorName: authorName ?? ''
			}))
	};
}
