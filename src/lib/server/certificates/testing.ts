// Test data for certificates: exercises of a track, solved at a given time; mentors of a partner organisation who
// attended past sessions and posted reviews.
import type { Database } from '../db';
import { exercises } from '../db/schema';
import { clubSessionParticipants } from '../club-sessions/schema';
import { createTestSession } from '../club-sessions/testing';
import { recordSubmission } from '../exercises/testing';
import { mentors } from '../mentoring/schema';
import { createPartner } from '../mentoring/testing';
import { claimReview, postReview, requestReview } from '../reviews';
import { createStudentMember, judgedSubmission } from '../reviews/testing';
import { createUser } from '../testing/factories';

export const testOrigin = 'https://portal.example.jp';
const hour = 60 * 60 * 1000;

/** `count` published exercises whose main topic is `topic` (and, with `unpublished`, one more that is not published). */
export async function createTopicExercises(db: Database, topic: string, count: number, options: { unpublished?: boolean } = {}): Promise<string[]> {
	const rows = await db
		.insert(exercises)
		.values(
			Array.from({ length: count + (options.unpublished ? 1 : 0) }, (_, index) => {
				const slug = `cert-${topic}-${crypto.randomUUID().slice(0, 8)}`;
				return {
					slug,
					titleJa: `演習 ${slug}`,
					titleEn: `Exercise ${slug}`,
					statementJa: '入力をそのまま出力しましょう。',
					statementEn: 'Print the input.',
					languages: ['python' as const],
					topics: [topic, 'io'],
					published: index < count
				};
			})
		)
		.returning({ id: exercises.id, published: exercises.published });
	return rows.filter((row) => row.published).map((row) => row.id);
}

/** An accepted submit, which the progress triggers count as solving the exercise at `at`. */
export function solve(db: Database, userId: string, exerciseId: string, at = new Date()): Promise<string> {
	return recordSubmission(db, { userId, exerciseId, verdict: 'AC', mode: 'submit', createdAt: at });
}

export { createStudentMember };

/** An approved mentor of a new partner organisation (or of `organisationId`). */
export async function createOrganisationMentor(db: Database, organisationId?: string) {
	const organisation = organisationId ?? (await createPartner(db));
	const user = await createUser(db, { roles: ['mentor'] });
	await db.insert(mentors).values({ userId: user.id, organisationId: organisation, affiliation: 'university_student' });
	return { ...user, organisationId: organisation };
}

/** A session of `hours` hours that started at `startsAt`, which these people attended (checked in). */
export async function attendedSession(
	db: Database,
	startsAt: Date,
	hours: number,
	attendees: Array<{ userId: string; role: 'student' | 'mentor' }>
): Promise<string> {
	const sessionId = await createTestSession(db, { startsAt, endsAt: new Date(startsAt.getTime() + hours * hour), capacity: 40 }, startsAt);
	await db
		.insert(clubSessionParticipants)
		.values(attendees.map(({ userId, role }) => ({ sessionId, userId, role, status: 'confirmed' as const, confirmedAt: startsAt, checkedInAt: startsAt })));
	return sessionId;
}

/** A review posted by `mentorId` at `at`, on a new student's submission of `exerciseId`. */
export async function postedReview(db: Database, mentorId: string, exerciseId: string, at = new Date()): Promise<{ studentId: string; requestId: string }> {
	const student = await createStudentMember(db);
	const submissionId = await judgedSubmission(db, student.id, exerciseId, { createdAt: new Date(at.getTime() - hour) });
	const asked = await requestReview(
		db,
		student.id,
		{ submissionId, kind: 'review', question: undefined },
		{ origin: testOrigin, now: new Date(at.getTime() - hour) }
	);
	if (!asked.ok) throw new Error(asked.problem);
	const claimed = await claimReview(db, mentorId, asked.id, new Date(at.getTime() - hour / 2));
	if (!claimed.ok) throw new Error(claimed.problem);
	const posted = await postReview(db, mentorId, asked.id, { body: 'よく書けています。', outcome: 'approved' }, { origin: testOrigin, now: at });
	if (!posted.ok) throw new Error(posted.problem);
	return { studentId: student.id, requestId: asked.id };
}
