import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/club-sessions';
import { parseForm } from '$lib/server/forms';
import { sessionForm } from '$lib/validation/club-sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	return { kind: url.searchParams.get('kind') === 'trial' ? 'trial' : 'regular' };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const parsed = parseForm(sessionForm, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const id = await sessions.createSession(locals.db, user, parsed.data);
		redirect(303, `/coordinator/sessions/${id}?created`);
	}
};
