// Deactivating a mentor touches three domains: the role (mentoring), their future session sign-ups (sessions) and
// the reviews they had claimed (reviews). The workflow sits above all three, so that none of them calls the others.
import type { Database } from './db';
import * as audit from './audit';
import * as mentoring from './mentoring';
import * as reviews from './reviews';
import * as sessions from './club-sessions';
import { ok, type Outcome } from './outcome';

/**
 * Takes the mentor role away (refused from the very next request), cancels the mentor's future session sign-ups
 * and hands the reviews they had claimed back to the queue, in one transaction.
 */
export async function deactivateMentor(
	db: Database,
	actor: audit.Actor,
	userId: string,
	reason: string | undefined,
	now = new Date()
): Promise<Outcome<mentoring.MentorProblem>> {
	return db.transaction(async (tx) => {
		const deactivated = await mentoring.deactivateMentorRole(tx, actor, userId, reason, now);
		if (!deactivated.ok) return deactivated;
		const cancelled = await sessions.cancelFutureMentorSignUps(tx, userId, now);
		const releasedReviews = await reviews.releaseMentorRequests(tx, userId);
		await audit.record(tx, actor, 'mentor_deactivated', { detail: { userId, cancelledSignUps: cancelled, releasedReviews } });
		return ok;
	});
}
