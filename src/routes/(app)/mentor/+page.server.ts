import * as auth from '$lib/server/auth';
import * as reviews from '$lib/server/reviews';
import * as sessions from '$lib/server/club-sessions';
import { failWith } from '$lib/server/forms';
import { japanDate } from '$lib/japan-time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireRole(locals, 'mentor', url);
	const [mine, needing, queued, reviewing] = await Promise.all([
		sessions.upcomingSessionsOf(locals.db, user.id),
		sessions.listSessionsNeedingMentors(locals.db),
		reviews.countQueue(locals.db),
		reviews.listMentorRequests(locals.db, user.id, locals.locale)
	]);
	const signedUp = new Set(mine.map((session) => session.id));
	return {
		displayName: user.displayName,
		reviews: {
			queued,
			claimed: reviewing.filter((request) => request.status === 'claimed').length,
			answered: reviewing.filter((request) => request.status === 'answered').length
		},
		mine,
		today: japanDate(),
		needing: needing.filter((session) => !signedUp.has(session.id)).map(sessions.withoutOnlineLink)
	};
};

export const actions: Actions = {
	signUp: async ({ request, locals }) => {
		const { user } = auth.requireRole(locals, 'mentor');
		const form = await request.formData();
		const outcome = await sessions.signUpMentor(locals.db, String(form.get('sessionId') ?? ''), user.id);
		if (!outcome.ok) return failWith(form, outcome.problem, undefined, outcome.problem === 'session_error_not_found' ? 404 : 409);
		return { signedUp: true };
	}
};
