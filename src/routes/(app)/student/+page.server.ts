import * as auth from '$lib/server/auth';
import * as badges from '$lib/server/badges';
import * as exercises from '$lib/server/exercises';
import * as reviews from '$lib/server/reviews';
import * as sessions from '$lib/server/club-sessions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'student', url);
	const [catalog, streak, recent, reviewRequests, upcoming, badgeShelf, today] = await Promise.all([
		exercises.catalogEntries(locals.db, user.id),
		exercises.submitStreak(locals.db, user.id),
		exercises.recentSubmits(locals.db, user.id),
		reviews.listStudentRequests(locals.db, user.id, locals.locale),
		sessions.listSessions(locals.db, { from: new Date(), includeCancelled: false, limit: 3 }),
		badges.studentBadges(locals.db, user.id),
		sessions.todaysExercisesOf(locals.db, user.id)
	]);
	const progress = exercises.progressByTopic(catalog);
	const next = exercises.nextSuggested(catalog);
	const openReviews = reviewRequests.filter((request) => request.status !== 'closed');
	const mine = await sessions.participationOf(
		locals.db,
		user.id,
		upcoming.map((session) => session.id)
	);
	const upcomingSessions = upcoming.map((session) => ({ ...sessions.publicListing(session), participation: mine[session.id] ?? null }));
	return { displayName: user.displayName, progress, streak, recent, next, openReviews, upcomingSessions, badges: badgeShelf, today };
};
