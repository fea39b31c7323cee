import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as mentoring from '$lib/server/mentoring';
import { homeFor } from '$lib/server/paths';
import type { PageServerLoad } from './$types';

/** After login, sends the person to the page of their role (known only once the new session is read). */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	// Someone who applied to be a mentor and has no role yet starts at their application's status.
	if (user.roles.length === 0 && (await mentoring.latestMentorApplication(locals.db, user.id))) redirect(303, '/mentors/application');
	redirect(303, homeFor(user.roles));
};
