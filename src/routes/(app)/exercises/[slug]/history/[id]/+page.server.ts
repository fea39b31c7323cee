import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as exercises from '$lib/server/exercises';
import { viewSubmission } from '$lib/server/judge/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	const attempt = await exercises.findAttempt(locals.db, user, params.slug, params.id);
	// Someone else's attempt is answered exactly like a missing one.
	if (!attempt) error(404, 'not found');
	const result = await viewSubmission(locals.db, params.id, user);
	if (!result) error(404, 'not found');
	return { attempt, result };
};
