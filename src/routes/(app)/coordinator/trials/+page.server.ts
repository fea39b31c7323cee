import * as auth from '$lib/server/auth';
import * as trials from '$lib/server/trials';
import type { PageServerLoad } from './$types';

const recentDays = 60;

/** Trial sessions still to come and of the last two months, with their bookings counted. */
export const load: PageServerLoad = async ({ locals, url }) => {
	auth.requireRole(locals, 'coordinator', url);
	const since = new Date(Date.now() - recentDays * 24 * 60 * 60 * 1000);
	return { sessions: await trials.listTrials(locals.db, since), retentionDays: locals.config.trialRetentionDays };
};
