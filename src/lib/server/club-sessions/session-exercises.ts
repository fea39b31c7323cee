// 今日の問題: the exercises a club session works on, in order. A coordinator or a mentor confirmed for the session
// chooses them (until the session ends); the students with a seat (or checked in) see them with their own progress
// from the session's Japan day on, on their home page that day and on the session page. Progress comes from
// exercise_progress (one row per person and exercise, kept by the database), never from a scan of submissions.
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, max, notInArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { exercises } from '../db/schema';
import { exerciseProgress } from '../exercises/schema';
import type { SubmissionVerdict } from '../../judge/verdicts';
import { isUuid } from '../ids';
import { japanDate, japanDateTime } from '../../japan-time';
import { lockSession, type SessionProblem } from './sessions';
import type { Participation } from './participation';
import { clubSessions, clubSessionParticipants, sessionExercises, type ClubSession } from './schema';
import { ok, refuse, type Outcome } from '../outcome';

/** More than a session can get through; the list stays readable on a phone. */
export const maxSessionExercises = 20;

export type SessionExercisesProblem =
	| SessionProblem
	| 'today_error_forbidden'
	| 'today_error_ended'
	| 'today_error_unknown_exercise'
	| 'today_error_already_added'
	| 'today_error_full'
	| 'today_error_not_added';

/** Who is asking: the signed-in person's id and roles. */
export interface Person {
	id: string;
	roles: readonly string[];
}

export interface SessionExercise {
	exerciseId: string;
	slug: string;
	title: { ja: string; en: string };
	difficulty: number;
	/** An exercise unpublished after it was chosen is listed to the staff only. */
	published: boolean;
}

/** solved: an accepted submit; attempted: something sent (a run or a submit), nothing accepted; new: nothing sent. */
export type ExerciseState = 'solved' | 'attempted' | 'new';

export interface ExerciseProgressRow {
	submissions: number;
	submits: number;
	solvedAt: Date | null;
	lastVerdict: SubmissionVerdict | null;
	lastSubmittedAt: Date | null;
}

export function exerciseState(progress: ExerciseProgressRow | undefined | null): ExerciseState {
	if (!progress) return 'new';
	if (progress.solvedAt) return 'solved';
	return progress.submissions > 0 ? 'attempted' : 'new';
}

export interface MyExercise extends Omit<SessionExercise, 'exerciseId' | 'published'> {
	state: ExerciseState;
	/** The verdict of the latest submit (null while judging or before any submit). */
	lastVerdict: SubmissionVerdict | null;
}

/**
 * The session's staff for its exercises and its room: every coordinator, and the mentors confirmed for this session
 * (a mentor who withdrew, or who helps at another session, is not).
 */
export async function isSessionStaff(db: Database, person: Person, sessionId: string): Promise<boolean> {
	if (person.roles.includes('coordinator')) return true;
	if (!person.roles.includes('mentor') || !isUuid(sessionId)) return false;
	const [row] = await db
		.select({ id: clubSessionParticipants.id })
		.from(clubSessionParticipants)
		.where(
			and(
				eq(clubSessionParticipants.sessionId, sessionId),
				eq(clubSessionParticipants.userId, person.id),
				eq(clubSessionParticipants.role, 'mentor'),
				eq(clubSessionParticipants.status, 'confirmed')
			)
		);
	return row !== undefined;
}

/** Students see the exercises from the session's Japan day on, with a seat or once checked in; never the waitlist. */
export function studentSeesExercises(participation: Participation | null, session: { startsAt: Date; cancelled: boolean }, now = new Date()): boolean {
	if (!participation || participation.role !== 'student' || session.cancelled) return false;
	if (participation.status !== 'confirmed' && !participation.checkedIn) return false;
	return japanDate(now) >= japanDate(session.startsAt);
}

const exerciseColumns = {
	exerciseId: exercises.id,
	slug: exercises.slug,
	titleJa: exercises.titleJa,
	titleEn: exercises.titleEn,
	difficulty: exercises.difficulty,
	published: exercises.published
};

type ExerciseColumns = { exerciseId: string; slug: string; titleJa: string; titleEn: string; difficulty: number; published: boolean };

const asSessionExercise = (row: ExerciseColumns): SessionExercise => ({
	exerciseId: row.exerciseId,
	slug: row.slug,
	title: { ja: row.titleJa, en: row.titleEn },
	difficulty: row.difficulty,
	published: row.published
});

/** The session's exercises in order, as the staff see them. */
export async function listSessionExercises(db: Database, sessionId: string): Promise<SessionExercise[]> {
	if (!isUuid(sessionId)) return [];
	const rows = await db
		.select(exerciseColumns)
		.from(sessionExercises)
		.innerJoin(exercises, eq(exercises.id, sessionExercises.exerciseId))
		.where(eq(sessionExercises.sessionId, sessionId))
		.orderBy(asc(sessionExercises.position));
	return rows.map(asSessionExercise);
}

/** The published exercises of these sessions with one student's progress on each, by session id. */
async function exercisesWithProgress(db: Database, sessionIds: string[], userId: string): Promise<Record<string, MyExercise[]>> {
	if (sessionIds.length === 0) return {};
	const rows = await db
		.select({
			sessionId: sessionExercises.sessionId,
			...exerciseColumns,
			submissions: exerciseProgress.submissions,
			submits: exerciseProgress.submits,
			solvedAt: exerciseProgress.solvedAt,
			lastVerdict: exerciseProgress.lastVerdict,
			lastSubmittedAt: exerciseProgress.lastSubmittedAt
		})
		.from(sessionExercises)
		.innerJoin(exercises, eq(exercises.id, sessionExercises.exerciseId))
		.leftJoin(exerciseProgress, and(eq(exerciseProgress.userId, userId), eq(exerciseProgress.exerciseId, sessionExercises.exerciseId)))
		.where(and(inArray(sessionExercises.sessionId, sessionIds), eq(exercises.published, true)))
		.orderBy(asc(sessionExercises.sessionId), asc(sessionExercises.position));
	const bySession: Record<string, MyExercise[]> = {};
	for (const row of rows) {
		const progress = row.submissions === null ? null : (row as ExerciseProgressRow);
		(bySession[row.sessionId] ??= []).push({
			slug: row.slug,
			title: { ja: row.titleJa, en: row.titleEn },
			difficulty: row.difficulty,
			state: exerciseState(progress),
			lastVerdict: progress?.lastVerdict ?? null
		});
	}
	return bySession;
}

/** The session's exercises with this student's progress (the caller decides whether they may see them). */
export async function myExercisesIn(db: Database, sessionId: string, userId: string): Promise<MyExercise[]> {
	if (!isUuid(sessionId)) return [];
	return (await exercisesWithProgress(db, [sessionId], userId))[sessionId] ?? [];
}

export interface TodaysSession {
	session: { id: string; title: string; startsAt: Date; endsAt: Date; venue: string | null };
	exercises: MyExercise[];
}

/** 今日の問題 on the student's home page: today's (Japan day) sessions they have a seat at or came to, with exercises. */
export async function todaysExercisesOf(db: Database, userId: string, now = new Date()): Promise<TodaysSession[]> {
	const dayStart = japanDateTime(japanDate(now), '00:00');
	const dayEnd = new Date(dayStart.getTime() + 24 * 60 * 60 * 1000);
	const sessions = await db
		.select({ id: clubSessions.id, title: clubSessions.title, startsAt: clubSessions.startsAt, endsAt: clubSessions.endsAt, venue: clubSessions.venue })
		.from(clubSessionParticipants)
		.innerJoin(clubSessions, eq(clubSessions.id, clubSessionParticipants.sessionId))
		.where(
			and(
				eq(clubSessionParticipants.userId, userId),
				eq(clubSessionParticipants.role, 'student'),
				or(eq(clubSessionParticipants.status, 'confirmed'), isNotNull(clubSessionParticipants.checkedInAt)),
				gte(clubSessions.startsAt, dayStart),
				lt(clubSessions.startsAt, dayEnd),
				isNull(clubSessions.cancelledAt)
			)
		)
		.orderBy(asc(clubSessions.startsAt));
	const exercisesBySession = await exercisesWithProgress(
		db,
		sessions.map((session) => session.id),
		userId
	);
	return sessions.flatMap((session) => (exercisesBySession[session.id]?.length ? [{ session, exercises: exercisesBySession[session.id]! }] : []));
}

/** `onTheDay`: the session is today (Japan time), 今日の問題 rather than この日の問題. */
export type SessionPageExercises =
	| { onTheDay: boolean; staff: true; editable: boolean; exercises: Array<Pick<SessionExercise, 'slug' | 'title' | 'published'>> }
	| { onTheDay: boolean; staff: false; exercises: MyExercise[] };

/**
 * 今日の問題 on the session page: the staff (isSessionStaff) always see the list, unpublished exercises marked; students
 * with a seat or checked in see it with their own progress from the session's day on; anyone else, nothing (null).
 */
export async function sessionPageExercises(
	db: Database,
	viewer: { userId: string; staff: boolean; participation: Participation | null },
	session: { id: string; startsAt: Date; endsAt: Date; cancelled: boolean },
	now = new Date()
): Promise<SessionPageExercises | null> {
	const onTheDay = japanDate(now) === japanDate(session.startsAt);
	if (viewer.staff) {
		const chosen = await listSessionExercises(db, session.id);
		return {
			onTheDay,
			staff: true,
			editable: !session.cancelled && session.endsAt > now,
			exercises: chosen.map(({ slug, title, published }) => ({ slug, title, published }))
		};
	}
	if (!studentSeesExercises(viewer.participation, session, now)) return null;
	const exercises = await myExercisesIn(db, session.id, viewer.userId);
	return exercises.length ? { onTheDay, staff: false, exercises } : null;
}

/** Runs `change` under the session's row lock, once the person is known to be its staff and the session still open. */
async function editExercises(
	db: Database,
	editor: Person,
	sessionId: string,
	now: Date,
	change: (tx: Database, session: ClubSession) => Promise<Outcome<SessionExercisesProblem>>
): Promise<Outcome<SessionExercisesProblem>> {
	return db.transaction(async (tx) => {
		const session = await lockSession(tx, sessionId);
		if (!session) return refuse('session_error_not_found');
		if (!(await isSessionStaff(tx, editor, sessionId))) return refuse('today_error_forbidden');
		if (session.cancelledAt) return refuse('session_error_cancelled');
		if (session.endsAt <= now) return refuse('today_error_ended');
		return change(tx, session);
	});
}

async function exerciseIdOf(db: Database, slug: string, options: { published: boolean }): Promise<string | undefined> {
	const [row] = await db
		.select({ id: exercises.id })
		.from(exercises)
		.where(and(eq(exercises.slug, slug), options.published ? eq(exercises.published, true) : undefined));
	return row?.id;
}

/** Adds a published exercise at the end of the list. */
export async function addSessionExercise(
	db: Database,
	editor: Person,
	sessionId: string,
	slug: string,
	now = new Date()
): Promise<Outcome<SessionExercisesProblem>> {
	return editExercises(db, editor, sessionId, now, async (tx) => {
		const exerciseId = await exerciseIdOf(tx, slug, { published: true });
		if (!exerciseId) return refuse('today_error_unknown_exercise');
		const [{ count, last, present } = { count: 0, last: null, present: false }] = await tx
			.select({
				count: sql<number>`count(*)::int`,
				last: max(sessionExercises.position),
				present: sql<boolean>`bool_or(${sessionExercises.exerciseId} = ${exerciseId})`
			})
			.from(sessionExercises)
			.where(eq(sessionExercises.sessionId, sessionId));
		if (present) return refuse('today_error_already_added');
		if (Number(count) >= maxSessionExercises) return refuse('today_error_full');
		await tx.insert(sessionExercises).values({ sessionId, exerciseId, position: last === null ? 0 : Number(last) + 1, addedBy: editor.id, addedAt: now });
		return ok;
	});
}

/** Takes an exercise off the list; the ones after it move up. */
export async function removeSessionExercise(
	db: Database,
	editor: Person,
	sessionId: string,
	slug: string,
	now = new Date()
): Promise<Outcome<SessionExercisesProblem>> {
	return editExercises(db, editor, sessionId, now, async (tx) => {
		const exerciseId = await exerciseIdOf(tx, slug, { published: false });
		if (!exerciseId) return refuse('today_error_not_added');
		const [removed] = await tx
			.delete(sessionExercises)
			.where(and(eq(sessionExercises.sessionId, sessionId), eq(sessionExercises.exerciseId, exerciseId)))
			.returning({ position: sessionExercises.position });
		if (!removed) return refuse('today_error_not_added');
		await tx
			.update(sessionExercises)
			.set({ position: sql`${sessionExercises.position} - 1` })
			.where(and(eq(sessionExercises.sessionId, sessionId), sql`${sessionExercises.position} > ${removed.position}`));
		return ok;
	});
}

/** Swaps an exercise with the one before (up) or after (down) it; at either end nothing moves. */
export async function moveSessionExercise(
	db: Database,
	editor: Person,
	sessionId: string,
	slug: string,
	direction: 'up' | 'down',
	now = new Date()
): Promise<Outcome<SessionExercisesProblem>> {
	return editExercises(db, editor, sessionId, now, async (tx) => {
		const list = await tx
			.select({ exerciseId: sessionExercises.exerciseId, position: sessionExercises.position, slug: exercises.slug })
			.from(sessionExercises)
			.innerJoin(exercises, eq(exercises.id, sessionExercises.exerciseId))
			.where(eq(sessionExercises.sessionId, sessionId))
			.orderBy(asc(sessionExercises.position));
		const index = list.findIndex((row) => row.slug === slug);
		if (index < 0) return refuse('today_error_not_added');
		const other = list[direction === 'up' ? index - 1 : index + 1];
		if (!other) return ok;
		const moved = list[index]!;
		const at = (exerciseId: string) => and(eq(sessionExercises.sessionId, sessionId), eq(sessionExercises.exerciseId, exerciseId));
		// The unique (session, position) is checked at commit, so the two rows may share a position in between.
		await tx.update(sessionExercises).set({ position: other.position }).where(at(moved.exerciseId));
		await tx.update(sessionExercises).set({ position: moved.position }).where(at(other.exerciseId));
		return ok;
	});
}

/** Published exercises not on the session's list yet, in curriculum order: what the staff may add. */
export async function addableExercises(
	db: Database,
	sessionId: string
): Promise<Array<Omit<SessionExercise, 'published' | 'exerciseId'> & { topics: string[] }>> {
	const chosen = db.select({ id: sessionExercises.exerciseId }).from(sessionExercises).where(eq(sessionExercises.sessionId, sessionId));
	const rows = await db
		.select({ ...exerciseColumns, topics: exercises.topics })
		.from(exercises)
		.where(and(eq(exercises.published, true), isUuid(sessionId) ? notInArray(exercises.id, chosen) : undefined))
		.orderBy(sql`${exercises.sortOrder} nulls last`, asc(exercises.slug));
	return rows.map((row) => ({ slug: row.slug, title: { ja: row.titleJa, en: row.titleEn }, difficulty: row.difficulty, topics: row.topics }));
}
