// Sessions after the Lucia guide: the token is `<id>.<secret>`; only SHA-256 of the secret is stored.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { sessions, userRoles, users, type Locale, type Role } from '../db/schema';
import { generateSecret, hashSecret, secretMatches, secretPattern } from './token';

const day = 24 * 60 * 60 * 1000;
/** Idle expiry: a session unused for this long ends. */
export const sessionIdleMs = 30 * day;
/** Renewed on use once less than this is left, so an active person stays signed in... */
const renewWhenLeftMs = 15 * day;
/** ...but never longer than this after signing in. */
export const sessionAbsoluteMs = 90 * day;

export interface SessionUser {
	id: string;
	email: string;
	displayName: string;
	locale: Locale;
	emailVerified: boolean;
	roles: Role[];
}

export interface Session {
	id: string;
	userId: string;
	createdAt: Date;
	expiresAt: Date;
}

export interface ValidatedSession {
	session: Session;
	user: SessionUser;
}

export async function createSession(db: Database, userId: string, now = new Date()): Promise<{ token: string; session: Session }> {
	const id = generateSecret();
	const secret = generateSecret();
	const session: Session = { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + sessionIdleMs) };
	await db.insert(sessions).values({ ...session, secretHash: hashSecret(secret) });
	return { token: `${id}.${secret}`, session };
}

/** Any malformed token is simply "no session": it never reaches the database. */
function parseToken(token: string): { id: string; secret: string } | null {
	if (token.length !== 49) return null;
	const [id, secret, ...rest] = token.split('.');
	if (rest.length > 0 || !id || !secret || !secretPattern.test(id) || !secretPattern.test(secret)) return null;
	return { id, secret };
}

export async function validateSessionToken(db: Database, token: string, now = new Date()): Promise<ValidatedSession | null> {
	const parsed = parseToken(token);
	if (!parsed) return null;
	// The session, its person and their roles in one round trip: every signed-in request starts here.
	const [row] = await db
		.select({
			session: sessions,
			user: users,
			roles: sql<Role[]>`array(select ${userRoles.role}::text from ${userRoles} where ${userRoles.userId} = ${users.id} order by 1)`
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		.where(eq(sessions.id, parsed.id));
	if (!row || !secretMatches(parsed.secret, row.session.secretHash)) return null;
	const { session, user } = row;
	// A disabled account loses every session on its very next request.
	if (user.disabledAt) {
		await invalidateUserSessions(db, user.id);
		return null;
	}
	const absoluteEnd = session.createdAt.getTime() + sessionAbsoluteMs;
	if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= absoluteEnd) {
		await invalidateSession(db, session.id);
		return null;
	}
	let expiresAt = session.expiresAt;
	if (expiresAt.getTime() - now.getTime() < renewWhenLeftMs) {
		expiresAt = new Date(Math.min(now.getTime() + sessionIdleMs, absoluteEnd));
		await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, session.id));
	}
	return {
		session: { id: session.id, userId: session.userId, createdAt: session.createdAt, expiresAt },
		user: {
			id: user.id,
			email: user.email,
			displayName: user.displayName,
			locale: user.locale,
			emailVerified: user.emailVerifiedAt !== null,
			roles: [...row.roles].sort()
		}
	};
}

export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function invalidateUserSessions(db: Database, userId: string, exceptSessionId?: string): Promise<void> {
	await db.delete(sessions).where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId));
}
