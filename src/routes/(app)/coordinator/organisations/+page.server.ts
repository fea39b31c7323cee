import * as auth from '$lib/server/auth';
import * as mentoring from '$lib/server/mentoring';
import { failWith, parseForm } from '$lib/server/forms';
import { organisationForm } from '$lib/validation/mentoring';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	return { organisations: await mentoring.listOrganisations(locals.db) };
};

export const actions: Actions = {
	add: async ({ request, locals }) => {
		auth.requireRole(locals, 'coordinator');
		const form = await request.formData();
		const parsed = parseForm(organisationForm, form);
		if (!parsed.ok) return parsed.failure;
		const created = await mentoring.createOrganisation(locals.db, parsed.data);
		if (!created.ok) return failWith(form, created.problem, 'name');
		return { added: true };
	}
};
