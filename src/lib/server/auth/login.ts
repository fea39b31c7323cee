import type { Database } from '../db';
import * as rateLimit from '../ratelimit';
import { localIdentity, type PasswordIdentitySource } from './identity';
import { createSession } from './session';
import { refuse, type Outcome } from '../outcome';

const fifteenMinutes = 15 * 60 * 1000;

// Attempts allowed per 15 minutes. Guessing one person's password from one address stops after a few; a stranger's
// failures never lock the owner out from another address, unless they come from so many addresses that the
// account-wide limit (far above anyone's typing mistakes) is reached. Per address there are more, since a school
// shares one address behind its router.
export type LoginWindows = Record<'accountFromAddress' | 'account' | 'ip', rateLimit.Window>;

export const loginWindows: LoginWindows = {
	accountFromAddress: { limit: 5, windowMs: fifteenMinutes },
	account: { limit: 50, windowMs: fifteenMinutes },
	ip: { limit: 30, windowMs: fifteenMinutes }
};

export type LoginResult = Outcome<'invalid_credentials' | 'throttled', { token: string; session: Awaited<ReturnType<typeof createSession>>['session'] }>;

const accountKey = (email: string) => email.trim().toLowerCase();

function loginLimits(attempt: { email: string; ip: string }, windows: LoginWindows) {
	return {
		accountFromAddress: { bucket: rateLimit.bucketFor('login:account-ip', accountKey(attempt.email), attempt.ip), window: windows.accountFromAddress },
		account: { bucket: rateLimit.bucketFor('login:account', accountKey(attempt.email)), window: windows.account },
		ip: { bucket: rateLimit.bucketFor('login:ip', attempt.ip), window: windows.ip }
	};
}

/**
 * Unknown email and wrong password give the same answer, so the form reveals nobody's account. The attempt is
 * counted before anything else happens, so one that fails in any way (even with an error) still counts.
 */
export async function logIn(
	db: Database,
	attempt: { email: string; password: string; ip: string },
	options: { identity?: PasswordIdentitySource; windows?: LoginWindows } = {}
): Promise<LoginResult> {
	const identity = options.identity ?? localIdentity;
	const limits = loginLimits(attempt, options.windows ?? loginWindows);
	const hits = await rateLimit.consumeAll(db, [limits.accountFromAddress, limits.account, limits.ip]);
	if (!hits) return refuse('throttled');
	const userId = await identity.verifyPassword(db, attempt.email, attempt.password);
	if (!userId) return refuse('invalid_credentials');
	// Only failures count: this attempt is taken back, with the earlier failures from this address.
	await rateLimit.forgetHits(db, hits);
	await rateLimit.clearHits(db, limits.accountFromAddress.bucket);
	const { token, session } = await createSession(db, userId);
	return { ok: true, token, session };
}
