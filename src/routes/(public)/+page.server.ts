import * as sessions from '$lib/server/club-sessions';
import * as trials from '$lib/server/trials';
import type { PageServerLoad } from './$types';

/**
 * The home page: the next club sessions and trial sessions (with seats left), as anyone may know them: no online
 * links, nobody's names. It is the same for every visitor and kept (caching/visitor-pages.ts); a booking moves the
 * shared pages' counter, so the seats shown are fresh.
 */
export const load: PageServerLoad = async ({ locals }) => {
	const now = new Date();
	const [upcoming, trialSessions] = await Promise.all([
		sessions.listSessions(locals.db, { from: now, includeCancelled: false, limit: 6 }),
		trials.listUpcomingTrials(locals.db, now, 4)
	]);
	return {
		upcomingSessions: upcoming
			.filter((session) => session.kind === 'regular')
			.slice(0, 3)
			.map(sessions.publicListing),
		trialSessions: trialSessions.map(({ id, title, startsAt, endsAt, venue, mapUrl, whatToBring, seatsLeft }) => ({
			id,
			title,
			startsAt,
			endsAt,
			venue,
			mapUrl,
			whatToBring,
			seatsLeft
		}))
	};
};
