import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/club-sessions';
import { etagOf } from '$lib/server/caching';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = auth.requireUser(locals, url);
	const result = await sessions.sessionRoom(locals.db, user, params.id);
	if (!result.ok)
		error(result.problem === 'session_error_not_found' ? 404 : 403, result.problem === 'session_error_not_found' ? 'session_not_found' : 'forbidden');
	return {
		room: result.room,
		// The room endpoint's tag for this very state, so the page's first refresh is already a bare 304.
		etag: etagOf(JSON.stringify(result.room)),
		stuckRule: sessions.stuckRule,
		// Mentors answer calls for help from their review pages; coordinators read the discussion.
		helpBase: user.roles.includes('mentor') ? '/mentor/reviews' : '/reviews'
	};
};
