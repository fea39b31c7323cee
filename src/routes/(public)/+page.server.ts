import * as sessions from '$lib/server/club-sessions';
import type { PageServerLoad } from './$types';

/** The home page: the next club sessions, as anyone may know them (no online links, nobody's names). */
export const load: PageServerLoad = async ({ locals }) => {
	const upcoming = await sessions.listSessions(locals.db, { from: new Date(), includeCancelled: false, limit: 3 });
	return { upcomingSessions: upcoming.map(sessions.publicListing) };
};
