// Test data for sessions: a session some days ahead, students and mentors to fill it, and exercises to work on.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db';
import { exercises } from '../db/schema';
import { createUser, type TestUser } from '../testing/factories';
import { createSession, type SessionInput } from './sessions';

export const testOrigin = 'https://portal.example.jp';
export const day = 24 * 60 * 60 * 1000;

export async function createTestSession(db: Database, overrides: Partial<SessionInput> = {}, now = new Date()): Promise<string> {
	const coordinator = await createUser(db, { roles: ['coordinator'] });
	const startsAt = overrides.startsAt ?? new Date(now.getTime() + 7 * day);
	return createSession(
		db,
		{ id: coordinator.id, displayName: coordinator.displayName },
		{
			title: '金沢IT部活 活動日',
			startsAt,
			endsAt: overrides.endsAt ?? new Date(startsAt.getTime() + 3 * 60 * 60 * 1000),
			venue: '金沢未来のまち創造館',
			onlineUrl: null,
			capacity: 2,
			mentorsNeeded: 1,
			notes: null,
			...overrides
		}
	);
}

export function createStudents(db: Database, count: number): Promise<TestUser[]> {
	return Promise.all(Array.from({ length: count }, () => createUser(db, { roles: ['student'] })));
}

/** Published exercises with unique slugs (no cases: nothing judges them), in the order given. */
export async function createExercises(db: Database, count: number, options: { published?: boolean } = {}): Promise<string[]> {
	const prefix = `today-${randomBytes(4).toString('hex')}`;
	const rows = await db
		.insert(exercises)
		.values(
			Array.from({ length: count }, (_, index) => ({
				slug: `${prefix}-${index + 1}`,
				titleJa: `問題 ${index + 1}`,
				titleEn: `Exercise ${index + 1}`,
				statementJa: '入力をそのまま出力してください。',
				statementEn: 'Print the input.',
				languages: ['python' as const],
				published: options.published ?? true
			}))
		)
		.returning({ slug: exercises.slug });
	return rows.map((row) => row.slug).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
