import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/club-sessions';
import { privateJsonWithEtag } from '$lib/server/caching';
import type { RequestHandler } from './$types';

// The room of a club session (its mentors' view), asked for again every few seconds by the room page: a bare 304
// while nothing in it changed. A mentor not at the session and a student get 403 and nothing of it.
export const GET: RequestHandler = async ({ params, locals, request }) => {
	const { user } = auth.requireUser(locals);
	const result = await sessions.sessionRoom(locals.db, user, params.id);
	if (!result.ok) error(result.problem === 'session_error_not_found' ? 404 : 403, result.problem === 'session_error_not_found' ? 'not found' : 'forbidden');
	return privateJsonWithEtag(result.room, request.headers.get('if-none-match'));
};
