import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as groups from '$lib/server/groups';
import { parseForm } from '$lib/server/forms';
import { groupForm } from '$lib/validation/groups';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	return { groups: await groups.listAllGroups(locals.db) };
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const parsed = parseForm(groupForm, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const id = await groups.createGroup(locals.db, user, parsed.data);
		redirect(303, `/coordinator/groups/${id}?created`);
	}
};
