// Turns a verified Supabase identity into a portal session. The Supabase user is linked to a portal account
// on first sign-in only through an email address Supabase has confirmed.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { userIdentities, users } from '../../db/schema';
import { findUserByEmail, findUserById } from '../accounts';
import { createSession, invalidateUserSessions } from '../session';
import { SupabaseTokenError, type SupabaseTokenVerifier } from './verify';

export interface SupabaseUser {
	id: string;
	email: string | undefined;
	emailConfirmed: boolean;
	name: string | undefined;
}

/** Asks Supabase Auth who the token belongs to; the source of truth for whether the email is confirmed. */
export function supabaseUserFetcher(supabaseUrl: string, anonKey: string) {
	return async (accessToken: string): Promise<SupabaseUser> => {
		const response = await fetch(`${supabaseUrl}/auth/v1/user`, {
			headers: { authorization: `Bearer ${accessToken}`, apikey: anonKey },
			signal: AbortSignal.timeout(5000)
		});
		if (!response.ok) throw new SupabaseTokenError(`user lookup failed: ${response.status}`);
		const body = (await response.json()) as {
			id?: string;
			email?: string;
			email_confirmed_at?: string | null;
			user_metadata?: { full_name?: unknown; name?: unknown };
		};
		if (!body.id) throw new SupabaseTokenError('user lookup returned no id');
		const name = body.user_metadata?.full_name ?? body.user_metadata?.name;
		return {
			id: body.id,
			email: body.email,
			emailConfirmed: Boolean(body.email_confirmed_at),
			name: typeof name === 'string' ? name : undefined
		};
	};
}

export type SupabaseSignInProblem = 'invalid_token' | 'email_not_confirmed' | 'account_disabled';

export class SupabaseSignInError extends Error {
	constructor(readonly problem: SupabaseSignInProblem) {
		super(problem);
	}
}

interface Dependencies {
	verify: SupabaseTokenVerifier;
	fetchUser: (accessToken: string) => Promise<SupabaseUser>;
}

export async function signInWithSupabase(db: Database, accessToken: string, dependencies: Dependencies) {
	let subject: string;
	try {
		subject = (await dependencies.verify(accessToken)).sub;
	} catch (error) {
		if (error instanceof SupabaseTokenError) throw new SupabaseSignInError('invalid_token');
		throw error;
	}
	const userId = (await linkedUserId(db, subject)) ?? (await linkOnFirstSignIn(db, accessToken, subject, dependencies));
	const user = await findUserById(db, userId);
	if (!user || user.disabledAt) throw new SupabaseSignInError('account_disabled');
	await db
		.update(userIdentities)
		.set({ lastSignInAt: new Date() })
		.where(and(eq(userIdentities.provider, 'supabase'), eq(userIdentities.subject, subject)));
	return createSession(db, userId);
}

async function linkedUserId(db: Database, subject: string): Promise<string | undefined> {
	const [link] = await db
		.select({ userId: userIdentities.userId })
		.from(userIdentities)
		.where(and(eq(userIdentities.provider, 'supabase'), eq(userIdentities.subject, subject)));
	return link?.userId;
}

async function linkOnFirstSignIn(db: Database, accessToken: string, subject: string, dependencies: Dependencies): Promise<string> {
	let supabaseUser: SupabaseUser;
	try {
		supabaseUser = await dependencies.fetchUser(accessToken);
	} catch (error) {
		if (error instanceof SupabaseTokenError) throw new SupabaseSignInError('invalid_token');
		throw error;
	}
	if (supabaseUser.id !== subject) throw new SupabaseSignInError('invalid_token');
	if (!supabaseUser.email || !supabaseUser.emailConfirmed) throw new SupabaseSignInError('email_not_confirmed');
	const email = supabaseUser.email;
	return db.transaction(async (tx) => {
		const existing = await findUserByEmail(tx, email);
		const userId =
			existing?.id ??
			(
				await tx
					.insert(users)
					.values({
						email,
						displayName: (supabaseUser.name ?? email.split('@')[0] ?? 'member').trim().slice(0, 40) || 'member',
						emailVerifiedAt: new Date()
					})
					.returning({ id: users.id })
			)[0]!.id;
		if (existing && !existing.emailVerifiedAt) {
			// Someone registered this address here without proving it: whoever that was loses the account's password
			// and sessions, so an account created in advance cannot be used to take over the real owner's sign-in.
			await tx.update(users).set({ emailVerifiedAt: new Date(), passwordHash: null }).where(eq(users.id, existing.id));
			await invalidateUserSessions(tx, existing.id);
		}
		await tx.insert(userIdentities).values({ provider: 'supabase', subject, userId, email }).onConflictDoNothing();
		return (await linkedUserId(tx, subject)) ?? userId;
	});
}
