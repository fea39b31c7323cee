// Test data for sessions: a session some days ahead, and students and mentors to fill it.
import type { Database } from '../db';
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
