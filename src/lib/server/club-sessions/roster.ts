// Who is coming to a session, as mentors and coordinators see it on the session page: students by nickname and
// grade only (mentoring/profiles.ts), mentors by display name and organisation.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { users } from '../db/schema';
import { japanDate } from '../../japan-time';
import { mentorOrganisations } from '../mentoring';
import { studentPublicProfiles, type StudentPublicProfile } from '../mentoring';
import { clubSessionParticipants } from './schema';

export interface SessionRoster {
	students: Array<StudentPublicProfile & { status: 'confirmed' | 'waitlisted' }>;
	mentors: Array<{ displayName: string; organisation: string | null }>;
}

export async function sessionRoster(db: Database, sessionId: string, today = japanDate()): Promise<SessionRoster> {
	const rows = await db
		.select({
			userId: clubSessionParticipants.userId,
			role: clubSessionParticipants.role,
			status: clubSessionParticipants.status,
			displayName: users.displayName
		})
		.from(clubSessionParticipants)
		.innerJoin(users, eq(users.id, clubSessionParticipants.userId))
		.where(and(eq(clubSessionParticipants.sessionId, sessionId), ne(clubSessionParticipants.status, 'cancelled')))
		.orderBy(asc(clubSessionParticipants.queuedAt), asc(clubSessionParticipants.id));
	const studentRows = rows.filter((row) => row.role === 'student');
	const mentorRows = rows.filter((row) => row.role === 'mentor');
	const [profiles, organisations] = await Promise.all([
		studentPublicProfiles(
			db,
			studentRows.map((row) => row.userId),
			today
		),
		mentorOrganisations(
			db,
			mentorRows.map((row) => row.userId)
		)
	]);
	return {
		students: studentRows.flatMap((row) => {
			const profile = profiles[row.userId];
			return profile ? [{ nickname: profile.nickname, grade: profile.grade, status: row.status as 'confirmed' | 'waitlisted' }] : [];
		}),
		mentors: mentorRows.map((row) => ({ displayName: row.displayName, organisation: organisations[row.userId] ?? null }))
	};
}
