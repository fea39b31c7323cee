import { error } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';
import * as contests from '$lib/server/contests';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { user } = auth.requireAnyRole(locals, ['student', 'mentor', 'coordinator'], url);
	const board = await contests.scoreboardPage(locals.db, params.id, { viewerId: user.id, page: Number(url.searchParams.get('page')) || 1 });
	if (!board || (board.contest.cancelled && !user.roles.includes('coordinator'))) error(404, 'not found');
	return { board };
};
