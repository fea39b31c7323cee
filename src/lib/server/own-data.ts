// A person's own data download (/me/data): what each domain keeps about them, as one JSON document. It sits above
// the domains it gathers from, so that none of them calls another for it.
import type { Database } from './db';
import * as audit from './audit';
import * as badges from './badges';
import * as membership from './membership';
import * as reviews from './reviews';

/** Everything the portal keeps about the person's membership, their review requests and badges, as one JSON document. */
export async function exportOwnData(db: Database, actor: audit.Actor, now = new Date()) {
	const { memberId, document } = await membership.exportOwnMembershipData(db, actor, now);
	const [reviewRequests, reviewCommentsWritten, badgesEarned] = await Promise.all([
		reviews.exportOwnReviews(db, actor.id),
		reviews.exportOwnReviewComments(db, actor.id),
		badges.exportOwnBadges(db, actor.id)
	]);
	await audit.record(db, actor, 'own_data_exported', { memberId });
	return { ...document, reviewRequests, reviewCommentsWritten, badgesEarned };
}
