import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as membership from '$lib/server/membership';
import { failWith, parseForm } from '$lib/server/forms';
import { rejectionForm } from '$lib/validation/membership';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = auth.requireRole(locals, 'coordinator', url);
	const application = await membership.viewApplication(locals.db, user, params.id);
	if (!application) error(404, 'application_not_found');
	return { application };
};

export const actions: Actions = {
	approve: async ({ locals, params }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const result = await membership.approveApplication(locals.db, user, params.id, locals.config.origin);
		if (!result.ok) return failWith(new FormData(), result.problem, undefined, result.problem === 'applications_error_not_found' ? 404 : 409);
		redirect(303, `/coordinator/members/${result.memberId}?approved=${encodeURIComponent(result.memberNumber)}`);
	},
	reject: async ({ locals, params, request }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(rejectionForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await membership.rejectApplication(locals.db, user, params.id, parsed.data.reason);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, outcome.problem === 'applications_error_not_found' ? 404 : 409);
		return { rejected: true };
	}
};
