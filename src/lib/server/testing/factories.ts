// Small factories for test data: every call makes a new, unique person.
import { randomBytes } from 'node:crypto';
import type { Database } from '../db';
import type { Role } from '../db/schema';
import * as auth from '../auth';

export const testPassword = 'correct horse battery staple';

export function uniqueEmail(prefix = 'user'): string {
	return `${prefix}-${randomBytes(5).toString('hex')}@example.jp`;
}

export interface TestUser {
	id: string;
	email: string;
	password: string;
	displayName: string;
}

export async function createUser(
	db: Database,
	options: { roles?: Role[]; email?: string; password?: string; displayName?: string; emailVerified?: boolean } = {}
): Promise<TestUser> {
	const email = options.email ?? uniqueEmail(options.roles?.[0] ?? 'user');
	const password = options.password ?? testPassword;
	const displayName = options.displayName ?? `テスト ${email.split('@')[0]}`;
	const { id } = await auth.createAccount(db, {
		email,
		password,
		displayName,
		roles: options.roles ?? [],
		emailVerified: options.emailVerified ?? true
	});
	return { id, email, password, displayName };
}
