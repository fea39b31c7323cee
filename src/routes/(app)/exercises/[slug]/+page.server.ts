import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/judge/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = auth.requireAnyRole(locals, ['student', 'mentor', 'coordinator'], url);
	const exercise = await exercises.findExerciseForStudent(locals.db, params.slug, { includeDrafts: user.roles.includes('coordinator') });
	if (!exercise) error(404, 'not found');
	return { exercise };
};
