import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/sessions';
import { failWith } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'mentor', url);
	const [mine, needing] = await Promise.all([sessions.upcomingSessionsOf(locals.db, user.id), sessions.listSessionsNeedingMentors(locals.db)]);
	const signedUp = new Set(mine.map((session) => session.id));
	return {
		displayName: user.displayName,
		mine,
		needing: needing.filter((session) => !signedUp.has(session.id)).map(sessions.withoutOnlineLink)
	};
};

export const actions: Actions = {
	signUp: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		const problem = await sessions.signUpMentor(locals.db, String(form.get('sessionId') ?? ''), user.id);
		if (problem) return failWith(form, problem, undefined, problem === 'session_error_not_found' ? 404 : 409);
		return { signedUp: true };
	}
};
