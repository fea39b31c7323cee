import { error, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as mentoring from '$lib/server/mentoring';
import { failWith, parseForm } from '$lib/server/forms';
import { organisationForm } from '$lib/validation/mentoring';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const organisation = await mentoring.findOrganisation(locals.db, params.id);
	if (!organisation) error(404, 'org_not_found');
	return {
		name: organisation.name,
		values: { name: organisation.name, kind: organisation.kind, website: organisation.website ?? '', archived: organisation.archivedAt ? 'on' : '' }
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(organisationForm, form);
		if (!parsed.ok) return parsed.failure;
		const outcome = await mentoring.updateOrganisation(locals.db, params.id, parsed.data);
		if (!outcome.ok)
			return failWith(
				form,
				outcome.problem,
				outcome.problem === 'org_error_name_taken' ? 'name' : undefined,
				outcome.problem === 'org_error_not_found' ? 404 : 400
			);
		redirect(303, '/coordinator/organisations?saved');
	}
};
