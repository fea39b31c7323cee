import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/club-sessions';
import { failWith } from '$lib/server/forms';
import { attendedParticipantIds } from '$lib/validation/club-sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const list = await sessions.checkInList(locals.db, params.id);
	if (!list) error(404, 'session_not_found');
	return list;
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const { user } = auth.requireRole(locals, 'coordinator');
		const outcome = await sessions.recordAttendance(locals.db, user, params.id, attendedParticipantIds(await request.formData()));
		if (!outcome.ok) return failWith(new FormData(), outcome.problem, undefined, 404);
		return { saved: true };
	}
};
