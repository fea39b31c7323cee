import { fail } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import { failWith, parseForm } from '$lib/server/forms';
import { translate } from '$lib/server/i18n';
import { applicationChoiceForm } from '$lib/validation/membership';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const applications = await membership.listApplications(locals.db);
	return {
		awaitingReview: applications.filter((application) => application.status === 'awaiting_review'),
		awaitingConsent: applications.filter((application) => application.status === 'awaiting_consent')
	};
};

export const actions: Actions = {
	// Approving straight from the list; declining needs a reason and is done on the application's own page.
	approve: async ({ locals, request, url }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(applicationChoiceForm, form);
		if (!parsed.ok) return fail(404, { message: translate('applications_error_not_found') });
		const result = await membership.approveApplication(locals.db, user, parsed.data.id, url.origin);
		if (!result.ok) return failWith(form, result.problem, undefined, result.problem === 'applications_error_not_found' ? 404 : 409);
		return { approved: { name: result.fullName ?? '', memberNumber: result.memberNumber } };
	}
};
