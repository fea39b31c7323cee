import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/exercises';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'student', url);
	const [progress, streak, recent, next] = await Promise.all([
		exercises.topicProgress(locals.db, user.id),
		exercises.submitStreak(locals.db, user.id),
		exercises.recentSubmits(locals.db, user.id),
		exercises.nextSuggestedExercise(locals.db, user.id)
	]);
	return { displayName: user.displayName, progress, streak, recent, next };
};
