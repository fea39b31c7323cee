import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/exercises';
import * as reviews from '$lib/server/reviews';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'student', url);
	const [progress, streak, recent, next, reviewRequests] = await Promise.all([
		exercises.topicProgress(locals.db, user.id),
		exercises.submitStreak(locals.db, user.id),
		exercises.recentSubmits(locals.db, user.id),
		exercises.nextSuggestedExercise(locals.db, user.id),
		reviews.listStudentRequests(locals.db, user.id, locals.locale)
	]);
	const openReviews = reviewRequests.filter((request) => request.status !== 'closed');
	return { displayName: user.displayName, progress, streak, recent, next, openReviews };
};
