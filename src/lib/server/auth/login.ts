import type { Database } from '../db';
import * as rateLimit from '../ratelimit';
import { localIdentity, type PasswordIdentitySource } from './identity';
import { createSession } from './session';

// Failed attempts allowed per 15 minutes: a few per account (guessing one person's password),
// more per IP address (a school shares one address behind its router).
export const loginWindows = {
	account: { limit: 5, windowMs: 15 * 60 * 1000 },
	ip: { limit: 30, windowMs: 15 * 60 * 1000 }
} as const;

export type LoginResult =
	| { ok: true; token: string; session: Awaited<ReturnType<typeof createSession>>['session'] }
	| { ok: false; reason: 'invalid_credentials' | 'throttled' };

const accountBucket = (email: string) => `login:account:${email.trim().toLowerCase()}`;
const ipBucket = (ip: string) => `login:ip:${ip}`;

/** Unknown email and wrong password give the same answer, so the form reveals nobody's account. */
export async function logIn(
	db: Database,
	attempt: { email: string; password: string; ip: string },
	identity: PasswordIdentitySource = localIdentity
): Promise<LoginResult> {
	if (
		(await rateLimit.isLimited(db, accountBucket(attempt.email), loginWindows.account)) ||
		(await rateLimit.isLimited(db, ipBucket(attempt.ip), loginWindows.ip))
	) {
		return { ok: false, reason: 'throttled' };
	}
	const userId = await identity.verifyPassword(db, attempt.email, attempt.password);
	if (!userId) {
		await rateLimit.recordHit(db, accountBucket(attempt.email));
		await rateLimit.recordHit(db, ipBucket(attempt.ip));
		return { ok: false, reason: 'invalid_credentials' };
	}
	await rateLimit.clearHits(db, accountBucket(attempt.email));
	const { token, session } = await createSession(db, userId);
	return { ok: true, token, session };
}
