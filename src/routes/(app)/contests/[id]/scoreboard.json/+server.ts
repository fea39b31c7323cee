import { error, json } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as contests from '$lib/server/contests';
import type { RequestHandler } from './$types';

/**
 * One page of the live scoreboard as JSON for the scoreboard page's refresh: the answer carries an ETag, and a request
 * whose If-None-Match names it gets a bare 304 (the browser's HTTP cache sends it by itself).
 */
export const GET: RequestHandler = async ({ locals, params, url, request }) => {
	const { user } = auth.requireAnyRole(locals, ['student', 'mentor', 'coordinator']);
	const board = await contests.scoreboardPage(locals.db, params.id, { viewerId: user.id, page: Number(url.searchParams.get('page')) || 1 });
	if (!board || (board.contest.cancelled && !user.roles.includes('coordinator'))) error(404, 'not found');
	const headers = { etag: board.etag, 'cache-control': 'private, no-cache' };
	if (request.headers.get('if-none-match') === board.etag) return new Response(null, { status: 304, headers });
	return json(board, { headers });
};
