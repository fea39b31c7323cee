// The room during a club session, as its mentors and the coordinators see it: every student with a seat or checked in
// (nickname and grade only, mentoring/profiles.ts), their state on each of the session's exercises (solved, attempted
// with the latest verdict, or not started, from exercise_progress), who seems stuck, and their calls for help still
// waiting for a mentor (reviews). The page asks again every few seconds (the room endpoint answers 304 while nothing
// changed); each answer is a handful of index lookups, whatever the length of anyone's history.
import { and, asc, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { exerciseProgress } from '../exercises/schema';
import type { SubmissionVerdict } from '../../judge/verdicts';
import { japanDate } from '../../japan-time';
import { studentPublicProfiles, type StudentPublicProfile } from '../mentoring';
import * as reviews from '../reviews';
import { getSession } from './sessions';
import { exerciseState, isSessionStaff, listSessionExercises, type ExerciseProgressRow, type ExerciseState, type Person } from './session-exercises';
import { clubSessionParticipants } from './schema';
import { refuse, type Outcome } from '../outcome';

/**
 * A student seems stuck on an exercise when it is unsolved and their latest submit, sent during the session (from
 * `earlyMinutes` before it starts), failed, and either it was at least their `failedSubmits`-th submit of it (every
 * one failed, since none was accepted) or `quietMinutes` have passed since without another. A submit still being
 * judged, or one the judge itself could not finish (IE), says nothing about the student.
 */
export const stuckRule = { failedSubmits: 3, quietMinutes: 15, earlyMinutes: 30 } as const;

export function isStuck(progress: ExerciseProgressRow | undefined, sessionStartsAt: Date, now: Date): boolean {
	if (!progress || progress.solvedAt || !progress.lastSubmittedAt) return false;
	if (progress.lastSubmittedAt.getTime() < sessionStartsAt.getTime() - stuckRule.earlyMinutes * 60_000) return false;
	if (progress.lastVerdict === null || progress.lastVerdict === 'AC' || progress.lastVerdict === 'IE') return false;
	return progress.submits >= stuckRule.failedSubmits || now.getTime() - progress.lastSubmittedAt.getTime() >= stuckRule.quietMinutes * 60_000;
}

export interface RoomCell {
	slug: string;
	state: ExerciseState;
	lastVerdict: SubmissionVerdict | null;
	submits: number;
	/** ISO time of the latest submit. */
	lastSubmittedAt: string | null;
	stuck: boolean;
}

export interface RoomStudent extends StudentPublicProfile {
	/** The participation's number: a stable key for the page, nothing about the person. */
	key: number;
	checkedIn: boolean;
	stuck: boolean;
	cells: RoomCell[];
	help: Array<{ id: string; exercise: { slug: string; title: { ja: string; en: string } }; status: 'waiting' | 'claimed'; waitingSince: string }>;
}

/** Plain JSON (times as ISO strings): the page renders it first, then the room endpoint sends it again as it changes. */
export interface Room {
	session: { id: string; title: string; startsAt: string; endsAt: string; cancelled: boolean };
	exercises: Array<{ slug: string; title: { ja: string; en: string } }>;
	students: RoomStudent[];
}

export type RoomProblem = 'session_error_not_found' | 'today_error_forbidden';

const collator = new Intl.Collator('ja');

/** The room for the session's staff (isSessionStaff); anyone else is refused and gets nothing of it. */
export async function sessionRoom(db: Database, viewer: Person, sessionId: string, now = new Date()): Promise<Outcome<RoomProblem, { room: Room }>> {
	const session = await getSession(db, sessionId);
	if (!session) return refuse('session_error_not_found');
	if (!(await isSessionStaff(db, viewer, session.id))) return refuse('today_error_forbidden');
	const exercises = await listSessionExercises(db, session.id);
	const exerciseIds = exercises.map((exercise) => exercise.exerciseId);
	const rows = await db
		.select({
			key: clubSessionParticipants.id,
			userId: clubSessionParticipants.userId,
			checkedInAt: clubSessionParticipants.checkedInAt,
			exerciseId: exerciseProgress.exerciseId,
			submissions: exerciseProgress.submissions,
			submits: exerciseProgress.submits,
			solvedAt: exerciseProgress.solvedAt,
			lastVerdict: exerciseProgress.lastVerdict,
			lastSubmittedAt: exerciseProgress.lastSubmittedAt
		})
		.from(clubSessionParticipants)
		.leftJoin(
			exerciseProgress,
			and(eq(exerciseProgress.userId, clubSessionParticipants.userId), exerciseIds.length ? inArray(exerciseProgress.exerciseId, exerciseIds) : sql`false`)
		)
		.where(
			and(
				eq(clubSessionParticipants.sessionId, session.id),
				eq(clubSessionParticipants.role, 'student'),
				or(eq(clubSessionParticipants.status, 'confirmed'), isNotNull(clubSessionParticipants.checkedInAt))
			)
		)
		.orderBy(asc(clubSessionParticipants.id));
	const people = new Map<string, { key: number; checkedIn: boolean; progress: Map<string, ExerciseProgressRow> }>();
	for (const row of rows) {
		const person = people.get(row.userId) ?? { key: row.key, checkedIn: row.checkedInAt !== null, progress: new Map() };
		people.set(row.userId, person);
		if (row.exerciseId !== null) person.progress.set(row.exerciseId, row as ExerciseProgressRow);
	}
	const userIds = [...people.keys()];
	const [profiles, help] = await Promise.all([studentPublicProfiles(db, userIds, japanDate(now)), reviews.openHelpRequestsOf(db, userIds)]);
	const students: RoomStudent[] = userIds.flatMap((userId) => {
		const person = people.get(userId)!;
		const profile = profiles[userId];
		if (!profile) return [];
		const cells = exercises.map((exercise): RoomCell => {
			const progress = person.progress.get(exercise.exerciseId);
			return {
				slug: exercise.slug,
				state: exerciseState(progress),
				lastVerdict: progress?.lastVerdict ?? null,
				submits: progress?.submits ?? 0,
				lastSubmittedAt: progress?.lastSubmittedAt?.toISOString() ?? null,
				stuck: isStuck(progress, session.startsAt, now)
			};
		});
		return [
			{
				key: person.key,
				nickname: profile.nickname,
				grade: profile.grade,
				checkedIn: person.checkedIn,
				stuck: cells.some((cell) => cell.stuck),
				cells,
				help: help
					.filter((request) => request.studentId === userId)
					.map(({ id, exercise, status, waitingSince }) => ({ id, exercise, status, waitingSince: waitingSince.toISOString() }))
			}
		];
	});
	students.sort((a, b) => Number(b.checkedIn) - Number(a.checkedIn) || collator.compare(a.nickname, b.nickname) || a.key - b.key);
	return {
		ok: true,
		room: {
			session: {
				id: session.id,
				title: session.title,
				startsAt: session.startsAt.toISOString(),
				endsAt: session.endsAt.toISOString(),
				cancelled: session.cancelled
			},
			exercises: exercises.map(({ slug, title }) => ({ slug, title })),
			students
		}
	};
}
