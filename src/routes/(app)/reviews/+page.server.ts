import * as auth from '$lib/server/auth';
import * as reviews from '$lib/server/reviews';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'student', url);
	return { requests: await reviews.listStudentRequests(locals.db, user.id, locals.locale) };
};
