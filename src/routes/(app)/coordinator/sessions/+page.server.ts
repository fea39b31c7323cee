import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/club-sessions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const now = new Date();
	const [upcoming, past] = await Promise.all([sessions.listSessions(locals.db, { from: now }), sessions.listPastSessions(locals.db, now, 30)]);
	return { upcoming, past };
};
