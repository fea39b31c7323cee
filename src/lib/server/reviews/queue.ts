// The mentors' queue: requests free to take, oldest first, and the exclusive claim. A claim is one conditional
// UPDATE: of two mentors claiming at once, the second finds the row already claimed (PostgreSQL re-checks the
// condition on the row the first one wrote), so exactly one wins.
import { and, asc, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises } from '../db/schema';
import type { Language } from '../judge';
import { isUuid } from '../ids';
import { studentPublicProfiles, type StudentPublicProfile } from '../mentoring';
import { availableCondition, claimLifetimeMs, isActiveMentorSql, isAvailable, iterationCount } from './access';
import { reviewComments, reviewRequests, type ReviewKind, type ReviewStatus } from './schema';
import { ok, refuse, type Outcome } from '../outcome';

const profileOf = (profiles: Record<string, StudentPublicProfile>, studentId: string): StudentPublicProfile =>
	profiles[studentId] ?? { nickname: '?', grade: null };

export interface QueueFilter {
	language?: Language;
	exerciseSlug?: string;
}

export interface QueueEntry {
	id: string;
	kind: ReviewKind;
	language: Language;
	exercise: { slug: string; title: string };
	student: StudentPublicProfile;
	question: string | null;
	iterations: number;
	waitingSince: Date;
	/** Someone had claimed it and let the claim lapse. */
	lapsed: boolean;
}

export const queuePageSize = 50;

/** Requests free to take, oldest first, with how many wait in all (the page shows the first 50). */
export async function listQueue(db: Database, filter: QueueFilter, locale: 'ja' | 'en', now = new Date()): Promise<{ entries: QueueEntry[]; total: number }> {
	const where = and(
		availableCondition(now),
		filter.language ? eq(reviewRequests.language, filter.language) : undefined,
		filter.exerciseSlug ? eq(exercises.slug, filter.exerciseSlug) : undefined
	);
	const [rows, [totals]] = await Promise.all([
		db
			.select({
				id: reviewRequests.id,
				kind: reviewRequests.kind,
				language: reviewRequests.language,
				studentId: reviewRequests.studentId,
				question: reviewRequests.question,
				status: reviewRequests.status,
				touchedAt: reviewRequests.touchedAt,
				waitingSince: reviewRequests.waitingSince,
				slug: exercises.slug,
				title: locale === 'en' ? exercises.titleEn : exercises.titleJa,
				iterations: iterationCount
			})
			.from(reviewRequests)
			.innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId))
			.where(where)
			.orderBy(asc(reviewRequests.waitingSince), asc(reviewRequests.id))
			.limit(queuePageSize),
		db.select({ total: count() }).from(reviewRequests).innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId)).where(where)
	]);
	const profiles = await studentPublicProfiles(db, [...new Set(rows.map((row) => row.studentId))]);
	return {
		total: totals?.total ?? 0,
		entries: rows.map((row) => ({
			id: row.id,
			kind: row.kind,
			language: row.language,
			exercise: { slug: row.slug, title: row.title },
			student: profileOf(profiles, row.studentId),
			question: row.question,
			iterations: row.iterations,
			waitingSince: row.waitingSince,
			lapsed: row.status === 'claimed' && isAvailable(row, now)
		}))
	};
}

/** The exercises that have requests in the queue, for the queue's filter. */
export async function queueExercises(db: Database, locale: 'ja' | 'en', now = new Date()) {
	return db
		.selectDistinct({ slug: exercises.slug, title: locale === 'en' ? exercises.titleEn : exercises.titleJa, sortOrder: exercises.sortOrder })
		.from(reviewRequests)
		.innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId))
		.where(availableCondition(now))
		.orderBy(asc(exercises.sortOrder), asc(exercises.slug));
}

export type ClaimProblem = 'review_error_not_found' | 'review_error_taken';

/** Takes the request for this mentor, exclusively. Refused when someone holds it, or the mentor is not active. */
export async function claimReview(db: Database, mentorId: string, requestId: string, now = new Date()): Promise<Outcome<ClaimProblem>> {
	if (!isUuid(requestId)) return refuse('review_error_not_found');
	const claimed = await db
		.update(reviewRequests)
		.set({ status: 'claimed', mentorId, claimedAt: now, touchedAt: now, updatedAt: now })
		.where(and(eq(reviewRequests.id, requestId), availableCondition(now), ne(reviewRequests.studentId, mentorId), isActiveMentorSql(mentorId)))
		.returning({ id: reviewRequests.id });
	if (claimed.length > 0) return ok;
	const [exists] = await db.select({ id: reviewRequests.id }).from(reviewRequests).where(eq(reviewRequests.id, requestId));
	return refuse(exists ? 'review_error_taken' : 'review_error_not_found');
}

/** The mentor hands a claimed request back: it returns to its place in the queue, and their unposted drafts go. */
export async function releaseClaim(db: Database, mentorId: string, requestId: string): Promise<boolean> {
	if (!isUuid(requestId)) return false;
	return db.transaction(async (tx) => {
		const released = await tx
			.update(reviewRequests)
			.set({ status: 'waiting', mentorId: null, claimedAt: null, touchedAt: null, updatedAt: new Date() })
			.where(and(eq(reviewRequests.id, requestId), eq(reviewRequests.status, 'claimed'), eq(reviewRequests.mentorId, mentorId)))
			.returning({ id: reviewRequests.id });
		if (released.length === 0) return false;
		await tx
			.delete(reviewComments)
			.where(and(eq(reviewComments.requestId, requestId), eq(reviewComments.authorId, mentorId), isNull(reviewComments.publishedAt)));
		return true;
	});
}

/**
 * A deactivated mentor's requests: claims go back to the queue (keeping their place), and discussions waiting on a
 * student lose their mentor, so that the student's next iteration goes to the queue.
 */
export async function releaseMentorRequests(db: Database, mentorId: string): Promise<number> {
	const now = new Date();
	const claims = await db
		.update(reviewRequests)
		.set({ status: 'waiting', mentorId: null, claimedAt: null, touchedAt: null, updatedAt: now })
		.where(and(eq(reviewRequests.mentorId, mentorId), eq(reviewRequests.status, 'claimed')))
		.returning({ id: reviewRequests.id });
	await db
		.update(reviewRequests)
		.set({ mentorId: null, updatedAt: now })
		.where(and(eq(reviewRequests.mentorId, mentorId), eq(reviewRequests.status, 'answered')));
	return claims.length;
}

export interface MentorRequest {
	id: string;
	kind: ReviewKind;
	status: ReviewStatus;
	exercise: { slug: string; title: string };
	student: StudentPublicProfile;
	updatedAt: Date;
	/** A live claim: when it lapses unless the mentor acts. */
	claimLapsesAt: Date | null;
}

/** The mentor's own discussions that are not closed: claimed (theirs to review) and answered (waiting on a student). */
export async function listMentorRequests(db: Database, mentorId: string, locale: 'ja' | 'en', now = new Date()): Promise<MentorRequest[]> {
	const rows = await db
		.select({
			id: reviewRequests.id,
			kind: reviewRequests.kind,
			status: reviewRequests.status,
			touchedAt: reviewRequests.touchedAt,
			updatedAt: reviewRequests.updatedAt,
			studentId: reviewRequests.studentId,
			slug: exercises.slug,
			title: locale === 'en' ? exercises.titleEn : exercises.titleJa
		})
		.from(reviewRequests)
		.innerJoin(exercises, eq(exercises.id, reviewRequests.exerciseId))
		.where(and(eq(reviewRequests.mentorId, mentorId), inArray(reviewRequests.status, ['claimed', 'answered'])))
		.orderBy(desc(reviewRequests.updatedAt))
		.limit(100);
	const live = rows.filter((row) => !(row.status === 'claimed' && isAvailable(row, now)));
	const profiles = await studentPublicProfiles(db, [...new Set(live.map((row) => row.studentId))]);
	return live.map((row) => ({
		id: row.id,
		kind: row.kind,
		status: row.status,
		exercise: { slug: row.slug, title: row.title },
		student: profileOf(profiles, row.studentId),
		updatedAt: row.updatedAt,
		claimLapsesAt: row.status === 'claimed' && row.touchedAt ? new Date(row.touchedAt.getTime() + claimLifetimeMs) : null
	}));
}

/** How many requests are free to take (the mentor's home shows it). */
export async function countQueue(db: Database, now = new Date()): Promise<number> {
	const [row] = await db.select({ total: count() }).from(reviewRequests).where(availableCondition(now));
	return row?.total ?? 0;
}
