import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { roles as allRoles, userRoles, users, type Locale, type Role } from '../db/schema';
import { checkPasswordPolicy, hashPassword, verifyPassword, type PasswordProblem } from './password';
import { invalidateUserSessions } from './session';
import { ok, refuse, Refused, type Outcome } from '../outcome';

export type AccountProblem = 'email_taken' | PasswordProblem | 'current_password_wrong';

/**
 * Thrown by createAccount, whose callers make accounts from input they trust (the admin CLI, the demo data, tests);
 * registration turns it back into a refusal (outcome.ts).
 */
export class AccountError extends Refused<AccountProblem> {}

export interface NewAccount {
	email: string;
	password: string;
	displayName: string;
	locale?: Locale;
	roles?: Role[];
	emailVerified?: boolean;
}

export function normalizeEmail(email: string): string {
	return email.trim();
}

export async function findUserByEmail(db: Database, email: string) {
	const [user] = await db
		.select()
		.from(users)
		.where(sql`lower(${users.email}) = lower(${normalizeEmail(email)})`);
	return user;
}

export async function findUserById(db: Database, id: string) {
	const [user] = await db.select().from(users).where(eq(users.id, id));
	return user;
}

export async function createAccount(db: Database, account: NewAccount): Promise<{ id: string }> {
	const problem = checkPasswordPolicy(account.password, { email: account.email });
	if (problem) throw new AccountError(problem);
	const passwordHash = await hashPassword(account.password);
	return db.transaction(async (tx) => {
		const [created] = await tx
			.insert(users)
			.values({
				email: normalizeEmail(account.email),
				passwordHash,
				displayName: account.displayName.trim(),
				locale: account.locale ?? 'ja',
				emailVerifiedAt: account.emailVerified ? new Date() : null
			})
			.onConflictDoNothing()
			.returning({ id: users.id });
		if (!created) throw new AccountError('email_taken');
		if (account.roles?.length) {
			await tx.insert(userRoles).values(account.roles.map((role) => ({ userId: created.id, role })));
		}
		return created;
	});
}

export async function updateProfile(db: Database, userId: string, profile: { displayName: string; locale: Locale }) {
	await db.update(users).set({ displayName: profile.displayName.trim(), locale: profile.locale, updatedAt: new Date() }).where(eq(users.id, userId));
}

export async function setLocale(db: Database, userId: string, locale: Locale) {
	await db.update(users).set({ locale, updatedAt: new Date() }).where(eq(users.id, userId));
}

/** Changing the password ends every other session of the account. */
export async function changePassword(
	db: Database,
	userId: string,
	change: { currentPassword: string; newPassword: string; keepSessionId: string }
): Promise<Outcome<AccountProblem>> {
	const user = await findUserById(db, userId);
	if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, change.currentPassword))) return refuse('current_password_wrong');
	return setPassword(db, userId, change.newPassword, { email: user.email, keepSessionId: change.keepSessionId });
}

export async function setPassword(
	db: Database,
	userId: string,
	password: string,
	options: { email?: string; keepSessionId?: string } = {}
): Promise<Outcome<PasswordProblem>> {
	const problem = checkPasswordPolicy(password, { email: options.email });
	if (problem) return refuse(problem);
	const passwordHash = await hashPassword(password);
	await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
	await invalidateUserSessions(db, userId, options.keepSessionId);
	return ok;
}

export async function markEmailVerified(db: Database, userId: string, email: string): Promise<boolean> {
	const updated = await db
		.update(users)
		.set({ emailVerifiedAt: new Date(), updatedAt: new Date() })
		.where(and(eq(users.id, userId), sql`lower(${users.email}) = lower(${email})`, isNull(users.emailVerifiedAt)))
		.returning({ id: users.id });
	return updated.length > 0;
}

export async function setDisabled(db: Database, userId: string, disabled: boolean): Promise<void> {
	await db
		.update(users)
		.set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
		.where(eq(users.id, userId));
	if (disabled) await invalidateUserSessions(db, userId);
}

export async function grantRole(db: Database, userId: string, role: Role): Promise<void> {
	await db.insert(userRoles).values({ userId, role }).onConflictDoNothing();
}

export async function revokeRole(db: Database, userId: string, role: Role): Promise<void> {
	await db.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
}

export async function countUsers(db: Database): Promise<number> {
	const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(users);
	return row?.total ?? 0;
}

export interface AccountSummary {
	id: string;
	email: string;
	displayName: string;
	roles: Role[];
	emailVerified: boolean;
	disabled: boolean;
	createdAt: Date;
}

/** Accounts for the coordinators' account list, optionally filtered by a search over name and email. */
export async function listAccounts(db: Database, options: { search?: string; limit?: number } = {}): Promise<AccountSummary[]> {
	const pattern = options.search ? `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
	const rows = await db
		.select({
			id: users.id,
			email: users.email,
			displayName: users.displayName,
			emailVerifiedAt: users.emailVerifiedAt,
			disabledAt: users.disabledAt,
			createdAt: users.createdAt,
			roles: sql<Role[]>`coalesce(array_agg(${userRoles.role} order by ${userRoles.role}) filter (where ${userRoles.role} is not null), '{}')`
		})
		.from(users)
		.leftJoin(userRoles, eq(userRoles.userId, users.id))
		.where(pattern ? or(ilike(users.displayName, pattern), ilike(users.email, pattern)) : undefined)
		.groupBy(users.id)
		.orderBy(asc(users.createdAt))
		.limit(options.limit ?? 200);
	return rows.map((row) => ({
		id: row.id,
		email: row.email,
		displayName: row.displayName,
		roles: row.roles.filter((role): role is Role => (allRoles as readonly string[]).includes(role)),
		emailVerified: row.emailVerifiedAt !== null,
		disabled: row.disabledAt !== null,
		createdAt: row.createdAt
	}));
}
