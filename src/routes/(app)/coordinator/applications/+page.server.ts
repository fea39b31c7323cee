import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const applications = await membership.listApplications(locals.db);
	return {
		awaitingReview: applications.filter((application) => application.status === 'awaiting_review'),
		awaitingConsent: applications.filter((application) => application.status === 'awaiting_consent')
	};
};
