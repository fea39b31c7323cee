// Attendance for the coordinators' dashboard, next to membership: this school year's sessions held and who came.
import { and, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { japanDate, schoolYearOf } from '../../japan-time';
import { japanDateTime } from '../../japan-time';
import { clubSessions, clubSessionParticipants } from './schema';
import { listPastSessions, type SessionSummary } from './sessions';

export interface AttendanceSummary {
	/** The Japanese school year (April to March). */
	schoolYear: number;
	sessionsHeld: number;
	/** Check-ins of students, counting each session a student came to. */
	studentAttendances: number;
	/** Different students who came at least once. */
	distinctStudents: number;
	mentorAttendances: number;
	/** The latest sessions held, newest first. */
	recent: SessionSummary[];
}

export async function attendanceSummary(db: Database, now = new Date()): Promise<AttendanceSummary> {
	const schoolYear = schoolYearOf(japanDate(now));
	const held = and(gte(clubSessions.startsAt, japanDateTime(`${schoolYear}-04-01`, '00:00')), lt(clubSessions.endsAt, now), isNull(clubSessions.cancelledAt));
	const [[sessionCount], [attendance], recent] = await Promise.all([
		db
			.select({ count: sql<number>`count(*)::int` })
			.from(clubSessions)
			.where(held),
		db
			.select({
				students: sql<number>`(count(*) filter (where ${clubSessionParticipants.role} = 'student'))::int`,
				distinctStudents: sql<number>`(count(distinct ${clubSessionParticipants.userId}) filter (where ${clubSessionParticipants.role} = 'student'))::int`,
				mentors: sql<number>`(count(*) filter (where ${clubSessionParticipants.role} = 'mentor'))::int`
			})
			.from(clubSessionParticipants)
			.innerJoin(clubSessions, eq(clubSessions.id, clubSessionParticipants.sessionId))
			.where(and(held, isNotNull(clubSessionParticipants.checkedInAt))),
		listPastSessions(db, now, 6)
	]);
	return {
		schoolYear,
		sessionsHeld: Number(sessionCount?.count ?? 0),
		studentAttendances: Number(attendance?.students ?? 0),
		distinctStudents: Number(attendance?.distinctStudents ?? 0),
		mentorAttendances: Number(attendance?.mentors ?? 0),
		recent: recent.filter((session) => !session.cancelled)
	};
}
