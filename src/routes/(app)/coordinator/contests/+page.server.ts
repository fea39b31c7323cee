import * as auth from '$lib/server/auth';
import * as contests from '$lib/server/contests';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	return contests.listContests(locals.db, { includeCancelled: true, ended: 50 });
};
