import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as mentoring from '$lib/server/mentoring';
import type { Actions, PageServerLoad } from './$types';

/** A mentor applicant's own application: where it stands and what happens next. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	const application = await mentoring.latestMentorApplication(locals.db, user.id);
	if (!application) redirect(303, '/mentors/apply');
	return { application, submitted: url.searchParams.has('submitted') };
};

export const actions: Actions = {
	withdraw: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		await mentoring.withdrawMentorApplication(locals.db, user.id);
		return { withdrawn: true };
	}
};
