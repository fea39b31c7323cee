import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/exercises';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = auth.requireAnyRole(locals, ['student', 'mentor', 'coordinator'], url);
	const exercise = await exercises.findExerciseTitle(locals.db, params.slug, { includeUnpublished: user.roles.includes('coordinator'), locale: locals.locale });
	if (!exercise) error(404, 'not found');
	return { exercise, submits: await exercises.listSubmits(locals.db, user.id, exercise.id) };
};
