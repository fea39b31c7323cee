import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/exercises';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireAnyRole(locals, ['student', 'mentor', 'coordinator'], url);
	const filter = exercises.parseCatalogFilter(url.searchParams);
	const [entries, progress, next] = await Promise.all([
		exercises.listCatalog(locals.db, user.id, filter),
		exercises.topicProgress(locals.db, user.id),
		exercises.nextSuggestedExercise(locals.db, user.id)
	]);
	return {
		filter,
		filtered: Object.values(filter).some((value) => value !== undefined),
		entries,
		progress,
		next,
		topics: exercises.topics.map(({ id, title }) => ({ id, title }))
	};
};
