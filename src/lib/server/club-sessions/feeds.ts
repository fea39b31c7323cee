// A personal iCalendar feed: a secret URL calendar apps subscribe to. It lists the sessions the person comes to or
// waits for (coordinators: every session), from 90 days back. Only the SHA-256 of the token is kept, so the URL is
// shown once when made; making a new one ends the old one.
import { and, eq, gte, ne, or } from 'drizzle-orm';
import * as m from '../../paraglide/messages.js';
import type { Database } from '../db';
import { userRoles, users, type Locale } from '../db/schema';
import { generateSecret, hashSecret } from '../auth';
import { calendarFeeds, clubSessions, clubSessionParticipants, type ClubSession } from './schema';
import { writeCalendar, type CalendarEvent } from './ical';

const tokenPattern = /^[a-z2-7]{32}$/;
const lookBackMs = 90 * 24 * 60 * 60 * 1000;

export async function createCalendarFeed(db: Database, userId: string, now = new Date()): Promise<string> {
	const token = generateSecret(20);
	const values = { tokenHash: hashSecret(token), createdAt: now, lastFetchedAt: null };
	await db
		.insert(calendarFeeds)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: calendarFeeds.userId, set: values });
	return token;
}

export async function deleteCalendarFeed(db: Database, userId: string): Promise<void> {
	await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}

export async function calendarFeedStatus(db: Database, userId: string): Promise<{ createdAt: Date; lastFetchedAt: Date | null } | null> {
	const [feed] = await db
		.select({ createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt })
		.from(calendarFeeds)
		.where(eq(calendarFeeds.userId, userId));
	return feed ?? null;
}

function toEvent(session: ClubSession, waitlisted: boolean, locale: Locale, origin: string): CalendarEvent {
	const cancelled = session.cancelledAt !== null;
	// The online link is for those with a seat (and mentors and coordinators), as on the session page.
	const showLink = !waitlisted && session.onlineUrl;
	const description = [
		waitlisted ? m.calendar_event_waitlisted({}, { locale }) : null,
		session.notes,
		showLink ? m.calendar_event_online({ url: session.onlineUrl! }, { locale }) : null,
		`${origin}/sessions/${session.id}`
	].filter(Boolean);
	return {
		uid: `${session.id}@it-bukatsu-portal`,
		start: session.startsAt,
		end: session.endsAt,
		summary: cancelled ? m.calendar_event_cancelled({ title: session.title }, { locale }) : session.title,
		location: session.venue ?? m.session_online({}, { locale }),
		description: description.join('\n\n'),
		url: `${origin}/sessions/${session.id}`,
		status: cancelled ? 'CANCELLED' : waitlisted ? 'TENTATIVE' : 'CONFIRMED',
		lastModified: session.updatedAt
	};
}

/** The feed behind a token, as an .ics text; null for an unknown token or a disabled account. */
export async function calendarFeed(db: Database, token: string, context: { origin: string; now?: Date }): Promise<string | null> {
	if (!tokenPattern.test(token)) return null;
	const now = context.now ?? new Date();
	const [owner] = await db
		.select({ userId: users.id, locale: users.locale, disabledAt: users.disabledAt })
		.from(calendarFeeds)
		.innerJoin(users, eq(users.id, calendarFeeds.userId))
		.where(eq(calendarFeeds.tokenHash, hashSecret(token)));
	if (!owner || owner.disabledAt) return null;
	await db.update(calendarFeeds).set({ lastFetchedAt: now }).where(eq(calendarFeeds.userId, owner.userId));
	const since = new Date(now.getTime() - lookBackMs);
	const roles = await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, owner.userId));
	const staff = roles.some((row) => row.role === 'coordinator');
	const rows = await db
		.select({ session: clubSessions, status: clubSessionParticipants.status })
		.from(clubSessions)
		.leftJoin(
			clubSessionParticipants,
			and(
				eq(clubSessionParticipants.sessionId, clubSessions.id),
				eq(clubSessionParticipants.userId, owner.userId),
				ne(clubSessionParticipants.status, 'cancelled')
			)
		)
		.where(
			and(
				gte(clubSessions.startsAt, since),
				staff ? undefined : or(eq(clubSessionParticipants.status, 'confirmed'), eq(clubSessionParticipants.status, 'waitlisted'))
			)
		)
		.orderBy(clubSessions.startsAt);
	const events = rows.map((row) => toEvent(row.session, row.status === 'waitlisted', owner.locale, context.origin));
	return writeCalendar({ name: m.calendar_name({}, { locale: owner.locale }), events, now });
}
