// Test data for contests: a coordinator's contest over fresh exercises, students with nicknames, and submits at
// chosen instants.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { recordSubmission } from '../exercises/testing';
import { createSumExercise } from '../judge/testing';
import { members } from '../membership/schema';
import { insertMember } from '../membership/testing';
import { createUser, type TestUser } from '../testing/factories';
import type { SubmissionVerdict } from '../../judge/verdicts';
import { createContest, type ContestInput } from './contests';

export const minute = 60_000;
export const hour = 60 * minute;

export type Person = TestUser & { roles: string[] };

export async function createCoordinator(db: Database): Promise<Person> {
	return { ...(await createUser(db, { roles: ['coordinator'] })), roles: ['coordinator'] };
}

/** A student with a membership: a real name only coordinators may see, and a nickname (none when null). */
export async function createContestant(db: Database, nickname: string | null = `ニック${randomUUID().slice(0, 4)}`): Promise<Person & { fullName: string }> {
	const user = await createUser(db, { roles: ['student'], displayName: `表示名 ${randomUUID().slice(0, 6)}` });
	const fullName = `本名 ${randomUUID().slice(0, 6)}`;
	const member = await insertMember(db, { userId: user.id, fullName, joinedOn: '2026-04-01' });
	await db.update(members).set({ nickname }).where(eq(members.id, member.id));
	return { ...user, roles: ['student'], fullName };
}

/** A contest over `problems` new exercises (their slugs are returned in order), starting at `startsAt`. */
export async function createTestContest(
	db: Database,
	options: Partial<Omit<ContestInput, 'problemSlugs'>> & { problems?: number; unpublished?: boolean } = {}
): Promise<{ id: string; slugs: string[]; exerciseIds: string[]; coordinator: Person }> {
	const coordinator = await createCoordinator(db);
	const exercises = [];
	for (let index = 0; index < (options.problems ?? 2); index++) {
		exercises.push(await createSumExercise(db, { overrides: { published: !options.unpublished, hintsJa: ['ヒント'], hintsEn: ['A hint'] } }));
	}
	const startsAt = options.startsAt ?? new Date(Date.now() - hour);
	const created = await createContest(db, coordinator, {
		title: 'JOI 一次予選 練習',
		description: '',
		startsAt,
		endsAt: options.endsAt ?? new Date(startsAt.getTime() + 2 * hour),
		windowMinutes: options.windowMinutes ?? null,
		beginner: options.beginner ?? true,
		penaltyMinutes: options.penaltyMinutes ?? 5,
		problemSlugs: exercises.map((exercise) => exercise.slug)
	});
	if (!created.ok) throw new Error(created.problem);
	return { id: created.id, slugs: exercises.map((exercise) => exercise.slug), exerciseIds: exercises.map((exercise) => exercise.id), coordinator };
}

/** A judged submit (or, with `verdict: null`, one still queued) at `at`. */
export function submitAt(db: Database, userId: string, exerciseId: string, at: Date, verdict: SubmissionVerdict | null = 'AC') {
	return recordSubmission(db, { userId, exerciseId, createdAt: at, verdict, status: verdict === null ? 'queued' : 'done' });
}
