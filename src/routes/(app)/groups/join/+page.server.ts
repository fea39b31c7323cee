import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as groups from '$lib/server/groups';
import { failWith, parseForm } from '$lib/server/forms';
import { joinForm } from '$lib/validation/groups';
import type { Actions, PageServerLoad } from './$types';

// The QR link brings the code in the query; joining still takes the student's own press of the button.
export const load: PageServerLoad = ({ locals, url }) => {
	auth.requireRole(locals, 'student', url);
	const code = (url.searchParams.get('code') ?? '').slice(0, 40);
	return { code };
};

export const actions: Actions = {
	default: async ({ request, locals, getClientAddress }) => {
		const { user } = auth.requireRole(locals, 'student');
		const form = await request.formData();
		const parsed = parseForm(joinForm, form);
		if (!parsed.ok) return parsed.failure;
		const joined = await groups.joinWithCode(locals.db, { id: user.id, address: getClientAddress() }, parsed.data.code);
		if (!joined.ok) return failWith(form, joined.problem, 'code', joined.problem === 'groups_error_too_many_attempts' ? 429 : 400);
		redirect(303, `/groups?joined=${joined.groupId}${joined.alreadyMember ? '&already' : ''}`);
	}
};
