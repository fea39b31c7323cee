// Test data for reviews: a student member with a judged submission, and approved mentors.
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { importExercises, recordSubmission } from '../exercises/testing';
import { members } from '../membership/schema';
import { insertMember } from '../membership/testing';
import { createUser, type TestUser } from '../testing/factories';

export const reviewedExercise = 'hello-world';
export const testOrigin = 'https://portal.example.jp';

/** The exercise every review test uses, imported from the curriculum once per database. */
export async function reviewExerciseId(db: Database): Promise<string> {
	const ids = await importExercises(db, reviewedExercise);
	return ids[reviewedExercise]!;
}

/** A student with a membership record (nickname, real name, school) so that tests can check what mentors see. */
export async function createStudentMember(db: Database, nickname = 'かなざわ'): Promise<TestUser & { fullName: string }> {
	const user = await createUser(db, { roles: ['student'] });
	const fullName = `本名 ${crypto.randomUUID().slice(0, 6)}`;
	const member = await insertMember(db, { userId: user.id, fullName, joinedOn: '2026-04-01', grade: 'jh2' });
	await db.update(members).set({ nickname }).where(eq(members.id, member.id));
	return { ...user, fullName };
}

export const threeLines = 'name = input()\nprint("Hello")\nprint(name)\n';

export async function judgedSubmission(
	db: Database,
	studentId: string,
	exerciseId: string,
	options: { verdict?: 'AC' | 'WA'; source?: string; createdAt?: Date } = {}
) {
	return recordSubmission(db, {
		userId: studentId,
		exerciseId,
		verdict: options.verdict ?? 'WA',
		source: options.source ?? threeLines,
		createdAt: options.createdAt
	});
}

export const createMentor = (db: Database) => createUser(db, { roles: ['mentor'] });
