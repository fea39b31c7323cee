// Mentors' time, counted so it can be recognised: the club sessions each mentor attended (checked in at a session that
// took place; hours from the session's start and end), and the reviews they posted, per school year (April to March
// in Japan). The same figures make a mentor's yearly activity certificate and a partner organisation's report.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { clubSessionParticipants, clubSessions } from '../club-sessions/schema';
import { reviewComments } from '../reviews/schema';
import { mentorApplications, mentors, partnerOrganisations } from '../mentoring/schema';
import { japanDate, japanDateTime, schoolYearOf } from '../../japan-time';
import type { MentorYearFacts } from './schema';

export interface AttendedSession {
	id: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	hours: number;
}

export interface MentorYear {
	schoolYear: number;
	sessions: AttendedSession[];
	hours: number;
	reviews: number;
	facts: MentorYearFacts;
}

export interface MentorRecord {
	name: string;
	organisation: string | null;
	/** Newest first; only years with something done. */
	years: MentorYear[];
}

const hour = 60 * 60 * 1000;
/** Hours to a tenth, as certificates print them. */
const roundHours = (hours: number) => Math.round(hours * 10) / 10;

/** The instant a school year starts (April 1st, 00:00 in Japan). */
export function schoolYearStart(schoolYear: number): Date {
	return japanDateTime(`${schoolYear}-04-01`, '00:00');
}

/** How a mentor is named on their certificate and in their organisation's report: the name they applied with. */
async function mentorIdentities(db: Database, userIds: string[]) {
	if (userIds.length === 0) return new Map<string, { name: string; organisation: string | null }>();
	const rows = await db
		.select({
			userId: users.id,
			displayName: users.displayName,
			fullName: mentorApplications.fullName,
			partnerName: partnerOrganisations.name,
			organisationOther: mentors.organisationOther
		})
		.from(users)
		.leftJoin(mentors, eq(mentors.userId, users.id))
		.leftJoin(mentorApplications, eq(mentorApplications.id, mentors.applicationId))
		.leftJoin(partnerOrganisations, eq(partnerOrganisations.id, mentors.organisationId))
		.where(inArray(users.id, userIds));
	return new Map(rows.map((row) => [row.userId, { name: row.fullName ?? row.displayName, organisation: row.partnerName ?? row.organisationOther ?? null }]));
}

/** Sessions attended and reviews posted by these mentors, between two instants (both before `now`). */
async function activityOf(db: Database, userIds: string[], from: Date, until: Date) {
	if (userIds.length === 0) return { sessions: [], reviews: [] };
	const [sessions, reviews] = await Promise.all([
		db
			.select({
				userId: clubSessionParticipants.userId,
				id: clubSessions.id,
				title: clubSessions.title,
				startsAt: clubSessions.startsAt,
				endsAt: clubSessions.endsAt
			})
			.from(clubSessionParticipants)
			.innerJoin(clubSessions, eq(clubSessions.id, clubSessionParticipants.sessionId))
			.where(
				and(
					inArray(clubSessionParticipants.userId, userIds),
					eq(clubSessionParticipants.role, 'mentor'),
					eq(clubSessionParticipants.status, 'confirmed'),
					isNotNull(clubSessionParticipants.checkedInAt),
					isNull(clubSessions.cancelledAt),
					gte(clubSessions.startsAt, from),
					lt(clubSessions.startsAt, until)
				)
			)
			.orderBy(asc(clubSessions.startsAt)),
		db
			.select({ userId: reviewComments.authorId, publishedAt: reviewComments.publishedAt })
			.from(reviewComments)
			.where(
				and(
					inArray(reviewComments.authorId, userIds),
					isNotNull(reviewComments.outcome),
					isNotNull(reviewComments.publishedAt),
					gte(reviewComments.publishedAt, from),
					lt(reviewComments.publishedAt, until)
				)
			)
			.orderBy(desc(reviewComments.publishedAt))
	]);
	return { sessions, reviews };
}

/** A mentor's own record, every school year with activity, up to now. */
export async function mentorRecord(db: Database, userId: string, now = new Date()): Promise<MentorRecord> {
	const identity = (await mentorIdentities(db, [userId])).get(userId) ?? { name: '', organisation: null };
	const { sessions, reviews } = await activityOf(db, [userId], new Date(0), now);
	const today = japanDate(now);
	const years = new Map<number, { sessions: AttendedSession[]; reviews: number }>();
	const yearOf = (at: Date) => {
		const year = schoolYearOf(japanDate(at));
		if (!years.has(year)) years.set(year, { sessions: [], reviews: 0 });
		return years.get(year)!;
	};
	for (const session of sessions) {
		// A session still going on counts once it has ended.
		if (session.endsAt > now) continue;
		const hours = Math.max(0, session.endsAt.getTime() - session.startsAt.getTime()) / hour;
		yearOf(session.startsAt).sessions.push({
			id: session.id,
			title: session.title,
			startsAt: session.startsAt,
			endsAt: session.endsAt,
			hours: roundHours(hours)
		});
	}
	for (const review of reviews) yearOf(review.publishedAt!).reviews++;
	return {
		...identity,
		years: [...years.entries()]
			.sort(([a], [b]) => b - a)
			.map(([schoolYear, year]) => {
				const hours = roundHours(year.sessions.reduce((sum, session) => sum + session.hours, 0));
				const yearEnd = `${schoolYear + 1}-03-31`;
				return {
					schoolYear,
					sessions: year.sessions,
					hours,
					reviews: year.reviews,
					facts: {
						kind: 'mentor_year',
						schoolYear,
						organisation: identity.organisation,
						sessions: year.sessions.length,
						hours,
						reviews: year.reviews,
						asOf: today < yearEnd ? today : yearEnd
					}
				};
			})
	};
}

export interface OrganisationReport {
	organisation: { id: string; name: string };
	schoolYear: number;
	/** Every mentor of the organisation, with what they did in the year (mentors only: no student appears). */
	mentors: Array<{ name: string; sessions: number; hours: number; reviews: number }>;
	totals: { mentors: number; active: number; sessions: number; hours: number; reviews: number };
}

/** A partner organisation's mentors and their year; null for an unknown organisation. */
export async function organisationReport(db: Database, organisationId: string, schoolYear: number, now = new Date()): Promise<OrganisationReport | null> {
	const [organisation] = await db
		.select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
		.from(partnerOrganisations)
		.where(eq(partnerOrganisations.id, organisationId));
	if (!organisation) return null;
	const memberRows = await db.select({ userId: mentors.userId }).from(mentors).where(eq(mentors.organisationId, organisationId));
	const userIds = memberRows.map((row) => row.userId);
	const until = new Date(Math.min(schoolYearStart(schoolYear + 1).getTime(), now.getTime()));
	const [identities, activity] = await Promise.all([mentorIdentities(db, userIds), activityOf(db, userIds, schoolYearStart(schoolYear), until)]);
	const rows = userIds.map((userId) => {
		const attended = activity.sessions.filter((session) => session.userId === userId && session.endsAt <= now);
		const hours = attended.reduce((sum, session) => sum + roundHours(Math.max(0, session.endsAt.getTime() - session.startsAt.getTime()) / hour), 0);
		return {
			name: identities.get(userId)?.name ?? '',
			sessions: attended.length,
			hours: roundHours(hours),
			reviews: activity.reviews.filter((review) => review.userId === userId).length
		};
	});
	rows.sort((a, b) => b.hours - a.hours || b.reviews - a.reviews || a.name.localeCompare(b.name, 'ja'));
	return {
		organisation,
		schoolYear,
		mentors: rows,
		totals: {
			mentors: rows.length,
			active: rows.filter((row) => row.sessions > 0 || row.reviews > 0).length,
			sessions: rows.reduce((sum, row) => sum + row.sessions, 0),
			hours: roundHours(rows.reduce((sum, row) => sum + row.hours, 0)),
			reviews: rows.reduce((sum, row) => sum + row.reviews, 0)
		}
	};
}

/** The school years a report can be asked for: from the earliest session to this one, newest first. */
export async function reportableYears(db: Database, now = new Date()): Promise<number[]> {
	const [row] = await db
		.select({ first: sql<Date | null>`min(${clubSessions.startsAt})`.mapWith((value) => (value ? new Date(value) : null)) })
		.from(clubSessions);
	const current = schoolYearOf(japanDate(now));
	const first = row?.first ? Math.min(schoolYearOf(japanDate(row.first)), current) : current;
	return Array.from({ length: current - first + 1 }, (_, index) => current - index);
}
