// A person's own data download (/me/data): what each domain keeps about them, as one JSON document. It sits above
// the domains it gathers from, so that none of them calls another for it.
import type { Database } from './db';
import * as audit from './audit';
import * as badges from './badges';
import * as membership from './membership';
import * as reviews from './reviews';

/** Everything the portal keeps about the person's membership, their review requests and badges, as one JSON document. */
export async function exportOwnData(db: Database, actor: audit.Actor, now = new Date()) {
	return exportPersonData(db, actor.id, actor, now);
}

/** The same document for the person `userId`, asked for by `requester` (themselves, or their guardian). */
export async function exportPersonData(db: Database, userId: string, requester: audit.Actor | audit.Outsider, now = new Date()) {
	const { memberId, document } = await membership.exportOwnMembershipData(db, userId, now);
	const [reviewRequests, reviewCommentsWritten, badgesEarned] = await Promise.all([
		reviews.exportOwnReviews(db, userId),
		reviews.exportOwnReviewComments(db, userId),
		badges.exportOwnBadges(db, userId)
	]);
	await audit.record(db, requester, 'own_data_exported', { memberId, detail: requester.id ? {} : { byGuardian: true } });
	return { ...document, reviewRequests, reviewCommentsWritten, badgesEarned };
}
