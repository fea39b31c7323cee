// Who may do what with a review request. Every read and write of the review domain goes through `accessFor`, so
// the rules live in one place: the student owns their discussion; a mentor sees a request that is free to take
// (to decide whether to claim it) or their own; another mentor's claim is answered like a missing request.
import { and, eq, lt, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Database } from '../db';
import { isUuid } from '../ids';
import { reviewRequests, type ReviewRequest } from './schema';

/** A claim the mentor has not acted on for this long returns to the queue. */
export const claimLifetimeMs = 48 * 60 * 60 * 1000;

export const claimLapsesBefore = (now: Date) => new Date(now.getTime() - claimLifetimeMs);

/** Free to claim: waiting, or claimed but left untouched past the claim's lifetime. */
export function availableCondition(now: Date) {
	return or(eq(reviewRequests.status, 'waiting'), and(eq(reviewRequests.status, 'claimed'), lt(reviewRequests.touchedAt, claimLapsesBefore(now))));
}

export function isAvailable(request: Pick<ReviewRequest, 'status' | 'touchedAt'>, now: Date): boolean {
	return request.status === 'waiting' || (request.status === 'claimed' && request.touchedAt !== null && request.touchedAt < claimLapsesBefore(now));
}

/** Whether the mentor's claim is live: theirs, claimed and touched within the claim's lifetime. */
export function holdsClaim(request: Pick<ReviewRequest, 'status' | 'touchedAt' | 'mentorId'>, mentorId: string, now: Date): boolean {
	return request.status === 'claimed' && request.mentorId === mentorId && !isAvailable(request, now);
}

export type Viewer = { id: string; as: 'student' | 'mentor' | 'coordinator' };

export interface Permissions {
	claim: boolean;
	/** Write line comments and post the review. */
	review: boolean;
	reply: boolean;
	/** The student ends the discussion (or withdraws a request no mentor has taken). */
	close: boolean;
}

export interface Access {
	request: ReviewRequest;
	can: Permissions;
}

const nothing: Permissions = { claim: false, review: false, reply: false, close: false };

/** The request and what `viewer` may do with it; undefined when they may not see it at all. */
export async function accessFor(db: Database, requestId: string, viewer: Viewer, now: Date, options: { lock?: boolean } = {}): Promise<Access | undefined> {
	if (!isUuid(requestId)) return undefined;
	const query = db.select().from(reviewRequests).where(eq(reviewRequests.id, requestId));
	const [request] = options.lock ? await query.for('update') : await query;
	if (!request) return undefined;
	const open = request.status !== 'closed';
	if (viewer.as === 'coordinator') return { request, can: nothing };
	if (viewer.as === 'student') {
		if (request.studentId !== viewer.id) return undefined;
		return { request, can: { ...nothing, reply: open, close: open } };
	}
	if (request.studentId === viewer.id) return undefined;
	if (isAvailable(request, now)) return { request, can: { ...nothing, claim: true } };
	if (request.mentorId !== viewer.id) return undefined;
	const claimed = holdsClaim(request, viewer.id, now);
	return { request, can: { ...nothing, review: claimed, reply: claimed || request.status === 'answered' } };
}

/** Refreshes the claim's lifetime: the mentor is working on it. */
export async function touchClaim(db: Database, requestId: string, now: Date): Promise<void> {
	await db
		.update(reviewRequests)
		.set({ touchedAt: now, updatedAt: now })
		.where(and(eq(reviewRequests.id, requestId), eq(reviewRequests.status, 'claimed')));
}

/** Whether the user (an id, or a column holding one) holds the mentor role on an enabled account. */
export const isActiveMentorSql = (user: string | AnyColumn) =>
	sql<boolean>`exists (select 1 from user_roles r join users u on u.id = r.user_id where r.user_id = ${user} and r.role = 'mentor' and u.disabled_at is null)`;

/** How many iterations a request has, as a column of a select on review_requests. */
export const iterationCount = sql<number>`(select count(*)::int from review_iterations i where i.request_id = review_requests.id)`.mapWith(Number);
