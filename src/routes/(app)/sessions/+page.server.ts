import * as auth from '$lib/server/auth';
import * as sessions from '$lib/server/club-sessions';
import { japanDateAndTime } from '$lib/japan-time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = auth.requireUser(locals, url);
	const calendar = sessions.calendarMonth(url.searchParams.get('month'));
	const [inMonth, mine, feed] = await Promise.all([
		sessions.listSessions(locals.db, { from: calendar.from, to: calendar.to }),
		sessions.upcomingSessionsOf(locals.db, user.id),
		sessions.calendarFeedStatus(locals.db, user.id)
	]);
	const answers = await sessions.participationOf(
		locals.db,
		user.id,
		inMonth.map((session) => session.id)
	);
	return {
		calendar: { month: calendar.month, previous: calendar.previous, next: calendar.next, weeks: calendar.weeks },
		sessions: inMonth.map((session) => ({ ...sessions.withoutOnlineLink(session), participation: answers[session.id] ?? null })),
		mine: mine.map((session) => ({ ...sessions.withoutOnlineLink(session), participation: session.participation })),
		feed,
		now: new Date(),
		today: japanDateAndTime(new Date()).date
	};
};

export const actions: Actions = {
	createFeed: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		const token = await sessions.createCalendarFeed(locals.db, user.id);
		return { feedUrl: `${locals.config.origin}/calendar/${token}.ics` };
	},
	deleteFeed: async ({ locals }) => {
		const { user } = auth.requireUser(locals);
		await sessions.deleteCalendarFeed(locals.db, user.id);
		return { feedDeleted: true };
	}
};
