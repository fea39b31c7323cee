// Development demo data for certificates: last school year (April to March) of the demo student and mentor, so that
// `npm run dev` shows a completed track with its certificate issued, a school year ready to certify, and a mentor's
// record with sessions, hours and an activity certificate. Dates are relative to today's school year.
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises, users } from '../db/schema';
import { clubSessionParticipants, clubSessions } from '../club-sessions/schema';
import { submissions } from '../judge/schema';
import { japanDate, japanDateTime, schoolYearOf } from '../../japan-time';
import { issueMentorCertificate, issueStudentCertificate } from './certificates';
import { trackById } from './tracks';

/** The track the demo student completed last year (not the one the review demo asks about, which stays open). */
const demoTrack = 'data';

export async function seedDemoCertificates(
	db: Database,
	options: { studentEmail: string; mentorEmail: string; coordinatorEmail: string; now?: Date }
): Promise<void> {
	const now = options.now ?? new Date();
	const lastYear = schoolYearOf(japanDate(now)) - 1;
	const people = await db
		.select({ id: users.id, email: users.email })
		.from(users)
		.where(inArray(users.email, [options.studentEmail, options.mentorEmail, options.coordinatorEmail]));
	const idOf = (email: string) => people.find((person) => person.email === email)?.id;
	const student = idOf(options.studentEmail);
	const mentor = idOf(options.mentorEmail);
	if (!student || !mentor) return;

	// Five Saturdays of last school year, 13:00–16:00 in Japan, attended by both.
	const dates = [`${lastYear}-06-14`, `${lastYear}-09-13`, `${lastYear}-11-08`, `${lastYear + 1}-01-17`, `${lastYear + 1}-03-14`];
	const sessions = await db
		.insert(clubSessions)
		.values(
			dates.map((date) => ({
				title: '金沢IT部活 活動日',
				startsAt: japanDateTime(date, '13:00'),
				endsAt: japanDateTime(date, '16:00'),
				venue: '金沢未来のまち創造館',
				capacity: 20,
				mentorsNeeded: 3,
				createdBy: idOf(options.coordinatorEmail) ?? null
			}))
		)
		.returning({ id: clubSessions.id, startsAt: clubSessions.startsAt });
	for (const session of sessions) {
		for (const [userId, role] of [
			[student, 'student'],
			[mentor, 'mentor']
		] as const) {
			await db.insert(clubSessionParticipants).values({
				sessionId: session.id,
				userId,
				role,
				status: 'confirmed',
				confirmedAt: session.startsAt,
				checkedInAt: session.startsAt
			});
		}
	}

	// Every exercise of the track solved at those sessions (a content folder without them gets no certificate).
	const topics = [...(trackById(demoTrack)?.topics ?? [])];
	const trackExercises = await db
		.select({ id: exercises.id, topics: exercises.topics, solution: exercises.solution })
		.from(exercises)
		.where(eq(exercises.published, true));
	const inTrack = trackExercises.filter((exercise) => topics.includes(exercise.topics[0] as (typeof topics)[number]));
	if (inTrack.length === 0) return;
	await db.insert(submissions).values(
		inTrack.map((exercise, index) => {
			const at = new Date(sessions[index % sessions.length]!.startsAt.getTime() + (30 + index * 7) * 60_000);
			return {
				userId: student,
				exerciseId: exercise.id,
				language: 'python' as const,
				source: exercise.solution.python ?? 'print()\n',
				mode: 'submit' as const,
				status: 'done' as const,
				verdict: 'AC' as const,
				createdAt: at,
				finishedAt: at
			};
		})
	);
	await issueStudentCertificate(db, student, { kind: 'track', subject: demoTrack, nameChoice: 'nickname' }, now);
	await issueMentorCertificate(db, mentor, lastYear, now);
}
